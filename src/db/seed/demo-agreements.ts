/**
 * Demo treatment agreements and concerns (docs/agreements.md):
 * - Painpath's default template, stored for the clinic.
 * - Denise Washington (RB-100008, long-term opioid therapy): version 1 signed by her and Dr. Okafor; a review
 *   reminder in Dr. Okafor's inbox. A closed concern: an early refill request after a fall, with the
 *   conversation and the plan (more frequent visits, pharmacy support).
 * - Raymond Cruz (RB-100011): an agreement signed by Lena Hoang, NP, waiting for his signature, with his question
 *   answered. An open concern: a missed visit, with a conversation and no plan yet.
 * Goals are each person's latest PSFS activities (from demo-measures). Person-first words only.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { DEFAULT_TEMPLATE_BODY, DEFAULT_TEMPLATE_NAME } from '../../domain/agreements/default-template';
import { agreementReadingGrade } from '../../domain/agreements/grade';
import { agreementTextHash, canonicalAgreementText } from '../../domain/agreements/signature';
import { renderAgreement } from '../../domain/agreements/template';
import type { DbOrTx } from '../client';
import {
  agreementQuestions,
  agreementSignatures,
  agreementTemplates,
  agreementVersions,
  concerns,
  organisations,
  patientAgreements,
  patients,
  questionnaireResponses,
  taskHistory,
  tasks,
  users,
} from '../schema';
import { addDays } from './dates';

const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

export async function seedDemoAgreements(db: DbOrTx, options: { orgId: string; asOf: Date }): Promise<{ agreements: number; concerns: number }> {
  const { orgId, asOf } = options;
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  const people = await db.select().from(patients).where(and(eq(patients.orgId, orgId), inArray(patients.mrn, ['RB-100008', 'RB-100011'])));
  const staff = await db.select().from(users).where(and(eq(users.orgId, orgId), inArray(users.email, ['dr.okafor@riverbend.example', 'lena.hoang@riverbend.example'])));
  const denise = people.find((p) => p.mrn === 'RB-100008');
  const raymond = people.find((p) => p.mrn === 'RB-100011');
  const okafor = staff.find((u) => u.email === 'dr.okafor@riverbend.example');
  const hoang = staff.find((u) => u.email === 'lena.hoang@riverbend.example');
  if (!org || !denise || !raymond || !okafor || !hoang) throw new Error('seedDemoAgreements: the demo clinic is missing people it refers to');
  const deniseAccount = (await db.select().from(users).where(and(eq(users.orgId, orgId), eq(users.patientId, denise.id))))[0];

  const [template] = await db
    .insert(agreementTemplates)
    .values({ orgId, name: DEFAULT_TEMPLATE_NAME, body: DEFAULT_TEMPLATE_BODY, readingGrade: agreementReadingGrade(DEFAULT_TEMPLATE_BODY).grade, isDefault: true, createdBy: 'painpath', updatedBy: 'painpath', createdAt: addDays(asOf, -120), updatedAt: addDays(asOf, -120) })
    .returning();
  if (!template) throw new Error('seedDemoAgreements: template not stored');

  async function goalsOf(patientId: string): Promise<string[]> {
    const rows = await db
      .select()
      .from(questionnaireResponses)
      .where(and(eq(questionnaireResponses.patientId, patientId), eq(questionnaireResponses.instrumentId, 'psfs'), eq(questionnaireResponses.status, 'completed')))
      .orderBy(asc(questionnaireResponses.authoredAt));
    const activities = (rows[rows.length - 1]?.answers as Record<string, unknown> | undefined)?.['psfs.activities'];
    return Array.isArray(activities) ? (activities as { name: string }[]).map((a) => a.name) : [];
  }

  async function agreement(input: {
    patient: typeof denise;
    prescriber: typeof okafor;
    pharmacy: string | null;
    createdDaysAgo: number;
    reviewInDays: number;
  }): Promise<{ id: string; text: string; hash: string; createdAt: Date }> {
    const { patient, prescriber } = input;
    if (!patient || !prescriber) throw new Error('seedDemoAgreements: missing person');
    const createdAt = addDays(asOf, -input.createdDaysAgo);
    const reviewDate = isoDate(addDays(asOf, input.reviewInDays));
    const goals = await goalsOf(patient.id);
    const text = canonicalAgreementText(
      renderAgreement(template!.body, { patientName: `${patient.preferredName ?? patient.givenName} ${patient.familyName}`, clinicName: org!.name, prescriberName: prescriber.displayName, pharmacy: input.pharmacy, goals, reviewDate }).text,
    );
    const hash = agreementTextHash(text);
    const [task] = await db
      .insert(tasks)
      .values({ orgId, patientId: patient.id, type: 'review', title: 'Review the treatment agreement together', details: `Agreed review date ${reviewDate}.`, assigneeUserId: prescriber.id, careTeamId: patient.careTeamId, dueAt: new Date(`${reviewDate}T12:00:00Z`), priority: 'routine', source: 'agreement', status: 'open', createdBy: prescriber.id, createdAt, updatedAt: createdAt })
      .returning();
    await db.insert(taskHistory).values({ orgId, patientId: patient.id, taskId: task!.id, at: createdAt, actor: prescriber.id, event: 'created', changes: {} });
    const [row] = await db
      .insert(patientAgreements)
      .values({ orgId, patientId: patient.id, templateId: template!.id, currentVersion: 1, reviewDate, reviewTaskId: task!.id, goalsSource: goals.length > 0 ? 'psfs' : 'none', createdBy: prescriber.id, createdAt, updatedAt: createdAt })
      .returning();
    await db.insert(agreementVersions).values({ orgId, patientId: patient.id, agreementId: row!.id, number: 1, text, textHash: hash, readingGrade: agreementReadingGrade(text).grade, goals, reason: null, createdBy: prescriber.id, createdByName: prescriber.displayName, createdAt });
    return { id: row!.id, text, hash, createdAt };
  }

  // Denise Washington: signed by both.
  const signed = await agreement({ patient: denise, prescriber: okafor, pharmacy: 'Millbrook Community Pharmacy', createdDaysAgo: 60, reviewInDays: 30 });
  await db.insert(agreementSignatures).values([
    { orgId, patientId: denise.id, agreementId: signed.id, versionNumber: 1, signerRole: 'patient', signerUserId: deniseAccount?.id ?? okafor.id, signerName: `${denise.givenName} ${denise.familyName}`, textHash: signed.hash, signedAt: addDays(signed.createdAt, 2) },
    { orgId, patientId: denise.id, agreementId: signed.id, versionNumber: 1, signerRole: 'clinician', signerUserId: okafor.id, signerName: okafor.displayName, textHash: signed.hash, signedAt: addDays(signed.createdAt, 2) },
  ]);

  // Raymond Cruz: waiting for his signature; his question is answered.
  const waiting = await agreement({ patient: raymond, prescriber: hoang, pharmacy: null, createdDaysAgo: 5, reviewInDays: 85 });
  await db.insert(agreementSignatures).values({ orgId, patientId: raymond.id, agreementId: waiting.id, versionNumber: 1, signerRole: 'clinician', signerUserId: hoang.id, signerName: hoang.displayName, textHash: waiting.hash, signedAt: addDays(waiting.createdAt, 1) });
  await db.insert(agreementQuestions).values({
    orgId,
    patientId: raymond.id,
    agreementId: waiting.id,
    versionNumber: 1,
    question: 'My VA doctor also prescribes some of my medicines. Does that count as a second prescriber?',
    askedBy: hoang.id,
    askedByName: `${raymond.givenName} ${raymond.familyName} (asked at the visit, written down by ${hoang.displayName})`,
    askedAt: addDays(waiting.createdAt, 0),
    answer: 'No. Your VA medicines are fine. Tell us about every medicine, and we will talk with your VA doctor so both teams share one plan. Only your pain medicine comes from one prescriber here.',
    answeredBy: hoang.id,
    answeredByName: hoang.displayName,
    answeredAt: addDays(waiting.createdAt, 1),
  });

  await db.insert(concerns).values([
    {
      orgId,
      patientId: denise.id,
      kind: 'early-refill-request',
      occurredOn: isoDate(addDays(asOf, -40)),
      details: 'Called six days before her refill was due. She reports more pain since a fall on her front steps last week and took an extra dose on two days.',
      status: 'closed',
      conversations: [
        { heldOn: isoDate(addDays(asOf, -39)), withWhom: 'Denise Washington and Dr. Chidi Okafor, MD (phone, then a visit)', summary: 'Talked about the fall, her pain since, and what she did. No new injury on examination. She prefers not to change her dose; she agreed to call early next time her pain changes.', recordedBy: okafor.displayName },
      ],
      plan: { actions: ['more-frequent-visits', 'pharmacy-support'], details: 'Visits every two weeks for two months, then monthly again. Pharmacist Priya Raman reviews her medicines and arranges fills every two weeks for now. Physical therapy for balance after the fall.', recordedBy: okafor.displayName },
      closedAt: addDays(asOf, -30),
      closedBy: okafor.displayName,
      createdBy: okafor.id,
      createdByName: okafor.displayName,
      version: 4,
      createdAt: addDays(asOf, -40),
      updatedAt: addDays(asOf, -30),
    },
    {
      orgId,
      patientId: raymond.id,
      kind: 'missed-visit',
      occurredOn: isoDate(addDays(asOf, -3)),
      details: 'Did not come to his follow-up visit. He reports his truck broke down and he could not reach the clinic by phone.',
      status: 'open',
      conversations: [
        { heldOn: isoDate(addDays(asOf, -2)), withWhom: 'Raymond Cruz and Jordan Whitehorse (phone)', summary: 'He wants to keep coming. Transport is hard since the truck broke down. Rebooking, and looking into rides.', recordedBy: 'Jordan Whitehorse' },
      ],
      plan: null,
      createdBy: hoang.id,
      createdByName: hoang.displayName,
      version: 2,
      createdAt: addDays(asOf, -3),
      updatedAt: addDays(asOf, -2),
    },
  ]);
  return { agreements: 2, concerns: 2 };
}
