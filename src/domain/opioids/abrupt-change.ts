/**
 * Flags a plan step or order that stops or cuts a physically dependent person's opioid faster than the
 * reference bounds; such a change needs a documented life-threatening reason. Flagged, never forbidden.
 *
 * Source: reference 2.1–2.3 — CDC 2022 Rec 5 and HHS 2019 [V]: no abrupt stop or rapid reduction without a
 * life-threatening issue (e.g. warning signs of impending overdose); FDA 9 Apr 2019 [V]: harm from sudden
 * stops or rapid cuts in physically dependent patients. No official numeric definition of "rapid" exists
 * (2.3). The bounds used, most permissive first, per duration of use (taper-pace.ts):
 * - the reference pace for that duration (CDC 2022 Rec 5 [V] / Rec 6 [S]);
 * - FDA label wording: decrements of no more than 10–25 % of the total daily dose every 2–4 weeks [S];
 *   the fast end (settings abruptMaxCutPercent = 25, abruptCutIntervalDays = 14) is the outer bound;
 * - CDC 2022 Rec 5 [V]: opioids can be stopped once taken less often than once a day.
 * A change is within bounds when ANY of these allows it (so no reference-consistent taper is flagged).
 *
 * Assumptions (ours, where the reference is silent):
 * - A cut is judged against the dose before it and the days since that dose began, with credit for at most
 *   one interval of each bound (a long hold does not earn a large sudden cut).
 * - The smallest change the available strengths allow (`smallestStepMgPerDay`, one step of whole tablets,
 *   or halving the smallest tablet's frequency) is within bounds after one interval of the reference pace:
 *   there is no smaller step to take.
 * - Physical dependence is assumed after more than 3 days of use unless the clinician records otherwise;
 *   use of 3 days or less is never flagged (the reference describes tapers only beyond 3 days).
 * - Doses are mg/day of one ingredient or MME/day, the same unit before and after.
 */
import type { Issue } from '../issues';
import { daysBetween, isCalendarDate } from './dates';
import { DEFAULT_OPIOID_SETTINGS, describeSetting, type OpioidSettings } from './settings';
import { SOURCES } from './sources';
import { REFERENCE_PACES, intervalDays, useDurationCategory, type UseDuration } from './taper-pace';
import type { SourceRef } from './types';

export interface DosePoint {
  /** mg/day of one ingredient, or MME/day (the same unit on both sides). */
  perDay: number;
  /** YYYY-MM-DD: for `before`, the day that dose began; for `after`, the day the change takes effect. */
  on: string;
  /** Below 1 = taken less often than once a day (e.g. every other day = 0.5). */
  administrationsPerDay?: number;
}

export interface AbruptChangeContext {
  /** How long opioids had been taken when the taper (or this change) began. */
  durationOfUse: { days: number };
  /** The dose the taper started from; default: `before`. */
  originalPerDay?: number;
  smallestStepMgPerDay?: number;
  physicallyDependent?: boolean;
  lifeThreateningReason?: string;
  settings?: OpioidSettings;
}

export interface AbruptBound {
  id: string;
  label: string;
  /** The largest cut (same unit as the doses) this bound allows for this change. */
  allowedCutPerDay: number;
  sources: SourceRef[];
  settings: string[];
}

export interface AbruptChangeResult {
  flagged: boolean;
  change: 'increase' | 'no-change' | 'reduction' | 'stop';
  cutPerDay: number;
  cutPercent: number;
  daysSincePrevious: number;
  useDuration: UseDuration;
  /** The bound used: the one that allowed the change, or (when flagged) the most permissive one. */
  bound: AbruptBound | null;
  requiresLifeThreateningReason: boolean;
  reasonDocumented: boolean;
  message: string;
  issues: Issue[];
}

const EPS = 1e-6;
const fmt = (n: number): string => String(Number(n.toFixed(2)));

