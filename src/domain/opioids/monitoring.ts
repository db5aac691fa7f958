/**
 * What monitoring is due: PDMP check, benefit/risk review, urine drug test.
 *
 * Source: reference 1.7 and 1.2 —
 * - Rec 9 [V]: PDMP ideally before every opioid prescription; at minimum before the first long-term
 *   prescription and every 3 months (setting pdmpIntervalMonths).
 * - Rec 7 [V]: evaluate benefits and risks within 1–4 weeks of starting or increasing; nearer 1 week for ER/LA
 *   or ≥ 50 MME/day, closer to 4 weeks acceptable for IR below 50 MME/day; methadone every 2–3 days in the
 *   first week [S final]; at least every 3 months in long-term therapy (Open issue 1: the final statement
 *   says "regularly"). Settings reviewAfterChange*Days, reviewIntervalMonths.
 * - Rec 10 [V], "at least annually" [S final]: consider toxicology testing in subacute or chronic therapy.
 *
 * Assumptions:
 * - Only orders in effect on `asOf` (not drafts) make monitoring apply; no opioid → not applicable.
 * - Nothing recorded → due today. Months are calendar months (dates.ts).
 * - "ER/LA" = an extended-release order, a patch, or methadone. The start or increase date is given by the
 *   caller; without it and without any review, the earliest start of the opioid orders in effect is used.
 * - Toxicology applies to subacute or chronic therapy: an order of at least subacuteOrderDaysSupply days'
 *   supply (the CDS encoding) or opioid therapy going on for at least that many days.
 * - Starting a new order after the last PDMP check does not make the check overdue (the minimum is the
 *   3-month cadence); the item says that checking before every prescription is the ideal.
 */
import type { Issue } from '../issues';
import { isInEffectOn } from './active-orders';
import { addDays, addMonths, asOfDate, daysBetween, isCalendarDate, minDate } from './dates';
import { identifyIngredient, isOpioidOrder } from './ingredients';
import { calculateMme, type MmeResult } from './mme';
import { DEFAULT_OPIOID_SETTINGS, describeSetting, type OpioidSettings } from './settings';
import { SOURCES } from './sources';
import type { MedicationOrder, SourceRef } from './types';

export interface MonitoringInput {
  orders: readonly MedicationOrder[];
  asOf: Date;
  lastPdmpCheck?: string;
  lastBenefitRiskReview?: string;
  lastUds?: string;
  /** The latest opioid start or dose increase (YYYY-MM-DD). */
  lastStartOrIncrease?: string;
  /** When continuous opioid therapy began; else the earliest start among opioid orders in effect. */
  opioidTherapySince?: string;
  mme?: MmeResult;
  settings?: OpioidSettings;
}

export type MonitoringKind = 'pdmp-check' | 'benefit-risk-review' | 'urine-drug-test';
export type MonitoringStatus = 'overdue' | 'due' | 'upcoming' | 'not-applicable';

export interface MonitoringItem {
  kind: MonitoringKind;
  status: MonitoringStatus;
  dueOn: string | null;
  lastDoneOn: string | null;
  /** Why this date, in words. */
  basis: string;
  /** Rec 10 asks the clinician to consider testing, not to test. */
  consider: boolean;
  sources: SourceRef[];
  settings: string[];
}

/** An extended-release order, a patch, or methadone (reference 1.7's "ER/LA"). */
export function isLongActingOpioidOrder(order: MedicationOrder): boolean {
  return order.release === 'extended' || order.form === 'patch' || order.ingredients.some((i) => identifyIngredient(i.ingredient).entry?.key === 'methadone');
}

export interface ReviewWindow {
  /** Days after a start or increase by which benefits and risks are evaluated. */
  days: number;
  setting: 'reviewAfterMethadoneChangeDays' | 'reviewAfterChangeHigherRiskDays' | 'reviewAfterChangeDays';
  /** Why this window, in words. */
  why: string;
}

