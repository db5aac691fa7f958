/**
 * PEG: pain intensity, interference with enjoyment of life, interference with general activity.
 * Source: Krebs EE et al. J Gen Intern Med 2009;24(6):733–738; reference/clinical-facts.md 7.1.
 * - Items and 0–10 format [V]; anchors (0 no pain – 10 pain as bad as you can imagine; 0 does not
 *   interfere – 10 completely interferes) [U]; score = mean of the three items, no severity bands [V].
 * - Licence: free to use, no licence found [U].
 * - LOINC: panel 91148-7 and mean score 91147-9 ("Mean score [PEG]", as used by AHRQ CDS Connect's Pain
 *   Management Summary). 91148-7 is the panel, not the score. Item codes are left out: not confirmed.
 * Assumptions: the mean is rounded to one decimal place (contract); answers are whole numbers 0–10.
 */
import type { InstrumentModule } from '../types';
import { numberAt, roundOneDecimal } from './common';

const INTERFERENCE = { low: 'Does not interfere', high: 'Completely interferes' };

export const PEG: InstrumentModule = {
  instrument: {
    id: 'peg',
    version: '2009',
    title: 'PEG (pain, enjoyment, general activity)',
    patientTitle: 'Your pain and your life',
    prompt: 'Choose the one number that best fits. Think about the past week.',
    recall: 'the past week',
    items: [
      {
        id: 'peg.1',
        text: 'What number best describes your pain on average in the past week?',
        kind: 'scale-0-10',
        anchors: { low: 'No pain', high: 'Pain as bad as you can imagine' },
      },
      {
        id: 'peg.2',
        text: 'What number best describes how, during the past week, pain has interfered with your enjoyment of life?',
        kind: 'scale-0-10',
        anchors: INTERFERENCE,
      },
      {
        id: 'peg.3',
        text: 'What number best describes how, during the past week, pain has interfered with your general activity?',
        kind: 'scale-0-10',
        anchors: INTERFERENCE,
      },
    ],
    loinc: { panel: '91148-7', total: '91147-9' },
    scoreRange: { min: 0, max: 10 },
    bands: [],
    direction: 'lower-is-better',
    licence: { text: 'The PEG (Krebs et al. 2009) is free to use; no licence was found.', restricted: false },
    source: 'Krebs EE et al. J Gen Intern Med 2009;24(6):733–738',
  },
  score(answers) {
    const sum = numberAt(answers, 'peg.1') + numberAt(answers, 'peg.2') + numberAt(answers, 'peg.3');
    return { total: roundOneDecimal(sum / 3), band: null };
  },
};
