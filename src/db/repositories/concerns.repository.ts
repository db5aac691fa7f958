/** Concerns (early refill requests, lost prescriptions, unexpected results, ...) and their conversations and plans. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { concerns } from '../schema';

export type ConcernRow = typeof concerns.$inferSelect;

export async function insertConcern(db: DbOrTx, row: typeof concerns.$inferInsert): Promise<ConcernRow> {
  const rows = await db.insert(concerns).values(row).returning();
  return rows[0] as ConcernRow;
}

export async function getConcern(db: DbOrTx, orgId: string, id: string): Promise<ConcernRow | undefined> {
  const rows = await db.select().from(concerns).where(and(eq(concerns.orgId, orgId), eq(concerns.id, id)));
  return rows[0];
}

export async function concernsForPatient(db: DbOrTx, orgId: string, patientId: string): Promise<ConcernRow[]> {
  return db
    .select()
    .from(concerns)
    .where(and(eq(concerns.orgId, orgId), eq(concerns.patientId, patientId)))
    .orderBy(desc(concerns.occurredOn), desc(concerns.createdAt));
}

/** Open concerns of several patients of one clinic (the huddle's concern source), oldest first. */
export async function openConcernsForPatients(db: DbOrTx, orgId: string, patientIds: readonly string[]): Promise<ConcernRow[]> {
  if (patientIds.length === 0) return [];
  return db
    .select()
    .from(concerns)
    .where(and(eq(concerns.orgId, orgId), eq(concerns.status, 'open'), inArray(concerns.patientId, [...patientIds])))
    .orderBy(asc(concerns.createdAt));
}

export async function updateConcern(
  db: DbOrTx,
  id: string,
  expectedVersion: number,
  changes: Partial<Pick<ConcernRow, 'status' | 'conversations' | 'plan' | 'closedAt' | 'closedBy'>>,
  asOf: Date,
): Promise<ConcernRow | undefined> {
  const rows = await db
    .update(concerns)
    .set({ ...changes, version: sql`${concerns.version} + 1`, updatedAt: asOf })
    .where(and(eq(concerns.id, id), eq(concerns.version, expectedVersion)))
    .returning();
  return rows[0];
}
