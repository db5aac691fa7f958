/**
 * Painpath database schema (drizzle-orm, PostgreSQL 15 feature set).
 *
 * One schema for both the embedded database (PGlite) and PostgreSQL. Rules kept here:
 * - Every table that holds patient data carries `org_id` and `patient_id`, so a deployment can shard by
 *   (org_id, patient_id) on a distributed PostgreSQL (see docs/architecture.md, "Sharding on paper").
 * - Only PostgreSQL 15 features: no `uuidv7()`, no virtual generated columns, no `NULLS NOT DISTINCT` tricks.
 * - bigint columns are read as JS numbers on both drivers (see client.ts, type parser for OID 20).
 * - Rows that can be edited concurrently carry `version` for optimistic concurrency (ETag / If-Match).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** Clinic settings (see src/domain/access/settings.ts for the shape and defaults). */
  settings: jsonb('settings').notNull().default({}),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    /** One of the roles in src/domain/access/roles.ts. */
    role: text('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** For the patient role: the patient record this account belongs to. */
    patientId: uuid('patient_id'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_unique').on(sql`lower(${t.email})`)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the session token; the token itself is only ever in the cookie. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    orgId: uuid('org_id').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** Token prefix shown in lists so a person can tell tokens apart without the secret. */
    tokenPrefix: text('token_prefix').notNull(),
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_hash_unique').on(t.tokenHash)],
);

export const careTeams = pgTable('care_teams', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const careTeamMembers = pgTable(
  'care_team_members',
  {
    orgId: uuid('org_id').notNull(),
    careTeamId: uuid('care_team_id')
      .notNull()
      .references(() => careTeams.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.careTeamId, t.userId] }), index('care_team_members_user_idx').on(t.userId)],
);

export const patients = pgTable(
  'patients',
  {
    /** The patient id; the shard key together with org_id. */
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    /** Medical record number, unique within the clinic. */
    mrn: text('mrn').notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    preferredName: text('preferred_name'),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    /** Administrative sex as recorded: female, male, other, unknown. */
    sex: text('sex').notNull(),
    genderIdentity: text('gender_identity'),
    pronouns: text('pronouns'),
    race: text('race'),
    ethnicity: text('ethnicity'),
    preferredLanguage: text('preferred_language').notNull().default('en'),
    interpreterNeeded: boolean('interpreter_needed').notNull().default(false),
    phone: text('phone'),
    email: text('email'),
    addressLine: text('address_line'),
    city: text('city'),
    state: text('state'),
    postalCode: text('postal_code'),
    /** urban or rural (RUCA-style grouping), used for equity stratification. */
    rurality: text('rurality'),
    payer: text('payer'),
    careTeamId: uuid('care_team_id').references(() => careTeams.id),
    coordinatorUserId: uuid('coordinator_user_id').references(() => users.id),
    active: boolean('active').notNull().default(true),
    /** Short background written by the care team (demo data uses it for the history). */
    summary: text('summary'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('patients_org_mrn_unique').on(t.orgId, t.mrn),
    index('patients_org_family_idx').on(t.orgId, sql`lower(${t.familyName})`),
    index('patients_org_given_idx').on(t.orgId, sql`lower(${t.givenName})`),
    index('patients_org_birth_idx').on(t.orgId, t.birthDate),
    index('patients_care_team_idx').on(t.careTeamId),
    index('patients_coordinator_idx').on(t.coordinatorUserId),
  ],
);

export const caregiverConsents = pgTable(
  'caregiver_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    caregiverUserId: uuid('caregiver_user_id')
      .notNull()
      .references(() => users.id),
    /** What the patient agreed to share, e.g. ["demographics", "appointments"]. */
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('caregiver_consents_caregiver_idx').on(t.caregiverUserId)],
);

export const breakGlassGrants = pgTable(
  'break_glass_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('break_glass_user_patient_idx').on(t.userId, t.patientId)],
);

/**
 * Append-only, hash-chained audit log. A trigger (migration 0001) refuses UPDATE and DELETE.
 * `hash` = SHA-256 over the previous hash and the canonical form of this event (src/domain/audit).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    orgId: uuid('org_id'),
    patientId: uuid('patient_id'),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id'),
    reason: text('reason'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    occurredAt: text('occurred_at').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_patient_idx').on(t.orgId, t.patientId, t.seq)],
);

/** One row: the head of the audit chain, locked while a batch is appended. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    /** Null only for clinic-level tasks that concern no patient. */
    patientId: uuid('patient_id').references(() => patients.id),
    type: text('type').notNull(),
    title: text('title').notNull(),
    details: text('details'),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id),
    assigneeRole: text('assignee_role'),
    careTeamId: uuid('care_team_id').references(() => careTeams.id),
    dueAt: timestamp('due_at', { withTimezone: true }),
    priority: text('priority').notNull(),
    source: text('source').notNull(),
    status: text('status').notNull(),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('tasks_assignee_idx').on(t.orgId, t.assigneeUserId, t.status),
    index('tasks_team_idx').on(t.orgId, t.careTeamId, t.status),
    index('tasks_patient_idx').on(t.orgId, t.patientId),
  ],
);

