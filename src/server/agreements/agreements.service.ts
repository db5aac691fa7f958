/**
 * Patient agreements: created by a prescriber from a template, read and signed by the patient in the portal
 * and by a clinician, questions recorded with their answers, revisions as new versions (never edits), and a
 * review reminder task. Every write runs in one transaction with its audit event.
 *
 * Goals: the prescriber's own words when sent; else the goals of the person's care plan still being worked
 * on (goalsFromCarePlan); else the activities of the latest completed PSFS (intake or check-in)
 * (docs/agreements.md).
 */
import type { FastifyRequest } from 'fastify';
import { agreementReadingGrade } from '../../domain/agreements/grade';
import { agreementTextHash, canonicalAgreementText, SIGNATURE_HASH_ALGORITHM } from '../../domain/agreements/signature';
import { goalsFromCarePlan } from '../../domain/agreements/goals';
import { AGREEMENT_SETTINGS, renderAgreement } from '../../domain/agreements/template';
import { agreementStatus, checkReviewDate, planRevision, type SignerRole } from '../../domain/agreements/versions';
import { hasErrors, type Issue } from '../../domain/issues';
import type { PsfsActivity } from '../../domain/measures/types';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import {
  agreementParts,
  agreementsForPatient,
  getAgreement,
  getTemplate,
  insertAgreement,
  insertVersion,
  updateAgreement,
  type AgreementParts,
  type AgreementRow,
} from '../../db/repositories/agreements.repository';
import { getPlanForPatient } from '../../db/repositories/care-plan.repository';
import { completedResponses } from '../../db/repositories/measures.repository';
import type { PatientRow } from '../../db/repositories/patients.repository';
import { getTaskById, insertTask, updateTaskRow, type TaskRow } from '../../db/repositories/tasks.repository';
import type { Tx } from '../../db/client';
import { auditFrom, requireActor, requireUser, type UserActor } from '../auth/actor';
import { authorisePatient, type AuthorisedPatient } from '../access/access.service';
import type { AppContext } from '../context';
import { AppError, notFound } from '../errors';
import { scheduleReminderFor } from '../tasks/tasks.service';
import { recordLanguageFlagsForText } from '../language/language.service';
import { toPlan } from '../care-plan/care-plan.mapping';
import { invalidBody } from './templates.service';

/** Agreements are general-category records; caregivers read them only with the patient's 'care-plan' consent. */
export function authoriseAgreement(ctx: AppContext, request: FastifyRequest, patientId: string, action: 'read' | 'write'): Promise<AuthorisedPatient> {
  return authorisePatient(ctx, request, patientId, { action, category: 'general', caregiverScope: 'care-plan' });
}

export function presentAgreement(row: AgreementRow, parts: AgreementParts, issues: Issue[] = []) {
  const versions = parts.versions.map((v) => ({
    number: v.number,
    text: v.text,
    textHash: v.textHash,
    readingGrade: v.readingGrade,
    goals: v.goals,
    reason: v.reason,
    createdByName: v.createdByName,
    createdAt: v.createdAt.toISOString(),
    signatures: parts.signatures
      .filter((s) => s.versionNumber === v.number)
      .map((s) => ({ signerRole: s.signerRole as SignerRole, signerName: s.signerName, signedAt: s.signedAt.toISOString(), textHash: s.textHash })),
  }));
  const current = versions.find((v) => v.number === row.currentVersion);
  if (!current) throw new Error(`agreement ${row.id} has no version ${row.currentVersion}`);
  return {
    id: row.id,
    patientId: row.patientId,
    status: agreementStatus(current, current.signatures.map((s) => ({ versionNumber: current.number, signerRole: s.signerRole }))),
    templateId: row.templateId,
    reviewDate: row.reviewDate,
    reviewTaskId: row.reviewTaskId,
    goalsSource: row.goalsSource,
    maxReadingGrade: AGREEMENT_SETTINGS.maxReadingGrade,
    hashAlgorithm: SIGNATURE_HASH_ALGORITHM,
    current,
    versions,
    questions: parts.questions.map((q) => ({
      id: q.id,
      versionNumber: q.versionNumber,
      question: q.question,
      askedByName: q.askedByName,
      askedAt: q.askedAt.toISOString(),
      answer: q.answer,
      answeredByName: q.answeredByName,
      answeredAt: q.answeredAt?.toISOString() ?? null,
    })),
    issues,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}
export type AgreementView = ReturnType<typeof presentAgreement>;

export async function viewAgreement(ctx: AppContext, row: AgreementRow, issues: Issue[] = []): Promise<AgreementView> {
  return presentAgreement(row, await agreementParts(ctx.db, row.id), issues);
}

export async function listAgreements(ctx: AppContext, request: FastifyRequest, patientId: string): Promise<AgreementView[]> {
  const { patient } = await authoriseAgreement(ctx, request, patientId, 'read');
  const rows = await agreementsForPatient(ctx.db, patient.orgId, patient.id);
  await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'Agreement', resourceId: patient.id, patientId: patient.id }));
  return Promise.all(rows.map((r) => viewAgreement(ctx, r)));
}

