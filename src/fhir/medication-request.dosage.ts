/**
 * Reads one FHIR R4 Dosage (https://hl7.org/fhir/R4/dosage.html) into the domain's Dosage.
 *
 * Sources: FHIR R4 Dosage and Timing; the fields the public MME calculator reads (reference 1.5: doseQuantity or
 * the high end of doseRange, frequency/frequencyMax, period/periodMax/periodUnit, timeOfDay, asNeeded);
 * GTS abbreviations (http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation) for timing.code; EventTiming
 * codes for timing.repeat.when.
 *
 * Assumptions:
 * - Every field that cannot be read is an issue with its path; nothing is guessed. Fields that do not change
 *   the daily amount (rate, maxDosePerAdministration, method, site, additional instructions) are ignored.
 * - Units: UCUM codes or the unit text (mg, ug/mcg, mL, {tbl}/tablet, {capsule}, {patch}, {actuat}/spray,
 *   film); UCUM '1' or '{each}' is one of the product's own units.
 * - Seconds and years as period units, dayOfWeek, and a maximum per period other than one day are reported
 *   as not supported rather than converted.
 * - When the structure is missing (no dose, or no timing), the text is read by the domain directions parser
 *   for the missing parts only, and its issues are returned under `dosageInstruction[n].text`.
 */
import type { Dosage as FhirDosage, Quantity, Timing } from '@medplum/fhirtypes';
import type { Issue } from '../domain/issues';
import type { DoseUnit, Dosage, Frequency, PeriodUnit, Route } from '../domain/opioids';
import { parseDirections } from '../domain/opioids';

const warn = (code: string, message: string, path: string): Issue => ({ code, message, severity: 'warning', path });
const info = (code: string, message: string, path: string): Issue => ({ code, message, severity: 'info', path });

const UNIT_WORDS: Readonly<Record<string, DoseUnit>> = {
  mg: 'mg',
  ug: 'mcg',
  mcg: 'mcg',
  ml: 'mL',
  '{tbl}': 'tablet',
  '{tablet}': 'tablet',
  '{tablets}': 'tablet',
  tab: 'tablet',
  tabs: 'tablet',
  tablet: 'tablet',
  tablets: 'tablet',
  '{cap}': 'capsule',
  '{capsule}': 'capsule',
  '{capsules}': 'capsule',
  cap: 'capsule',
  capsule: 'capsule',
  capsules: 'capsule',
  '{patch}': 'patch',
  patch: 'patch',
  patches: 'patch',
  '{actuat}': 'actuation',
  actuat: 'actuation',
  actuation: 'actuation',
  actuations: 'actuation',
  spray: 'actuation',
  sprays: 'actuation',
  '{spray}': 'actuation',
  film: 'film',
  films: 'film',
  '{film}': 'film',
  lozenge: 'lozenge',
  '{lozenge}': 'lozenge',
  suppository: 'suppository',
  '{suppository}': 'suppository',
  '1': 'each',
  '{each}': 'each',
  each: 'each',
};

export function doseUnitOf(quantity: Quantity | undefined): DoseUnit | null {
  for (const word of [quantity?.code, quantity?.unit]) {
    if (word === undefined) continue;
    const unit = UNIT_WORDS[word.trim().toLowerCase()];
    if (unit !== undefined) return unit;
  }
  return null;
}

