/** Agreement templates, patient agreements, their versions, signatures and questions. */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { agreementQuestions, agreementSignatures, agreementTemplates, agreementVersions, patientAgreements } from '../schema';

export type TemplateRow = typeof agreementTemplates.$inferSelect;
export type AgreementRow = typeof patientAgreements.$inferSelect;
export type VersionRow = typeof agreementVersions.$inferSelect;
export type SignatureRow = typeof agreementSignatures.$inferSelect;
export type QuestionRow = typeof agreementQuestions.$inferSelect;

export async function templatesFor(db: DbOrTx, orgId: string): Promise<TemplateRow[]> {
  return db
    .select()
    .from(agreementTemplates)
    .where(and(eq(agreementTemplates.orgId, orgId), isNull(agreementTemplates.archivedAt)))
    .orderBy(desc(agreementTemplates.isDefault), asc(agreementTemplates.name));
}

export async function getTemplate(db: DbOrTx, orgId: string, id: string): Promise<TemplateRow | undefined> {
  const rows = await db.select().from(agreementTemplates).where(and(eq(agreementTemplates.orgId, orgId), eq(agreementTemplates.id, id)));
  return rows[0];
}

export async function insertTemplate(db: DbOrTx, row: typeof agreementTemplates.$inferInsert): Promise<TemplateRow> {
  const rows = await db.insert(agreementTemplates).values(row).returning();
  return rows[0] as TemplateRow;
}

export async function updateTemplate(
  db: DbOrTx,
  orgId: string,
  id: string,
  expectedVersion: number,
  changes: Partial<Pick<TemplateRow, 'name' | 'body' | 'readingGrade' | 'isDefault' | 'archivedAt' | 'updatedBy'>>,
  asOf: Date,
): Promise<TemplateRow | undefined> {
  const rows = await db
    .update(agreementTemplates)
    .set({ ...changes, version: sql`${agreementTemplates.version} + 1`, updatedAt: asOf })
    .where(and(eq(agreementTemplates.orgId, orgId), eq(agreementTemplates.id, id), eq(agreementTemplates.version, expectedVersion)))
    .returning();
  return rows[0];
}

/** Only one default per clinic: clears the flag on the others. */
export async function clearOtherDefaults(db: DbOrTx, orgId: string, keepId: string): Promise<void> {
  await db
    .update(agreementTemplates)
    .set({ isDefault: false })
    .where(and(eq(agreementTemplates.orgId, orgId), eq(agreementTemplates.isDefault, true), sql`${agreementTemplates.id} <> ${keepId}`));
}

export async function insertAgreement(db: DbOrTx, row: typeof patientAgreements.$inferInsert): Promise<AgreementRow> {
  const rows = await db.insert(patientAgreements).values(row).returning();
  return rows[0] as AgreementRow;
}

export async function getAgreement(db: DbOrTx, orgId: string, id: string): Promise<AgreementRow | undefined> {
  const rows = await db.select().from(patientAgreements).where(and(eq(patientAgreements.orgId, orgId), eq(patientAgreements.id, id)));
  return rows[0];
}

export async function agreementsForPatient(db: DbOrTx, orgId: string, patientId: string): Promise<AgreementRow[]> {
  return db
    .select()
    .from(patientAgreements)
    .where(and(eq(patientAgreements.orgId, orgId), eq(patientAgreements.patientId, patientId)))
    .orderBy(desc(patientAgreements.createdAt));
}

export async function updateAgreement(
  db: DbOrTx,
  id: string,
  expectedVersion: number,
  changes: Partial<Pick<AgreementRow, 'currentVersion' | 'reviewDate' | 'reviewTaskId'>>,
  asOf: Date,
): Promise<AgreementRow | undefined> {
  const rows = await db
    .update(patientAgreements)
    .set({ ...changes, version: sql`${patientAgreements.version} + 1`, updatedAt: asOf })
    .where(and(eq(patientAgreements.id, id), eq(patientAgreements.version, expectedVersion)))
    .returning();
  return rows[0];
}

export async function insertVersion(db: DbOrTx, row: typeof agreementVersions.$inferInsert): Promise<VersionRow> {
  const rows = await db.insert(agreementVersions).values(row).returning();
  return rows[0] as VersionRow;
}

export interface AgreementParts {
  versions: VersionRow[];
  signatures: SignatureRow[];
  questions: QuestionRow[];
}

export async function agreementParts(db: DbOrTx, agreementId: string): Promise<AgreementParts> {
  const [versions, signatures, questions] = await Promise.all([
    db.select().from(agreementVersions).where(eq(agreementVersions.agreementId, agreementId)).orderBy(asc(agreementVersions.number)),
    db.select().from(agreementSignatures).where(eq(agreementSignatures.agreementId, agreementId)).orderBy(asc(agreementSignatures.signedAt)),
    db.select().from(agreementQuestions).where(eq(agreementQuestions.agreementId, agreementId)).orderBy(asc(agreementQuestions.askedAt)),
  ]);
  return { versions, signatures, questions };
}

export async function insertSignature(db: DbOrTx, row: typeof agreementSignatures.$inferInsert): Promise<SignatureRow> {
  const rows = await db.insert(agreementSignatures).values(row).returning();
  return rows[0] as SignatureRow;
}

export async function insertQuestion(db: DbOrTx, row: typeof agreementQuestions.$inferInsert): Promise<QuestionRow> {
  const rows = await db.insert(agreementQuestions).values(row).returning();
  return rows[0] as QuestionRow;
}

export async function getQuestion(db: DbOrTx, agreementId: string, id: string): Promise<QuestionRow | undefined> {
  const rows = await db.select().from(agreementQuestions).where(and(eq(agreementQuestions.agreementId, agreementId), eq(agreementQuestions.id, id)));
  return rows[0];
}

/** Records the answer once: a second answer to the same question finds no unanswered row. */
export async function answerQuestion(
  db: DbOrTx,
  id: string,
  answer: { answer: string; answeredBy: string; answeredByName: string; answeredAt: Date },
): Promise<QuestionRow | undefined> {
  const rows = await db
    .update(agreementQuestions)
    .set(answer)
    .where(and(eq(agreementQuestions.id, id), isNull(agreementQuestions.answeredAt)))
    .returning();
  return rows[0];
}
