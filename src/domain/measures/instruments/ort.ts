/**
 * Opioid Risk Tool (ORT).
 * Source: Webster LR, Webster RM. Pain Med 2005;6(6):432–442; reference/clinical-facts.md 7.5 [S].
 * - Sex-weighted table (female / male): family history of alcohol 1/3, illegal drugs 2/3, prescription
 *   drugs 4/4; personal history of alcohol 3/3, illegal drugs 4/4, prescription drugs 5/5; age 16–45 1/1;
 *   preadolescent sexual abuse 3/0; ADD, OCD, bipolar, schizophrenia 2/2; depression 1/1 [S].
 * - Total 0–26; 0–3 low, 4–7 moderate, ≥ 8 high risk of aberrant drug-related behaviour [S].
 * - Licence: the author asks clinicians to request permission for clinical use (© L. Webster) [S].
 * - LOINC: none used (not confirmed); Painpath code system with id 'ort'.
 * Assumptions:
 * - Age is not asked: the age point comes from ScoreContext.ageYears (16 to 45 inclusive).
 * - The weights exist for female and male only. For any other or missing sex no total is given (we do
 *   not pick a column for the person) and a warning says so; ORT-OUD has no sex weights. The same for a
 *   missing age. `complete` still says whether every question was answered.
 * - The published form is a clinician checklist whose headings say "substance abuse" (language-scan: allow, quoting the form); the questions below
 *   ask the same things in plain, person-first words (reference section 9). Their equivalence is [U].
 */
import type { Issue } from '../../issues';
import type { InstrumentItem, InstrumentModule, ScoreContext, ValidAnswers } from '../types';
import { bandFor, booleanAt } from './common';

/** Questions shared by ORT and ORT-OUD, keyed by the part of the item id after the instrument id. */
export const ORT_QUESTIONS = {
  'family-alcohol': 'Think of your close family. Has one of them had trouble with alcohol?',
  'family-illegal-drugs': 'Think of your close family. Has one of them had trouble with illegal drugs?',
  'family-prescription-drugs': 'Think of your close family. Has one of them had trouble with prescription drugs?',
  'personal-alcohol': 'Have you ever had trouble with alcohol?',
  'personal-illegal-drugs': 'Have you ever had trouble with illegal drugs?',
  'personal-prescription-drugs': 'Have you ever had trouble with prescription drugs?',
  'preadolescent-sexual-abuse': 'As a child, before your teens, did anyone abuse you sexually?',
  'psychological-disease': 'Has a doctor ever told you that you have ADD or ADHD, OCD, bipolar disorder or schizophrenia?',
  depression: 'Has a doctor ever told you that you have depression?',
} as const;
export type OrtQuestion = keyof typeof ORT_QUESTIONS;

/** Webster 2005 weights (female, male) [S]. */
export const ORT_WEIGHTS: Readonly<Record<OrtQuestion, { female: number; male: number }>> = {
  'family-alcohol': { female: 1, male: 3 },
  'family-illegal-drugs': { female: 2, male: 3 },
  'family-prescription-drugs': { female: 4, male: 4 },
  'personal-alcohol': { female: 3, male: 3 },
  'personal-illegal-drugs': { female: 4, male: 4 },
  'personal-prescription-drugs': { female: 5, male: 5 },
  'preadolescent-sexual-abuse': { female: 3, male: 0 },
  'psychological-disease': { female: 2, male: 2 },
  depression: { female: 1, male: 1 },
};
export const ORT_AGE_POINTS = { minYears: 16, maxYears: 45, points: 1 } as const;

/** The age point, or an issue when the age is missing or not a whole number of years. */
export function agePoint(context: ScoreContext, instrumentId: string): { points: number } | { issue: Issue } {
  const age = context.ageYears;
  if (age === undefined || !Number.isInteger(age) || age < 0) {
    const message = `The ${instrumentId === 'ort' ? 'ORT' : 'ORT-OUD'} counts age 16–45, so it needs the person's age in whole years; no total was given.`;
    return { issue: { code: `${instrumentId}.age-needed`, message, severity: 'warning', path: 'context.ageYears' } };
  }
  return { points: age >= ORT_AGE_POINTS.minYears && age <= ORT_AGE_POINTS.maxYears ? ORT_AGE_POINTS.points : 0 };
}

const QUESTION_KEYS = Object.keys(ORT_QUESTIONS) as OrtQuestion[];

const items: InstrumentItem[] = QUESTION_KEYS.map((key) => ({
  id: `ort.${key}`,
  text: ORT_QUESTIONS[key],
  kind: 'yes-no',
  ...(ORT_WEIGHTS[key].female === ORT_WEIGHTS[key].male ? {} : { sexSpecific: true }),
}));

function weightedSum(answers: ValidAnswers, sex: 'female' | 'male'): number {
  return QUESTION_KEYS.reduce((sum, key) => sum + (booleanAt(answers, `ort.${key}`) ? ORT_WEIGHTS[key][sex] : 0), 0);
}

export const ORT: InstrumentModule = {
  instrument: {
    id: 'ort',
    version: '2005',
    title: 'Opioid Risk Tool (ORT)',
    patientTitle: 'Your health history',
    prompt: 'Please answer yes or no. Your answers help your care team keep your pain care safe.',
    recall: 'your life so far',
    items,
    scoreRange: { min: 0, max: 26 },
    bands: [
      { code: 'low', label: 'Low risk', min: 0, max: 3 },
      { code: 'moderate', label: 'Moderate risk', min: 4, max: 7 },
      { code: 'high', label: 'High risk', min: 8, max: 26 },
    ],
    direction: 'lower-is-better',
    licence: {
      text: 'Opioid Risk Tool © Lynn R. Webster, MD. The author asks clinicians to request permission for clinical use.',
      restricted: true,
    },
    source: 'Webster LR, Webster RM. Pain Med 2005;6(6):432–442',
  },
  score(answers, context) {
    const issues: Issue[] = [];
    const sex = context.sex === 'female' || context.sex === 'male' ? context.sex : null;
    if (sex === null) {
      const message =
        'The ORT weights some answers by sex, and its table has female and male columns only. Sex is not ' +
        'recorded as female or male, so no total was given. The ORT-OUD has no sex weights.';
      issues.push({ code: 'ort.sex-needed', message, severity: 'warning', path: 'context.sex' });
    }
    const age = agePoint(context, 'ort');
    if ('issue' in age) issues.push(age.issue);
    if (sex === null || 'issue' in age) return { total: null, band: null, issues };
    const total = weightedSum(answers, sex) + age.points;
    return { total, band: bandFor(ORT.instrument, total) };
  },
};
