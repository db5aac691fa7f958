/**
 * Coverage: payers, plans, benefit rules per service, a patient's plan membership, prior authorisations and
 * the clinical facts Medicare's acupuncture rule (NCD 30.3.3) needs. Rule shapes live in src/domain/coverage;
 * see docs/coverage.md.
 *
 * `patient_id` columns carry no foreign key to `patients`: this file is re-exported from ../schema.ts, and
 * importing `patients` back would make an import cycle. Every write checks the patient through the access
 * service first.
 */
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** A payer (Medicare, a commercial insurer), clinic-level. */
export const payers = pgTable(
  'payers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    /** medicare | medicaid | commercial | other */
    kind: text('kind').notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('payers_org_idx').on(t.orgId)],
);

/** A plan of a payer. */
export const coveragePlans = pgTable(
  'coverage_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    payerId: uuid('payer_id')
      .notNull()
      .references(() => payers.id),
    name: text('name').notNull(),
    notes: text('notes'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('coverage_plans_payer_idx').on(t.orgId, t.payerId)],
);

/** A benefit rule of a plan for one service (src/domain/coverage/benefit-rule.ts). */
export const benefitRules = pgTable(
  'benefit_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => coveragePlans.id),
    /** A service id of src/domain/coverage/services.ts (physical-therapy, acupuncture, ...). */
    service: text('service').notNull(),
    /** custom | ncd-30.3.3 (the built-in Medicare acupuncture rule; the limits below are then ignored). */
    kind: text('kind').notNull().default('custom'),
    /** Visits allowed per period; null = no visit limit. */
    visitLimit: integer('visit_limit'),
    /** calendar-year | calendar-month | rolling-days | none */
    periodKind: text('period_kind').notNull(),
    /** Length of a rolling period in days (periodKind rolling-days). */
    periodDays: integer('period_days'),
    priorAuthRequired: boolean('prior_auth_required').notNull().default(false),
    copayNote: text('copay_note'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('benefit_rules_plan_idx').on(t.orgId, t.planId)],
);

/** A patient's membership of a plan. */
export const patientCoverages = pgTable(
  'patient_coverages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => coveragePlans.id),
    memberId: text('member_id'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('patient_coverages_patient_idx').on(t.orgId, t.patientId)],
);

/** A prior authorisation and its dated transitions (src/domain/coverage/prior-auth.ts). */
export const priorAuthorisations = pgTable(
  'prior_authorisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    coverageId: uuid('coverage_id')
      .notNull()
      .references(() => patientCoverages.id),
    service: text('service').notNull(),
    /** requested | approved | denied | appealed (src/domain/coverage/prior-auth.ts) */
    status: text('status').notNull(),
    requestedUnits: integer('requested_units'),
    authorisedUnits: integer('authorised_units'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    reference: text('reference'),
    /** PriorAuthEvent[]: every transition with its date, actor, note and documents. */
    history: jsonb('history').notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('prior_authorisations_patient_idx').on(t.orgId, t.patientId)],
);

/** The facts NCD 30.3.3 needs: the four conditions of chronic low back pain, and dated improvement reviews. */
export const acupunctureEligibility = pgTable(
  'acupuncture_eligibility',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    /** When the low back pain began (12 weeks or longer is one of the four conditions). */
    painOnsetDate: date('pain_onset_date', { mode: 'string' }),
    /** true/false/null (not recorded) for each of the other three conditions. */
    nonspecific: boolean('nonspecific'),
    associatedWithSurgery: boolean('associated_with_surgery'),
    associatedWithPregnancy: boolean('associated_with_pregnancy'),
    /** ImprovementReview[]: { date, outcome: improving | not-improving | regressing, note, by }. */
    reviews: jsonb('reviews').notNull().default([]),
    recordedBy: text('recorded_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('acupuncture_eligibility_patient_idx').on(t.orgId, t.patientId)],
);

/**
 * A clinic's coverage settings: the stored partial object read over the reference defaults by
 * resolveCoverageSettings (src/domain/coverage/clinic-settings.ts). No row means every default, version 0.
 */
export const clinicCoverageSettings = pgTable('clinic_coverage_settings', {
  orgId: uuid('org_id').primaryKey(),
  settings: jsonb('settings').notNull().default(sql`'{}'::jsonb`),
  updatedBy: text('updated_by').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: updatedAt(),
});
