/** Referrals, their dated status history and the entered service waits. */
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { referralEvents, referrals, serviceWaits } from '../schema';

export type ReferralRow = typeof referrals.$inferSelect;
export type ReferralEventRow = typeof referralEvents.$inferSelect;
export type ServiceWaitRow = typeof serviceWaits.$inferSelect;

export async function insertReferral(db: DbOrTx, row: typeof referrals.$inferInsert): Promise<ReferralRow> {
  const rows = await db.insert(referrals).values(row).returning();
  return rows[0] as ReferralRow;
}

export async function insertReferralEvent(db: DbOrTx, row: typeof referralEvents.$inferInsert): Promise<void> {
  await db.insert(referralEvents).values(row);
}

export async function getReferral(db: DbOrTx, orgId: string, id: string): Promise<ReferralRow | undefined> {
  const rows = await db.select().from(referrals).where(and(eq(referrals.orgId, orgId), eq(referrals.id, id))).limit(1);
  return rows[0];
}

export async function referralsForPatient(db: DbOrTx, orgId: string, patientId: string): Promise<ReferralRow[]> {
  return db.select().from(referrals).where(and(eq(referrals.orgId, orgId), eq(referrals.patientId, patientId))).orderBy(desc(referrals.sentDate), desc(referrals.createdAt));
}

export async function referralsForPatients(db: DbOrTx, orgId: string, patientIds: readonly string[]): Promise<ReferralRow[]> {
  if (patientIds.length === 0) return [];
  return db.select().from(referrals).where(and(eq(referrals.orgId, orgId), inArray(referrals.patientId, [...patientIds]))).orderBy(asc(referrals.sentDate));
}

export async function eventsForReferrals(db: DbOrTx, referralIds: readonly string[]): Promise<ReferralEventRow[]> {
  if (referralIds.length === 0) return [];
  return db.select().from(referralEvents).where(inArray(referralEvents.referralId, [...referralIds])).orderBy(asc(referralEvents.recordedAt), asc(referralEvents.date));
}

export async function updateReferral(
  db: DbOrTx,
  id: string,
  expectedVersion: number,
  changes: Partial<Pick<ReferralRow, 'status' | 'statusDate' | 'appointmentDate' | 'declineReason' | 'bridgePlan' | 'stepTaskId'>>,
  asOf: Date,
): Promise<ReferralRow | undefined> {
  const rows = await db
    .update(referrals)
    .set({ ...changes, version: sql`${referrals.version} + 1`, updatedAt: asOf })
    .where(and(eq(referrals.id, id), eq(referrals.version, expectedVersion)))
    .returning();
  return rows[0];
}

/** Past referrals to a service that reached a first visit (for the learned wait), newest first. */
export async function pastFirstVisits(db: DbOrTx, orgId: string, service: string, limit: number): Promise<{ sentDate: string; appointmentDate: string | null }[]> {
  return db
    .select({ sentDate: referrals.sentDate, appointmentDate: referrals.appointmentDate })
    .from(referrals)
    .where(and(eq(referrals.orgId, orgId), eq(referrals.service, service), isNotNull(referrals.appointmentDate)))
    .orderBy(desc(referrals.sentDate))
    .limit(limit);
}

export async function serviceWaitsFor(db: DbOrTx, orgId: string): Promise<ServiceWaitRow[]> {
  return db.select().from(serviceWaits).where(eq(serviceWaits.orgId, orgId));
}

export async function getServiceWait(db: DbOrTx, orgId: string, service: string): Promise<ServiceWaitRow | undefined> {
  const rows = await db.select().from(serviceWaits).where(and(eq(serviceWaits.orgId, orgId), eq(serviceWaits.service, service))).limit(1);
  return rows[0];
}

export async function upsertServiceWait(db: DbOrTx, row: { orgId: string; service: string; waitDays: number; note: string | null; enteredBy: string; enteredAt: Date }): Promise<ServiceWaitRow> {
  const rows = await db
    .insert(serviceWaits)
    .values(row)
    .onConflictDoUpdate({
      target: [serviceWaits.orgId, serviceWaits.service],
      set: { waitDays: row.waitDays, note: row.note, enteredBy: row.enteredBy, enteredAt: row.enteredAt, version: sql`${serviceWaits.version} + 1` },
    })
    .returning();
  return rows[0] as ServiceWaitRow;
}
