/**
 * Whether a change to a person's opioid orders (an edit, a stop) is an abrupt stop or sharp cut, judged on
 * the total daily MME before and after, with `detectAbruptChange` (abrupt-change.ts, reference 2.3).
 *
 * Source: reference 2.3 (no official numeric definition of "rapid"; FDA 2019 label bounds as settings) via
 * abrupt-change.ts; CDC 2022 Rec 5 for the duration categories via taper-pace.ts.
 *
 * Assumptions (our choices):
 * - The total counted MME of opioid orders in effect is compared, so replacing one order with another at
 *   the same dose is not a cut, and stopping one of two orders is a cut of the total. Buprenorphine and
 *   medication for OUD are not summed (mme.ts), so they are not judged here.
 * - The dose "began" on the latest start, increase or change among the opioid orders (`lastChangeOn`).
 * - Duration of use runs from the earliest opioid start; when no start is recorded the long-term duration
 *   (`longTermUseDays`) is assumed, which applies the slowest reference pace (flags more, never fewer).
 * - An increase or no change returns null.
 */
import { detectAbruptChange, type AbruptChangeResult } from './abrupt-change';
import { asOfDate, daysBetween } from './dates';
import { isOpioidOrder } from './ingredients';
import { calculateMme } from './mme';
import { DEFAULT_OPIOID_SETTINGS, type OpioidSettings } from './settings';
import type { MedicationOrder } from './types';

export interface RegimenChangeInput {
  before: readonly MedicationOrder[];
  after: readonly MedicationOrder[];
  /** YYYY-MM-DD: the latest start, increase or change of an opioid order before this change. */
  lastChangeOn?: string;
  asOf: Date;
  lifeThreateningReason?: string;
  physicallyDependent?: boolean;
  settings?: OpioidSettings;
  /**
   * The unrounded total MME/day of `before` and `after`, when the caller has already calculated them with
   * the same factor set and `asOf` (calculateMme counts only opioid orders, so the totals of all the orders
   * equal those of their opioid orders); calculated here otherwise.
   */
  totals?: { beforeMmePerDay: number; afterMmePerDay: number };
}

const opioidsOf = (orders: readonly MedicationOrder[]): MedicationOrder[] => orders.filter(isOpioidOrder);

export function assessRegimenChange(input: RegimenChangeInput): (AbruptChangeResult & { beforeMmePerDay: number; afterMmePerDay: number }) | null {
  const settings = input.settings ?? DEFAULT_OPIOID_SETTINGS;
  const today = asOfDate(input.asOf);
  const opts = { factorSet: settings.factorSet, asOf: input.asOf };
  const before = input.totals?.beforeMmePerDay ?? calculateMme(opioidsOf(input.before), opts).totalMmePerDayUnrounded;
  const after = input.totals?.afterMmePerDay ?? calculateMme(opioidsOf(input.after), opts).totalMmePerDayUnrounded;
  if (!(after < before)) return null;
  const starts = opioidsOf(input.before).map((o) => o.start).filter((s): s is string => s !== undefined && s <= today).sort();
  const days = starts[0] !== undefined ? daysBetween(starts[0], today) : settings.longTermUseDays;
  const result = detectAbruptChange(
    { perDay: before, on: input.lastChangeOn ?? starts[starts.length - 1] ?? today },
    { perDay: after, on: today },
    {
      durationOfUse: { days },
      settings,
      ...(input.physicallyDependent !== undefined ? { physicallyDependent: input.physicallyDependent } : {}),
      ...(input.lifeThreateningReason !== undefined ? { lifeThreateningReason: input.lifeThreateningReason } : {}),
    },
  );
  return { ...result, beforeMmePerDay: Math.round(before * 10) / 10, afterMmePerDay: Math.round(after * 10) / 10 };
}