/**
 * Rec 7: how soon after a start or increase of these opioid orders (at this total MME/day) benefits and
 * risks are evaluated: methadone first, then ER/LA or the MME guidepost, else the immediate-release window.
 */
export function reviewWindowAfterChange(opioids: readonly MedicationOrder[], totalMmePerDay: number, settings: OpioidSettings): ReviewWindow {
  const onMethadone = opioids.some((o) => o.ingredients.some((i) => identifyIngredient(i.ingredient).entry?.key === 'methadone'));
  if (onMethadone) return { days: settings.reviewAfterMethadoneChangeDays, setting: 'reviewAfterMethadoneChangeDays', why: 'methadone: every 2–3 days in the first week' };
  const erla = opioids.some(isLongActingOpioidOrder);
  if (erla || totalMmePerDay >= settings.mmeReassessPerDay) {
    return { days: settings.reviewAfterChangeHigherRiskDays, setting: 'reviewAfterChangeHigherRiskDays', why: erla ? 'extended-release or long-acting opioid' : `${totalMmePerDay} MME/day` };
  }
  return { days: settings.reviewAfterChangeDays, setting: 'reviewAfterChangeDays', why: 'immediate-release opioid below the MME guidepost' };
}

function statusOf(dueOn: string, today: string): MonitoringStatus {
  return dueOn < today ? 'overdue' : dueOn === today ? 'due' : 'upcoming';
}

function readDate(value: string | undefined, path: string, today: string, issues: Issue[]): string | undefined {
  if (value === undefined) return undefined;
  if (!isCalendarDate(value)) {
    issues.push({ code: 'monitoring.date-invalid', message: `${path} is not a calendar date (YYYY-MM-DD); it was ignored.`, severity: 'error', path });
    return undefined;
  }
  if (value > today) issues.push({ code: 'monitoring.date-after-as-of', message: `${path} (${value}) is after ${today}; please check it.`, severity: 'warning', path });
  return value;
}

const notApplicable = (kind: MonitoringKind, lastDoneOn: string | null, basis: string, sources: SourceRef[]): MonitoringItem => ({
  kind, status: 'not-applicable', dueOn: null, lastDoneOn, basis, consider: kind === 'urine-drug-test', sources, settings: [],
});