/** Loads an agreement and checks access to its patient. */
export async function loadAgreement(ctx: AppContext, request: FastifyRequest, id: string, action: 'read' | 'write'): Promise<{ row: AgreementRow; authorised: AuthorisedPatient }> {
  const actor = requireActor(request);
  const row = await getAgreement(ctx.db, actor.orgId, id);
  if (!row) throw notFound('The agreement');
  return { row, authorised: await authoriseAgreement(ctx, request, row.patientId, action) };
}

function patientName(p: PatientRow): string {
  return `${p.preferredName !== null && p.preferredName.trim() !== '' ? p.preferredName : p.givenName} ${p.familyName}`;
}

/** The goals of the person's care plan still being worked on, or none (goalsFromCarePlan in the domain). */
async function goalsFromPlan(ctx: AppContext, patient: PatientRow): Promise<string[]> {
  const row = await getPlanForPatient(ctx.db, patient.orgId, patient.id);
  return row === undefined ? [] : goalsFromCarePlan(toPlan(row));
}

/** The activities of the latest completed PSFS, or none. */
export async function goalsFromMeasures(ctx: AppContext, patient: PatientRow): Promise<string[]> {
  const responses = await completedResponses(ctx.db, patient.orgId, patient.id, ['psfs']);
  const latest = responses[responses.length - 1];
  const activities = (latest?.answers as Record<string, unknown> | undefined)?.['psfs.activities'];
  return Array.isArray(activities) ? (activities as PsfsActivity[]).map((a) => a.name.trim()).filter((n) => n !== '') : [];
}

const today = (asOf: Date): string => asOf.toISOString().slice(0, 10);

function requirePrescriber(request: FastifyRequest): UserActor {
  return requireUser(request, ['prescriber']);
}

async function insertReviewTask(tx: Tx, actor: UserActor, patient: PatientRow, reviewDate: string, asOf: Date): Promise<TaskRow> {
  return insertTask(tx, {
    orgId: patient.orgId,
    patientId: patient.id,
    type: 'review',
    title: 'Review the treatment agreement together',
    details: `Agreed review date ${reviewDate}. Go over the goals and the agreement with ${patient.givenName}; any change is a new version you both sign.`,
    assigneeUserId: actor.userId,
    assigneeRole: null,
    careTeamId: patient.careTeamId,
    dueAt: new Date(`${reviewDate}T12:00:00Z`),
    priority: 'routine',
    source: 'agreement',
    createdBy: actor.userId,
    asOf,
  });
}

export interface CreateAgreementInput {
  templateId: string;
  reviewDate: string;
  pharmacy?: string | null;
  goals?: string[];
}

export async function createAgreement(ctx: AppContext, request: FastifyRequest, patientId: string, input: CreateAgreementInput): Promise<AgreementView> {
  const actor = requirePrescriber(request);
  const { patient } = await authoriseAgreement(ctx, request, patientId, 'write');
  const asOf = ctx.clock();
  const template = await getTemplate(ctx.db, actor.orgId, input.templateId);
  const issues: Issue[] = [...checkReviewDate(input.reviewDate, today(asOf))];
  if (!template || template.archivedAt !== null) issues.push({ code: 'agreement.template-unknown', message: 'No such template in this clinic.', severity: 'error', path: 'templateId' });
  if (hasErrors(issues) || !template) throw invalidBody(issues);
  const fromPlan = input.goals === undefined ? await goalsFromPlan(ctx, patient) : [];
  const goals = input.goals ?? (fromPlan.length > 0 ? fromPlan : await goalsFromMeasures(ctx, patient));
  const rendered = renderAgreement(template.body, {
    patientName: patientName(patient),
    clinicName: actor.orgName,
    prescriberName: actor.displayName,
    pharmacy: input.pharmacy ?? null,
    goals,
    reviewDate: input.reviewDate,
  });
  const text = canonicalAgreementText(rendered.text);
  const { row, task } = await ctx.db.transaction(async (tx) => {
    const task = await insertReviewTask(tx, actor, patient, input.reviewDate, asOf);
    const created = await insertAgreement(tx, {
      orgId: patient.orgId,
      patientId: patient.id,
      templateId: template.id,
      currentVersion: 1,
      reviewDate: input.reviewDate,
      reviewTaskId: task.id,
      goalsSource: input.goals !== undefined ? 'written' : fromPlan.length > 0 ? 'care-plan' : goals.length > 0 ? 'psfs' : 'none',
      createdBy: actor.userId,
      createdAt: asOf,
      updatedAt: asOf,
    });
    const first = await insertVersion(tx, {
      orgId: patient.orgId,
      patientId: patient.id,
      agreementId: created.id,
      number: 1,
      text,
      textHash: agreementTextHash(text),
      readingGrade: agreementReadingGrade(text).grade,
      goals,
      reason: null,
      createdBy: actor.userId,
      createdByName: actor.displayName,
      createdAt: asOf,
    });
    await recordLanguageFlagsForText(tx, { orgId: patient.orgId, patientId: patient.id, source: 'agreement', sourceId: first.id, texts: [text], recordedBy: actor.userId, asOf });
    await appendAuditEvents(tx, [
      auditFrom(request, asOf, { action: 'create', resourceType: 'Agreement', resourceId: created.id, patientId: patient.id, reason: `from template ${template.name}` }),
      auditFrom(request, asOf, { action: 'create', resourceType: 'Task', resourceId: task.id, patientId: patient.id, reason: 'agreement review reminder' }),
    ]);
    return { row: created, task };
  });
  await scheduleReminderFor(ctx, task);
  return viewAgreement(ctx, row, rendered.issues);
}

