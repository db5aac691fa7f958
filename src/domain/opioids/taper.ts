/**
 * Taper planner: gradual steps from the current regimen, rounded to real tablet strengths, with pauses,
 * monthly follow-up and naloxone; every step is checked by detectAbruptChange.
 *
 * Source: reference 2.1 [V] (CDC 2022 Rec 5 text): paces (taper-pace.ts); pauses allowed; slow at low doses;
 * at the smallest available dose lengthen the dosing interval, and stop once taken less often than once a
 * day; follow up at least monthly; tolerance can be lost in as little as a week, so offer naloxone and
 * overdose education. Rec 6 for acute use [S final]. Strengths: strength-table.ts [U].
 *
 * Assumptions (where the reference is silent):
 * - Step 1 takes effect on `startDate`; each later step one pace interval after the previous one (a pause
 *   after step n adds its days before the next). Only steps that change a dose are listed.
 * - Targets follow the pace exactly; each is rounded UP to a total whole tablets can make, so no step is
 *   faster than the pace. With the reference pace (or a slower one) a step is also held to what the
 *   abrupt-change bounds allow; when even one tablet step is more than that, one tablet step is taken.
 * - Several ingredients are tapered side by side at the same pace (each by its own original amount).
 * - The smallest tablet once a day is followed by the same tablet every other day once the target reaches
 *   half that tablet (so the average is never below the target), then by a stop one interval later.
 * - A step waits until its target reaches a lower whole-tablet amount, so the first change can come after
 *   the first interval (e.g. 40 mg, 10 %/month, 5 mg tablets: 36 → hold at 40, then 35).
 * - A faster pace than the reference is planned as asked, flagged once for the plan and at each step the
 *   abrupt-change bounds do not allow. A slower pace is never flagged.
 * - MME per step uses the clinic's factor set (settings.factorSet) and the oral route.
 */
import type { Issue } from '../issues';
import { detectAbruptChange, applicableBounds, type AbruptChangeResult } from './abrupt-change';
import { addDays, addMonths, asOfDate, daysBetween, isCalendarDate } from './dates';
import { describeFactorSet, getFactorSet, lookupFactor } from './factor-sets';
import { roundMme } from './mme';
import { DEFAULT_OPIOID_SETTINGS, type OpioidSettings } from './settings';
import { SOURCES } from './sources';
import { nextReachableBelow, roundUpToReachable, smallestStepMg, tabletsFor } from './strength-rounding';
import { REFERENCE_PACES, intervalDays, isFasterThan, useDurationCategory, type TaperPace, type UseDuration } from './taper-pace';
import { readRegimen, type RegimenIngredient } from './taper-regimen';
import type { MedicationOrder, SourceRef } from './types';

export type CustomPace = Pick<TaperPace, 'every' | 'cut' | 'below'> & { label?: string };

export interface TaperInput {
  regimen: readonly MedicationOrder[];
  startDate: string;
  durationOfUse: { days: number };
  pace?: CustomPace;
  /** Hold the doses for `days` more days after step `afterStep` (1-based). */
  pauses?: ReadonlyArray<{ afterStep: number; days: number }>;
  asOf: Date;
  lifeThreateningReason?: string;
  settings?: OpioidSettings;
}

export interface TaperDose {
  ingredient: string;
  name: string;
  /** The pace's target before rounding. */
  targetMgPerDay: number;
  /** Average mg a day after rounding (every other day = half the tablet). */
  mgPerDay: number;
  percentOfOriginal: number;
  everyOtherDay: boolean;
  /** Whole tablets on a dosing day. */
  tablets: Array<{ strengthMg: number; count: number }>;
}

export interface TaperStep {
  index: number;
  startsOn: string;
  kind: 'reduce' | 'lengthen-interval' | 'stop' | 'pause';
  pauseDays?: number;
  doses: TaperDose[];
  mmePerDay: number | null;
  /** Changes in this step that the abrupt-change bounds do not allow. */
  abrupt: AbruptChangeResult[];
}

export interface TaperPlan {
  useDuration: UseDuration;
  pace: TaperPace | null;
  referencePace: TaperPace | null;
  startDate: string;
  endDate: string | null;
  original: Array<{ ingredient: string; name: string; mgPerDay: number; products: string; strengthsMg: readonly number[] }>;
  originalMmePerDay: number | null;
  steps: TaperStep[];
  followUps: string[];
  naloxone: { offer: true; message: string; sources: SourceRef[] };
  flaggedSteps: number;
  factorSet: string;
  issues: Issue[];
}

interface Track {
  ing: RegimenIngredient;
  smallest: number;
  step: number;
  ideal: number;
  current: number;
  everyOtherDay: boolean;
  cuts: number;
  changedOn: string;
}

const MAX_ITERATIONS = 600;
const NALOXONE = {
  offer: true as const,
  message: 'Tolerance can be lost in as little as a week. Offer naloxone and overdose education, and explain that going back to an earlier dose can cause an overdose.',
  sources: [SOURCES.cdc22Rec5, SOURCES.cdc22Rec8],
};

