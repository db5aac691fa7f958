/**
 * What a new or changed opioid regimen asks of the prescriber at the moment of ordering: immediate-release
 * products when opioids are started (CDC 2022 Rec 3), and a benefit and risk review soon after a start or an
 * increase (CDC 2022 Rec 7).
 *
 * Source: reference 1.2 — Rec 3 [V]: "When starting opioids for any pain duration, use immediate-release
 * rather than extended-release/long-acting (ER/LA) products" (category A, evidence 4). Rec 7 [V]: evaluate
 * benefits and risks within 1–4 weeks of starting opioids or of a dose increase; reference 1.7: nearer 1 week
 * for ER/LA or ≥ 50 MME/day, closer to 4 weeks acceptable for IR below 50 MME/day [V], methadone every
 * 2–3 days in the first week [S final] (settings reviewAfterChange*Days, as in monitoring.ts).
 *
 * Assumptions (ours):
 * - "Starting opioids" = no opioid order in effect before (of any indication: a person on medication for
 *   opioid use disorder is not starting opioids) and one after.
 * - "ER/LA" = an extended-release order, a patch, or methadone (monitoring.ts, isLongActingOpioidOrder).
 * - "Increase" = the total MME/day after is higher than before (both passed in, from the same factor set).
 * - Findings suggest and explain. Rec 3 does not forbid an ER/LA product: the finding asks to consider an
 *   immediate-release one and to record the reason when ER/LA is chosen.
 */
import { isInEffectOn } from './active-orders';
import { asOfDate } from './dates';
import { isOpioidOrder, orderName } from './ingredients';
import { isLongActingOpioidOrder, reviewWindowAfterChange } from './monitoring';
import { DEFAULT_OPIOID_SETTINGS, describeSetting, type OpioidSettings } from './settings';
import { SOURCES } from './sources';
import type { Finding, MedicationOrder } from './types';

export interface RegimenStartInput {
  /** Orders in effect before the change (drafts excluded unless already counted as in effect). */
  before: readonly MedicationOrder[];
  /** Orders in effect once the change is made (drafts included). */
  after: readonly MedicationOrder[];
  /** Total MME/day before and after, from the same factor set. */
  totals: { beforeMmePerDay: number; afterMmePerDay: number };
  asOf: Date;
  settings?: OpioidSettings;
}

export function reviewOpioidStart(input: RegimenStartInput): Finding[] {
  const settings = input.settings ?? DEFAULT_OPIOID_SETTINGS;
  const today = asOfDate(input.asOf);
  const opioidsBefore = input.before.filter((o) => isInEffectOn(o, today, true) && isOpioidOrder(o));
  const opioidsAfter = input.after.filter((o) => isInEffectOn(o, today, true) && isOpioidOrder(o));
  if (opioidsAfter.length === 0) return [];
  const starting = opioidsBefore.length === 0;
  const increasing = input.totals.afterMmePerDay > input.totals.beforeMmePerDay + 1e-9;
  const findings: Finding[] = [];

  const longActing = opioidsAfter.filter(isLongActingOpioidOrder);
  if (starting && longActing.length > 0) {
    findings.push({
      code: 'start.long-acting',
      severity: 'warning',
      title: 'Starting opioids with an extended-release or long-acting product',
      message: `No opioid was in effect before, and this regimen starts with ${longActing.map(orderName).join(', ')} (extended-release, a patch or methadone). When opioids are started, for any length of pain, CDC 2022 recommends immediate-release products instead.`,
      suggestion: 'Consider an immediate-release opioid at the lowest effective dose. If an extended-release or long-acting product is the right choice for this person, record why.',
      sources: [SOURCES.cdc22Rec3],
      evidence: longActing.map((o) => `order ${o.id}`),
    });
  }

  if (starting || increasing) {
    const window = reviewWindowAfterChange(opioidsAfter, input.totals.afterMmePerDay, settings);
    findings.push({
      code: 'start.review-after-change',
      severity: 'info',
      title: `Plan a benefit and risk review within ${window.days} days`,
      message: `This ${starting ? 'starts opioids' : `raises the total from ${input.totals.beforeMmePerDay} to ${input.totals.afterMmePerDay} MME/day`}. CDC 2022 asks for a review of benefits and risks within 1–4 weeks of a start or an increase, sooner with more risk; here within ${window.days} days (${window.why}).`,
      suggestion: 'Book the follow-up now, and look at pain, function and side effects with the person then.',
      sources: [SOURCES.cdc22Rec7],
      evidence: opioidsAfter.map((o) => `order ${o.id}`),
      setting: describeSetting(settings, window.setting),
    });
  }
  return findings;
}