const PERIOD_UNITS: Readonly<Record<string, PeriodUnit>> = { min: 'min', h: 'h', d: 'd', wk: 'wk', mo: 'mo' };
const GTS_CODES: Readonly<Record<string, Frequency | string>> = {
  QD: { count: 1, period: 1, periodUnit: 'd' },
  BID: { count: 2, period: 1, periodUnit: 'd' },
  TID: { count: 3, period: 1, periodUnit: 'd' },
  QID: { count: 4, period: 1, periodUnit: 'd' },
  QOD: { count: 1, period: 2, periodUnit: 'd' },
  Q1H: { count: 1, period: 1, periodUnit: 'h' },
  Q2H: { count: 1, period: 2, periodUnit: 'h' },
  Q3H: { count: 1, period: 3, periodUnit: 'h' },
  Q4H: { count: 1, period: 4, periodUnit: 'h' },
  Q6H: { count: 1, period: 6, periodUnit: 'h' },
  Q8H: { count: 1, period: 8, periodUnit: 'h' },
  WK: { count: 1, period: 1, periodUnit: 'wk' },
  MO: { count: 1, period: 1, periodUnit: 'mo' },
  AM: 'morning',
  PM: 'evening',
  BED: 'bedtime',
};
const WHEN_CODES: Readonly<Record<string, string>> = {
  MORN: 'morning',
  'MORN.early': 'morning',
  'MORN.late': 'morning',
  NOON: 'noon',
  EVE: 'evening',
  'EVE.early': 'evening',
  'EVE.late': 'evening',
  HS: 'bedtime',
};
const ROUTE_CODES: Readonly<Record<string, Route>> = {
  '26643006': 'oral',
  '45890007': 'transdermal',
  '37839007': 'sublingual',
  '54471007': 'buccal',
  '46713006': 'nasal',
  '37161004': 'rectal',
  '47625008': 'intravenous',
  '78421000': 'intramuscular',
  '34206005': 'subcutaneous',
  PO: 'oral',
  TRNSDERM: 'transdermal',
  SUBLING: 'sublingual',
  BUC: 'buccal',
  NASAL: 'nasal',
  RECTAL: 'rectal',
  IV: 'intravenous',
  IM: 'intramuscular',
  SQ: 'subcutaneous',
};
const ROUTE_TEXT: readonly [RegExp, Route][] = [
  [/\b(oral|by mouth|po)\b/i, 'oral'],
  [/\btransdermal\b/i, 'transdermal'],
  [/\bsublingual\b/i, 'sublingual'],
  [/\bbuccal\b/i, 'buccal'],
  [/\b(nasal|intranasal)\b/i, 'nasal'],
  [/\brectal\b/i, 'rectal'],
  [/\bintravenous\b/i, 'intravenous'],
  [/\bintramuscular\b/i, 'intramuscular'],
  [/\bsubcutaneous\b/i, 'subcutaneous'],
];

function readTiming(timing: Timing, path: string, out: Dosage, issues: Issue[]): void {
  const repeat = timing.repeat;
  if (repeat === undefined) {
    const code = timing.code?.coding?.map((c) => c.code).find((c) => c !== undefined && GTS_CODES[c] !== undefined);
    const value = code === undefined ? undefined : GTS_CODES[code];
    if (typeof value === 'string') out.timesOfDay = [value];
    else if (value !== undefined) out.frequency = { ...value };
    else if (timing.code !== undefined) issues.push(warn('fhir.timing-code-unknown', `The timing code "${timing.code.text ?? timing.code.coding?.[0]?.code ?? ''}" is not one Painpath reads.`, `${path}.code`));
    if (timing.event !== undefined) issues.push(warn('fhir.timing-event-unsupported', 'Timing events (exact dates and times) are not read.', `${path}.event`));
    return;
  }
  const rp = `${path}.repeat`;
  if (repeat.period !== undefined || repeat.frequency !== undefined) {
    const unit = repeat.periodUnit === undefined ? undefined : PERIOD_UNITS[repeat.periodUnit];
    if (repeat.period === undefined || !(repeat.period > 0)) {
      issues.push(warn('fhir.timing-period-missing', 'The timing gives a frequency without a period above zero.', `${rp}.period`));
    } else if (unit === undefined) {
      issues.push(warn('fhir.timing-period-unit-unsupported', `The period unit "${repeat.periodUnit ?? ''}" is not supported (minutes, hours, days, weeks or months).`, `${rp}.periodUnit`));
    } else {
      const count = repeat.frequency ?? 1;
      const frequency: Frequency = { count, period: repeat.period, periodUnit: unit };
      if (repeat.frequencyMax !== undefined && repeat.frequencyMax > count) frequency.countMax = repeat.frequencyMax;
      if (repeat.periodMax !== undefined && repeat.periodMax > repeat.period) frequency.periodMax = repeat.periodMax;
      out.frequency = frequency;
    }
  }
  const times: string[] = [];
  for (const [i, t] of (repeat.timeOfDay ?? []).entries()) {
    const m = /^(\d{2}):(\d{2})/.exec(t);
    if (m === null) issues.push(warn('fhir.time-of-day-unreadable', `"${t}" is not a time of day.`, `${rp}.timeOfDay[${i}]`));
    else times.push(`${m[1] ?? ''}:${m[2] ?? ''}`);
  }
  for (const [i, w] of (repeat.when ?? []).entries()) {
    const named = WHEN_CODES[w];
    if (named === undefined) issues.push(warn('fhir.timing-when-unsupported', `The event timing "${w}" does not say how many doses a day; it was not read.`, `${rp}.when[${i}]`));
    else times.push(named);
  }
  if (times.length > 0) out.timesOfDay = times;
  if (repeat.dayOfWeek !== undefined) issues.push(warn('fhir.timing-day-of-week-unsupported', 'Days of the week change how often a dose is taken; they are not read.', `${rp}.dayOfWeek`));
  const bounds = repeat.boundsDuration;
  if (bounds !== undefined) {
    const factor = bounds.code === 'd' || bounds.unit === 'd' || bounds.unit === 'days' ? 1 : bounds.code === 'wk' ? 7 : null;
    if (factor === null || bounds.value === undefined) issues.push(warn('fhir.timing-bounds-unsupported', 'The duration is not in days or weeks; it was not read.', `${rp}.boundsDuration`));
    else out.durationDays = bounds.value * factor;
  }
}

