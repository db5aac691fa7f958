/**
 * Appointments: visit type (a coverage service), provider, place or telehealth, start, duration, status.
 * Attended appointments are the visits counted against benefit rules (src/domain/coverage/visit-count.ts).
 * `patient_id` carries no foreign key to `patients` (see ./coverage.ts for why).
 */
import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    /** A service id of src/domain/coverage/services.ts. */
    visitType: text('visit_type').notNull(),
    providerName: text('provider_name').notNull(),
    /** Address or room; null for telehealth. */
    location: text('location'),
    telehealth: boolean('telehealth').notNull().default(false),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    /** booked | attended | cancelled | no-show */
    status: text('status').notNull(),
    notes: text('notes'),
    /** The reminder task raised for the care team before the visit (src/server/appointments). */
    reminderTaskId: uuid('reminder_task_id'),
    createdBy: text('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appointments_patient_idx').on(t.orgId, t.patientId, t.startsAt),
    index('appointments_org_start_idx').on(t.orgId, t.startsAt),
  ],
);
