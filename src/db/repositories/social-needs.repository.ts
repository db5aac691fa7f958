/** Social needs per patient: one row per kind, kept (active or resolved) so the history of a need stays. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { socialNeeds } from '../schema';

export type SocialNeedRow = typeof socialNeeds.$inferSelect;

export async function needsForPatient(db: DbOrTx, orgId: string, patientId: string): Promise<SocialNeedRow[]> {
  return db.select().from(socialNeeds).where(and(eq(socialNeeds.orgId, orgId), eq(socialNeeds.patientId, patientId))).orderBy(socialNeeds.kind);
}

export async function needsForPatients(db: DbOrTx, orgId: string, patientIds: readonly string[]): Promise<SocialNeedRow[]> {
  if (patientIds.length === 0) return [];
  return db.select().from(socialNeeds).where(and(eq(socialNeeds.orgId, orgId), inArray(socialNeeds.patientId, [...patientIds]), eq(socialNeeds.active, true)));
}

export async function getNeed(db: DbOrTx, orgId: string, patientId: string, kind: string): Promise<SocialNeedRow | undefined> {
  const rows = await db.select().from(socialNeeds).where(and(eq(socialNeeds.orgId, orgId), eq(socialNeeds.patientId, patientId), eq(socialNeeds.kind, kind))).limit(1);
  return rows[0];
}

export async function insertNeed(db: DbOrTx, row: typeof socialNeeds.$inferInsert): Promise<SocialNeedRow> {
  const rows = await db.insert(socialNeeds).values(row).returning();
  return rows[0] as SocialNeedRow;
}

export async function updateNeed(db: DbOrTx, id: string, expectedVersion: number, changes: { active: boolean; note: string | null; recordedBy: string }, asOf: Date): Promise<SocialNeedRow | undefined> {
  const rows = await db
    .update(socialNeeds)
    .set({ ...changes, version: sql`${socialNeeds.version} + 1`, updatedAt: asOf })
    .where(and(eq(socialNeeds.id, id), eq(socialNeeds.version, expectedVersion)))
    .returning();
  return rows[0];
}