function readMaxPerDay(dosage: FhirDosage, path: string, out: Dosage, issues: Issue[]): void {
  const max = dosage.maxDosePerPeriod;
  if (max === undefined) return;
  const amount = max.numerator?.value;
  const unit = doseUnitOf(max.numerator);
  const per = max.denominator;
  const perDays = per?.value === undefined ? null : per.code === 'd' || per.unit === 'd' || per.unit === 'day' ? per.value : per.code === 'h' || per.unit === 'h' ? per.value / 24 : null;
  if (amount === undefined || unit === null) {
    issues.push(warn('fhir.max-dose-unreadable', 'The maximum dose per period has no amount or an unknown unit; it was not read.', `${path}.maxDosePerPeriod.numerator`));
  } else if (perDays !== 1) {
    issues.push(warn('fhir.max-dose-period-unsupported', 'Only a maximum per day (1 d or 24 h) is read; this one was not.', `${path}.maxDosePerPeriod.denominator`));
  } else {
    out.maxPerDay = { amount, unit };
  }
}

function readRoute(dosage: FhirDosage, path: string, issues: Issue[]): Route | undefined {
  if (dosage.route === undefined) return undefined;
  for (const coding of dosage.route.coding ?? []) {
    const route = coding.code === undefined ? undefined : ROUTE_CODES[coding.code];
    if (route !== undefined) return route;
  }
  const words = `${dosage.route.text ?? ''} ${(dosage.route.coding ?? []).map((c) => c.display ?? '').join(' ')}`;
  const byText = ROUTE_TEXT.find(([re]) => re.test(words))?.[1];
  if (byText === undefined) issues.push(warn('fhir.route-unknown', `The route "${words.trim()}" is not one Painpath reads; it was left empty.`, `${path}.route`));
  return byText;
}

