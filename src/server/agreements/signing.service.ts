/**
 * Signatures, questions and answers on a patient's agreement.
 * - The patient signs as 'patient' (only their own, in the portal); a prescriber signs as 'clinician'.
 * - A signature names the version and the hash of the text the signer saw (src/domain/agreements/versions).
 * - The patient (or a staff member recording a question asked in person) asks; staff answer, once.
 */
import type { FastifyRequest } from 'fastify';
import { checkSignature, type SignerRole } from '../../domain/agreements/versions';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import { agreementParts, answerQuestion, getQuestion, insertQuestion, insertSignature } from '../../db/repositories/agreements.repository';
import { auditFrom, requireStaff, requireUser } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError, notFound } from '../errors';
import { recordLanguageFlagsForText } from '../language/language.service';
import { loadAgreement, viewAgreement, type AgreementView } from './agreements.service';
import { invalidBody } from './templates.service';

export async function signAgreement(ctx: AppContext, request: FastifyRequest, id: string, input: { versionNumber: number; textHash: string }): Promise<AgreementView> {
  const actor = requireUser(request, ['patient', 'prescriber']);
  const signerRole: SignerRole = actor.role === 'patient' ? 'patient' : 'clinician';
  const { row } = await loadAgreement(ctx, request, id, 'write');
  const parts = await agreementParts(ctx.db, row.id);
  const current = parts.versions.find((v) => v.number === row.currentVersion);
  if (!current) throw new Error(`agreement ${row.id} has no current version`);
  const issues = checkSignature(
    current,
    parts.signatures.map((s) => ({ versionNumber: s.versionNumber, signerRole: s.signerRole as SignerRole })),
    { signerRole, versionNumber: input.versionNumber, textHash: input.textHash },
  );
  if (issues.length > 0) {
    const conflict = issues.find((i) => i.code === 'agreement.already-signed');
    if (conflict) throw new AppError('conflict', conflict.code, conflict.message);
    throw invalidBody(issues);
  }
  const asOf = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    await insertSignature(tx, {
      orgId: row.orgId,
      patientId: row.patientId,
      agreementId: row.id,
      versionNumber: current.number,
      signerRole,
      signerUserId: actor.userId,
      signerName: actor.displayName,
      textHash: current.textHash,
      signedAt: asOf,
    });
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'sign', resourceType: 'Agreement', resourceId: row.id, patientId: row.patientId, reason: `version ${current.number} as ${signerRole}; sha256 ${current.textHash}` })]);
  });
  return viewAgreement(ctx, row);
}

export async function askQuestion(ctx: AppContext, request: FastifyRequest, id: string, question: string): Promise<AgreementView> {
  const actor = requireUser(request);
  if (actor.role === 'caregiver') throw new AppError('forbidden', 'access.caregiver-read-only', 'Caregivers can read the agreement; the patient asks questions.');
  const { row } = await loadAgreement(ctx, request, id, 'write');
  const text = question.trim();
  if (text === '') throw invalidBody([{ code: 'agreement.question-empty', message: 'Write your question.', severity: 'error', path: 'question' }]);
  const asOf = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const q = await insertQuestion(tx, {
      orgId: row.orgId,
      patientId: row.patientId,
      agreementId: row.id,
      versionNumber: row.currentVersion,
      question: text,
      askedBy: actor.userId,
      askedByName: actor.displayName,
      askedAt: asOf,
    });
    await recordLanguageFlagsForText(tx, { orgId: row.orgId, patientId: row.patientId, source: 'agreement-question', sourceId: q.id, texts: [text], recordedBy: actor.userId, asOf });
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'AgreementQuestion', resourceId: q.id, patientId: row.patientId })]);
  });
  return viewAgreement(ctx, row);
}

export async function answerAgreementQuestion(ctx: AppContext, request: FastifyRequest, id: string, questionId: string, answer: string): Promise<AgreementView> {
  const actor = requireStaff(request);
  const { row } = await loadAgreement(ctx, request, id, 'write');
  const question = await getQuestion(ctx.db, row.id, questionId);
  if (!question) throw notFound('The question');
  if (question.answeredAt !== null) throw new AppError('conflict', 'agreement.question-answered', `${question.answeredByName ?? 'Someone'} already answered this question.`);
  const text = answer.trim();
  if (text === '') throw invalidBody([{ code: 'agreement.answer-empty', message: 'Write the answer.', severity: 'error', path: 'answer' }]);
  const asOf = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const done = await answerQuestion(tx, question.id, { answer: text, answeredBy: actor.userId, answeredByName: actor.displayName, answeredAt: asOf });
    if (!done) throw new AppError('conflict', 'agreement.question-answered', 'Someone already answered this question.');
    await recordLanguageFlagsForText(tx, { orgId: row.orgId, patientId: row.patientId, source: 'agreement-answer', sourceId: question.id, texts: [text], recordedBy: actor.userId, asOf });
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'AgreementQuestion', resourceId: question.id, patientId: row.patientId, reason: 'answered' })]);
  });
  return viewAgreement(ctx, row);
}
