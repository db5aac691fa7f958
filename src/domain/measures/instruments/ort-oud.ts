/**
 * ORT-OUD: the Opioid Risk Tool revised to predict opioid use disorder.
 * Source: Cheatle MD, Compton PA, Dhingra L, Wasser TE, O'Brien CP. J Pain 2019;20(7):842–851;
 * reference/clinical-facts.md 7.5 [V abstract].
 * - Drops the preadolescent sexual-abuse item and the sex weights; every item yes = 1 [V abstract].
 * - Cut-off 0–2 low, ≥ 3 high [U]: the named setting ortOudHighRiskCutoff (default 3); the band names it.
 * - Licence: not confirmed for ORT-OUD; treated as restricted like the ORT [U].
 * - LOINC: none used (not confirmed); Painpath code system with id 'ort-oud'.
 * Assumptions: the same plain, person-first questions as the ORT (ort.ts), including the age point
 * (16–45, from ScoreContext.ageYears); total 0–9. `bands` holds the default cut-off; with another setting
 * the band comes from the setting.
 */
import type { Issue } from '../../issues';
import type { InstrumentItem, InstrumentModule } from '../types';
import { describeSetting } from '../settings';
import { booleanAt } from './common';
import { agePoint, ORT_QUESTIONS, type OrtQuestion } from './ort';

const QUESTION_KEYS = (Object.keys(ORT_QUESTIONS) as OrtQuestion[]).filter((k) => k !== 'preadolescent-sexual-abuse');

const items: InstrumentItem[] = QUESTION_KEYS.map((key) => ({ id: `ort-oud.${key}`, text: ORT_QUESTIONS[key], kind: 'yes-no' }));

export const ORT_OUD: InstrumentModule = {
  instrument: {
    id: 'ort-oud',
    version: '2019',
    title: 'Opioid Risk Tool for opioid use disorder (ORT-OUD)',
    patientTitle: 'Your health history',
    prompt: 'Please answer yes or no. Your answers help your care team keep your pain care safe.',
    recall: 'your life so far',
    items,
    scoreRange: { min: 0, max: 9 },
    bands: [
      { code: 'low', label: 'Low risk', min: 0, max: 2 },
      { code: 'high', label: 'High risk', min: 3, max: 9 },
    ],
    direction: 'lower-is-better',
    licence: {
      text:
        'ORT-OUD (Cheatle et al. 2019) is derived from the Opioid Risk Tool (© Lynn R. Webster, MD). Its licence ' +
        'has not been confirmed: check with the authors before clinical use.',
      restricted: true,
    },
    source: "Cheatle MD, Compton PA, Dhingra L, Wasser TE, O'Brien CP. J Pain 2019;20(7):842–851",
  },
  score(answers, context, settings) {
    const age = agePoint(context, 'ort-oud');
    if ('issue' in age) return { total: null, band: null, issues: [age.issue] as Issue[] };
    const total = QUESTION_KEYS.reduce((sum, key) => sum + (booleanAt(answers, `ort-oud.${key}`) ? 1 : 0), age.points);
    const high = total >= settings.ortOudHighRiskCutoff;
    const setting = describeSetting(settings, 'ortOudHighRiskCutoff');
    return {
      total,
      band: high ? { code: 'high', label: 'High risk', setting } : { code: 'low', label: 'Low risk', setting },
    };
  },
};
