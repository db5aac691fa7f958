/**
 * PHQ-2: the first two PHQ-9 items (anhedonia, depressed mood), 0–6.
 * Source: Kroenke K, Spitzer RL, Williams JBW. Med Care 2003;41:1284; reference/clinical-facts.md 7.3 [S].
 * - Total ≥ 3 is a positive screen → complete the PHQ-9 [S].
 * - LOINC: panel 55757-9, total 55758-7; items share the PHQ-9 item codes 44250-9 and 44255-8.
 * Assumptions: positivity is decided only on a complete PHQ-2 (both items), never from one item.
 */
import type { InstrumentModule } from '../types';
import { bandFor, FREQUENCY_OPTIONS, PFIZER_LICENCE, sumOf } from './common';
import { PHQ_PROMPT, phq9ItemText } from './phq9';

export const PHQ2_POSITIVE_MESSAGE = 'PHQ-2 total is 3 or more (positive screen): complete the PHQ-9.';

export const PHQ2: InstrumentModule = {
  instrument: {
    id: 'phq2',
    version: '2003',
    title: 'PHQ-2 (Patient Health Questionnaire, 2 items)',
    patientTitle: 'How your mood has been',
    prompt: PHQ_PROMPT,
    recall: 'the last 2 weeks',
    items: [1, 2].map((n) => ({ id: `phq2.${n}`, ...phq9ItemText(n), kind: 'choice', options: [...FREQUENCY_OPTIONS] })),
    loinc: { panel: '55757-9', total: '55758-7' },
    scoreRange: { min: 0, max: 6 },
    bands: [
      { code: 'negative', label: 'Negative screen', min: 0, max: 2 },
      { code: 'positive', label: 'Positive screen', min: 3, max: 6 },
    ],
    direction: 'lower-is-better',
    licence: PFIZER_LICENCE,
    source: 'Kroenke K, Spitzer RL, Williams JBW. Med Care 2003;41(11):1284–1292',
  },
  score(answers) {
    const total = sumOf(answers, ['phq2.1', 'phq2.2']);
    const flags = total >= 3 ? [{ code: 'phq2.positive', message: PHQ2_POSITIVE_MESSAGE }] : [];
    return { total, band: bandFor(PHQ2.instrument, total), flags };
  },
};
