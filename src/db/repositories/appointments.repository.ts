/** Appointments: insert, read, list, update with optimistic concurrency. */
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { appointments } from '../schema';

export type AppointmentRow = typeof appointments.$inferSelect;
export type NewAppointmentRow = typeof appointments.$inferInsert;

export async function insertAppointment(db: DbOrTx, row: NewAppointmentRow): Promise<AppointmentRow> {
  const inserted = await db.insert(appointments).values(row).returning();
  return inserted[0] as AppointmentRow;
}

export async function findAppointment(db: DbOrTx, orgId: string, id: string): Promise<AppointmentRow | null> {
  const rows = await db.select().from(appointments).where(and(eq(appointments.orgId, orgId), eq(appointments.id, id)));
  return rows[0] ?? null;
}

export async function listPatientAppointments(db: DbOrTx, orgId: string, patientId: string): Promise<AppointmentRow[]> {
  return db
    .select()
    .from(appointments)
    .where(and(eq(appointments.orgId, orgId), eq(appointments.patientId, patientId)))
    .orderBy(asc(appointments.startsAt));
}

/** Booked appointments of the patients starting at or after `from` and before `until`, earliest first. */
export async function selectUpcomingAppointments(db: DbOrTx, orgId: string, patientIds: readonly string[], from: Date, until: Date): Promise<AppointmentRow[]> {
  if (patientIds.length === 0) return [];
  return db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.orgId, orgId),
        inArray(appointments.patientId, [...patientIds]),
        eq(appointments.status, 'booked'),
        gte(appointments.startsAt, from),
        lt(appointments.startsAt, until),
      ),
    )
    .orderBy(asc(appointments.startsAt));
}

/** Updates when the stored version is `expectedVersion`; null when it changed meanwhile. */
export async function updateAppointment(
  db: DbOrTx,
  orgId: string,
  id: string,
  expectedVersion: number,
  patch: Partial<NewAppointmentRow>,
  asOf: Date,
): Promise<AppointmentRow | null> {
  const rows = await db
    .update(appointments)
    .set({ ...patch, version: expectedVersion + 1, updatedAt: asOf })
    .where(and(eq(appointments.orgId, orgId), eq(appointments.id, id), eq(appointments.version, expectedVersion)))
    .returning();
  return rows[0] ?? null;
}
