/**
 * Care coordination: referrals with their dated status history, each service's entered wait, social needs,
 * and case-conference (huddle) sessions with per-patient notes. Rules live in src/domain/referrals,
 * src/domain/social-needs and src/domain/case-conference; see docs/coordination.md.
 *
 * `patient_id` columns carry no foreign key to `patients`: this file is re-exported from ../schema.ts and
 * importing `patients` back would make an import cycle. Every write checks the patient through the access
 * service first.
 */
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export interface ReferralAttachmentJson {
  kind: 'summary' | 'measure';
  ref: string;
  label: string;
}
export interface BridgePlanJson {
  items: { kind: 'activity' | 'sleep' | 'self-care' | 'medicines'; text: string }[];
  callUsIf: string;
}

export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    /** One of REFERRAL_SERVICES (src/domain/referrals/services.ts). */
    service: text('service').notNull(),
    /** The receiving clinic or clinician, when known. */
    receivingProvider: text('receiving_provider'),
    urgency: text('urgency').notNull(),
    reason: text('reason').notNull(),
    question: text('question').notNull(),
    /** Hands care over (both teams active until the report is in) rather than asking a question only. */
    handoff: boolean('handoff').notNull().default(false),
    status: text('status').notNull(),
    sentDate: date('sent_date', { mode: 'string' }).notNull(),
    statusDate: date('status_date', { mode: 'string' }).notNull(),
    appointmentDate: date('appointment_date', { mode: 'string' }),
    declineReason: text('decline_reason'),
    /** The expected wait when sent, and where it came from (entered | learned | none). */
    expectedWaitDays: integer('expected_wait_days'),
    expectedWaitSource: text('expected_wait_source').notNull(),
    attachments: jsonb('attachments').$type<ReferralAttachmentJson[]>().notNull().default([]),
    bridgePlan: jsonb('bridge_plan').$type<BridgePlanJson | null>(),
    /** The open follow-up task for the current step (closed when the step is done). */
    stepTaskId: uuid('step_task_id'),
    createdBy: uuid('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('referrals_patient_idx').on(t.orgId, t.patientId), index('referrals_org_service_idx').on(t.orgId, t.service, t.sentDate)],
);

export const referralEvents = pgTable(
  'referral_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    status: text('status').notNull(),
    /** The calendar date the change happened (as reported), and when it was recorded. */
    date: date('date', { mode: 'string' }).notNull(),
    appointmentDate: date('appointment_date', { mode: 'string' }),
    note: text('note'),
    actor: uuid('actor').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('referral_events_referral_idx').on(t.referralId, t.recordedAt)],
);

/** The wait a coordinator entered for a service (the learned wait is computed from referrals). */
export const serviceWaits = pgTable(
  'service_waits',
  {
    orgId: uuid('org_id').notNull(),
    service: text('service').notNull(),
    waitDays: integer('wait_days').notNull(),
    note: text('note'),
    enteredBy: uuid('entered_by').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.service] })],
);

export const socialNeeds = pgTable(
  'social_needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    /** One of SOCIAL_NEED_KINDS (src/domain/social-needs/needs.ts). */
    kind: text('kind').notNull(),
    active: boolean('active').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('social_needs_patient_kind_unique').on(t.orgId, t.patientId, t.kind)],
);

export const huddles = pgTable(
  'huddles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('huddles_org_idx').on(t.orgId, t.heldOn)],
);

export const huddleNotes = pgTable(
  'huddle_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    huddleId: uuid('huddle_id')
      .notNull()
      .references(() => huddles.id),
    patientId: uuid('patient_id').notNull(),
    note: text('note').notNull(),
    /** Decisions, each turned into a task (its id here). */
    decisions: jsonb('decisions').$type<{ text: string; taskId: string }[]>().notNull().default([]),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('huddle_notes_huddle_idx').on(t.huddleId), index('huddle_notes_patient_idx').on(t.orgId, t.patientId)],
);
