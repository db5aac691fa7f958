/**
 * Patient-Specific Functional Scale (PSFS).
 * Source: Stratford P, Gill C, Westaway M, Binkley J. Physiother Can 1995;47:258–263;
 * reference/clinical-facts.md 7.2 [S].
 * - The person names up to 3 (the form allows up to 5) important activities they cannot do or find hard
 *   because of the problem, and rates each 0 (unable to perform) to 10 (able to perform at the level
 *   before the problem). Score = mean of the activity scores [S]. No bands.
 * - Free; forms say "reproduced with the permission of the authors" [S].
 * - LOINC: none used (not confirmed); Painpath code system with id 'psfs'.
 * Assumptions: 1 to 5 activities; scores are whole numbers 0–10; names are trimmed, 1–100 characters and
 * distinct (ignoring case); the mean is rounded to one decimal place, like the PEG. The PSFS is an
 * interview script rather than fixed item wording, so the question is in our own plain words.
 */
import type { InstrumentModule, PsfsActivity } from '../types';
import { roundOneDecimal } from './common';

export const PSFS_MAX_ACTIVITIES = 5;
export const PSFS_NAME_MAX_LENGTH = 100;

export const PSFS: InstrumentModule = {
  instrument: {
    id: 'psfs',
    version: '1995',
    title: 'Patient-Specific Functional Scale (PSFS)',
    patientTitle: 'Things you want to do again',
    prompt: 'Name up to 5 things that are hard to do because of your pain. They can be things you cannot do at all.',
    recall: 'today',
    items: [
      {
        id: 'psfs.activities',
        text: 'For each one, pick a number. 0 means you cannot do it at all. 10 means you can do it as well as before your pain.',
        kind: 'activity',
        anchors: { low: 'I cannot do it', high: 'I can do it as well as before' },
      },
    ],
    scoreRange: { min: 0, max: 10 },
    bands: [],
    direction: 'higher-is-better',
    licence: {
      text: 'Patient-Specific Functional Scale (Stratford et al. 1995): free to use; the forms say "reproduced with the permission of the authors".',
      restricted: false,
    },
    source: 'Stratford P, Gill C, Westaway M, Binkley J. Physiother Can 1995;47:258–263',
  },
  score(answers) {
    const value = answers.get('psfs.activities');
    if (!Array.isArray(value) || value.length === 0) throw new Error('PSFS.score: needs at least one valid activity');
    const activities: PsfsActivity[] = value.map((a) => ({ name: a.name.trim(), score: a.score }));
    const mean = activities.reduce((sum, a) => sum + a.score, 0) / activities.length;
    return { total: roundOneDecimal(mean), band: null, activities };
  },
};
