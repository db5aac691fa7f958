/**
 * Imaging in context: for a spine finding, the share of people of the same age WITHOUT pain who have it
 * (Brinjikji 2015, ./brinjikji-2015.ts), with suggested wording for the report and for the person.
 *
 * Source: reference/clinical-facts.md section 6; seed article 003 (being told about findings changes
 * outcomes: reassurance that findings are common and often painless beats a bare factual report —
 * Rajasekaran 2021, Darlow 2013 as cited there).
 *
 * Ages between the tabulated decades (rule stated in every result as `ageRule`):
 * - Ages 20, 30, …, 80 use the tabulated figure ('tabulated').
 * - Ages in between use straight-line interpolation between the two neighbouring decade figures, rounded
 *   to the nearest whole percent, halves rounded up ('interpolated'). E.g. disc bulge at 45: 50 % and 60 % →
 *   55 %.
 * - Ages below 20 use the 20-year figure ('clamped-below'), ages above 80 the 80-year figure
 *   ('clamped-above'); the review did not estimate outside 20–80, so the result says so.
 * - Certainty is the weaker of the figures used ('V' only when every figure used is [V]).
 * Ages must be whole years 0–120.
 */
import { error, type Issue } from '../issues';
import {
  BRINJIKJI_2015,
  BRINJIKJI_SOURCE,
  BRINJIKJI_TABLE_VERSION,
  FINDING_NAMES,
  TABULATED_AGES,
  type Certainty,
  type SpineFinding,
} from './brinjikji-2015';
import { patientWording, reportWording } from './wording';

export const AGE_RULE =
  'Ages 20, 30, 40, 50, 60, 70 and 80 use the published figure; ages in between use a straight line between the two nearest decades, rounded to a whole percent; ages under 20 use the 20-year figure and ages over 80 the 80-year figure (the review estimated only ages 20 to 80).';

export type AgeMethod = 'tabulated' | 'interpolated' | 'clamped-below' | 'clamped-above';

export interface ImagingContext {
  finding: SpineFinding;
  clinicalName: string;
  plainName: string;
  age: number;
  /** Percent of people of this age WITHOUT pain who have the finding. */
  prevalencePercent: number;
  method: AgeMethod;
  /** The decade figures used: one (tabulated/clamped) or two (interpolated). */
  pointsUsed: { age: number; percent: number; certainty: Certainty; noSourceData: boolean }[];
  certainty: Certainty;
  ageRule: string;
  reportWording: string;
  patientWording: string;
  source: string;
  tableVersion: string;
  issues: Issue[];
}

function point(finding: SpineFinding, index: number): { age: number; percent: number; certainty: Certainty; noSourceData: boolean } {
  const row = BRINJIKJI_2015[finding];
  const age = TABULATED_AGES[index] ?? 20;
  const percent = row.percents[index] ?? 0;
  return { age, percent, certainty: row.verifiedAges.includes(age) ? 'V' : 'S', noSourceData: row.noSourceData.includes(age) };
}

/** Percent at an age by the stated rule (whole percent). Throws on a non-whole or out-of-range age. */
export function prevalenceAtAge(finding: SpineFinding, age: number): { percent: number; method: AgeMethod; points: ReturnType<typeof point>[] } {
  if (!Number.isInteger(age) || age < 0 || age > 120) throw new Error(`prevalenceAtAge: age must be a whole number 0–120, got ${age}`);
  if (age <= 20) {
    const p = point(finding, 0);
    return { percent: p.percent, method: age === 20 ? 'tabulated' : 'clamped-below', points: [p] };
  }
  if (age >= 80) {
    const p = point(finding, 6);
    return { percent: p.percent, method: age === 80 ? 'tabulated' : 'clamped-above', points: [p] };
  }
  const lowerIndex = Math.floor((age - 20) / 10);
  const lower = point(finding, lowerIndex);
  if (age === lower.age) return { percent: lower.percent, method: 'tabulated', points: [lower] };
  const upper = point(finding, lowerIndex + 1);
  const exact = lower.percent + ((upper.percent - lower.percent) * (age - lower.age)) / 10;
  return { percent: Math.floor(exact + 0.5 + 1e-9), method: 'interpolated', points: [lower, upper] };
}

export function validateImagingRequest(age: number, findings: readonly string[], pathPrefix = ''): Issue[] {
  const issues: Issue[] = [];
  if (!Number.isInteger(age) || age < 0 || age > 120) issues.push(error('imaging.age-invalid', 'Age must be a whole number of years from 0 to 120.', `${pathPrefix}age`));
  if (findings.length === 0) issues.push(error('imaging.findings-required', 'Choose at least one finding.', `${pathPrefix}findings`));
  findings.forEach((f, i) => {
    if (!(f in BRINJIKJI_2015)) issues.push(error('imaging.finding-unknown', `"${f}" is not a finding in the Brinjikji 2015 table.`, `${pathPrefix}findings[${i}]`));
    else if (findings.indexOf(f) !== i) issues.push(error('imaging.finding-duplicate', `"${f}" is listed twice.`, `${pathPrefix}findings[${i}]`));
  });
  return issues;
}

export function imagingContext(finding: SpineFinding, age: number): ImagingContext {
  const { percent, method, points } = prevalenceAtAge(finding, age);
  const names = FINDING_NAMES[finding];
  const certainty: Certainty = points.every((p) => p.certainty === 'V') ? 'V' : 'S';
  const issues: Issue[] = [];
  if (method === 'clamped-below' || method === 'clamped-above') {
    issues.push({
      code: `imaging.age-${method}`,
      message: `The review estimated ages 20 to 80 only; the ${method === 'clamped-below' ? '20' : '80'}-year figure is used for age ${age}.`,
      severity: 'info',
    });
  }
  if (points.some((p) => p.noSourceData)) {
    issues.push({
      code: 'imaging.no-source-data-at-age',
      message: `The review had no source data for ${names.clinical.toLowerCase()} at age ${points.filter((p) => p.noSourceData).map((p) => p.age).join(' and ')}; that figure is a model estimate.`,
      severity: 'info',
    });
  }
  return {
    finding,
    clinicalName: names.clinical,
    plainName: names.plain,
    age,
    prevalencePercent: percent,
    method,
    pointsUsed: points,
    certainty,
    ageRule: AGE_RULE,
    reportWording: reportWording(finding, age, percent),
    patientWording: patientWording(finding, age, percent),
    source: BRINJIKJI_SOURCE,
    tableVersion: BRINJIKJI_TABLE_VERSION,
    issues,
  };
}
