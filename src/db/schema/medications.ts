/**
 * Medications and opioid safety (docs/medications.md, PRODUCT.md capability 6).
 *
 * A medication order keeps the domain's structured shape (src/domain/opioids/types.ts): the ingredients with
 * their strengths and the `Dosage` (dose or range, frequency and period, as-needed maximum) as JSON, so the
 * order reads back exactly as it was confirmed; the fields people search and sort by are columns. The free
 * text the clinician typed is kept beside the structure. Every row carries org_id and patient_id (shard key).
 * patient_id and the task id carry no foreign key to the tables in ../schema.ts: importing them from here
 * would make an import cycle (schema.ts re-exports this file); the services always reach these rows
 * through an authorised patient.
 */
import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const medicationOrders = pgTable(
  'medication_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    /** RxNorm ingredient (term type IN) of the first ingredient: for search and duplicate checks. */
    ingredientCode: text('ingredient_code').notNull(),
    ingredientName: text('ingredient_name').notNull(),
    /** Every ingredient with its strength per form unit (OrderIngredient[]). */
    ingredients: jsonb('ingredients').notNull(),
    /** DoseForm: tablet, capsule, solution, patch, ... */
    form: text('form').notNull(),
    /** immediate | extended */
    release: text('release').notNull().default('immediate'),
    route: text('route'),
    /** The structured directions (Dosage), as confirmed by the clinician. */
    dosage: jsonb('dosage').notNull(),
    /** The directions as written. */
    directionsText: text('directions_text'),
    daysSupply: integer('days_supply'),
    prescriber: text('prescriber'),
    pharmacy: text('pharmacy'),
    startDate: date('start_date', { mode: 'string' }),
    /** Inclusive. */
    endDate: date('end_date', { mode: 'string' }),
    /** OrderStatus: active, draft, on-hold, stopped, completed, entered-in-error. */
    status: text('status').notNull(),
    /** pain | oud | other */
    indication: text('indication').notNull().default('pain'),
    /** The latest day this order's dose went up (monitoring: review after a start or increase). */
    increasedOn: date('increased_on', { mode: 'string' }),
    stopReason: text('stop_reason'),
    /** entered | imported-fhir */
    source: text('source').notNull(),
    /** The MedicationRequest id in the sending system, for imported orders. */
    sourceId: text('source_id'),
    createdBy: text('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('medication_orders_patient_idx').on(t.orgId, t.patientId, t.status),
    index('medication_orders_ingredient_idx').on(t.orgId, t.patientId, t.ingredientCode),
  ],
);

/** Prescription drug monitoring program checks: who looked, when, and what they found. */
export const pdmpChecks = pgTable(
  'pdmp_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    checkedBy: text('checked_by').notNull(),
    checkedByName: text('checked_by_name').notNull(),
    findings: text('findings').notNull(),
    /** The person checking saw something to talk about with the patient. */
    needsDiscussion: boolean('needs_discussion').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('pdmp_checks_patient_idx').on(t.orgId, t.patientId, t.checkedOn)],
);

/** Urine drug test results: the substances tested and how each came back (UdsResult[]). */
export const urineDrugTests = pgTable(
  'urine_drug_tests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    collectedOn: date('collected_on', { mode: 'string' }).notNull(),
    /** screen | confirmatory */
    method: text('method').notNull(),
    results: jsonb('results').notNull(),
    notes: text('notes'),
    /** The reconciliation against the medication list as it stood when the result was entered. */
    reconciliation: jsonb('reconciliation').notNull(),
    conversationTaskId: uuid('conversation_task_id'),
    enteredBy: text('entered_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('urine_drug_tests_patient_idx').on(t.orgId, t.patientId, t.collectedOn)],
);

/** Benefit and risk reviews of opioid therapy (CDC 2022 Rec 7). */
export const opioidReviews = pgTable(
  'opioid_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
    reviewedBy: text('reviewed_by').notNull(),
    note: text('note').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('opioid_reviews_patient_idx').on(t.orgId, t.patientId, t.reviewedOn)],
);

/** A taper plan built with the patient: the schedule as planned, pauses, pace and their agreement. */
export const taperPlans = pgTable(
  'taper_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    /** active | completed | stopped */
    status: text('status').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    durationOfUseDays: integer('duration_of_use_days').notNull(),
    /** 'reference' or a slower custom pace (CustomPace). */
    pace: jsonb('pace').notNull(),
    pauses: jsonb('pauses').notNull().default([]),
    /** The orders the plan was built from. */
    orderIds: jsonb('order_ids').$type<string[]>().notNull(),
    /** The domain's TaperPlan as saved (steps with planned doses, follow-ups, naloxone, issues). */
    plan: jsonb('plan').notNull(),
    /** The patient's agreement, in their own words. */
    patientAgreement: text('patient_agreement').notNull(),
    naloxoneOffered: boolean('naloxone_offered').notNull(),
    /** Documented life-threatening reason, required when a step is faster than the reference bounds. */
    lifeThreateningReason: text('life_threatening_reason'),
    createdBy: text('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('taper_plans_patient_idx').on(t.orgId, t.patientId, t.startDate)],
);

/** Doses actually taken during a taper, recorded at follow-ups (for the planned-versus-actual chart). */
export const taperActualDoses = pgTable(
  'taper_actual_doses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    taperPlanId: uuid('taper_plan_id')
      .notNull()
      .references(() => taperPlans.id),
    takenOn: date('taken_on', { mode: 'string' }).notNull(),
    mmePerDay: doublePrecision('mme_per_day').notNull(),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('taper_actual_doses_plan_idx').on(t.taperPlanId, t.takenOn)],
);

/**
 * Stops or sharp cuts faster than the reference bounds (src/domain/opioids/abrupt-change.ts), each with the
 * documented life-threatening reason. Counted by the dashboard; never a block.
 */
export const opioidAbruptChanges = pgTable(
  'opioid_abrupt_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    /** order-update | order-stop | taper-plan */
    kind: text('kind').notNull(),
    orderId: uuid('order_id').references(() => medicationOrders.id),
    taperPlanId: uuid('taper_plan_id').references(() => taperPlans.id),
    reason: text('reason').notNull(),
    /** The domain's AbruptChangeResult(s). */
    detection: jsonb('detection').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('opioid_abrupt_changes_org_idx').on(t.orgId, t.recordedAt), index('opioid_abrupt_changes_patient_idx').on(t.orgId, t.patientId)],
);

/**
 * The clinic's opioid settings (src/domain/opioids/settings.ts: factor set and intervals), one versioned row
 * per clinic. Kept apart from organisations.settings, whose keys the access rules validate strictly.
 */
export const clinicOpioidSettings = pgTable('clinic_opioid_settings', {
  orgId: uuid('org_id').primaryKey(),
  settings: jsonb('settings').notNull().default(sql`'{}'::jsonb`),
  updatedBy: text('updated_by').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: updatedAt(),
});

/**
 * What the care team has recorded about the risk factors the risk review reads (RiskHistory in
 * src/domain/opioids/naloxone.ts): true, false, or absent = not recorded (shown as "not recorded", never "no").
 */
export const opioidRiskHistories = pgTable('opioid_risk_histories', {
  patientId: uuid('patient_id').primaryKey(),
  orgId: uuid('org_id').notNull(),
  history: jsonb('history').notNull(),
  updatedBy: text('updated_by').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: updatedAt(),
});