export const taskHistory = pgTable(
  'task_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order, for events recorded at the same instant. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id'),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actor: text('actor').notNull(),
    event: text('event').notNull(),
    changes: jsonb('changes').notNull().default({}),
  },
  (t) => [index('task_history_task_idx').on(t.taskId)],
);

/**
 * Intake, outcome measures and trajectories (docs/intake-and-measures.md). Answers and scores are stored as
 * JSON in the shapes of src/domain/measures and src/domain/intake; the instrument version is stored with
 * every response so a later change of an instrument never re-reads old answers.
 */

/** The intake template of a clinic: one row per version (the highest is current), so an intake can always
 *  rebuild its page list from the template it was sent with. No row means the built-in template, version 1. */
export const intakeTemplates = pgTable(
  'intake_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    /** `{ hidden: IntakePageId[] }` — a template hides sections; instrument items are never editable. */
    template: jsonb('template').notNull(),
    version: integer('version').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('intake_templates_org_version_unique').on(t.orgId, t.version)],
);

/** A patient's intake: sent by the care team, completed page by page, then submitted. */
export const intakes = pgTable(
  'intakes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    templateVersion: integer('template_version').notNull(),
    /** sent | in-progress | submitted */
    status: text('status').notNull(),
    /** The pages in order (IntakePageId[]), recomputed after every save (PHQ-9 and STarT Back come and go). */
    pages: jsonb('pages').$type<string[]>().notNull(),
    currentPage: text('current_page').notNull(),
    /** The pages saved at least once, so a submit can list what is still missing. */
    savedPages: jsonb('saved_pages').$type<string[]>().notNull().default([]),
    /** The pain story so far (a partial PainStory). */
    story: jsonb('story').notNull().default({}),
    redFlagAnswers: jsonb('red_flag_answers').notNull().default({}),
    /** Tasks already raised from this intake, by rule key ('phq9.item9-positive', 'red-flag.cauda-equina'),
     *  so re-saving a page never raises the same task twice. */
    raisedAlerts: jsonb('raised_alerts').$type<Record<string, string>>().notNull().default({}),
    sentBy: text('sent_by').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('intakes_patient_idx').on(t.orgId, t.patientId, t.sentAt)],
);

/** A request from the care team for one instrument (the patient sees it as a to-do). */
export const instrumentRequests = pgTable(
  'instrument_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    instrumentId: text('instrument_id').notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    /** Set when the patient has answered. */
    responseId: uuid('response_id'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [index('instrument_requests_patient_idx').on(t.orgId, t.patientId, t.requestedAt)],
);

/** One completed (or in-progress, inside an intake) instrument: the answers and the domain's score. */
export const questionnaireResponses = pgTable(
  'questionnaire_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    intakeId: uuid('intake_id').references(() => intakes.id),
    requestId: uuid('request_id').references(() => instrumentRequests.id),
    instrumentId: text('instrument_id').notNull(),
    instrumentVersion: text('instrument_version').notNull(),
    answers: jsonb('answers').notNull(),
    /** InstrumentScore (src/domain/measures/score.ts) as computed when the answers were saved. */
    score: jsonb('score').notNull(),
    /** FHIR QuestionnaireResponse status: in-progress | completed | stopped. */
    status: text('status').notNull(),
    authoredAt: timestamp('authored_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('questionnaire_responses_series_idx').on(t.orgId, t.patientId, t.instrumentId, t.authoredAt),
    uniqueIndex('questionnaire_responses_intake_instrument_unique').on(t.intakeId, t.instrumentId).where(sql`${t.intakeId} is not null`),
    uniqueIndex('questionnaire_responses_request_unique').on(t.requestId).where(sql`${t.requestId} is not null`),
  ],
);

/** The clinician's assessment: pain mechanism, irritability, comorbidities, onset. */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    mechanism: text('mechanism').notNull(),
    irritability: text('irritability').notNull(),
    comorbidities: jsonb('comorbidities').$type<string[]>().notNull().default([]),
    onsetDate: date('onset_date', { mode: 'string' }),
    notes: text('notes'),
    assessedBy: text('assessed_by').notNull(),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('assessments_patient_idx').on(t.orgId, t.patientId, t.assessedAt)],
);
export * from './schema/medications';
export * from './schema/care-plan';
export * from './schema/agreements';
export * from './schema/language';

export * from './schema/coverage';
export * from './schema/appointments';
export * from './schema/referrals';
