/**
 * Questionnaire responses (answers and their score), instrument requests and clinician assessments.
 * Every query filters by org_id and patient_id (the shard key, docs/architecture.md "Sharding on paper").
 */
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { preparedFor } from '../prepared';
import { assessments, instrumentRequests, questionnaireResponses } from '../schema';

export type ResponseRow = typeof questionnaireResponses.$inferSelect;
export type RequestRow = typeof instrumentRequests.$inferSelect;
export type AssessmentRow = typeof assessments.$inferSelect;

export interface NewResponseRow {
  /** Chosen by the caller when something must point at the response before it is inserted. */
  id?: string;
  orgId: string;
  patientId: string;
  intakeId: string | null;
  requestId: string | null;
  instrumentId: string;
  instrumentVersion: string;
  answers: unknown;
  score: unknown;
  status: 'in-progress' | 'completed';
  authoredAt: Date;
  createdBy: string;
}

export async function insertResponse(db: DbOrTx, row: NewResponseRow): Promise<ResponseRow> {
  const rows = await db
    .insert(questionnaireResponses)
    .values({ ...row, createdAt: row.authoredAt, updatedAt: row.authoredAt })
    .returning();
  return rows[0] as ResponseRow;
}

export async function updateResponse(
  db: DbOrTx,
  id: string,
  changes: Partial<Pick<ResponseRow, 'answers' | 'score' | 'status' | 'authoredAt' | 'instrumentVersion'>>,
  asOf: Date,
): Promise<ResponseRow | undefined> {
  const rows = await db
    .update(questionnaireResponses)
    .set({ ...changes, version: sql`${questionnaireResponses.version} + 1`, updatedAt: asOf })
    .where(eq(questionnaireResponses.id, id))
    .returning();
  return rows[0];
}

export async function responsesForIntake(db: DbOrTx, orgId: string, intakeId: string): Promise<ResponseRow[]> {
  return db
    .select()
    .from(questionnaireResponses)
    .where(and(eq(questionnaireResponses.orgId, orgId), eq(questionnaireResponses.intakeId, intakeId)))
    .orderBy(asc(questionnaireResponses.createdAt));
}

export async function getResponse(db: DbOrTx, orgId: string, id: string): Promise<ResponseRow | undefined> {
  const rows = await db
    .select()
    .from(questionnaireResponses)
    .where(and(eq(questionnaireResponses.orgId, orgId), eq(questionnaireResponses.id, id)))
    .limit(1);
  return rows[0];
}

export interface ResponseSearch {
  orgId: string;
  patientId: string;
  /** Only these instruments (undefined: all). */
  instrumentIds?: readonly string[] | undefined;
  /** Only this instrument version. */
  instrumentVersion?: string | undefined;
  /** Only these statuses (undefined: all). */
  statuses?: readonly string[] | undefined;
  /** authored_at >= from */
  from?: Date | undefined;
  /** authored_at < before */
  before?: Date | undefined;
  limit: number;
  offset: number;
  order: 'asc' | 'desc';
}

