/**
 * PHQ-9 (Patient Health Questionnaire, 9 items).
 * Source: Kroenke K, Spitzer RL, Williams JBW. J Gen Intern Med 2001; reference/clinical-facts.md 7.3 [S].
 * - Nine items over the last 2 weeks, each 0–3; total 0–27. Bands 0–4 none/minimal, 5–9 mild,
 *   10–14 moderate, 15–19 moderately severe, 20–27 severe [S].
 * - Item 9 > 0 needs a same-day suicide-risk assessment whatever the total (clinical convention, not a
 *   scoring rule) [S]: raised as a flag from item 9 alone, even before the other items are answered.
 * - The optional 10th (difficulty) item is not scored and not asked.
 * - Free: Pfizer released the PHQ without copyright restriction or charge [S].
 * - LOINC: panel 44249-1, total 44261-6, items 44250-9 … 44260-8 (as in LOINC's PHQ-9 panel).
 * Assumptions: item wording as published (validated text is kept, not simplified).
 */
import type { Answers, InstrumentItem, InstrumentModule } from '../types';
import { bandFor, FREQUENCY_OPTIONS, PFIZER_LICENCE, sumOf } from './common';

const ITEMS: readonly [string, string][] = [
  ['Little interest or pleasure in doing things', '44250-9'],
  ['Feeling down, depressed, or hopeless', '44255-8'],
  ['Trouble falling or staying asleep, or sleeping too much', '44259-0'],
  ['Feeling tired or having little energy', '44254-1'],
  ['Poor appetite or overeating', '44251-7'],
  ['Feeling bad about yourself — or that you are a failure or have let yourself or your family down', '44258-2'],
  ['Trouble concentrating on things, such as reading the newspaper or watching television', '44252-5'],
  [
    'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety ' +
      'or restless that you have been moving around a lot more than usual',
    '44253-3',
  ],
  ['Thoughts that you would be better off dead or of hurting yourself in some way', '44260-8'],
];

export const PHQ_PROMPT = 'Over the last 2 weeks, how often have you been bothered by any of the following problems?';

const items: InstrumentItem[] = ITEMS.map(([text, loinc], index) => ({
  id: `phq9.${index + 1}`,
  text,
  kind: 'choice',
  options: [...FREQUENCY_OPTIONS],
  loinc,
}));
const ITEM_IDS = items.map((i) => i.id);

export const ITEM9_MESSAGE =
  'PHQ-9 item 9 (thoughts of being better off dead or of self-harm) was answered above "Not at all": ' +
  'a same-day safety assessment is needed, whatever the total.';

export const PHQ9: InstrumentModule = {
  instrument: {
    id: 'phq9',
    version: '2001',
    title: 'PHQ-9 (Patient Health Questionnaire, 9 items)',
    patientTitle: 'How your mood has been',
    prompt: PHQ_PROMPT,
    recall: 'the last 2 weeks',
    items,
    loinc: { panel: '44249-1', total: '44261-6' },
    scoreRange: { min: 0, max: 27 },
    bands: [
      { code: 'minimal', label: 'None or minimal', min: 0, max: 4 },
      { code: 'mild', label: 'Mild', min: 5, max: 9 },
      { code: 'moderate', label: 'Moderate', min: 10, max: 14 },
      { code: 'moderately-severe', label: 'Moderately severe', min: 15, max: 19 },
      { code: 'severe', label: 'Severe', min: 20, max: 27 },
    ],
    direction: 'lower-is-better',
    licence: PFIZER_LICENCE,
    source: 'Kroenke K, Spitzer RL, Williams JBW. J Gen Intern Med 2001;16(9):606–613',
  },
  score(answers) {
    const total = sumOf(answers, ITEM_IDS);
    return { total, band: bandFor(PHQ9.instrument, total) };
  },
  itemFlags(answers) {
    const item9 = answers.get('phq9.9');
    return typeof item9 === 'number' && item9 > 0 ? [{ code: 'phq9.item9-positive', message: ITEM9_MESSAGE }] : [];
  },
};

/**
 * PHQ-2 items 1–2 are PHQ-9 items 1–2: carries them over so a person who screens positive is not asked
 * the same two questions again. Only numbers are copied; anything else is left for the person to answer.
 */
export function phq9AnswersFromPhq2(phq2: Answers): Answers {
  const answers: Answers = {};
  for (const n of [1, 2]) {
    const value = phq2[`phq2.${n}`];
    if (typeof value === 'number') answers[`phq9.${n}`] = value;
  }
  return answers;
}

/** Used by the PHQ-2 module so both files share one item wording. */
export function phq9ItemText(n: number): { text: string; loinc: string } {
  const item = items[n - 1];
  if (item === undefined || item.loinc === undefined) throw new Error(`phq9ItemText: no item ${n}`);
  return { text: item.text, loinc: item.loinc };
}

/** Exposed for tests. */
export const PHQ9_ITEM_IDS: readonly string[] = ITEM_IDS;
