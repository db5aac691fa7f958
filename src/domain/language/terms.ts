/**
 * Checks free text against the reference table of stigmatising terms (./term-table.ts, clinical-facts §9)
 * plus the terms a clinic added, and offers the person-first alternative for each hit.
 *
 * Source: reference/clinical-facts.md section 9 (NIDA "Words Matter"; ONDCP 2017; record-language studies).
 * Parsing is retext-english (parse-english) and matching is nlcst-search, which ignores case and strips
 * hyphens and apostrophes inside a word ("Drug-Seeking" = "drugseeking").
 *
 * Decisions (ours; docs/language.md):
 * - Suggest, never decide: every hit is an offer the writer may ignore; saving is never blocked.
 * - Text inside quotation marks is still checked (a quoted citation title such as "Prescription Drug Abuse"
 *   is a hit) and the hit says `quoted: true`, so the screen can say "keep it if you are quoting exactly".
 * - Organisation names (PROTECTED_NAMES, e.g. National Institute on Drug Abuse) are never hits.
 * - Overlapping matches keep the longest one ("former addict" rather than "addict").
 * - The suggestion follows the capital letter of the matched text ("Refuses" → "Declines").
 * Pure: no I/O, no clock; runs in the server and in the browser.
 */
import type { Root, Sentence, SentenceContent } from 'nlcst';
import { normalize } from 'nlcst-normalize';
import { search } from 'nlcst-search';
import type { Issue } from '../issues';
import type { ClinicTerm } from './clinic-terms';
import { parseEnglish } from './readability';
import type { Certainty, TermPattern } from './term-table';
import { PROTECTED_NAMES, REFERENCE_TERMS_VERSION, TERM_PATTERNS, TERM_ROWS } from './term-table';

export interface LanguageHit {
  /** Offsets into the checked text (UTF-16 code units, as String.prototype.slice uses). */
  start: number;
  end: number;
  /** The text as written. */
  text: string;
  /** The listed form that matched. */
  term: string;
  suggestion: string;
  rowId: string;
  /** The row's "avoid" cell (or the clinic's phrase). */
  avoid: string;
  source: string;
  certainty: Certainty | null;
  origin: 'reference' | 'clinic';
  quoted: boolean;
}

export interface LanguageCheckResult {
  hits: LanguageHit[];
  termsVersion: string;
  issues: Issue[];
}

interface CompiledPattern {
  pattern: TermPattern;
  form: string;
  avoid: string;
  source: string;
  certainty: Certainty | null;
  origin: 'reference' | 'clinic';
}

export interface CompiledTerms {
  byPhrase: Map<string, CompiledPattern[]>;
  version: string;
}

/** "drug-seeking patient" → "drugseeking patient", "drug seeking patient", "drug seekingpatient", ...: every
 * way to write each gap between words with a hyphen (normalised away by nlcst, so joined) or a space.
 * A wildcard "*" is never joined. */
export function spellingVariants(form: string): string[] {
  const tokens = form.trim().toLowerCase().split(/(\s+|-)/).filter((t) => t !== '' && t !== '-' && t.trim() !== '');
  let variants: string[] = [tokens[0] ?? ''];
  for (const token of tokens.slice(1)) {
    variants = variants.flatMap((v) => {
      const last = v.split(' ').pop();
      return token === '*' || last === '*' ? [`${v} ${token}`] : [`${v} ${token}`, `${v}${token}`];
    });
  }
  return [...new Set(variants)];
}