/** A page of a patient's responses in authored order, with the number of all matches. */
export async function searchResponses(db: DbOrTx, search: ResponseSearch): Promise<{ items: ResponseRow[]; total: number }> {
  const where: SQL[] = [eq(questionnaireResponses.orgId, search.orgId), eq(questionnaireResponses.patientId, search.patientId)];
  if (search.instrumentIds) {
    if (search.instrumentIds.length === 0) return { items: [], total: 0 };
    where.push(inArray(questionnaireResponses.instrumentId, [...search.instrumentIds]));
  }
  if (search.instrumentVersion !== undefined) where.push(eq(questionnaireResponses.instrumentVersion, search.instrumentVersion));
  if (search.statuses) where.push(inArray(questionnaireResponses.status, [...search.statuses]));
  if (search.from) where.push(gte(questionnaireResponses.authoredAt, search.from));
  if (search.before) where.push(lt(questionnaireResponses.authoredAt, search.before));
  const condition = and(...where);
  const order = search.order === 'asc' ? asc : desc;
  const [items, totals] = await Promise.all([
    db
      .select()
      .from(questionnaireResponses)
      .where(condition)
      .orderBy(order(questionnaireResponses.authoredAt), order(questionnaireResponses.id))
      .limit(search.limit)
      .offset(search.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(questionnaireResponses).where(condition),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

/** Every completed response of a patient in date order (the trajectories). */
export async function completedResponses(db: DbOrTx, orgId: string, patientId: string, instrumentIds?: readonly string[]): Promise<ResponseRow[]> {
  const where: SQL[] = [
    eq(questionnaireResponses.orgId, orgId),
    eq(questionnaireResponses.patientId, patientId),
    eq(questionnaireResponses.status, 'completed'),
  ];
  if (instrumentIds) where.push(inArray(questionnaireResponses.instrumentId, [...instrumentIds]));
  return db
    .select()
    .from(questionnaireResponses)
    .where(and(...where))
    .orderBy(asc(questionnaireResponses.authoredAt), asc(questionnaireResponses.createdAt));
}

export async function insertRequest(
  db: DbOrTx,
  row: { orgId: string; patientId: string; instrumentId: string; requestedBy: string; requestedAt: Date },
): Promise<RequestRow> {
  const rows = await db.insert(instrumentRequests).values(row).returning();
  return rows[0] as RequestRow;
}

export async function getRequest(db: DbOrTx, orgId: string, id: string): Promise<RequestRow | undefined> {
  const rows = await db
    .select()
    .from(instrumentRequests)
    .where(and(eq(instrumentRequests.orgId, orgId), eq(instrumentRequests.id, id)))
    .limit(1);
  return rows[0];
}

/** Requests not yet answered or cancelled (the patient's to-dos), oldest first. */
export async function openRequestsFor(db: DbOrTx, orgId: string, patientId: string): Promise<RequestRow[]> {
  return db
    .select()
    .from(instrumentRequests)
    .where(
      and(
        eq(instrumentRequests.orgId, orgId),
        eq(instrumentRequests.patientId, patientId),
        isNull(instrumentRequests.responseId),
        isNull(instrumentRequests.cancelledAt),
      ),
    )
    .orderBy(asc(instrumentRequests.requestedAt));
}

/** Every request of a patient, newest first. */
export async function requestsFor(db: DbOrTx, orgId: string, patientId: string): Promise<RequestRow[]> {
  return db
    .select()
    .from(instrumentRequests)
    .where(and(eq(instrumentRequests.orgId, orgId), eq(instrumentRequests.patientId, patientId)))
    .orderBy(desc(instrumentRequests.requestedAt));
}

/**
 * Marks an open request answered. Only one caller can win: the update requires response_id and
 * cancelled_at to be empty, so a second answer (or an answer after cancelling) changes nothing.
 */
export async function markRequestAnswered(db: DbOrTx, orgId: string, id: string, responseId: string): Promise<RequestRow | undefined> {
  const rows = await db
    .update(instrumentRequests)
    .set({ responseId })
    .where(and(eq(instrumentRequests.orgId, orgId), eq(instrumentRequests.id, id), isNull(instrumentRequests.responseId), isNull(instrumentRequests.cancelledAt)))
    .returning();
  return rows[0];
}

export async function cancelRequest(db: DbOrTx, orgId: string, id: string, asOf: Date): Promise<RequestRow | undefined> {
  const rows = await db
    .update(instrumentRequests)
    .set({ cancelledAt: asOf })
    .where(and(eq(instrumentRequests.orgId, orgId), eq(instrumentRequests.id, id), isNull(instrumentRequests.responseId), isNull(instrumentRequests.cancelledAt)))
    .returning();
  return rows[0];
}

export async function insertAssessment(
  db: DbOrTx,
  row: {
    orgId: string;
    patientId: string;
    mechanism: string;
    irritability: string;
    comorbidities: string[];
    onsetDate: string | null;
    notes: string | null;
    assessedBy: string;
    assessedAt: Date;
  },
): Promise<AssessmentRow> {
  const rows = await db.insert(assessments).values({ ...row, createdAt: row.assessedAt }).returning();
  return rows[0] as AssessmentRow;
}

/** A patient's assessments, newest first (a prepared statement: the summary reads the latest on every view). */
export async function assessmentsFor(db: DbOrTx, orgId: string, patientId: string, limit = 50): Promise<AssessmentRow[]> {
  const query = preparedFor(db, 'assessments_for', (d, name) =>
    d
      .select()
      .from(assessments)
      .where(and(eq(assessments.orgId, sql.placeholder('orgId')), eq(assessments.patientId, sql.placeholder('patientId'))))
      .orderBy(desc(assessments.assessedAt), desc(assessments.createdAt))
      .limit(sql.placeholder('limit'))
      .prepare(name),
  );
  return query.execute({ orgId, patientId, limit });
}