function stale(current: number): AppError {
  return new AppError('precondition-failed', 'conflict.stale-version', 'Someone else changed this agreement first. Reload to see their change.', [], { currentVersion: current });
}

export async function reviseAgreement(
  ctx: AppContext,
  request: FastifyRequest,
  id: string,
  expectedVersion: number,
  input: { text: string; reason: string; reviewDate?: string },
): Promise<AgreementView> {
  const actor = requirePrescriber(request);
  const { row, authorised } = await loadAgreement(ctx, request, id, 'write');
  if (row.version !== expectedVersion) throw stale(row.version);
  const asOf = ctx.clock();
  const parts = await agreementParts(ctx.db, row.id);
  const current = parts.versions.find((v) => v.number === row.currentVersion);
  if (!current) throw new Error(`agreement ${row.id} has no current version`);
  const text = canonicalAgreementText(input.text);
  const revision = planRevision(current, agreementTextHash(text), input.reason);
  const issues: Issue[] = 'issues' in revision ? [...revision.issues] : [];
  const newReviewDate = input.reviewDate !== undefined && input.reviewDate !== row.reviewDate ? input.reviewDate : null;
  if (newReviewDate !== null) issues.push(...checkReviewDate(newReviewDate, today(asOf)));
  if (hasErrors(issues) || !('plan' in revision)) throw invalidBody(issues);
  const { updated, task } = await ctx.db.transaction(async (tx) => {
    let task: TaskRow | null = null;
    const events = [auditFrom(request, asOf, { action: 'update', resourceType: 'Agreement', resourceId: row.id, patientId: row.patientId, reason: `version ${revision.plan.number}: ${input.reason.trim().slice(0, 200)}` })];
    if (newReviewDate !== null) {
      const old = row.reviewTaskId ? await getTaskById(tx, row.reviewTaskId) : undefined;
      if (old && (old.status === 'open' || old.status === 'in_progress')) await updateTaskRow(tx, old.id, old.version, { status: 'cancelled' }, asOf);
      task = await insertReviewTask(tx, actor, authorised.patient, newReviewDate, asOf);
      events.push(auditFrom(request, asOf, { action: 'create', resourceType: 'Task', resourceId: task.id, patientId: row.patientId, reason: 'agreement review reminder' }));
    }
    const added = await insertVersion(tx, {
      orgId: row.orgId,
      patientId: row.patientId,
      agreementId: row.id,
      number: revision.plan.number,
      text,
      textHash: revision.plan.textHash,
      readingGrade: agreementReadingGrade(text).grade,
      goals: current.goals,
      reason: input.reason.trim(),
      createdBy: actor.userId,
      createdByName: actor.displayName,
      createdAt: asOf,
    });
    const updated = await updateAgreement(
      tx,
      row.id,
      expectedVersion,
      { currentVersion: revision.plan.number, ...(newReviewDate !== null && task ? { reviewDate: newReviewDate, reviewTaskId: task.id } : {}) },
      asOf,
    );
    if (!updated) throw stale(row.version + 1);
    await recordLanguageFlagsForText(tx, { orgId: row.orgId, patientId: row.patientId, source: 'agreement', sourceId: added.id, texts: [text, input.reason], recordedBy: actor.userId, asOf });
    await appendAuditEvents(tx, events);
    return { updated, task };
  });
  if (task) await scheduleReminderFor(ctx, task);
  return viewAgreement(ctx, updated);
}
