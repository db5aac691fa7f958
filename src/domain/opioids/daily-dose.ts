/**
 * The most of one ingredient an order allows in a day (mg/day), or for a patch the rate of all patches
 * worn at once (mcg/hr).
 *
 * Source: reference 1.5 (OMTK `GetDailyDose`, rules 1–3) and 1.3.1 (fentanyl patch factor per mcg/hr) [V];
 * the issue: as-needed orders at their maximum, ranges at their top.
 *
 * Assumptions:
 * - Doses a day = top count × shortest interval (frequency.ts); without a frequency, the number of times of
 *   day; without either, the order's stated daily maximum; without any of these nothing is assumed (the
 *   public CQL assumes 1 dose a day; we do not).
 * - When both the schedule and a stated daily maximum exist, the smaller is the most the order allows and
 *   a warning says they disagree.
 * - A dose in mg or mcg is the amount of the order's opioid ingredient (it overrides the strength, as in the
 *   public test `patient-mme-less-than-fifty`); with two opioid ingredients it is ambiguous and not used.
 * - A patch: patches worn at once × strength in mcg/hr; the change interval does not enter (reference 1.5,
 *   v3 behaviour; Open issue 3: the older days-supply form, ×7.2 × patches a day, is not used).
 * - No route: a tablet, capsule or solution is read as oral and a patch as transdermal, and the basis says
 *   so; any other form without a route is not computed.
 */
import type { Issue } from '../issues';
import { describeFrequency, frequencyPerDay } from './frequency';
import type { DoseForm, FormUnit, MedicationOrder, OrderIngredient, Route } from './types';

export interface DailyAmount {
  amount: number;
  unit: 'mg/day' | 'mcg/hr';
  route: Route;
  /** How the amount was read, in words, e.g. "as needed: counted at the most allowed in a day". */
  basis: string[];
}

export type DailyAmountResult =
  | { ok: true; value: DailyAmount; issues: Issue[] }
  | { ok: false; code: string; reason: string; issues: Issue[] };

const FORM_UNIT: Readonly<Record<DoseForm, FormUnit | null>> = {
  tablet: 'tablet',
  capsule: 'capsule',
  solution: 'mL',
  patch: 'patch',
  film: 'film',
  spray: 'actuation',
  lozenge: 'lozenge',
  suppository: 'suppository',
  injection: 'mL',
  other: null,
};

export function formUnitOf(form: DoseForm): FormUnit | null {
  return FORM_UNIT[form];
}

