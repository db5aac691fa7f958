/** Coverage storage: payers, plans, benefit rules (clinic level), a patient's plans, prior authorisations, NCD facts. */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { acupunctureEligibility, benefitRules, coveragePlans, patientCoverages, payers, priorAuthorisations } from '../schema';

export type PayerRow = typeof payers.$inferSelect;
export type PlanRow = typeof coveragePlans.$inferSelect;
export type RuleRow = typeof benefitRules.$inferSelect;
export type PatientCoverageRow = typeof patientCoverages.$inferSelect;
export type PriorAuthRow = typeof priorAuthorisations.$inferSelect;
export type EligibilityRow = typeof acupunctureEligibility.$inferSelect;

export interface CoverageCatalogue {
  payers: PayerRow[];
  plans: PlanRow[];
  rules: RuleRow[];
}

export async function loadCatalogue(db: DbOrTx, orgId: string): Promise<CoverageCatalogue> {
  const [p, pl, r] = await Promise.all([
    db.select().from(payers).where(eq(payers.orgId, orgId)).orderBy(asc(payers.name)),
    db.select().from(coveragePlans).where(eq(coveragePlans.orgId, orgId)).orderBy(asc(coveragePlans.name)),
    db.select().from(benefitRules).where(eq(benefitRules.orgId, orgId)).orderBy(asc(benefitRules.service)),
  ]);
  return { payers: p, plans: pl, rules: r };
}

export async function insertPayer(db: DbOrTx, row: typeof payers.$inferInsert): Promise<PayerRow> {
  return (await db.insert(payers).values(row).returning())[0] as PayerRow;
}
export async function insertPlan(db: DbOrTx, row: typeof coveragePlans.$inferInsert): Promise<PlanRow> {
  return (await db.insert(coveragePlans).values(row).returning())[0] as PlanRow;
}
export async function insertRule(db: DbOrTx, row: typeof benefitRules.$inferInsert): Promise<RuleRow> {
  return (await db.insert(benefitRules).values(row).returning())[0] as RuleRow;
}

export async function findPayer(db: DbOrTx, orgId: string, id: string): Promise<PayerRow | null> {
  return (await db.select().from(payers).where(and(eq(payers.orgId, orgId), eq(payers.id, id))))[0] ?? null;
}
export async function findPlan(db: DbOrTx, orgId: string, id: string): Promise<PlanRow | null> {
  return (await db.select().from(coveragePlans).where(and(eq(coveragePlans.orgId, orgId), eq(coveragePlans.id, id))))[0] ?? null;
}
export async function findRule(db: DbOrTx, orgId: string, id: string): Promise<RuleRow | null> {
  return (await db.select().from(benefitRules).where(and(eq(benefitRules.orgId, orgId), eq(benefitRules.id, id))))[0] ?? null;
}

export async function updatePayer(db: DbOrTx, orgId: string, id: string, version: number, patch: Partial<typeof payers.$inferInsert>, asOf: Date): Promise<PayerRow | null> {
  const rows = await db.update(payers).set({ ...patch, version: version + 1, updatedAt: asOf }).where(and(eq(payers.orgId, orgId), eq(payers.id, id), eq(payers.version, version))).returning();
  return rows[0] ?? null;
}
export async function updatePlan(db: DbOrTx, orgId: string, id: string, version: number, patch: Partial<typeof coveragePlans.$inferInsert>, asOf: Date): Promise<PlanRow | null> {
  const rows = await db
    .update(coveragePlans)
    .set({ ...patch, version: version + 1, updatedAt: asOf })
    .where(and(eq(coveragePlans.orgId, orgId), eq(coveragePlans.id, id), eq(coveragePlans.version, version)))
    .returning();
  return rows[0] ?? null;
}
export async function updateRule(db: DbOrTx, orgId: string, id: string, version: number, patch: Partial<typeof benefitRules.$inferInsert>, asOf: Date): Promise<RuleRow | null> {
  const rows = await db
    .update(benefitRules)
    .set({ ...patch, version: version + 1, updatedAt: asOf })
    .where(and(eq(benefitRules.orgId, orgId), eq(benefitRules.id, id), eq(benefitRules.version, version)))
    .returning();
  return rows[0] ?? null;
}

