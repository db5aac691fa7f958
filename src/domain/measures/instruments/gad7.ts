/**
 * GAD-7 (Generalized Anxiety Disorder, 7 items).
 * Source: Spitzer RL et al. Arch Intern Med 2006;166:1092–1097; reference/clinical-facts.md 7.4 [S].
 * - Seven items over the last 2 weeks, each 0–3; total 0–21. Bands 0–4 minimal, 5–9 mild, 10–14 moderate,
 *   15–21 severe [S]. Free (Pfizer, as the PHQ) [S].
 * - LOINC: panel 69737-5, total 70274-6, items 69725-0, 68509-9, 69733-4, 69734-2, 69735-9, 69689-8, 69736-7.
 * Assumptions: item wording as published.
 */
import type { InstrumentItem, InstrumentModule } from '../types';
import { bandFor, FREQUENCY_OPTIONS, PFIZER_LICENCE, sumOf } from './common';

const ITEMS: readonly [string, string][] = [
  ['Feeling nervous, anxious, or on edge', '69725-0'],
  ['Not being able to stop or control worrying', '68509-9'],
  ['Worrying too much about different things', '69733-4'],
  ['Trouble relaxing', '69734-2'],
  ["Being so restless that it's hard to sit still", '69735-9'],
  ['Becoming easily annoyed or irritable', '69689-8'],
  ['Feeling afraid as if something awful might happen', '69736-7'],
];

const items: InstrumentItem[] = ITEMS.map(([text, loinc], index) => ({
  id: `gad7.${index + 1}`,
  text,
  kind: 'choice',
  options: [...FREQUENCY_OPTIONS],
  loinc,
}));

export const GAD7: InstrumentModule = {
  instrument: {
    id: 'gad7',
    version: '2006',
    title: 'GAD-7 (Generalized Anxiety Disorder, 7 items)',
    patientTitle: 'Worry and feeling on edge',
    prompt: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
    recall: 'the last 2 weeks',
    items,
    loinc: { panel: '69737-5', total: '70274-6' },
    scoreRange: { min: 0, max: 21 },
    bands: [
      { code: 'minimal', label: 'Minimal', min: 0, max: 4 },
      { code: 'mild', label: 'Mild', min: 5, max: 9 },
      { code: 'moderate', label: 'Moderate', min: 10, max: 14 },
      { code: 'severe', label: 'Severe', min: 15, max: 21 },
    ],
    direction: 'lower-is-better',
    licence: PFIZER_LICENCE,
    source: 'Spitzer RL, Kroenke K, Williams JBW, Löwe B. Arch Intern Med 2006;166:1092–1097',
  },
  score(answers) {
    const total = sumOf(answers, items.map((i) => i.id));
    return { total, band: bandFor(GAD7.instrument, total) };
  },
};