export function monitoringDue(input: MonitoringInput): { items: MonitoringItem[]; issues: Issue[] } {
  const settings = input.settings ?? DEFAULT_OPIOID_SETTINGS;
  const today = asOfDate(input.asOf);
  const issues: Issue[] = [];
  const lastPdmp = readDate(input.lastPdmpCheck, 'lastPdmpCheck', today, issues) ?? null;
  const lastReview = readDate(input.lastBenefitRiskReview, 'lastBenefitRiskReview', today, issues) ?? null;
  const lastUds = readDate(input.lastUds, 'lastUds', today, issues) ?? null;
  const change = readDate(input.lastStartOrIncrease, 'lastStartOrIncrease', today, issues);
  const since = readDate(input.opioidTherapySince, 'opioidTherapySince', today, issues);

  const opioids = input.orders.filter((o) => isInEffectOn(o, today, false) && isOpioidOrder(o));
  if (opioids.length === 0) {
    const none = 'No opioid order is in effect.';
    return {
      items: [
        notApplicable('pdmp-check', lastPdmp, none, [SOURCES.cdc22Rec9]),
        notApplicable('benefit-risk-review', lastReview, none, [SOURCES.cdc22Rec7]),
        notApplicable('urine-drug-test', lastUds, none, [SOURCES.cdc22Rec10]),
      ],
      issues,
    };
  }
  const starts = opioids.map((o) => o.start).filter((d): d is string => d !== undefined && isCalendarDate(d)).sort();
  const earliestStart = starts[0];
  const items: MonitoringItem[] = [];

  // PDMP (Rec 9).
  const pdmpSetting = describeSetting(settings, 'pdmpIntervalMonths');
  if (lastPdmp === null) {
    items.push({ kind: 'pdmp-check', status: 'due', dueOn: today, lastDoneOn: null, basis: 'No PDMP check is recorded.', consider: false, sources: [SOURCES.cdc22Rec9], settings: [pdmpSetting] });
  } else {
    const dueOn = addMonths(lastPdmp, settings.pdmpIntervalMonths);
    const newer = starts.filter((d) => d > lastPdmp);
    const ideal = newer.length > 0 ? ` An opioid order started on ${newer[0] ?? ''}, after the last check; checking before every prescription is the ideal.` : '';
    items.push({ kind: 'pdmp-check', status: statusOf(dueOn, today), dueOn, lastDoneOn: lastPdmp, basis: `At least every ${settings.pdmpIntervalMonths} months during opioid therapy.${ideal}`, consider: false, sources: [SOURCES.cdc22Rec9], settings: [pdmpSetting] });
  }

  // Benefit/risk review (Rec 7).
  const mme = input.mme ?? calculateMme(opioids, { factorSet: settings.factorSet, asOf: input.asOf });
  const { days: afterDays, setting: afterName, why } = reviewWindowAfterChange(opioids, mme.totalMmePerDay, settings);
  const changeOn = change ?? (lastReview === null ? earliestStart : undefined);
  const candidates: Array<[string, string]> = [];
  if (changeOn !== undefined && (lastReview === null || changeOn > lastReview)) {
    candidates.push([addDays(changeOn, afterDays), `${afterDays} days after the start or increase on ${changeOn} (${why}).`]);
  }
  if (lastReview !== null) {
    candidates.push([addMonths(lastReview, settings.reviewIntervalMonths), `At least every ${settings.reviewIntervalMonths} months.`]);
  }
  const reviewSettings = [describeSetting(settings, afterName), describeSetting(settings, 'reviewIntervalMonths')];
  if (candidates.length === 0) {
    items.push({ kind: 'benefit-risk-review', status: 'due', dueOn: today, lastDoneOn: null, basis: 'No benefit/risk review and no start date are recorded.', consider: false, sources: [SOURCES.cdc22Rec7], settings: reviewSettings });
  } else {
    const [dueOn, basis] = candidates.reduce((a, b) => (minDate(a[0], b[0]) === a[0] ? a : b));
    items.push({ kind: 'benefit-risk-review', status: statusOf(dueOn, today), dueOn, lastDoneOn: lastReview, basis, consider: false, sources: [SOURCES.cdc22Rec7], settings: reviewSettings });
  }

  // Toxicology (Rec 10), subacute or chronic therapy only.
  const threshold = settings.subacuteOrderDaysSupply;
  const therapyStart = since ?? earliestStart;
  const longOrder = opioids.some((o) => (o.daysSupply ?? 0) >= threshold);
  const longTherapy = therapyStart !== undefined && daysBetween(therapyStart, today) >= threshold;
  const udsSettings = [describeSetting(settings, 'udsIntervalMonths'), describeSetting(settings, 'subacuteOrderDaysSupply')];
  const udsSources = [SOURCES.cdc22Rec10, SOURCES.cdc22Rec10Annual];
  if (!longOrder && !longTherapy) {
    items.push({ ...notApplicable('urine-drug-test', lastUds, `Short-term therapy (under ${threshold} days); CDC 2022 Rec 10 is about subacute and chronic therapy.`, udsSources), settings: udsSettings });
  } else if (lastUds === null) {
    items.push({ kind: 'urine-drug-test', status: 'due', dueOn: today, lastDoneOn: null, basis: 'No urine drug test is recorded; consider one, with the person\'s agreement.', consider: true, sources: udsSources, settings: udsSettings });
  } else {
    const dueOn = addMonths(lastUds, settings.udsIntervalMonths);
    items.push({ kind: 'urine-drug-test', status: statusOf(dueOn, today), dueOn, lastDoneOn: lastUds, basis: `Consider at least every ${settings.udsIntervalMonths} months.`, consider: true, sources: udsSources, settings: udsSettings });
  }
  return { items, issues };
}
