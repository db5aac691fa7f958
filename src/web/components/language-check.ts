/**
 * Checking text as you type, in the browser, with the same pure checker the server uses
 * (src/domain/language/terms.ts). Why in the browser and not via POST /api/v1/language/check: the answer is
 * instant, works offline, and a note is not sent to the server on every keystroke (nothing to store or
 * audit for a draft). The checker is loaded on first use (its own chunk), and the clinic's own terms are
 * fetched once per page load from GET /api/v1/language/clinic-terms; anyone who may not read them (a
 * patient) gets the reference table only.
 */
import { useEffect, useRef, useState } from 'react';
import type { ClinicTerm } from '../../domain/language/clinic-terms';
import type { CompiledTerms, LanguageHit } from '../../domain/language/terms';
import { request } from '../api';

type Checker = (text: string) => LanguageHit[];

let checkerPromise: Promise<Checker> | null = null;

/** Forget the cached checker (after the clinic lead saves new terms). */
export function resetLanguageChecker(): void {
  checkerPromise = null;
}

async function loadChecker(): Promise<Checker> {
  const domain = await import('../../domain/language/terms');
  let terms: CompiledTerms = domain.REFERENCE_TERMS;
  try {
    const { data } = await request<{ terms: ClinicTerm[]; version: number }>('GET', '/api/v1/language/clinic-terms', { reportUnauthorized: false });
    if (data.terms.length > 0) terms = domain.compileTerms(data.terms, data.version);
  } catch {
    // Not signed in as staff: the reference table alone.
  }
  return (text: string) => domain.checkLanguage(text, terms).hits;
}

export function languageChecker(): Promise<Checker> {
  checkerPromise ??= loadChecker();
  return checkerPromise;
}

/** The hits for `text`, checked `delayMs` after the last change; `checkNow` re-checks at once. */
export function useLanguageHits(text: string, delayMs = 300): { hits: LanguageHit[]; checkNow: (value: string) => void } {
  const [hits, setHits] = useState<LanguageHit[]>([]);
  const latest = useRef(text);
  latest.current = text;

  const run = (value: string): void => {
    void languageChecker().then((check) => {
      if (latest.current === value) setHits(check(value));
    });
  };

  useEffect(() => {
    const timer = window.setTimeout(() => run(text), text === '' ? 0 : delayMs);
    return () => window.clearTimeout(timer);
  }, [text, delayMs]);

  return { hits, checkNow: run };
}
