import { describe, expect, it } from 'vitest';
import { CLINIC_TERM_LIMITS, tidyClinicTerms, validateClinicTerms } from './clinic-terms';

describe('validateClinicTerms', () => {
  it('accepts a tidy list', () => {
    expect(validateClinicTerms([{ phrase: 'frequent flyer', suggestion: 'person who visits often' }, { phrase: "doctor-shopper's", suggestion: 'sees several prescribers' }])).toEqual([]);
  });

  it.each([
    { terms: [{ phrase: 'x', suggestion: 'ok' }], codes: ['language.bad-phrase'], path: 'terms[0].phrase' },
    { terms: [{ phrase: 'a'.repeat(CLINIC_TERM_LIMITS.phraseMax + 1), suggestion: 'ok' }], codes: ['language.bad-phrase'], path: 'terms[0].phrase' },
    { terms: [{ phrase: 'drug <b>', suggestion: 'ok' }], codes: ['language.bad-phrase'], path: 'terms[0].phrase' },
    { terms: [{ phrase: '* *', suggestion: 'ok' }], codes: ['language.bad-phrase'], path: 'terms[0].phrase' },
    { terms: [{ phrase: 'frequent flyer', suggestion: '  ' }], codes: ['language.bad-suggestion'], path: 'terms[0].suggestion' },
    { terms: [{ phrase: 'frequent flyer', suggestion: 'ok', note: 'n'.repeat(CLINIC_TERM_LIMITS.noteMax + 1) }], codes: ['language.bad-note'], path: 'terms[0].note' },
    { terms: [{ phrase: 'frequent flyer', suggestion: 'ok' }, { phrase: 'Frequent-Flyer', suggestion: 'ok' }], codes: ['language.duplicate-phrase'], path: 'terms[1].phrase' },
  ])('$codes at $path', ({ terms, codes, path }) => {
    const issues = validateClinicTerms(terms);
    expect(issues.map((i) => i.code)).toEqual(codes);
    expect(issues[0]?.path).toBe(path);
  });

  it('lists every bad field at once', () => {
    expect(validateClinicTerms([{ phrase: '', suggestion: '' }, { phrase: '1', suggestion: '' }]).map((i) => i.path)).toEqual([
      'terms[0].phrase', 'terms[0].suggestion', 'terms[1].phrase', 'terms[1].suggestion',
    ]);
  });

  it('rejects more than the maximum number of terms', () => {
    const terms = Array.from({ length: CLINIC_TERM_LIMITS.maxTerms + 1 }, (_, i) => ({ phrase: `term ${'a'.repeat(i % 20 + 2)}${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`, suggestion: 'ok' }));
    expect(validateClinicTerms(terms).map((i) => i.code)).toContain('language.too-many-terms');
  });
});

describe('tidyClinicTerms', () => {
  it('trims, collapses spaces and drops empty notes', () => {
    expect(tidyClinicTerms([{ phrase: '  frequent   flyer ', suggestion: ' visits often ', note: ' ' }])).toEqual([{ phrase: 'frequent flyer', suggestion: 'visits often' }]);
  });
});
