/**
 * Care plans and what hangs off them: versions, sessions, the person's reports, flares and checkpoints.
 * Plan changes update `care_plans WHERE version = expected` and insert the new version row in the same
 * transaction (the caller's), so a stale write changes nothing.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { carePlanCheckpoints, carePlans, carePlanVersions, flares, progressReports, therapySessions } from '../schema';

export type CarePlanRow = typeof carePlans.$inferSelect;
export type CarePlanVersionRow = typeof carePlanVersions.$inferSelect;
export type SessionRow = typeof therapySessions.$inferSelect;
export type ReportRow = typeof progressReports.$inferSelect;
export type FlareRow = typeof flares.$inferSelect;
export type CheckpointRow = typeof carePlanCheckpoints.$inferSelect;

export async function getPlanForPatient(db: DbOrTx, orgId: string, patientId: string): Promise<CarePlanRow | undefined> {
  const rows = await db.select().from(carePlans).where(and(eq(carePlans.orgId, orgId), eq(carePlans.patientId, patientId))).limit(1);
  return rows[0];
}

export async function getPlanById(db: DbOrTx, orgId: string, id: string): Promise<CarePlanRow | undefined> {
  const rows = await db.select().from(carePlans).where(and(eq(carePlans.orgId, orgId), eq(carePlans.id, id))).limit(1);
  return rows[0];
}

export async function insertPlan(
  db: DbOrTx,
  input: { orgId: string; patientId: string; content: unknown; by: string; asOf: Date; note: string | null },
): Promise<CarePlanRow> {
  const rows = await db
    .insert(carePlans)
    .values({ orgId: input.orgId, patientId: input.patientId, content: input.content, version: 1, createdBy: input.by, updatedBy: input.by, createdAt: input.asOf, updatedAt: input.asOf })
    .returning();
  const plan = rows[0] as CarePlanRow;
  await db.insert(carePlanVersions).values({ orgId: plan.orgId, patientId: plan.patientId, carePlanId: plan.id, version: 1, content: plan.content, changeNote: input.note, changedBy: input.by, changedAt: input.asOf });
  return plan;
}

/** Writes the next version when the stored version is still `expected`; undefined when someone else was first. */
export async function updatePlan(
  db: DbOrTx,
  input: { id: string; expected: number; content: unknown; by: string; asOf: Date; note: string | null },
): Promise<CarePlanRow | undefined> {
  const rows = await db
    .update(carePlans)
    .set({ content: input.content, version: input.expected + 1, updatedBy: input.by, updatedAt: input.asOf })
    .where(and(eq(carePlans.id, input.id), eq(carePlans.version, input.expected)))
    .returning();
  const plan = rows[0];
  if (!plan) return undefined;
  await db.insert(carePlanVersions).values({ orgId: plan.orgId, patientId: plan.patientId, carePlanId: plan.id, version: plan.version, content: plan.content, changeNote: input.note, changedBy: input.by, changedAt: input.asOf });
  return plan;
}

export async function planVersions(db: DbOrTx, planId: string): Promise<CarePlanVersionRow[]> {
  return db.select().from(carePlanVersions).where(eq(carePlanVersions.carePlanId, planId)).orderBy(desc(carePlanVersions.version));
}

export async function insertSession(db: DbOrTx, row: typeof therapySessions.$inferInsert): Promise<SessionRow> {
  const rows = await db.insert(therapySessions).values(row).returning();
  return rows[0] as SessionRow;
}

export async function sessionsForPlan(db: DbOrTx, planId: string): Promise<SessionRow[]> {
  return db.select().from(therapySessions).where(eq(therapySessions.carePlanId, planId)).orderBy(asc(therapySessions.sessionDate), asc(therapySessions.createdAt));
}

export async function getSession(db: DbOrTx, orgId: string, id: string): Promise<SessionRow | undefined> {
  const rows = await db.select().from(therapySessions).where(and(eq(therapySessions.orgId, orgId), eq(therapySessions.id, id))).limit(1);
  return rows[0];
}

export async function sessionsForPatient(db: DbOrTx, orgId: string, patientId: string): Promise<SessionRow[]> {
  return db.select().from(therapySessions).where(and(eq(therapySessions.orgId, orgId), eq(therapySessions.patientId, patientId))).orderBy(asc(therapySessions.sessionDate), asc(therapySessions.createdAt));
}

export async function insertReport(db: DbOrTx, row: typeof progressReports.$inferInsert): Promise<ReportRow> {
  const rows = await db.insert(progressReports).values(row).returning();
  return rows[0] as ReportRow;
}

export async function reportsForPlan(db: DbOrTx, planId: string): Promise<ReportRow[]> {
  return db.select().from(progressReports).where(eq(progressReports.carePlanId, planId)).orderBy(asc(progressReports.reportedOn), asc(progressReports.reportedAt));
}

export async function insertFlare(db: DbOrTx, row: typeof flares.$inferInsert): Promise<FlareRow> {
  const rows = await db.insert(flares).values(row).returning();
  return rows[0] as FlareRow;
}

