/**
 * One writer for the clinic settings tables (opioid settings, coverage settings): one row per clinic holding
 * the stored partial object over the reference defaults, versioned for If-Match.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { type clinicCoverageSettings, type clinicOpioidSettings } from '../schema';

export type ClinicSettingsTable = typeof clinicOpioidSettings | typeof clinicCoverageSettings;

/** Writes the stored partial object; `expectedVersion` 0 means "no row yet". Undefined when stale. */
export async function saveClinicSettingsRow(
  db: DbOrTx,
  table: ClinicSettingsTable,
  orgId: string,
  stored: Record<string, unknown>,
  expectedVersion: number,
  updatedBy: string,
  asOf: Date,
): Promise<number | undefined> {
  if (expectedVersion === 0) {
    const rows = await db.insert(table).values({ orgId, settings: stored, updatedBy, version: 1, updatedAt: asOf }).onConflictDoNothing().returning({ version: table.version });
    return rows[0]?.version;
  }
  const rows = await db
    .update(table)
    .set({ settings: stored, updatedBy, updatedAt: asOf, version: sql`${table.version} + 1` })
    .where(and(eq(table.orgId, orgId), eq(table.version, expectedVersion)))
    .returning({ version: table.version });
  return rows[0]?.version;
}
