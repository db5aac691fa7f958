/** PDMP checks, urine drug test results and benefit/risk reviews of a patient's opioid therapy. */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { RiskHistory, UdsReconciliation, UdsResult } from '../../domain/opioids';
import type { DbOrTx } from '../client';
import { preparedFor } from '../prepared';
import { opioidReviews, opioidRiskHistories, pdmpChecks, urineDrugTests } from '../schema';

export interface PdmpCheck {
  id: string;
  checkedOn: string;
  checkedBy: string;
  checkedByName: string;
  findings: string;
  needsDiscussion: boolean;
}

export interface UrineTest {
  id: string;
  collectedOn: string;
  method: 'screen' | 'confirmatory';
  results: UdsResult[];
  notes: string | null;
  reconciliation: UdsReconciliation;
  conversationTaskId: string | null;
  enteredBy: string;
}

export interface OpioidReview {
  id: string;
  reviewedOn: string;
  reviewedBy: string;
  note: string;
}

const toPdmp = (r: typeof pdmpChecks.$inferSelect): PdmpCheck => ({
  id: r.id,
  checkedOn: r.checkedOn,
  checkedBy: r.checkedBy,
  checkedByName: r.checkedByName,
  findings: r.findings,
  needsDiscussion: r.needsDiscussion,
});

const toUrineTest = (r: typeof urineDrugTests.$inferSelect): UrineTest => ({
  id: r.id,
  collectedOn: r.collectedOn,
  method: r.method === 'confirmatory' ? 'confirmatory' : 'screen',
  results: r.results as UdsResult[],
  notes: r.notes,
  reconciliation: r.reconciliation as UdsReconciliation,
  conversationTaskId: r.conversationTaskId,
  enteredBy: r.enteredBy,
});

/** The most recent PDMP check (by the day it was done), or null when none is recorded. */
export async function latestPdmpCheck(db: DbOrTx, orgId: string, patientId: string): Promise<PdmpCheck | null> {
  const rows = await listPdmpChecks(db, orgId, patientId, 1);
  return rows[0] ?? null;
}

export async function listPdmpChecks(db: DbOrTx, orgId: string, patientId: string, limit = 50): Promise<PdmpCheck[]> {
  const query = preparedFor(db, 'list_pdmp_checks', (d, name) =>
    d
      .select()
      .from(pdmpChecks)
      .where(and(eq(pdmpChecks.orgId, sql.placeholder('orgId')), eq(pdmpChecks.patientId, sql.placeholder('patientId'))))
      .orderBy(desc(pdmpChecks.checkedOn), desc(pdmpChecks.createdAt))
      .limit(sql.placeholder('limit'))
      .prepare(name),
  );
  const rows = await query.execute({ orgId, patientId, limit });
  return rows.map(toPdmp);
}

export async function insertPdmpCheck(
  db: DbOrTx,
  row: Omit<typeof pdmpChecks.$inferInsert, 'id' | 'createdAt'>,
  asOf: Date,
): Promise<PdmpCheck> {
  const rows = await db.insert(pdmpChecks).values({ ...row, createdAt: asOf }).returning();
  return toPdmp(rows[0] as typeof pdmpChecks.$inferSelect);
}

/** The most recent urine drug test (by collection day), or null when none is recorded. */
export async function latestUrineTest(db: DbOrTx, orgId: string, patientId: string): Promise<UrineTest | null> {
  const rows = await listUrineTests(db, orgId, patientId, 1);
  return rows[0] ?? null;
}

export async function listUrineTests(db: DbOrTx, orgId: string, patientId: string, limit = 50): Promise<UrineTest[]> {
  const query = preparedFor(db, 'list_urine_tests', (d, name) =>
    d
      .select()
      .from(urineDrugTests)
      .where(and(eq(urineDrugTests.orgId, sql.placeholder('orgId')), eq(urineDrugTests.patientId, sql.placeholder('patientId'))))
      .orderBy(desc(urineDrugTests.collectedOn), desc(urineDrugTests.createdAt))
      .limit(sql.placeholder('limit'))
      .prepare(name),
  );
  const rows = await query.execute({ orgId, patientId, limit });
  return rows.map(toUrineTest);
}

export async function insertUrineTest(
  db: DbOrTx,
  row: Omit<typeof urineDrugTests.$inferInsert, 'id' | 'createdAt'>,
  asOf: Date,
): Promise<UrineTest> {
  const rows = await db.insert(urineDrugTests).values({ ...row, createdAt: asOf }).returning();
  return toUrineTest(rows[0] as typeof urineDrugTests.$inferSelect);
}

export async function latestOpioidReview(db: DbOrTx, orgId: string, patientId: string): Promise<OpioidReview | null> {
  const rows = await listOpioidReviews(db, orgId, patientId, 1);
  return rows[0] ?? null;
}

export async function listOpioidReviews(db: DbOrTx, orgId: string, patientId: string, limit = 50): Promise<OpioidReview[]> {
  const rows = await db
    .select()
    .from(opioidReviews)
    .where(and(eq(opioidReviews.orgId, orgId), eq(opioidReviews.patientId, patientId)))
    .orderBy(desc(opioidReviews.reviewedOn), desc(opioidReviews.createdAt))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, reviewedOn: r.reviewedOn, reviewedBy: r.reviewedBy, note: r.note }));
}

export async function insertOpioidReview(
  db: DbOrTx,
  row: Omit<typeof opioidReviews.$inferInsert, 'id' | 'createdAt'>,
  asOf: Date,
): Promise<OpioidReview> {
  const rows = await db.insert(opioidReviews).values({ ...row, createdAt: asOf }).returning();
  const r = rows[0] as typeof opioidReviews.$inferSelect;
  return { id: r.id, reviewedOn: r.reviewedOn, reviewedBy: r.reviewedBy, note: r.note };
}

export interface StoredRiskHistory {
  history: RiskHistory;
  version: number;
  updatedBy: string | null;
}

/** The risk factors the care team recorded (absent keys = not recorded). */
export async function getRiskHistory(db: DbOrTx, orgId: string, patientId: string): Promise<StoredRiskHistory> {
  const rows = await db.select().from(opioidRiskHistories).where(and(eq(opioidRiskHistories.orgId, orgId), eq(opioidRiskHistories.patientId, patientId)));
  const row = rows[0];
  return { history: (row?.history ?? {}), version: row?.version ?? 0, updatedBy: row?.updatedBy ?? null };
}

/** Saves the recorded risk factors; `expectedVersion` 0 means "nothing recorded yet". Undefined when stale. */
export async function saveRiskHistory(db: DbOrTx, orgId: string, patientId: string, history: RiskHistory, expectedVersion: number, updatedBy: string, asOf: Date): Promise<number | undefined> {
  if (expectedVersion === 0) {
    const rows = await db
      .insert(opioidRiskHistories)
      .values({ orgId, patientId, history, updatedBy, version: 1, updatedAt: asOf })
      .onConflictDoNothing()
      .returning({ version: opioidRiskHistories.version });
    return rows[0]?.version;
  }
  const rows = await db
    .update(opioidRiskHistories)
    .set({ history, updatedBy, updatedAt: asOf, version: expectedVersion + 1 })
    .where(and(eq(opioidRiskHistories.orgId, orgId), eq(opioidRiskHistories.patientId, patientId), eq(opioidRiskHistories.version, expectedVersion)))
    .returning({ version: opioidRiskHistories.version });
  return rows[0]?.version;
}
