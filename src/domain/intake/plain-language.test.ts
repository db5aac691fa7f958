/**
 * Patient-facing words: reading grade 6 or below for our own text (PRODUCT.md "How it should feel"), and
 * person-first language everywhere (reference section 9). Validated instrument items and labels (PHQ-9,
 * PHQ-2, GAD-7, PEG, STarT Back) keep their published wording and are only checked for stigmatising words.
 * Grade: Flesch–Kincaid, with a simple vowel-group syllable count (an estimate, so the bar is the grade
 * itself, not a margin below it).
 */
import { describe, expect, it } from 'vitest';
import { INSTRUMENTS } from '../measures/instruments';
import { RED_FLAG_QUESTIONS } from './red-flags';
import { BODY_REGIONS, PAIN_WORD_LABELS, STORY_QUESTIONS, TREATMENT_RESPONSE_LABELS } from './story';

function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  return Math.max(1, trimmed.match(/[aeiouy]{1,2}/g)?.length ?? 1);
}

function grade(text: string): number {
  const words = text.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w));
  const sentences = Math.max(1, text.split(/[.?!]+/).filter((s) => s.trim() !== '').length);
  const syllableCount = words.reduce((sum, w) => sum + syllables(w), 0);
  return 0.39 * (words.length / sentences) + 11.8 * (syllableCount / words.length) - 15.59;
}

/** Medical names a person has to see as they are (a diagnosis they may have been told). */
const NAMES = /\b(ADD|ADHD|OCD|bipolar disorder|schizophrenia|depression|osteoporosis|prednisone|UTI)\b/g;

const OUR_TEXTS: [string, string][] = [
  ...Object.entries(STORY_QUESTIONS).flatMap(([page, texts]) =>
    Object.entries(texts).map(([key, text]): [string, string] => [`story ${page}.${key}`, text]),
  ),
  ...RED_FLAG_QUESTIONS.map((q): [string, string] => [`red flag ${q.id}`, q.text]),
  ...BODY_REGIONS.map((r): [string, string] => [`region ${r.id}`, r.label]),
  ...Object.entries(PAIN_WORD_LABELS).map(([k, v]): [string, string] => [`pain word ${k}`, v]),
  ...Object.entries(TREATMENT_RESPONSE_LABELS).map(([k, v]): [string, string] => [`helped ${k}`, v]),
  ...Object.values(INSTRUMENTS).map((i): [string, string] => [`${i.id} patientTitle`, i.patientTitle]),
  ...(['psfs', 'ort', 'ort-oud'] as const).flatMap((id) => [
    [`${id} prompt`, INSTRUMENTS[id].prompt] as [string, string],
    ...INSTRUMENTS[id].items.map((item): [string, string] => [item.id, item.text]),
  ]),
  ['psfs anchors', `${INSTRUMENTS.psfs.items[0]?.anchors?.low}. ${INSTRUMENTS.psfs.items[0]?.anchors?.high}.`],
  ['peg prompt', INSTRUMENTS.peg.prompt],
];

const wordCount = (text: string): number => text.split(/\s+/).filter((w) => w !== '').length;

describe('our patient-facing text reads at grade 6 or below', () => {
  it.each(OUR_TEXTS.filter(([, text]) => wordCount(text) >= 5))('%s', (_where, text) => {
    expect(grade(text.replace(NAMES, 'it'))).toBeLessThanOrEqual(6);
  });

  // Flesch–Kincaid means nothing for a label of one to four words: there, no word over 3 syllables.
  it.each(OUR_TEXTS.filter(([, text]) => wordCount(text) < 5))('%s (short label)', (_where, text) => {
    const words = text.replace(NAMES, 'it').split(/\s+/);
    expect(words.filter((w) => syllables(w) > 3)).toEqual([]);
  });
});

const STIGMA = /\b(addicts?|abusers?|drug abuse|substance abuse|alcoholics?|junkies?|clean|dirty|refus(e|es|ed)|non-?compliant|narcotics?|drug-seeking|manipulative|chronic pain patients?)\b/i;

const ALL_TEXTS: string[] = [
  ...OUR_TEXTS.map(([, text]) => text),
  ...Object.values(INSTRUMENTS).flatMap((i) => [
    i.title,
    i.prompt,
    ...i.items.flatMap((item) => [item.text, ...(item.options ?? []).map((o) => o.label)]),
    ...i.bands.map((b) => b.label),
  ]),
  ...RED_FLAG_QUESTIONS.map((q) => q.reason),
];

describe('person-first language (reference section 9)', () => {
  it('uses no stigmatising terms', () => {
    expect(ALL_TEXTS.filter((text) => STIGMA.test(text))).toEqual([]);
  });

  it('the check itself catches a stigmatising phrase', () => {
    expect(STIGMA.test('History of substance abuse')).toBe(true);
    expect(STIGMA.test('The patient refused')).toBe(true);
  });
});
