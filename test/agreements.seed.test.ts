/** The demo clinic's agreements and concerns: what they show, that signatures match the text, person-first words. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementReadingGrade } from '../src/domain/agreements/grade';
import { agreementTextHash } from '../src/domain/agreements/signature';
import { agreementStatus, type SignerRole } from '../src/domain/agreements/versions';
import { missingBeforeClose, type ConcernPlan, type Conversation } from '../src/domain/concerns/concern';
import { agreementQuestions, agreementSignatures, agreementTemplates, agreementVersions, concerns, patientAgreements, patients, tasks } from '../src/db/schema';
import { seedDemoClinic } from '../src/db/seed/demo';
import { createTestDatabase, type TestDatabase } from './support/database';

const AS_OF = new Date('2026-12-01T12:00:00.000Z');
let t: TestDatabase;
let orgId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  ({ orgId } = await seedDemoClinic(t.database.db, { hashPassword: async (p) => `plain:${p}`, asOf: AS_OF }));
});
afterAll(async () => {
  await t?.drop();
});

describe('demo agreements and concerns', () => {
  it("stores Painpath's default template at grade 6 or lower", async () => {
    const rows = await t.database.db.select().from(agreementTemplates).where(eq(agreementTemplates.orgId, orgId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.isDefault).toBe(true);
    expect(rows[0]!.readingGrade).toBeLessThanOrEqual(6);
  });

  it('has one agreement signed by both and one waiting for the patient with a question answered', async () => {
    const db = t.database.db;
    const rows = await db.select({ a: patientAgreements, mrn: patients.mrn }).from(patientAgreements).innerJoin(patients, eq(patients.id, patientAgreements.patientId)).where(eq(patientAgreements.orgId, orgId));
    expect(rows.map((r) => r.mrn).sort()).toEqual(['RB-100008', 'RB-100011']);
    const statuses: Record<string, string> = {};
    for (const { a, mrn } of rows) {
      const [version] = await db.select().from(agreementVersions).where(eq(agreementVersions.agreementId, a.id));
      expect(version!.textHash).toBe(agreementTextHash(version!.text));
      expect(agreementReadingGrade(version!.text).grade).toBeLessThanOrEqual(6);
      expect(version!.goals.length).toBeGreaterThan(0);
      const sigs = await db.select().from(agreementSignatures).where(eq(agreementSignatures.agreementId, a.id));
      for (const s of sigs) expect(s.textHash).toBe(version!.textHash);
      statuses[mrn] = agreementStatus(version!, sigs.map((s) => ({ versionNumber: s.versionNumber, signerRole: s.signerRole as SignerRole })));
      const [task] = await db.select().from(tasks).where(eq(tasks.id, a.reviewTaskId!));
      expect(task).toMatchObject({ type: 'review', status: 'open', source: 'agreement' });
    }
    expect(statuses).toEqual({ 'RB-100008': 'signed', 'RB-100011': 'awaiting-patient' });
    const questions = await db.select().from(agreementQuestions).where(eq(agreementQuestions.orgId, orgId));
    expect(questions).toHaveLength(1);
    expect(questions[0]!.answer).not.toBeNull();
  });

  it('has one concern closed with a conversation and a plan, and one open', async () => {
    const rows = await t.database.db.select().from(concerns).where(eq(concerns.orgId, orgId));
    const closed = rows.filter((r) => r.status === 'closed');
    const open = rows.filter((r) => r.status === 'open');
    expect([closed.length, open.length]).toEqual([1, 1]);
    const state = { status: 'closed' as const, conversations: closed[0]!.conversations as Conversation[], plan: closed[0]!.plan as ConcernPlan };
    expect(missingBeforeClose(state)).toEqual([]);
  });

  it('uses person-first words only', async () => {
    const db = t.database.db;
    const text = JSON.stringify([
      await db.select().from(agreementVersions),
      await db.select().from(agreementQuestions),
      await db.select().from(concerns),
    ]).toLowerCase();
    for (const word of ['addict', 'abuser', 'drug-seeking', 'non-compliant', 'noncompliant', 'violation', 'dirty', 'clean urine', 'refuses', 'refused', 'claims', 'narcotic', 'junkie', 'manipulative']) {
      expect(text, word).not.toContain(word);
    }
  });
});
