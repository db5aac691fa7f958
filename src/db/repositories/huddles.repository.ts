/** Case-conference (huddle) sessions and their per-patient notes. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { huddleNotes, huddles } from '../schema';

export type HuddleRow = typeof huddles.$inferSelect;
export type HuddleNoteRow = typeof huddleNotes.$inferSelect;

export async function insertHuddle(db: DbOrTx, row: typeof huddles.$inferInsert): Promise<HuddleRow> {
  const rows = await db.insert(huddles).values(row).returning();
  return rows[0] as HuddleRow;
}

export async function listHuddles(db: DbOrTx, orgId: string, limit = 20): Promise<HuddleRow[]> {
  return db.select().from(huddles).where(eq(huddles.orgId, orgId)).orderBy(desc(huddles.heldOn), desc(huddles.createdAt)).limit(limit);
}

export async function getHuddle(db: DbOrTx, orgId: string, id: string): Promise<HuddleRow | undefined> {
  const rows = await db.select().from(huddles).where(and(eq(huddles.orgId, orgId), eq(huddles.id, id))).limit(1);
  return rows[0];
}

export async function notesForHuddle(db: DbOrTx, huddleId: string): Promise<HuddleNoteRow[]> {
  return db.select().from(huddleNotes).where(eq(huddleNotes.huddleId, huddleId)).orderBy(huddleNotes.createdAt);
}

export async function insertHuddleNote(db: DbOrTx, row: typeof huddleNotes.$inferInsert): Promise<HuddleNoteRow> {
  const rows = await db.insert(huddleNotes).values(row).returning();
  return rows[0] as HuddleNoteRow;
}

/** The date each patient was last discussed (YYYY-MM-DD). */
export async function lastDiscussed(db: DbOrTx, orgId: string, patientIds: readonly string[]): Promise<Map<string, string>> {
  if (patientIds.length === 0) return new Map();
  const rows = await db
    .select({ patientId: huddleNotes.patientId, last: sql<string>`max(${huddles.heldOn})::text` })
    .from(huddleNotes)
    .innerJoin(huddles, eq(huddles.id, huddleNotes.huddleId))
    .where(and(eq(huddleNotes.orgId, orgId), inArray(huddleNotes.patientId, [...patientIds])))
    .groupBy(huddleNotes.patientId);
  return new Map(rows.map((r) => [r.patientId, r.last]));
}
