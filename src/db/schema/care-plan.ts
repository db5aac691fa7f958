/**
 * Care plans, therapy sessions, the patient's between-session reports and checkpoints (issue 2,
 * docs/care-plan.md). The plan's content (goals, interventions, phase, schedule, graduation criteria) is one
 * JSON document validated by src/domain/care-plan; every change writes a new row in `care_plan_versions`
 * and bumps `care_plans.version` (ETag / If-Match), so the history is complete and never rewritten.
 * Every table carries org_id and patient_id (sharding rule in docs/architecture.md). The foreign keys to
 * `patients` and `tasks` are added by the hand-written migration `care_plan_custom` (importing those tables
 * here would make an import cycle with schema.ts, which re-exports this file).
 */
import { date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** One care plan per patient; `content` is the current version (also stored in care_plan_versions). */
export const carePlans = pgTable(
  'care_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    content: jsonb('content').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    updatedBy: text('updated_by').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('care_plans_patient_unique').on(t.orgId, t.patientId)],
);

/** Every version of a plan as it was saved (append-only by convention: rows are only inserted). */
export const carePlanVersions = pgTable(
  'care_plan_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    carePlanId: uuid('care_plan_id')
      .notNull()
      .references(() => carePlans.id),
    version: integer('version').notNull(),
    content: jsonb('content').notNull(),
    /** Why it changed, in the clinician's words or a system reason ("checkpoint decision: adjust"). */
    changeNote: text('change_note'),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('care_plan_versions_plan_version_unique').on(t.carePlanId, t.version)],
);

/** A therapy session as the therapist logged it (TherapySessionInput in src/domain/care-plan/types.ts). */
export const therapySessions = pgTable(
  'therapy_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    carePlanId: uuid('care_plan_id')
      .notNull()
      .references(() => carePlans.id),
    sessionDate: date('session_date', { mode: 'string' }).notNull(),
    /** Modality codes: needling, manual-therapy, other-passive, corrective-exercise, ... */
    modalities: jsonb('modalities').$type<string[]>().notNull(),
    /** Share of the session that was passive care, 0–100 (the rest active). */
    passivePercent: integer('passive_percent').notNull(),
    /** Soreness after the previous session { score 0–10, hours }, or null. */
    soreness: jsonb('soreness').$type<{ score: number; hours: number } | null>(),
    /** Days of meaningful relief after the previous session, as the person reports at this session. */
    reliefWindowDaysReported: doublePrecision('relief_window_days_reported'),
    /** Goal activity scores (0–10) for the time between sessions: [{ goalId, score }]. */
    goalScores: jsonb('goal_scores').$type<{ goalId: string; score: number }[]>().notNull().default([]),
    /** Symptom score today, 0–10 (10 = worst). */
    symptomScore: doublePrecision('symptom_score'),
    precipitatingEvent: text('precipitating_event'),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('therapy_sessions_patient_idx').on(t.orgId, t.patientId, t.sessionDate)],
);

/** The person's own report from the portal: relief after a session and how the goal activities went. */
export const progressReports = pgTable(
  'care_plan_progress_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    carePlanId: uuid('care_plan_id')
      .notNull()
      .references(() => carePlans.id),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    /** The session the relief followed (the latest one before the report when not named). */
    afterSessionId: uuid('after_session_id').references(() => therapySessions.id),
    reliefWindowDays: doublePrecision('relief_window_days'),
    goalScores: jsonb('goal_scores').$type<{ goalId: string; score: number }[]>().notNull().default([]),
    symptomScore: doublePrecision('symptom_score'),
    note: text('note'),
    /** The account that reported (the patient, or staff entering it for them). */
    reportedBy: text('reported_by').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('care_plan_progress_reports_patient_idx').on(t.orgId, t.patientId, t.reportedOn)],
);

/** A symptom rise and how it settled (FlareInput in src/domain/care-plan/types.ts). */
export const flares = pgTable(
  'care_plan_flares',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    carePlanId: uuid('care_plan_id')
      .notNull()
      .references(() => carePlans.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    baselineSymptomScore: doublePrecision('baseline_symptom_score').notNull(),
    peakSymptomScore: doublePrecision('peak_symptom_score').notNull(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    symptomScoreAfter: doublePrecision('symptom_score_after'),
    trigger: text('trigger'),
    /** clinician | patient */
    reportedBy: text('reported_by').notNull(),
    recordedBy: text('recorded_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('care_plan_flares_patient_idx').on(t.orgId, t.patientId, t.startedAt)],
);

/** A checkpoint: due on a date (with its task), then decided (adjust, refer, graduate, ongoing care). */
export const carePlanCheckpoints = pgTable(
  'care_plan_checkpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    carePlanId: uuid('care_plan_id')
      .notNull()
      .references(() => carePlans.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    taskId: uuid('task_id'),
    /** due | decided */
    status: text('status').notNull(),
    /** adjust | refer | graduate | ongoing-care */
    decision: text('decision'),
    /** The CheckpointDecisionInput as recorded: date, rationale, discussed, and the decision's particulars. */
    decisionDetail: jsonb('decision_detail'),
    /** The honest summary (where we started / are / said we would go) and the engine's statement at the time. */
    summary: jsonb('summary'),
    /** The plan version the decision produced. */
    planVersion: integer('plan_version'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('care_plan_checkpoints_patient_idx').on(t.orgId, t.patientId, t.dueOn)],
);