function fail(code: string, reason: string): DailyAmountResult {
  return { ok: false, code, reason, issues: [] };
}
function fmt(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

export function resolveRoute(order: MedicationOrder): { route: Route | null; assumed: boolean } {
  if (order.dosage.route !== undefined) return { route: order.dosage.route, assumed: false };
  if (order.form === 'patch') return { route: 'transdermal', assumed: true };
  if (order.form === 'tablet' || order.form === 'capsule' || order.form === 'solution') return { route: 'oral', assumed: true };
  return { route: null, assumed: false };
}

/** mg of ingredient per form unit (e.g. 5 mg/5 mL → 1), or null when the strength is per hour. */
function mgPerUnit(item: OrderIngredient): number | null {
  const { amount, unit, per } = item.strength;
  if (unit === 'mcg/hr' || unit === 'mg/hr') return null;
  return (unit === 'mcg' ? amount / 1000 : amount) / (per ?? 1);
}

/** mg of the ingredient in `quantity` of a dose unit, or null when the unit does not fit the product. */
function toMg(quantity: number, unit: string, formUnit: FormUnit | null, perUnit: number): number | null {
  if (unit === 'mg') return quantity;
  if (unit === 'mcg') return quantity / 1000;
  if (unit === 'each' || unit === formUnit) return quantity * perUnit;
  return null;
}

export function dailyIngredientAmount(order: MedicationOrder, item: OrderIngredient, opioidCount: number, path: string): DailyAmountResult {
  const { dosage } = order;
  const dose = dosage.dose;
  const basis: string[] = [];
  if (!(item.strength.amount > 0)) return fail('mme.strength-invalid', 'The strength of this product is missing or not above zero.');
  const { route, assumed } = resolveRoute(order);
  if (route === null) return fail('mme.route-missing', `The order does not say the route, and a ${order.form} could be taken in more than one way.`);
  if (assumed) basis.push(`No route was given; a ${order.form} was read as ${route}.`);
  if (dose === undefined) return fail('mme.dose-missing', 'The order has no dose, so its daily amount is unknown.');
  if (dose.high !== dose.low) basis.push(`Dose range ${fmt(dose.low)}–${fmt(dose.high)}: the top of the range was used.`);

  if (order.form === 'patch' || route === 'transdermal') {
    const { amount, unit } = item.strength;
    if (unit !== 'mcg/hr' && unit !== 'mg/hr') return fail('mme.patch-strength-unit', 'A patch strength must be a rate (mcg/hr); this one is not.');
    if (dose.unit !== 'patch' && dose.unit !== 'each') return fail('mme.dose-unit-mismatch', `A patch dose is counted in patches, not ${dose.unit}.`);
    const rate = unit === 'mg/hr' ? amount * 1000 : amount;
    basis.push(`${fmt(dose.high)} patch(es) of ${fmt(rate)} mcg/hr worn at once; the change interval does not change the figure.`);
    return { ok: true, value: { amount: dose.high * rate, unit: 'mcg/hr', route, basis }, issues: [] };
  }

  const issues: Issue[] = [];
  const isMass = dose.unit === 'mg' || dose.unit === 'mcg';
  const perUnit = mgPerUnit(item);
  if (perUnit === null) return fail('mme.strength-unit-unexpected', 'A per-hour strength only makes sense for a patch.');
  if (isMass && opioidCount > 1) return fail('mme.mass-dose-combination', 'The dose is written in mg but the product holds more than one opioid, so the amount of each is unknown.');
  const formUnit = FORM_UNIT[order.form];
  if (!isMass && dose.unit !== 'each' && dose.unit !== formUnit) {
    return fail('mme.dose-unit-mismatch', `The dose is in ${dose.unit} but this ${order.form} is counted in ${formUnit ?? 'another unit'}.`);
  }
  if (dose.unit === 'each') basis.push(`The dose had no unit; it was read as ${fmt(dose.high)} ${formUnit ?? 'unit'}(s).`);
  const doseMg = toMg(dose.high, dose.unit, formUnit, perUnit);
  if (doseMg === null) return fail('mme.dose-unit-mismatch', `The dose unit ${dose.unit} cannot be converted for this product.`);

  let perDay: number | null = null;
  if (dosage.frequency !== undefined) {
    perDay = frequencyPerDay(dosage.frequency).max;
    const shortest = dosage.frequency.periodMax !== undefined ? ' (shortest interval used)' : '';
    basis.push(`${describeFrequency(dosage.frequency)}${shortest}: at most ${fmt(perDay)} doses a day.`);
  } else if (dosage.timesOfDay !== undefined && dosage.timesOfDay.length > 0) {
    perDay = new Set(dosage.timesOfDay).size;
    basis.push(`${perDay} time(s) of day given: ${perDay} dose(s) a day.`);
  }
  const scheduleMg = perDay === null ? null : doseMg * perDay;

  let maxMg: number | null = null;
  const max = dosage.maxPerDay;
  if (max !== undefined) {
    maxMg = max.unit === 'dose' ? max.amount * doseMg : toMg(max.amount, max.unit, formUnit, perUnit);
    if (maxMg === null) {
      issues.push({ code: 'mme.max-per-day-unit', message: `The daily maximum is in ${max.unit}, which cannot be converted for this product; it was not used.`, severity: 'warning', path });
    }
  }
  let mgPerDay: number;
  if (scheduleMg !== null && maxMg !== null) {
    mgPerDay = Math.min(scheduleMg, maxMg);
    if (Math.abs(scheduleMg - maxMg) > 1e-9) {
      const message = `The schedule allows ${fmt(scheduleMg)} mg a day but the stated maximum is ${fmt(maxMg)} mg; the smaller (${fmt(mgPerDay)} mg) was used. Please check the directions.`;
      issues.push({ code: 'mme.max-per-day-differs', message, severity: 'warning', path });
    }
    basis.push(`Stated daily maximum: ${fmt(maxMg)} mg.`);
  } else if (scheduleMg !== null) {
    mgPerDay = scheduleMg;
  } else if (maxMg !== null) {
    mgPerDay = maxMg;
    basis.push(`No frequency; the stated daily maximum (${fmt(maxMg)} mg) was used.`);
  } else {
    return fail('mme.frequency-missing', 'The order says neither how often nor a daily maximum, so its daily amount is unknown (nothing is assumed).');
  }
  if (dosage.asNeeded) basis.push('As needed: counted at the most the order allows in a day.');
  return { ok: true, value: { amount: mgPerDay, unit: 'mg/day', route, basis }, issues };
}
