/**
 * Treatment agreements and concerns (docs/agreements.md).
 * - Templates are kept by the clinic lead; editing a template changes only future agreements.
 * - A patient agreement has versions; a version's text never changes (a revision is a new version) and each
 *   signature stores the SHA-256 of the exact text signed (src/domain/agreements/signature.ts).
 * - Concerns keep every conversation; closing needs a conversation and a plan (src/domain/concerns).
 */
import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const agreementTemplates = pgTable(
  'agreement_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    body: text('body').notNull(),
    /** Flesch-Kincaid grade computed on the server when saved. */
    readingGrade: doublePrecision('reading_grade'),
    /** The template a prescriber starts from by default. */
    isDefault: boolean('is_default').notNull().default(false),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    updatedBy: text('updated_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('agreement_templates_org_idx').on(t.orgId)],
);

export const patientAgreements = pgTable(
  'patient_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    templateId: uuid('template_id').references(() => agreementTemplates.id),
    /** The number of the current version (agreement_versions.number). */
    currentVersion: integer('current_version').notNull(),
    /** When it will be reviewed together (YYYY-MM-DD). */
    reviewDate: date('review_date', { mode: 'string' }).notNull(),
    /** The reminder task for the review (tasks.id). */
    reviewTaskId: uuid('review_task_id'),
    /** Where the goals came from: 'psfs' (latest PSFS activities) or 'none'. */
    goalsSource: text('goals_source').notNull(),
    createdBy: text('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('patient_agreements_patient_idx').on(t.orgId, t.patientId, t.createdAt)],
);

export const agreementVersions = pgTable(
  'agreement_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => patientAgreements.id),
    number: integer('number').notNull(),
    /** The exact text (canonical form) the patient and clinician read and sign. */
    text: text('text').notNull(),
    textHash: text('text_hash').notNull(),
    readingGrade: doublePrecision('reading_grade'),
    goals: jsonb('goals').$type<string[]>().notNull(),
    /** Why this version replaced the previous one (null for version 1). */
    reason: text('reason'),
    createdBy: text('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('agreement_versions_number_unique').on(t.agreementId, t.number)],
);

export const agreementSignatures = pgTable(
  'agreement_signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => patientAgreements.id),
    versionNumber: integer('version_number').notNull(),
    /** patient | clinician */
    signerRole: text('signer_role').notNull(),
    signerUserId: uuid('signer_user_id').notNull(),
    signerName: text('signer_name').notNull(),
    textHash: text('text_hash').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('agreement_signatures_once_unique').on(t.agreementId, t.versionNumber, t.signerRole)],
);

export const agreementQuestions = pgTable(
  'agreement_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => patientAgreements.id),
    versionNumber: integer('version_number').notNull(),
    question: text('question').notNull(),
    askedBy: uuid('asked_by').notNull(),
    askedByName: text('asked_by_name').notNull(),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull(),
    answer: text('answer'),
    answeredBy: uuid('answered_by'),
    answeredByName: text('answered_by_name'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [index('agreement_questions_agreement_idx').on(t.agreementId, t.askedAt)],
);

export const concerns = pgTable(
  'concerns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    /** One of CONCERN_KINDS (src/domain/concerns/concern.ts). */
    kind: text('kind').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    details: text('details').notNull(),
    /** open | closed */
    status: text('status').notNull(),
    /** Conversation[] in the domain's shape; added to, never replaced. */
    conversations: jsonb('conversations').notNull().default(sql`'[]'::jsonb`),
    /** ConcernPlan or null. */
    plan: jsonb('plan'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: text('closed_by'),
    createdBy: text('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('concerns_patient_idx').on(t.orgId, t.patientId, t.occurredOn)],
);