const QUOTED = /["“”„«»]([^"“”„«»]*)["“”„«»]|[‘]([^‘’]*)[’]/g;

function quotedSpans(text: string): { start: number; end: number }[] {
  return [...text.matchAll(QUOTED)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function add(map: Map<string, CompiledPattern[]>, entry: CompiledPattern): void {
  for (const phrase of spellingVariants(entry.form)) {
    const key = phrase.split(' ').map((w) => (w === '*' ? w : normalize(w))).join(' ');
    const list = map.get(key) ?? [];
    list.push(entry);
    map.set(key, list);
  }
}

/** Builds the matcher from the reference table and a clinic's own terms. */
export function compileTerms(clinicTerms: readonly ClinicTerm[] = [], clinicTermsVersion = 0): CompiledTerms {
  const byPhrase = new Map<string, CompiledPattern[]>();
  const rows = new Map(TERM_ROWS.map((r) => [r.id, r]));
  for (const pattern of TERM_PATTERNS) {
    const row = rows.get(pattern.rowId);
    if (row === undefined) throw new Error(`term pattern for unknown row ${pattern.rowId}`);
    for (const form of pattern.forms) add(byPhrase, { pattern, form, avoid: row.avoid, source: row.source, certainty: row.certainty, origin: 'reference' });
  }
  for (const term of clinicTerms) {
    const pattern: TermPattern = { rowId: `clinic:${term.phrase.toLowerCase()}`, forms: [term.phrase], suggestion: term.suggestion };
    add(byPhrase, { pattern, form: term.phrase, avoid: term.phrase, source: term.note === undefined || term.note === '' ? 'Added by your clinic' : `Added by your clinic: ${term.note}`, certainty: null, origin: 'clinic' });
  }
  const version = clinicTerms.length === 0 ? REFERENCE_TERMS_VERSION : `${REFERENCE_TERMS_VERSION} + clinic terms v${clinicTermsVersion}`;
  return { byPhrase, version };
}

export const REFERENCE_TERMS: CompiledTerms = compileTerms();

function wordsAround(siblings: readonly SentenceContent[], index: number, step: 1 | -1, count: number): string[] {
  const found: string[] = [];
  for (let i = index; i >= 0 && i < siblings.length && found.length < count; i += step) {
    const node = siblings[i];
    if (node === undefined || node.type === 'WhiteSpaceNode') continue;
    if (node.type !== 'WordNode') break;
    found.push(normalize(node));
  }
  return found;
}

function excludedByContext(pattern: TermPattern, siblings: readonly SentenceContent[], first: number, last: number): boolean {
  const before = wordsAround(siblings, first - 1, -1, 1)[0];
  if (before !== undefined && pattern.notAfter?.includes(before) === true) return true;
  // "non-alcoholic" is one word: the prefix is inside the matched word itself.
  const after = wordsAround(siblings, last + 1, 1, 2);
  return (pattern.notBefore ?? []).some((phrase) => {
    const words = phrase.split(' ');
    return words.every((w, i) => after[i] === w);
  });
}

function capitalise(suggestion: string, written: string): string {
  const firstChar = written.charAt(0);
  if (firstChar !== firstChar.toUpperCase() || firstChar === firstChar.toLowerCase()) return suggestion;
  return suggestion.charAt(0).toUpperCase() + suggestion.slice(1);
}

function span(nodes: readonly SentenceContent[]): { start: number; end: number } | null {
  const start = nodes[0]?.position?.start.offset;
  const end = nodes[nodes.length - 1]?.position?.end.offset;
  return start === undefined || end === undefined ? null : { start, end };
}

function protectedSpans(tree: Root): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  search(tree, PROTECTED_NAMES.map((n) => n.toLowerCase()), (nodes) => {
    const s = span(nodes);
    if (s !== null) spans.push(s);
  }, { allowLiterals: true });
  return spans;
}

/** Finds every listed term in `text` with its offsets, the alternative and the row's source. */
export function checkLanguage(text: string, terms: CompiledTerms = REFERENCE_TERMS): LanguageCheckResult {
  if (text.trim() === '') return { hits: [], termsVersion: terms.version, issues: [] };
  const tree = parseEnglish(text);
  const shielded = protectedSpans(tree);
  const quotes = quotedSpans(text);
  const found: LanguageHit[] = [];
  search(tree, [...terms.byPhrase.keys()], (nodes, index, parent, phrase) => {
    const s = span(nodes);
    if (s === null) return;
    if (shielded.some((p) => s.start < p.end && s.end > p.start)) return;
    const siblings = (parent as Sentence).children;
    const written = text.slice(s.start, s.end);
    for (const entry of terms.byPhrase.get(phrase) ?? []) {
      if (excludedByContext(entry.pattern, siblings, index, index + nodes.length - 1)) continue;
      found.push({
        ...s,
        text: written,
        term: entry.form,
        suggestion: capitalise(entry.pattern.suggestion, written),
        rowId: entry.pattern.rowId,
        avoid: entry.avoid,
        source: entry.source,
        certainty: entry.certainty,
        origin: entry.origin,
        quoted: quotes.some((q) => s.start >= q.start && s.end <= q.end),
      });
      break;
    }
  }, { allowLiterals: true });
  return { hits: keepLongest(found), termsVersion: terms.version, issues: [] };
}

function keepLongest(hits: LanguageHit[]): LanguageHit[] {
  const ordered = [...hits].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || (a.origin === 'clinic' ? 1 : -1));
  const kept: LanguageHit[] = [];
  for (const hit of ordered) {
    const overlapping = kept.findIndex((k) => hit.start < k.end && hit.end > k.start);
    if (overlapping === -1) kept.push(hit);
    else if (hit.end - hit.start > (kept[overlapping]?.end ?? 0) - (kept[overlapping]?.start ?? 0)) kept[overlapping] = hit;
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Replaces one hit in `text` with its suggestion (what the replace button does). */
export function applySuggestion(text: string, hit: Pick<LanguageHit, 'start' | 'end' | 'text' | 'suggestion'>): string {
  if (text.slice(hit.start, hit.end) !== hit.text) return text;
  return text.slice(0, hit.start) + hit.suggestion + text.slice(hit.end);
}