/** Every bound that applies to a cut after `days` days, with the cut it allows. */
export function applicableBounds(
  before: Omit<DosePoint, 'on'>,
  stopping: boolean,
  days: number,
  original: number,
  use: Exclude<UseDuration, 'up-to-3-days'>,
  settings: OpioidSettings,
  smallestStep?: number,
): AbruptBound[] {
  const pace = REFERENCE_PACES[use];
  const paceDays = intervalDays(pace, 'bound');
  const credit = (interval: number): number => Math.min(1, Math.max(0, days) / interval);
  const below = pace.below !== undefined && before.perDay <= (pace.below.percentOfOriginal / 100) * original + EPS ? pace.below.cut : pace.cut;
  const paceBase = below.of === 'original' ? original : before.perDay;
  const bounds: AbruptBound[] = [
    { id: pace.id, label: pace.label, allowedCutPerDay: (below.percent / 100) * paceBase * credit(paceDays), sources: pace.sources, settings: [describeSetting(settings, 'longTermUseDays')] },
    {
      id: 'fda-2019-label',
      label: `No more than ${settings.abruptMaxCutPercent} % of the daily dose every ${settings.abruptCutIntervalDays} days (FDA label wording, fast end)`,
      allowedCutPerDay: (settings.abruptMaxCutPercent / 100) * before.perDay * credit(settings.abruptCutIntervalDays),
      sources: [SOURCES.fda2019Taper],
      settings: [describeSetting(settings, 'abruptMaxCutPercent'), describeSetting(settings, 'abruptCutIntervalDays')],
    },
  ];
  if (stopping && before.administrationsPerDay !== undefined && before.administrationsPerDay < 1) {
    bounds.push({ id: 'cdc-2022-less-than-daily', label: 'Stop once taken less often than once a day', allowedCutPerDay: before.perDay, sources: [SOURCES.cdc22Rec5], settings: [] });
  }
  if (smallestStep !== undefined && days >= paceDays) {
    bounds.push({ id: 'smallest-available-step', label: 'The smallest step the available strengths allow (Painpath rule)', allowedCutPerDay: smallestStep, sources: [SOURCES.painpathRule], settings: [] });
  }
  return bounds;
}

export function detectAbruptChange(before: DosePoint, after: DosePoint, context: AbruptChangeContext): AbruptChangeResult {
  const settings = context.settings ?? DEFAULT_OPIOID_SETTINGS;
  if (!(before.perDay >= 0) || !(after.perDay >= 0)) throw new Error('detectAbruptChange: doses must be numbers of 0 or more');
  const issues: Issue[] = [];
  let days = 0;
  if (isCalendarDate(before.on) && isCalendarDate(after.on)) {
    days = daysBetween(before.on, after.on);
    if (days < 0) {
      issues.push({ code: 'abrupt.dates-reversed', message: 'The change is dated before the dose it changes; it was judged as immediate.', severity: 'warning' });
      days = 0;
    }
  } else {
    issues.push({ code: 'abrupt.date-invalid', message: 'A date is not YYYY-MM-DD; the change was judged as immediate.', severity: 'warning' });
  }
  const use = useDurationCategory(context.durationOfUse.days, settings);
  const cut = before.perDay - after.perDay;
  const stopping = after.perDay <= EPS && before.perDay > EPS;
  const base = { cutPerDay: Math.max(0, cut), cutPercent: before.perDay > 0 ? (Math.max(0, cut) / before.perDay) * 100 : 0, daysSincePrevious: days, useDuration: use, issues };
  const clear = (change: AbruptChangeResult['change'], message: string, bound: AbruptBound | null = null): AbruptChangeResult =>
    ({ ...base, flagged: false, change, bound, requiresLifeThreateningReason: false, reasonDocumented: false, message });

  if (cut <= EPS) return clear(cut < -EPS ? 'increase' : 'no-change', 'Not a reduction.');
  const change = stopping ? 'stop' : 'reduction';
  if (use === 'up-to-3-days') return clear(change, 'Opioids taken for 3 days or less: the reference describes no taper for such short use.');
  if (context.physicallyDependent === false) return clear(change, 'Recorded as not physically dependent (clinician\'s judgement), so this is not judged as abrupt.');

  const original = context.originalPerDay ?? before.perDay;
  const bounds = applicableBounds(before, stopping, days, original, use, settings, context.smallestStepMgPerDay);
  const best = bounds.reduce((a, b) => (b.allowedCutPerDay > a.allowedCutPerDay ? b : a));
  if (cut <= best.allowedCutPerDay + EPS) {
    return clear(change, `Within bounds: ${best.label} allows up to ${fmt(best.allowedCutPerDay)} per day here.`, best);
  }
  const reason = context.lifeThreateningReason?.trim() ?? '';
  const what = stopping ? `Stopping ${fmt(before.perDay)} per day` : `A cut of ${fmt(cut)} per day (${fmt(base.cutPercent)} %)`;
  const message =
    `${what} after ${days} day(s) is faster than the reference allows here: ${best.label} would allow up to ${fmt(best.allowedCutPerDay)}. ` +
    'Stopping or rapidly reducing opioids in a physically dependent person risks withdrawal, worse pain, distress, suicidal thoughts and turning to illicit opioids. ' +
    (reason === ''
      ? 'Without a life-threatening reason (such as warning signs of impending overdose), a gradual taper is advised; if this change is needed, document the reason.'
      : `Documented reason: ${reason}.`);
  return { ...base, flagged: true, change, bound: best, requiresLifeThreateningReason: true, reasonDocumented: reason !== '', message };
}