function nextIdeal(t: Track, pace: TaperPace): number {
  if (pace.stopAfterCuts !== undefined && t.cuts >= pace.stopAfterCuts) return 0;
  const original = t.ing.mgPerDay;
  const cut = pace.below !== undefined && t.ideal <= (pace.below.percentOfOriginal / 100) * original + 1e-9 ? pace.below.cut : pace.cut;
  return Math.max(0, t.ideal - (cut.percent / 100) * (cut.of === 'original' ? original : t.ideal));
}

function doseOf(t: Track): TaperDose {
  const dosingDay = t.everyOtherDay ? t.current * 2 : t.current;
  return {
    ingredient: t.ing.key,
    name: t.ing.name,
    targetMgPerDay: Number(t.ideal.toFixed(3)),
    mgPerDay: t.current,
    percentOfOriginal: Number(((t.current / t.ing.mgPerDay) * 100).toFixed(1)),
    everyOtherDay: t.everyOtherDay,
    tablets: t.current > 0 ? tabletsFor(t.ing.strengths.strengthsMg, dosingDay) : [],
  };
}

export function planTaper(input: TaperInput): TaperPlan {
  const settings = input.settings ?? DEFAULT_OPIOID_SETTINGS;
  const today = asOfDate(input.asOf);
  const set = getFactorSet(settings.factorSet);
  const use = useDurationCategory(input.durationOfUse.days, settings);
  const reference = use === 'up-to-3-days' ? null : REFERENCE_PACES[use];
  const plan: TaperPlan = {
    useDuration: use, pace: reference, referencePace: reference, startDate: input.startDate, endDate: null, original: [], originalMmePerDay: null,
    steps: [], followUps: [], naloxone: NALOXONE, flaggedSteps: 0, factorSet: describeFactorSet(set), issues: [],
  };
  const { issues } = plan;
  if (!isCalendarDate(input.startDate)) {
    issues.push({ code: 'taper.start-date-invalid', message: 'The start date is not a calendar date (YYYY-MM-DD).', severity: 'error', path: 'startDate' });
    return plan;
  }
  if (input.startDate < today) issues.push({ code: 'taper.start-in-past', message: `The start date ${input.startDate} is before ${today}.`, severity: 'info', path: 'startDate' });
  const regimen = readRegimen(input.regimen, today);
  issues.push(...regimen.issues);
  plan.original = regimen.ingredients.map((i) => ({ ingredient: i.key, name: i.name, mgPerDay: i.mgPerDay, products: i.strengths.products, strengthsMg: i.strengths.strengthsMg }));
  if (regimen.ingredients.length === 0) {
    issues.push({ code: 'taper.nothing-to-plan', message: 'No opioid in the regimen could be planned; see the other notes.', severity: 'warning', path: 'regimen' });
    return plan;
  }
  const mmeOf = (doses: ReadonlyArray<{ ingredient: string; mgPerDay: number }>): number | null => {
    const methadone = doses.filter((d) => d.ingredient === 'methadone').reduce((s, d) => s + d.mgPerDay, 0);
    let total = 0;
    for (const d of doses) {
      if (d.mgPerDay <= 0) continue;
      const f = lookupFactor(set, d.ingredient, 'oral', d.ingredient === 'methadone' ? methadone : d.mgPerDay);
      if (!f.found) return null;
      total += d.mgPerDay * f.factor;
    }
    return roundMme(total);
  };
  plan.originalMmePerDay = mmeOf(plan.original);
  if (use === 'up-to-3-days' || reference === null) {
    issues.push({ code: 'taper.not-needed', message: 'Opioids taken for 3 days or less: the reference describes no taper for such short use.', severity: 'info', path: 'durationOfUse' });
    plan.steps.push({ index: 1, startsOn: input.startDate, kind: 'stop', doses: [], mmePerDay: 0, abrupt: [] });
    plan.endDate = input.startDate;
    return plan;
  }

  let pace: TaperPace = reference;
  if (input.pace !== undefined) {
    const p = input.pace;
    const interval = intervalDays(p, 'speed');
    if (!(p.cut.percent > 0 && p.cut.percent <= 100) || !(interval > 0)) {
      issues.push({ code: 'taper.pace-invalid', message: 'The pace needs a cut between 0 and 100 % and an interval above zero; the reference pace was used.', severity: 'error', path: 'pace' });
    } else {
      pace = { id: 'custom', label: p.label ?? `${p.cut.percent} % of the ${p.cut.of} dose every ${'days' in p.every ? `${p.every.days} days` : `${p.every.months} month(s)`}`, sources: [], every: p.every, cut: p.cut, ...(p.below ? { below: p.below } : {}) };
    }
  }
  plan.pace = pace;
  const faster = isFasterThan(pace, reference);
  if (faster) {
    issues.push({ code: 'taper.faster-than-reference-pace', message: `This pace (${pace.label}) is faster than the reference for this length of use (${reference.label}). It is planned as asked; steps beyond the abrupt-change bounds are flagged.`, severity: 'warning', path: 'pace' });
  }
  const referenceDays = intervalDays(reference, 'bound');
  const tracks: Track[] = regimen.ingredients.map((ing) => ({
    ing, smallest: Math.min(...ing.strengths.strengthsMg), step: smallestStepMg(ing.strengths.strengthsMg), ideal: ing.mgPerDay, current: ing.mgPerDay,
    everyOtherDay: false, cuts: 0, changedOn: addDays(input.startDate, -365),
  }));
  const pauses = new Map((input.pauses ?? []).map((p) => [p.afterStep, p.days]));
  let date = input.startDate;
  for (let iteration = 0; tracks.some((t) => t.current > 0); iteration++) {
    if (iteration >= MAX_ITERATIONS) {
      issues.push({ code: 'taper.too-long', message: 'The plan was cut short after 600 intervals; choose a faster pace or plan the rest by hand.', severity: 'warning' });
      break;
    }
    const changed: Array<{ t: Track; before: number; beforeEveryOtherDay: boolean; kind: TaperStep['kind'] }> = [];
    for (const t of tracks) {
      if (t.current <= 0) continue;
      const ideal = nextIdeal(t, pace);
      t.cuts += 1;
      const before = t.current;
      const beforeEod = t.everyOtherDay;
      let next: number;
      let kind: TaperStep['kind'] = 'reduce';
      if (t.everyOtherDay) {
        next = 0;
      } else {
        const strengths = t.ing.strengths.strengthsMg;
        const held = daysBetween(t.changedOn, date);
        const allowed = faster ? 0 : Math.max(...applicableBounds({ perDay: t.current }, false, held, t.ing.mgPerDay, use, settings, t.step).map((b) => b.allowedCutPerDay));
        next = roundUpToReachable(strengths, faster ? ideal : Math.max(ideal, t.current - allowed));
        const behind = roundUpToReachable(strengths, ideal) < t.current;
        if (!faster && next >= t.current && behind && held >= referenceDays) next = nextReachableBelow(strengths, t.current);
        const atSmallest = t.current <= t.smallest + 1e-9;
        if (atSmallest && use !== 'under-1-week' && (next === 0 || ideal <= t.smallest / 2 + 1e-9)) {
          next = t.smallest / 2;
          kind = 'lengthen-interval';
          t.everyOtherDay = true;
        }
        next = Math.min(next, t.current);
      }
      t.ideal = ideal;
      if (next < t.current - 1e-9) {
        t.current = next;
        changed.push({ t, before, beforeEveryOtherDay: beforeEod, kind: next === 0 ? 'stop' : kind });
      }
    }
    if (changed.length > 0) {
      const abrupt: AbruptChangeResult[] = [];
      for (const c of changed) {
        const result = detectAbruptChange(
          { perDay: c.before, on: c.t.changedOn, ...(c.beforeEveryOtherDay ? { administrationsPerDay: 0.5 } : {}) },
          { perDay: c.t.current, on: date },
          { durationOfUse: input.durationOfUse, originalPerDay: c.t.ing.mgPerDay, smallestStepMgPerDay: c.t.step, settings, ...(input.lifeThreateningReason ? { lifeThreateningReason: input.lifeThreateningReason } : {}) },
        );
        if (result.flagged) abrupt.push(result);
        c.t.changedOn = date;
      }
      const kind: TaperStep['kind'] = tracks.every((t) => t.current === 0)
        ? 'stop'
        : changed.some((c) => c.kind === 'lengthen-interval') ? 'lengthen-interval' : 'reduce';
      const doses = tracks.map(doseOf);
      const step: TaperStep = { index: plan.steps.filter((s) => s.kind !== 'pause').length + 1, startsOn: date, kind, doses, mmePerDay: mmeOf(doses), abrupt };
      plan.steps.push(step);
      if (abrupt.length > 0) {
        plan.flaggedSteps += 1;
        issues.push({ code: 'taper.abrupt-step', message: `Step ${step.index} (${date}): ${abrupt.map((a) => a.message).join(' ')}`, severity: 'warning', path: `steps[${plan.steps.length - 1}]` });
      }
      const pauseDays = pauses.get(step.index);
      const following = 'days' in pace.every ? addDays(date, pace.every.days) : addMonths(date, pace.every.months);
      if (pauseDays !== undefined && pauseDays > 0 && tracks.some((t) => t.current > 0)) {
        plan.steps.push({ index: step.index, startsOn: following, kind: 'pause', pauseDays, doses, mmePerDay: step.mmePerDay, abrupt: [] });
        pauses.delete(step.index);
        date = addDays(following, pauseDays);
        continue;
      }
    }
    date = 'days' in pace.every ? addDays(date, pace.every.days) : addMonths(date, pace.every.months);
  }
  for (const [afterStep] of pauses) {
    issues.push({ code: 'taper.pause-step-unknown', message: `There is no step ${afterStep} to pause after.`, severity: 'warning', path: 'pauses' });
  }
  const last = plan.steps[plan.steps.length - 1];
  plan.endDate = last?.kind === 'stop' ? last.startsOn : null;
  const end = plan.endDate ?? last?.startsOn ?? input.startDate;
  for (let m = 1; ; m++) {
    const followUp = addMonths(input.startDate, m);
    plan.followUps.push(followUp);
    if (followUp > end) break;
  }
  return plan;
}
