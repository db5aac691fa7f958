/**
 * Person-first language on the server: the clinic's terms merged with the reference table, and the helper
 * every feature calls when it saves free text, so the quality dashboard can count flagged terms per note.
 * Saving is never blocked by a flag (docs/language.md).
 */
import { checkLanguage, compileTerms, REFERENCE_TERMS, type CompiledTerms, type LanguageCheckResult } from '../../domain/language/terms';
import type { DbOrTx } from '../../db/client';
import { getClinicTermList, upsertFlagCount } from '../../db/repositories/language.repository';

const compiledCache = new Map<string, CompiledTerms>();
const CACHE_MAX = 500;

/** The reference table plus the clinic's own terms (compiled once per clinic list version). */
export async function termsForClinic(db: DbOrTx, orgId: string): Promise<CompiledTerms> {
  const list = await getClinicTermList(db, orgId);
  if (list.terms.length === 0) return REFERENCE_TERMS;
  const key = `${orgId}:${list.version}`;
  const cached = compiledCache.get(key);
  if (cached !== undefined) return cached;
  const compiled = compileTerms(list.terms, list.version);
  if (compiledCache.size >= CACHE_MAX) compiledCache.clear();
  compiledCache.set(key, compiled);
  return compiled;
}

export interface LanguageFlagsInput {
  orgId: string;
  patientId: string | null;
  /** Which kind of field: `task`, `assessment-notes`, `break-glass-reason`, `agreement`, ... */
  source: string;
  /** The saved record's id (one count per record and source; a later save replaces it). */
  sourceId: string;
  count: number;
  rowIds?: string[];
  termsVersion?: string;
  recordedBy?: string | null;
  asOf: Date;
}

/** Stores how many listed terms a saved field held. Call it inside the transaction that saves the text. */
export async function recordLanguageFlags(tx: DbOrTx, input: LanguageFlagsInput): Promise<void> {
  await upsertFlagCount(tx, {
    orgId: input.orgId,
    patientId: input.patientId,
    source: input.source,
    sourceId: input.sourceId,
    count: input.count,
    rowIds: input.rowIds ?? [],
    termsVersion: input.termsVersion ?? REFERENCE_TERMS.version,
    recordedBy: input.recordedBy ?? null,
    asOf: input.asOf,
  });
}

/** Checks the saved text (several fields of one record count together) and records the count. */
export async function recordLanguageFlagsForText(
  tx: DbOrTx,
  input: Omit<LanguageFlagsInput, 'count' | 'rowIds' | 'termsVersion'> & { texts: readonly (string | null | undefined)[] },
): Promise<LanguageCheckResult['hits']> {
  const terms = await termsForClinic(tx, input.orgId);
  const hits = input.texts.flatMap((t) => (t === null || t === undefined ? [] : checkLanguage(t, terms).hits));
  const { texts: _texts, ...rest } = input;
  await recordLanguageFlags(tx, { ...rest, count: hits.length, rowIds: [...new Set(hits.map((h) => h.rowId))], termsVersion: terms.version });
  return hits;
}
