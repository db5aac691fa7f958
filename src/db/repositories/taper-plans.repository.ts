/** Taper plans, the doses actually taken, and the abrupt-change flags (countable for the dashboard). */
import { and, asc, count, desc, eq, gte } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { opioidAbruptChanges, taperActualDoses, taperPlans } from '../schema';

export type TaperPlanRow = typeof taperPlans.$inferSelect;
export type TaperActualDoseRow = typeof taperActualDoses.$inferSelect;

export async function insertTaperPlan(db: DbOrTx, row: Omit<typeof taperPlans.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>, asOf: Date): Promise<TaperPlanRow> {
  const rows = await db.insert(taperPlans).values({ ...row, createdAt: asOf, updatedAt: asOf }).returning();
  return rows[0] as TaperPlanRow;
}

export async function listTaperPlans(db: DbOrTx, orgId: string, patientId: string): Promise<TaperPlanRow[]> {
  return db
    .select()
    .from(taperPlans)
    .where(and(eq(taperPlans.orgId, orgId), eq(taperPlans.patientId, patientId)))
    .orderBy(desc(taperPlans.createdAt));
}

export async function getTaperPlan(db: DbOrTx, orgId: string, id: string): Promise<TaperPlanRow | undefined> {
  const rows = await db.select().from(taperPlans).where(and(eq(taperPlans.orgId, orgId), eq(taperPlans.id, id)));
  return rows[0];
}

export async function updateTaperPlanStatus(db: DbOrTx, id: string, expectedVersion: number, status: string, asOf: Date): Promise<TaperPlanRow | undefined> {
  const rows = await db
    .update(taperPlans)
    .set({ status, version: expectedVersion + 1, updatedAt: asOf })
    .where(and(eq(taperPlans.id, id), eq(taperPlans.version, expectedVersion)))
    .returning();
  return rows[0];
}

export async function insertActualDose(db: DbOrTx, row: Omit<typeof taperActualDoses.$inferInsert, 'id' | 'createdAt'>, asOf: Date): Promise<TaperActualDoseRow> {
  const rows = await db.insert(taperActualDoses).values({ ...row, createdAt: asOf }).returning();
  return rows[0] as TaperActualDoseRow;
}

export async function actualDosesFor(db: DbOrTx, orgId: string, taperPlanId: string): Promise<TaperActualDoseRow[]> {
  return db
    .select()
    .from(taperActualDoses)
    .where(and(eq(taperActualDoses.orgId, orgId), eq(taperActualDoses.taperPlanId, taperPlanId)))
    .orderBy(asc(taperActualDoses.takenOn), asc(taperActualDoses.createdAt));
}

export async function insertAbruptChange(db: DbOrTx, row: Omit<typeof opioidAbruptChanges.$inferInsert, 'id'>): Promise<void> {
  await db.insert(opioidAbruptChanges).values(row);
}

export async function listAbruptChanges(db: DbOrTx, orgId: string, patientId: string): Promise<(typeof opioidAbruptChanges.$inferSelect)[]> {
  return db
    .select()
    .from(opioidAbruptChanges)
    .where(and(eq(opioidAbruptChanges.orgId, orgId), eq(opioidAbruptChanges.patientId, patientId)))
    .orderBy(desc(opioidAbruptChanges.recordedAt));
}

/** How many abrupt changes a clinic recorded since a moment (for the dashboard). */
export async function countAbruptChanges(db: DbOrTx, orgId: string, since: Date): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(opioidAbruptChanges)
    .where(and(eq(opioidAbruptChanges.orgId, orgId), gte(opioidAbruptChanges.recordedAt, since)));
  return Number(rows[0]?.n ?? 0);
}
