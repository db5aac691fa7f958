import { describe, expect, it } from 'vitest';
import { countText, fleschKincaidGrade, fleschKincaidGradeFromCounts } from './readability';

// Syllables counted by hand (dictionary syllabification) for each known text.
const KNOWN_TEXTS: { name: string; text: string; sentences: number; words: number; syllables: number; grade: number }[] = [
  // 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45
  { name: 'one-syllable sentence', text: 'The cat sat on the mat.', sentences: 1, words: 6, syllables: 6, grade: -1.4 },
  // The(1) Australian(4) platypus(3) is(1) seemingly(3) a(1) hybrid(2) of(1) a(1) mammal(2) and(1)
  // reptilian(4) creature(2) = 26 → 0.39 × 13 + 11.8 × 2 − 15.59 = 13.08
  {
    name: 'long single sentence (Flesch 1948 style example)',
    text: 'The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.',
    sentences: 1,
    words: 13,
    syllables: 26,
    grade: 13.1,
  },
  // We(1) will(1) talk(1) about(2) it.(1) You(1) can(1) ask(1) us(1) questions(2) at(1) any(2) time.(1)
  // 2 sentences, 13 words, 16 syllables → 0.39 × 6.5 + 11.8 × 16/13 − 15.59 = 1.468
  {
    name: 'plain-language agreement sentences',
    text: 'We will talk about it. You can ask us questions at any time.',
    sentences: 2,
    words: 13,
    syllables: 16,
    grade: 1.5,
  },
  // Abbreviations stay inside their sentence: Dr.(1) Lee(1) sees(1) you(1) at(1) 5(1: a number counts as one)
  // p.m.(2: "pee em") → 1 sentence, 7 words, 8 syllables → 0.39 × 7 + 11.8 × 8/7 − 15.59 = 0.626
  { name: 'abbreviations and numbers', text: 'Dr. Lee sees you at 5 p.m.', sentences: 1, words: 7, syllables: 8, grade: 0.6 },
  // A line break ends a sentence: "Safe storage" / "Keep your medicine in a safe place." → 2 sentences,
  // Safe(1) storage(2) Keep(1) your(1) medicine(3) in(1) a(1) safe(1) place(1) = 12 syllables, 9 words
  // → 0.39 × 4.5 + 11.8 × 12/9 − 15.59 = 1.898
  {
    name: 'heading line without a full stop',
    text: 'Safe storage\nKeep your medicine in a safe place.',
    sentences: 2,
    words: 9,
    syllables: 12,
    grade: 1.9,
  },
];

describe('fleschKincaidGrade', () => {
  it.each(KNOWN_TEXTS)('$name', ({ text, sentences, words, syllables, grade }) => {
    const result = fleschKincaidGrade(text);
    expect({ sentences: result.sentences, words: result.words, syllables: result.syllables }).toEqual({
      sentences,
      words,
      syllables,
    });
    expect(result.grade).toBe(grade);
    expect(result.issues).toEqual([]);
    expect(result.formula).toBe('flesch-kincaid-grade');
    expect(result.source).toMatch(/Kincaid/);
  });

  it('has no grade for empty or punctuation-only text and says why', () => {
    for (const text of ['', '   \n  ', '...!?']) {
      const result = fleschKincaidGrade(text);
      expect(result.grade).toBeNull();
      expect(result.words).toBe(0);
      expect(result.issues.map((i) => i.code)).toEqual(['readability.no-words']);
    }
  });

  it('scores harder text higher than plain text', () => {
    const plain = fleschKincaidGrade('We check in every month. We look at how you are doing.');
    const hard = fleschKincaidGrade(
      'Continuation of long-term opioid pharmacotherapy necessitates comprehensive periodic reassessment of functional improvement.',
    );
    expect(plain.grade).not.toBeNull();
    expect(hard.grade).not.toBeNull();
    expect(hard.grade!).toBeGreaterThan(plain.grade! + 8);
  });

  it('blank lines and Windows line endings do not add sentences', () => {
    expect(countText('One line.\r\n\r\nTwo line.')).toEqual({ sentences: 2, words: 4, syllables: 4 });
  });
});

describe('fleschKincaidGradeFromCounts', () => {
  it.each([
    { counts: { sentences: 1, words: 10, syllables: 10 }, grade: 0.1 }, // 3.9 + 11.8 − 15.59 = 0.11
    { counts: { sentences: 2, words: 20, syllables: 30 }, grade: 6 }, // 3.9 + 17.7 − 15.59 = 6.01
    { counts: { sentences: 0, words: 0, syllables: 0 }, grade: null },
  ])('$counts → $grade', ({ counts, grade }) => {
    expect(fleschKincaidGradeFromCounts(counts)).toBe(grade);
  });
});