export async function listPatientCoverages(db: DbOrTx, orgId: string, patientId: string): Promise<PatientCoverageRow[]> {
  return db.select().from(patientCoverages).where(and(eq(patientCoverages.orgId, orgId), eq(patientCoverages.patientId, patientId))).orderBy(desc(patientCoverages.startDate));
}
export async function findPatientCoverage(db: DbOrTx, orgId: string, id: string): Promise<PatientCoverageRow | null> {
  return (await db.select().from(patientCoverages).where(and(eq(patientCoverages.orgId, orgId), eq(patientCoverages.id, id))))[0] ?? null;
}
export async function insertPatientCoverage(db: DbOrTx, row: typeof patientCoverages.$inferInsert): Promise<PatientCoverageRow> {
  return (await db.insert(patientCoverages).values(row).returning())[0] as PatientCoverageRow;
}
export async function updatePatientCoverage(
  db: DbOrTx,
  orgId: string,
  id: string,
  version: number,
  patch: Partial<typeof patientCoverages.$inferInsert>,
  asOf: Date,
): Promise<PatientCoverageRow | null> {
  const rows = await db
    .update(patientCoverages)
    .set({ ...patch, version: version + 1, updatedAt: asOf })
    .where(and(eq(patientCoverages.orgId, orgId), eq(patientCoverages.id, id), eq(patientCoverages.version, version)))
    .returning();
  return rows[0] ?? null;
}

export async function listPriorAuths(db: DbOrTx, orgId: string, patientId: string): Promise<PriorAuthRow[]> {
  return db.select().from(priorAuthorisations).where(and(eq(priorAuthorisations.orgId, orgId), eq(priorAuthorisations.patientId, patientId))).orderBy(desc(priorAuthorisations.createdAt));
}
export async function findPriorAuth(db: DbOrTx, orgId: string, id: string): Promise<PriorAuthRow | null> {
  return (await db.select().from(priorAuthorisations).where(and(eq(priorAuthorisations.orgId, orgId), eq(priorAuthorisations.id, id))))[0] ?? null;
}
export async function insertPriorAuth(db: DbOrTx, row: typeof priorAuthorisations.$inferInsert): Promise<PriorAuthRow> {
  return (await db.insert(priorAuthorisations).values(row).returning())[0] as PriorAuthRow;
}
export async function updatePriorAuth(
  db: DbOrTx,
  orgId: string,
  id: string,
  version: number,
  patch: Partial<typeof priorAuthorisations.$inferInsert>,
  asOf: Date,
): Promise<PriorAuthRow | null> {
  const rows = await db
    .update(priorAuthorisations)
    .set({ ...patch, version: version + 1, updatedAt: asOf })
    .where(and(eq(priorAuthorisations.orgId, orgId), eq(priorAuthorisations.id, id), eq(priorAuthorisations.version, version)))
    .returning();
  return rows[0] ?? null;
}

export async function findEligibility(db: DbOrTx, orgId: string, patientId: string): Promise<EligibilityRow | null> {
  const rows = await db
    .select()
    .from(acupunctureEligibility)
    .where(and(eq(acupunctureEligibility.orgId, orgId), eq(acupunctureEligibility.patientId, patientId)))
    .orderBy(desc(acupunctureEligibility.updatedAt))
    .limit(1);
  return rows[0] ?? null;
}
export async function insertEligibility(db: DbOrTx, row: typeof acupunctureEligibility.$inferInsert): Promise<EligibilityRow> {
  return (await db.insert(acupunctureEligibility).values(row).returning())[0] as EligibilityRow;
}
export async function updateEligibility(
  db: DbOrTx,
  orgId: string,
  id: string,
  version: number,
  patch: Partial<typeof acupunctureEligibility.$inferInsert>,
  asOf: Date,
): Promise<EligibilityRow | null> {
  const rows = await db
    .update(acupunctureEligibility)
    .set({ ...patch, version: version + 1, updatedAt: asOf })
    .where(and(eq(acupunctureEligibility.orgId, orgId), eq(acupunctureEligibility.id, id), eq(acupunctureEligibility.version, version)))
    .returning();
  return rows[0] ?? null;
}
