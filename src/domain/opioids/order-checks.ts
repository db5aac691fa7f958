/**
 * Consistency checks of a structured order before it is stored, and the order's directions in words.
 *
 * Source: none clinical; the shape of `MedicationOrder` (types.ts) and the directions parser's own issue
 * codes (directions.ts) for what "ambiguous" means.
 *
 * Assumptions:
 * - A range's low must not exceed its high (dose, count, period); an end date must not be before the start.
 * - A patch's strength is a rate (mcg/hr or mg/hr) and only a patch has a rate.
 * - An order needs a frequency, named times of day, or (as needed) a daily maximum: without one the daily
 *   dose cannot be read and the MME would be a guess (mme.ts lists such an order as not computable; here
 *   it is allowed but reported as a warning so the clinician can complete it).
 * - Parser issues that are warnings or errors become questions for the clinician; info issues do not.
 */
import type { Issue } from '../issues';
import { error } from '../issues';
import { describeFrequency } from './frequency';
import type { Dosage, MedicationOrder } from './types';

const RATE_UNITS = new Set(['mcg/hr', 'mg/hr']);

export function checkOrder(order: Pick<MedicationOrder, 'ingredients' | 'form' | 'dosage' | 'start' | 'end'>): Issue[] {
  const issues: Issue[] = [];
  const { dosage } = order;
  if (dosage.dose && dosage.dose.low > dosage.dose.high) issues.push(error('order.dose-range-reversed', 'The lower dose is above the higher dose.', 'dosage.dose.low'));
  const f = dosage.frequency;
  if (f?.countMax !== undefined && f.countMax < f.count) issues.push(error('order.count-range-reversed', 'The lower number of doses is above the higher number.', 'dosage.frequency.countMax'));
  if (f?.periodMax !== undefined && f.periodMax < f.period) issues.push(error('order.period-range-reversed', 'The shorter interval is longer than the longer interval.', 'dosage.frequency.periodMax'));
  if (order.start !== undefined && order.end !== undefined && order.end < order.start) issues.push(error('order.end-before-start', 'The end date is before the start date.', 'end'));
  order.ingredients.forEach((item, i) => {
    const isRate = RATE_UNITS.has(item.strength.unit);
    if (order.form === 'patch' && !isRate) issues.push(error('order.patch-strength-not-rate', 'A patch strength is a rate, for example 25 mcg/hr.', `ingredients.${i}.strength.unit`));
    if (order.form !== 'patch' && isRate) issues.push(error('order.rate-strength-not-patch', 'Only a patch has a strength per hour.', `ingredients.${i}.strength.unit`));
  });
  if (dosage.dose === undefined) issues.push({ code: 'order.dose-missing', message: 'No dose is given, so the daily amount cannot be read.', severity: 'warning', path: 'dosage.dose' });
  if (f === undefined && (dosage.timesOfDay ?? []).length === 0 && dosage.maxPerDay === undefined) {
    issues.push({ code: 'order.frequency-missing', message: 'No frequency, times of day or daily maximum is given, so the daily amount cannot be read.', severity: 'warning', path: 'dosage.frequency' });
  }
  return issues;
}

const plural = (n: number, unit: string): string => (n === 1 || unit === 'mg' || unit === 'mcg' || unit === 'mL' ? unit : `${unit}s`);

/** "1–2 tablets every 4–6 hours as needed for pain (at most 6 tablets a day)". */
export function describeDosage(dosage: Dosage): string {
  const parts: string[] = [];
  if (dosage.dose) {
    const { low, high, unit } = dosage.dose;
    const amount = low === high ? `${low}` : `${low}–${high}`;
    parts.push(unit === 'each' ? amount : `${amount} ${plural(high, unit)}`);
  }
  if (dosage.route) parts.push(dosage.route === 'oral' ? 'by mouth' : dosage.route);
  if (dosage.frequency) parts.push(describeFrequency(dosage.frequency));
  if (dosage.timesOfDay && dosage.timesOfDay.length > 0) parts.push(`at ${dosage.timesOfDay.join(', ')}`);
  if (dosage.asNeeded) parts.push(dosage.asNeededFor ? `as needed for ${dosage.asNeededFor}` : 'as needed');
  if (dosage.maxPerDay) parts.push(`(at most ${dosage.maxPerDay.amount} ${plural(dosage.maxPerDay.amount, dosage.maxPerDay.unit)} a day)`);
  if (dosage.durationDays !== undefined) parts.push(`for ${dosage.durationDays} days`);
  return parts.length > 0 ? parts.join(' ') : 'no directions given';
}

/** The parser's doubts, as questions to the clinician; the structure is not used until they are answered. */
export function directionsQuestions(issues: readonly Issue[]): string[] {
  return issues.filter((i) => i.severity !== 'info').map((i) => i.message);
}
