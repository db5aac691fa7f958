/** A clinic's coverage settings (one row per clinic; no row = the reference defaults, version 0). */
import { eq } from 'drizzle-orm';
import type { ResolvedClinicCoverageSettings } from '../../domain/coverage/clinic-settings';
import { resolveCoverageSettings } from '../../domain/coverage/clinic-settings';
import type { DbOrTx } from '../client';
import { clinicCoverageSettings } from '../schema';
import { saveClinicSettingsRow } from './clinic-settings-rows';

export interface StoredCoverageSettings extends ResolvedClinicCoverageSettings {
  version: number;
  updatedBy: string | null;
  updatedAt: Date | null;
}

/** The clinic's settings in effect: the stored object read over the defaults, with any issues it raised. */
export async function getClinicCoverageSettings(db: DbOrTx, orgId: string): Promise<StoredCoverageSettings> {
  const rows = await db.select().from(clinicCoverageSettings).where(eq(clinicCoverageSettings.orgId, orgId));
  const row = rows[0];
  return { ...resolveCoverageSettings(row?.settings), version: row?.version ?? 0, updatedBy: row?.updatedBy ?? null, updatedAt: row?.updatedAt ?? null };
}

/** Writes the stored partial object; `expectedVersion` 0 means "no row yet". Undefined when stale. */
export function saveClinicCoverageSettings(db: DbOrTx, orgId: string, stored: Record<string, unknown>, expectedVersion: number, updatedBy: string, asOf: Date): Promise<number | undefined> {
  return saveClinicSettingsRow(db, clinicCoverageSettings, orgId, stored, expectedVersion, updatedBy, asOf);
}