/** One dosage instruction → the domain Dosage, with an issue for every part that could not be read. */
export function readDosage(dosage: FhirDosage, path: string, issues: Issue[]): Dosage {
  const out: Dosage = { asNeeded: false };
  const doseAndRate = dosage.doseAndRate ?? [];
  if (doseAndRate.length > 1) issues.push(warn('fhir.dose-and-rate-multiple', 'Only one dose per instruction is read; the others were not.', `${path}.doseAndRate[1]`));
  const first = doseAndRate[0];
  if (first?.doseQuantity !== undefined) {
    const unit = doseUnitOf(first.doseQuantity);
    const value = first.doseQuantity.value;
    if (unit === null || value === undefined) issues.push(warn('fhir.dose-unreadable', `The dose "${value ?? ''} ${first.doseQuantity.unit ?? first.doseQuantity.code ?? ''}" has no value or an unknown unit.`, `${path}.doseAndRate[0].doseQuantity`));
    else out.dose = { low: value, high: value, unit };
  } else if (first?.doseRange !== undefined) {
    const { low, high } = first.doseRange;
    const unit = doseUnitOf(high) ?? doseUnitOf(low);
    if (high?.value === undefined || unit === null) issues.push(warn('fhir.dose-range-unreadable', 'The dose range has no upper value or an unknown unit.', `${path}.doseAndRate[0].doseRange`));
    else out.dose = { low: low?.value ?? high.value, high: high.value, unit };
  } else if (first !== undefined) {
    issues.push(warn('fhir.dose-missing', 'The dose and rate entry has no dose quantity or range.', `${path}.doseAndRate[0]`));
  }
  if (first?.rateRatio !== undefined || first?.rateRange !== undefined || first?.rateQuantity !== undefined) {
    issues.push(info('fhir.rate-ignored', 'An administration rate does not enter the daily amount; it was not read.', `${path}.doseAndRate[0]`));
  }
  if (dosage.timing !== undefined) readTiming(dosage.timing, `${path}.timing`, out, issues);
  if (dosage.asNeededBoolean === true) out.asNeeded = true;
  if (dosage.asNeededCodeableConcept !== undefined) {
    out.asNeeded = true;
    const reason = dosage.asNeededCodeableConcept.text ?? dosage.asNeededCodeableConcept.coding?.[0]?.display;
    if (reason !== undefined) out.asNeededFor = reason;
  }
  readMaxPerDay(dosage, path, out, issues);
  const route = readRoute(dosage, path, issues);
  if (route !== undefined) out.route = route;

  const noTiming = out.frequency === undefined && out.timesOfDay === undefined;
  if ((out.dose === undefined || noTiming) && dosage.text !== undefined && dosage.text.trim() !== '') {
    const parsed = parseDirections(dosage.text);
    const textPath = `${path}.text`;
    for (const issue of parsed.issues) issues.push({ ...issue, path: textPath });
    const d = parsed.directions;
    const used: string[] = [];
    const take = (label: string, apply: () => void): void => {
      apply();
      used.push(label);
    };
    if (out.dose === undefined && d.dose !== undefined) take('dose', () => (out.dose = d.dose));
    if (noTiming && d.frequency !== undefined) take('frequency', () => (out.frequency = d.frequency));
    if (noTiming && d.timesOfDay !== undefined) take('times of day', () => (out.timesOfDay = d.timesOfDay));
    if (out.route === undefined && d.route !== undefined) take('route', () => (out.route = d.route));
    if (!out.asNeeded && d.asNeeded) take('as needed', () => (out.asNeeded = true));
    if (out.asNeededFor === undefined && d.asNeededFor !== undefined) out.asNeededFor = d.asNeededFor;
    if (out.maxPerDay === undefined && d.maxPerDay !== undefined) take('daily maximum', () => (out.maxPerDay = d.maxPerDay));
    if (out.durationDays === undefined && d.durationDays !== undefined) out.durationDays = d.durationDays;
    if (used.length > 0) issues.push(info('fhir.dosage-read-from-text', `The structured dosage was incomplete; ${used.join(', ')} were read from the text "${dosage.text}". Please confirm.`, textPath));
  }
  if (out.dose === undefined) issues.push(warn('fhir.dose-missing', 'No dose could be read from this instruction.', path));
  if (out.frequency === undefined && out.timesOfDay === undefined && out.maxPerDay === undefined) {
    issues.push(warn('fhir.timing-missing', 'No frequency, times of day or daily maximum could be read from this instruction.', path));
  }
  return out;
}