export async function flaresForPlan(db: DbOrTx, planId: string): Promise<FlareRow[]> {
  return db.select().from(flares).where(eq(flares.carePlanId, planId)).orderBy(asc(flares.startedAt));
}

export async function getFlare(db: DbOrTx, orgId: string, id: string): Promise<FlareRow | undefined> {
  const rows = await db.select().from(flares).where(and(eq(flares.orgId, orgId), eq(flares.id, id))).limit(1);
  return rows[0];
}

/** Records how a flare settled when the stored version is still `expected`. */
export async function updateFlare(
  db: DbOrTx,
  id: string,
  expected: number,
  set: { settledAt: Date | null; symptomScoreAfter: number | null },
): Promise<FlareRow | undefined> {
  const rows = await db.update(flares).set({ ...set, version: expected + 1 }).where(and(eq(flares.id, id), eq(flares.version, expected))).returning();
  return rows[0];
}

export async function insertCheckpoint(db: DbOrTx, row: typeof carePlanCheckpoints.$inferInsert): Promise<CheckpointRow> {
  const rows = await db.insert(carePlanCheckpoints).values(row).returning();
  return rows[0] as CheckpointRow;
}

export async function checkpointsForPlan(db: DbOrTx, planId: string): Promise<CheckpointRow[]> {
  return db.select().from(carePlanCheckpoints).where(eq(carePlanCheckpoints.carePlanId, planId)).orderBy(asc(carePlanCheckpoints.dueOn), asc(carePlanCheckpoints.createdAt));
}

export async function getCheckpoint(db: DbOrTx, orgId: string, id: string): Promise<CheckpointRow | undefined> {
  const rows = await db.select().from(carePlanCheckpoints).where(and(eq(carePlanCheckpoints.orgId, orgId), eq(carePlanCheckpoints.id, id))).limit(1);
  return rows[0];
}

/** Records the decision when the checkpoint is still at version `expected` and not decided yet. */
export async function decideCheckpoint(
  db: DbOrTx,
  id: string,
  expected: number,
  set: { decision: string; decisionDetail: unknown; summary: unknown; planVersion: number | null; decidedBy: string; decidedAt: Date },
): Promise<CheckpointRow | undefined> {
  const rows = await db
    .update(carePlanCheckpoints)
    .set({ ...set, status: 'decided', version: expected + 1 })
    .where(and(eq(carePlanCheckpoints.id, id), eq(carePlanCheckpoints.version, expected), eq(carePlanCheckpoints.status, 'due')))
    .returning();
  return rows[0];
}

/** Moves an undecided checkpoint (and nothing else) to a new date, e.g. when the schedule changes. */
export async function rescheduleCheckpoint(db: DbOrTx, id: string, dueOn: string): Promise<void> {
  await db.update(carePlanCheckpoints).set({ dueOn }).where(and(eq(carePlanCheckpoints.id, id), eq(carePlanCheckpoints.status, 'due')));
}

/** FHIR search: every plan of a clinic's patient (one per patient today). */
export async function plansForPatient(db: DbOrTx, orgId: string, patientId: string): Promise<CarePlanRow[]> {
  return db.select().from(carePlans).where(and(eq(carePlans.orgId, orgId), eq(carePlans.patientId, patientId)));
}

/** Plans of several patients of one clinic (the huddle's plateau source); one query. */
export async function plansForPatients(db: DbOrTx, orgId: string, patientIds: readonly string[]): Promise<CarePlanRow[]> {
  if (patientIds.length === 0) return [];
  return db.select().from(carePlans).where(and(eq(carePlans.orgId, orgId), inArray(carePlans.patientId, [...patientIds])));
}

/** Sessions, reports, flares and checkpoints of several plans, one query each, in the same order as the per-plan reads. */
export async function progressionRowsForPlans(
  db: DbOrTx,
  planIds: readonly string[],
): Promise<{ sessions: SessionRow[]; reports: ReportRow[]; flares: FlareRow[]; checkpoints: CheckpointRow[] }> {
  if (planIds.length === 0) return { sessions: [], reports: [], flares: [], checkpoints: [] };
  const ids = [...planIds];
  const [sessions, reports, flareRows, checkpoints] = await Promise.all([
    db.select().from(therapySessions).where(inArray(therapySessions.carePlanId, ids)).orderBy(asc(therapySessions.sessionDate), asc(therapySessions.createdAt)),
    db.select().from(progressReports).where(inArray(progressReports.carePlanId, ids)).orderBy(asc(progressReports.reportedOn), asc(progressReports.reportedAt)),
    db.select().from(flares).where(inArray(flares.carePlanId, ids)).orderBy(asc(flares.startedAt)),
    db.select().from(carePlanCheckpoints).where(inArray(carePlanCheckpoints.carePlanId, ids)).orderBy(asc(carePlanCheckpoints.dueOn), asc(carePlanCheckpoints.createdAt)),
  ]);
  return { sessions, reports, flares: flareRows, checkpoints };
}
