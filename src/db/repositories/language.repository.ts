/** Clinic-added terms (one versioned list per clinic) and per-field flagged-term counts. */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { languageFlagCounts, languageTermLists, type StoredClinicTerm } from '../schema';

export interface ClinicTermList {
  terms: StoredClinicTerm[];
  /** 0 when the clinic has never saved a list. */
  version: number;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export async function getClinicTermList(db: DbOrTx, orgId: string): Promise<ClinicTermList> {
  const rows = await db.select().from(languageTermLists).where(eq(languageTermLists.orgId, orgId));
  const row = rows[0];
  return row === undefined ? { terms: [], version: 0, updatedAt: null, updatedBy: null } : { terms: row.terms, version: row.version, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
}

/** Saves the list if it is still at `expectedVersion` (0 = never saved); returns null when someone else saved first. */
export async function saveClinicTermList(
  db: DbOrTx,
  input: { orgId: string; terms: StoredClinicTerm[]; expectedVersion: number; updatedBy: string; asOf: Date },
): Promise<ClinicTermList | null> {
  const values = { terms: input.terms, updatedBy: input.updatedBy, updatedAt: input.asOf };
  const rows =
    input.expectedVersion === 0
      ? await db.insert(languageTermLists).values({ orgId: input.orgId, ...values, version: 1 }).onConflictDoNothing().returning()
      : await db
          .update(languageTermLists)
          .set({ ...values, version: sql`${languageTermLists.version} + 1` })
          .where(and(eq(languageTermLists.orgId, input.orgId), eq(languageTermLists.version, input.expectedVersion)))
          .returning();
  const row = rows[0];
  return row === undefined ? null : { terms: row.terms, version: row.version, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
}

export interface FlagCountInput {
  orgId: string;
  patientId: string | null;
  source: string;
  sourceId: string;
  count: number;
  rowIds: string[];
  termsVersion: string;
  recordedBy: string | null;
  asOf: Date;
}

/** One row per saved field: a later save of the same field replaces the count. */
export async function upsertFlagCount(db: DbOrTx, input: FlagCountInput): Promise<void> {
  const { asOf, ...row } = input;
  await db
    .insert(languageFlagCounts)
    .values({ ...row, recordedAt: asOf })
    .onConflictDoUpdate({
      target: [languageFlagCounts.orgId, languageFlagCounts.source, languageFlagCounts.sourceId],
      set: { patientId: row.patientId, count: row.count, rowIds: row.rowIds, termsVersion: row.termsVersion, recordedBy: row.recordedBy, recordedAt: asOf },
    });
}

export interface FlagSummary {
  fieldsChecked: number;
  fieldsFlagged: number;
  termsFlagged: number;
}

/** For the quality dashboard: how many saved fields held a listed term, since `since`. */
export async function flagSummary(db: DbOrTx, orgId: string, since: Date): Promise<FlagSummary> {
  const rows = await db
    .select({
      fieldsChecked: sql<number>`count(*)::int`,
      fieldsFlagged: sql<number>`count(*) filter (where ${languageFlagCounts.count} > 0)::int`,
      termsFlagged: sql<number>`coalesce(sum(${languageFlagCounts.count}), 0)::int`,
    })
    .from(languageFlagCounts)
    .where(and(eq(languageFlagCounts.orgId, orgId), sql`${languageFlagCounts.recordedAt} >= ${since.toISOString()}`));
  return rows[0] ?? { fieldsChecked: 0, fieldsFlagged: 0, termsFlagged: 0 };
}
