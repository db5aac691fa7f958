/**
 * Terms a clinic adds to the reference table (PRODUCT.md capability 8: "the clinic can add terms").
 *
 * Source: Painpath design (docs/language.md); the reference table itself is clinical-facts §9.
 * Assumptions (ours):
 * - The clinic's list is one versioned setting: every change makes a new version number, and check results
 *   name "reference table + clinic terms vN", so a stored flag count says which list produced it.
 * - A phrase is 2–80 characters of letters, spaces, hyphens and apostrophes (a wildcard "*" may stand for
 *   any one word); a suggestion is 1–200 characters; a note (why the clinic added it) up to 300.
 * - Phrases are unique in a list, ignoring case and hyphen/space spelling.
 * - A clinic term cannot remove or weaken a reference row; it only adds.
 */
import type { Issue } from '../issues';
import { error } from '../issues';

export interface ClinicTerm {
  phrase: string;
  suggestion: string;
  note?: string;
}

export const CLINIC_TERM_LIMITS = { maxTerms: 200, phraseMax: 80, suggestionMax: 200, noteMax: 300 } as const;

const PHRASE = /^[\p{L}'’*-]+(?: [\p{L}'’*-]+)*$/u;

function key(phrase: string): string {
  return phrase.toLowerCase().replace(/[-'’]/g, '').replace(/\s+/g, '');
}

/** Checks a whole clinic term list; every problem is reported with its path (`terms[2].phrase`). */
export function validateClinicTerms(terms: readonly ClinicTerm[]): Issue[] {
  const issues: Issue[] = [];
  if (terms.length > CLINIC_TERM_LIMITS.maxTerms) {
    issues.push(error('language.too-many-terms', `A clinic can add at most ${CLINIC_TERM_LIMITS.maxTerms} terms.`, 'terms'));
  }
  const seen = new Map<string, number>();
  terms.forEach((term, i) => {
    const phrase = term.phrase.trim().replace(/\s+/g, ' ');
    if (phrase.length < 2 || phrase.length > CLINIC_TERM_LIMITS.phraseMax || !PHRASE.test(phrase) || phrase.replace(/[*\s'’-]/g, '') === '') {
      issues.push(error('language.bad-phrase', `Write the phrase as words (letters, spaces, hyphens), 2 to ${CLINIC_TERM_LIMITS.phraseMax} characters.`, `terms[${i}].phrase`));
    }
    const suggestion = term.suggestion.trim();
    if (suggestion.length < 1 || suggestion.length > CLINIC_TERM_LIMITS.suggestionMax) {
      issues.push(error('language.bad-suggestion', `Give the alternative to offer, 1 to ${CLINIC_TERM_LIMITS.suggestionMax} characters.`, `terms[${i}].suggestion`));
    }
    if (term.note !== undefined && term.note.length > CLINIC_TERM_LIMITS.noteMax) {
      issues.push(error('language.bad-note', `Keep the note under ${CLINIC_TERM_LIMITS.noteMax} characters.`, `terms[${i}].note`));
    }
    const k = key(phrase);
    const earlier = seen.get(k);
    if (earlier !== undefined && k !== '') {
      issues.push(error('language.duplicate-phrase', `This phrase is already in the list (term ${earlier + 1}).`, `terms[${i}].phrase`));
    } else seen.set(k, i);
  });
  return issues;
}

/** Trims and collapses spaces, as stored. */
export function tidyClinicTerms(terms: readonly ClinicTerm[]): ClinicTerm[] {
  return terms.map((t) => {
    const tidy: ClinicTerm = { phrase: t.phrase.trim().replace(/\s+/g, ' '), suggestion: t.suggestion.trim() };
    const note = t.note?.trim();
    return note === undefined || note === '' ? tidy : { ...tidy, note };
  });
}
