/**
 * STarT Back Screening Tool.
 * Source: Hill JC et al. Arthritis Rheum 2008;59(5):632–641; Keele University; reference/clinical-facts.md
 * 7.6 [V keele.ac.uk].
 * - Nine items about the last 2 weeks; items 1–8 agree = 1 / disagree = 0; item 9 bothersomeness (not at
 *   all, slightly, moderately, very much, extremely): very much or extremely = 1 [V].
 * - Total = all 9 (0–9); psychosocial subscale = items 5–9 (0–5) [V].
 * - Total 0–3 → low risk; 4–9 → medium, unless subscale 4–5 → high risk [V].
 * - © 2007 Keele University; no licence for non-commercial use; keep the copyright and funding statement;
 *   commercial incorporation needs contact with Keele; not validated for non-back conditions [V].
 * - LOINC: total 91351-7 ("Total score [STarT Back]", as used by AHRQ CDS Connect's Pain Management
 *   Summary). Panel and subscale codes are left out: not confirmed.
 * Assumptions: item wording as on the Keele form (from memory of the published form; check against the
 * form in use); the funding line of the licence text is from memory of the form [U]. Item 9 answers are
 * stored as 0–4 (the option chosen) and converted to 0/1 when scored. The 'high' band's min/max are the
 * total's; the subscale rule decides between medium and high.
 */
import type { AnswerOption, InstrumentItem, InstrumentModule } from '../types';
import { numberAt, sumOf } from './common';

const AGREE: AnswerOption[] = [
  { value: 0, label: 'Disagree' },
  { value: 1, label: 'Agree' },
];

const AGREE_ITEMS: readonly string[] = [
  'My back pain has spread down my leg(s) at some time in the last 2 weeks',
  'I have had pain in the shoulder or neck at some time in the last 2 weeks',
  'I have only walked short distances because of my back pain',
  'In the last 2 weeks, I have dressed more slowly than usual because of back pain',
  "It's not really safe for a person with a condition like mine to be physically active",
  'Worrying thoughts have been going through my mind a lot of the time',
  "I feel that my back pain is terrible and it's never going to get any better",
  'In general I have not enjoyed all the things I used to enjoy',
];

const items: InstrumentItem[] = [
  ...AGREE_ITEMS.map((text, index): InstrumentItem => ({ id: `startback.${index + 1}`, text, kind: 'choice', options: AGREE })),
  {
    id: 'startback.9',
    text: 'Overall, how bothersome has your back pain been in the last 2 weeks?',
    kind: 'choice',
    options: [
      { value: 0, label: 'Not at all' },
      { value: 1, label: 'Slightly' },
      { value: 2, label: 'Moderately' },
      { value: 3, label: 'Very much' },
      { value: 4, label: 'Extremely' },
    ],
  },
];

/** Item 9 answers that score 1: 'very much' and 'extremely'. */
export const STARTBACK_ITEM9_SCORING_MIN = 3;
export const STARTBACK_HIGH_SUBSCALE_MIN = 4;
export const STARTBACK_MEDIUM_TOTAL_MIN = 4;

export const STARTBACK: InstrumentModule = {
  instrument: {
    id: 'startback',
    version: '2007',
    title: 'STarT Back Screening Tool',
    patientTitle: 'Your back pain',
    prompt: 'Thinking about the last 2 weeks, tick your response to the following questions.',
    recall: 'the last 2 weeks',
    items,
    loinc: { total: '91351-7' },
    scoreRange: { min: 0, max: 9 },
    bands: [
      { code: 'low', label: 'Low risk', min: 0, max: 3 },
      { code: 'medium', label: 'Medium risk', min: 4, max: 9 },
      { code: 'high', label: 'High risk', min: 4, max: 9 },
    ],
    direction: 'lower-is-better',
    licence: {
      text:
        'STarT Back Screening Tool © Keele University 01/08/07. Funded by Arthritis Research UK. No licence is ' +
        'needed for non-commercial use; keep this copyright and funding statement. Commercial use (including ' +
        'building it into a commercial product) needs contact with Keele University. Not validated for ' +
        'conditions other than back pain.',
      restricted: true,
    },
    source: 'Hill JC, Dunn KM, Lewis M, et al. Arthritis Rheum 2008;59(5):632–641 (Keele University)',
  },
  score(answers) {
    const item9 = numberAt(answers, 'startback.9') >= STARTBACK_ITEM9_SCORING_MIN ? 1 : 0;
    const psychosocial = sumOf(answers, ['startback.5', 'startback.6', 'startback.7', 'startback.8']) + item9;
    const total = sumOf(answers, ['startback.1', 'startback.2', 'startback.3', 'startback.4']) + psychosocial;
    const code = total < STARTBACK_MEDIUM_TOTAL_MIN ? 'low' : psychosocial >= STARTBACK_HIGH_SUBSCALE_MIN ? 'high' : 'medium';
    const band = STARTBACK.instrument.bands.find((b) => b.code === code);
    return {
      total,
      band: band === undefined ? null : { code: band.code, label: band.label },
      subscales: { psychosocial },
    };
  },
};
