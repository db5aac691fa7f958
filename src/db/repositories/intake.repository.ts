/**
 * Intakes and intake templates. An intake is one row updated page by page under optimistic concurrency
 * (`version`); its instrument answers live in questionnaire_responses (measures.repository.ts).
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { preparedFor } from '../prepared';
import { intakes, intakeTemplates } from '../schema';

export type IntakeRow = typeof intakes.$inferSelect;
export type IntakeTemplateRow = typeof intakeTemplates.$inferSelect;

export interface NewIntakeRow {
  orgId: string;
  patientId: string;
  templateVersion: number;
  pages: string[];
  currentPage: string;
  sentBy: string;
  asOf: Date;
}

export async function insertIntake(db: DbOrTx, input: NewIntakeRow): Promise<IntakeRow> {
  const { asOf, ...row } = input;
  const rows = await db
    .insert(intakes)
    .values({ ...row, status: 'sent', story: {}, redFlagAnswers: {}, savedPages: [], raisedAlerts: {}, sentAt: asOf, createdAt: asOf, updatedAt: asOf })
    .returning();
  return rows[0] as IntakeRow;
}

export async function getIntake(db: DbOrTx, orgId: string, id: string): Promise<IntakeRow | undefined> {
  const rows = await db.select().from(intakes).where(and(eq(intakes.orgId, orgId), eq(intakes.id, id))).limit(1);
  return rows[0];
}

export type IntakeChanges = Partial<
  Pick<IntakeRow, 'status' | 'pages' | 'currentPage' | 'savedPages' | 'story' | 'redFlagAnswers' | 'raisedAlerts' | 'startedAt' | 'submittedAt'>
>;

/** Optimistic update: only when the stored version is `expectedVersion`; undefined otherwise (nothing written). */
export async function updateIntake(db: DbOrTx, orgId: string, id: string, expectedVersion: number, changes: IntakeChanges, asOf: Date): Promise<IntakeRow | undefined> {
  const rows = await db
    .update(intakes)
    .set({ ...changes, version: sql`${intakes.version} + 1`, updatedAt: asOf })
    .where(and(eq(intakes.orgId, orgId), eq(intakes.id, id), eq(intakes.version, expectedVersion)))
    .returning();
  return rows[0];
}

/** Intakes not yet submitted (the patient's to-dos), oldest first. */
export async function openIntakesFor(db: DbOrTx, orgId: string, patientId: string): Promise<IntakeRow[]> {
  return db
    .select()
    .from(intakes)
    .where(and(eq(intakes.orgId, orgId), eq(intakes.patientId, patientId), inArray(intakes.status, ['sent', 'in-progress'])))
    .orderBy(asc(intakes.sentAt));
}

/** Every intake of a patient, newest first (a prepared statement: the summary reads them on every view). */
export async function intakesFor(db: DbOrTx, orgId: string, patientId: string): Promise<IntakeRow[]> {
  const query = preparedFor(db, 'intakes_for', (d, name) =>
    d
      .select()
      .from(intakes)
      .where(and(eq(intakes.orgId, sql.placeholder('orgId')), eq(intakes.patientId, sql.placeholder('patientId'))))
      .orderBy(desc(intakes.sentAt), desc(intakes.createdAt))
      .prepare(name),
  );
  return query.execute({ orgId, patientId });
}

/** The most recent submitted intake of a patient, if any. */
export async function latestSubmittedIntake(db: DbOrTx, orgId: string, patientId: string): Promise<IntakeRow | undefined> {
  const rows = await db
    .select()
    .from(intakes)
    .where(and(eq(intakes.orgId, orgId), eq(intakes.patientId, patientId), eq(intakes.status, 'submitted')))
    .orderBy(desc(intakes.submittedAt))
    .limit(1);
  return rows[0];
}

/** The clinic's current template row (highest version), or undefined when the built-in one is in use. */
export async function currentTemplateRow(db: DbOrTx, orgId: string): Promise<IntakeTemplateRow | undefined> {
  const rows = await db.select().from(intakeTemplates).where(eq(intakeTemplates.orgId, orgId)).orderBy(desc(intakeTemplates.version)).limit(1);
  return rows[0];
}

export async function templateRowByVersion(db: DbOrTx, orgId: string, version: number): Promise<IntakeTemplateRow | undefined> {
  const rows = await db
    .select()
    .from(intakeTemplates)
    .where(and(eq(intakeTemplates.orgId, orgId), eq(intakeTemplates.version, version)))
    .limit(1);
  return rows[0];
}

export async function templateRowById(db: DbOrTx, orgId: string, id: string): Promise<IntakeTemplateRow | undefined> {
  const rows = await db.select().from(intakeTemplates).where(and(eq(intakeTemplates.orgId, orgId), eq(intakeTemplates.id, id))).limit(1);
  return rows[0];
}

/** Every version of the clinic's template, newest first. */
export async function templateHistory(db: DbOrTx, orgId: string): Promise<IntakeTemplateRow[]> {
  return db.select().from(intakeTemplates).where(eq(intakeTemplates.orgId, orgId)).orderBy(desc(intakeTemplates.version));
}

/**
 * Adds the next version of the template. Two editors saving the same version at once meet at the unique
 * index (org_id, version): the second insert fails, and the caller reports a stale version.
 */
export async function insertTemplateVersion(
  db: DbOrTx,
  row: { orgId: string; template: { hidden: string[] }; version: number; updatedBy: string; updatedAt: Date },
): Promise<IntakeTemplateRow> {
  const rows = await db.insert(intakeTemplates).values(row).returning();
  return rows[0] as IntakeTemplateRow;
}
