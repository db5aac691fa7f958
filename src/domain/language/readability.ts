/**
 * Reading grade of plain-language text (treatment agreements, patient-facing text).
 *
 * Formula (Flesch–Kincaid grade level):
 *   grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
 * Source: Kincaid JP, Fishburne RP, Rogers RL, Chissom BS. "Derivation of new readability formulas
 * (Automated Readability Index, Fog Count and Flesch Reading Ease Formula) for Navy enlisted personnel."
 * Research Branch Report 8-75, Naval Technical Training Command, 1975. The same formula is used by
 * retext-readability / the `flesch-kincaid` package (wooorm), so the grade agrees with the retext checks.
 *
 * Assumptions (ours, documented in docs/language.md):
 * - Sentences and words come from parse-english (the retext-english parser): it keeps abbreviations such
 *   as "Dr." and "p.m." inside a sentence. A line break also ends a sentence, so headings and list items
 *   without a full stop are read as their own sentences instead of one long run-on sentence.
 * - Syllables come from the `syllable` package (wooorm, also used by retext-readability). A word with no
 *   letters (a number such as "5") counts as one syllable, never zero.
 * - Empty text (no words) has no grade: `grade` is null and the issue `readability.no-words` is returned.
 * - `grade` is rounded to one decimal place; it can be below zero for very short, simple text.
 *
 * Pure: no I/O, no clock. Runs the same in Node and in the browser (the agreement editor shows it live).
 */
import type { Root, Sentence, Word } from 'nlcst';
import { toString as nlcstToString } from 'nlcst-to-string';
import retextEnglish from 'retext-english';
import { syllable } from 'syllable';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Issue } from '../issues';

export const FLESCH_KINCAID_SOURCE =
  'Kincaid JP et al. 1975, Research Branch Report 8-75 (Flesch–Kincaid grade level)';

export interface TextCounts {
  sentences: number;
  words: number;
  syllables: number;
}

export interface ReadabilityResult extends TextCounts {
  /** Flesch–Kincaid grade, one decimal; null when the text has no words. */
  grade: number | null;
  formula: 'flesch-kincaid-grade';
  source: string;
  issues: Issue[];
}

const parser = unified().use(retextEnglish);

/** Parses English text into an nlcst tree (shared with the term checker). */
export function parseEnglish(text: string): Root {
  return parser.parse(text);
}

function syllablesInWord(word: string): number {
  return Math.max(1, syllable(word));
}

function countLine(line: string, totals: TextCounts): void {
  const tree = parseEnglish(line);
  visit(tree, 'SentenceNode', (sentence: Sentence) => {
    let wordsInSentence = 0;
    visit(sentence, 'WordNode', (word: Word) => {
      const value = nlcstToString(word);
      if (!/[\p{L}\p{N}]/u.test(value)) return;
      wordsInSentence += 1;
      totals.syllables += syllablesInWord(value);
    });
    if (wordsInSentence > 0) {
      totals.words += wordsInSentence;
      totals.sentences += 1;
    }
  });
}

/** Counts sentences, words and syllables (a line break ends a sentence). */
export function countText(text: string): TextCounts {
  const totals: TextCounts = { sentences: 0, words: 0, syllables: 0 };
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() !== '') countLine(line, totals);
  }
  return totals;
}

/** The raw formula, exposed for tests and for callers that already have counts. */
export function fleschKincaidGradeFromCounts(counts: TextCounts): number | null {
  if (counts.words === 0 || counts.sentences === 0) return null;
  const raw = 0.39 * (counts.words / counts.sentences) + 11.8 * (counts.syllables / counts.words) - 15.59;
  return Math.round(raw * 10) / 10;
}

/** Flesch–Kincaid grade of `text` with the counts it was computed from. */
export function fleschKincaidGrade(text: string): ReadabilityResult {
  const counts = countText(text);
  const grade = fleschKincaidGradeFromCounts(counts);
  const issues: Issue[] =
    grade === null
      ? [{ code: 'readability.no-words', message: 'There is no text to score yet.', severity: 'info' }]
      : [];
  return { ...counts, grade, formula: 'flesch-kincaid-grade', source: FLESCH_KINCAID_SOURCE, issues };
}
