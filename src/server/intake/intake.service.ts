/**
 * Intake use cases: send, read, to-dos, submit. Saving a page (and the safety rules it triggers) is in
 * intake-pages.service.ts. Page order, validation, scoring and red flags all come from src/domain.
 */
import type { FastifyRequest } from 'fastify';
import { INSTRUMENT_PAGES, intakePages, type IntakePageId } from '../../domain/intake/pages';
import { isInstrumentId, getInstrument } from '../../domain/measures/instruments';
import { scoreInstrument, type Answers, type InstrumentScore } from '../../domain/measures/score';
import { isConsentActive } from '../../domain/access/patient-access';
import { caregiverPatients } from '../../db/repositories/access.repository';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import { getIntake, insertIntake, openIntakesFor, updateIntake, type IntakeRow } from '../../db/repositories/intake.repository';
import { openRequestsFor, responsesForIntake, updateResponse, type ResponseRow } from '../../db/repositories/measures.repository';
import type { PatientRow } from '../../db/repositories/patients.repository';
import { auditFrom, requireStaff, requireUser } from '../auth/actor';
import type { AuthorisedPatient } from '../access/access.service';
import type { AppContext } from '../context';
import { AppError, notFound } from '../errors';
import { authoriseMeasures, authoriseTodo, isPersonFacing } from '../measures/measures-access';
import { scoreContextFor } from '../measures/measures.service';
import { CRISIS_RESOURCES, hasItem9Flag } from '../measures/safety.service';
import { currentTemplate, templateById } from './intake-templates.service';

export const INTAKE_TITLE = 'Tell us about your pain';

export function staleIntake(current: number): AppError {
  return new AppError('precondition-failed', 'conflict.stale-version', 'This intake was saved from somewhere else first. Reload to see the latest answers, then try again.', [], {
    currentVersion: current,
  });
}

/** Staff on the care team send an intake; the patient sees it as a to-do. One open intake at a time. */
export async function sendIntake(ctx: AppContext, request: FastifyRequest, patientId: string, templateId: string | undefined): Promise<IntakeRow> {
  const actor = requireStaff(request);
  const { patient } = await authoriseMeasures(ctx, request, patientId, 'write');
  const template = templateId ? await templateById(ctx.db, actor.orgId, templateId) : (await currentTemplate(ctx.db, actor.orgId)).template;
  const open = await openIntakesFor(ctx.db, patient.orgId, patient.id);
  if (open[0]) {
    throw new AppError('conflict', 'intake.already-open', 'This person already has an intake to finish. It stays on their to-do list until they submit it.', [], { intakeId: open[0].id });
  }
  const pages = intakePages(template, { phq2Positive: false, backPain: false });
  const asOf = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await insertIntake(tx, {
      orgId: patient.orgId,
      patientId: patient.id,
      templateVersion: template.templateVersion,
      pages,
      currentPage: pages[0] ?? 'onset',
      sentBy: actor.userId,
      asOf,
    });
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'Intake', resourceId: row.id, patientId: patient.id, reason: `template version ${template.templateVersion}` })]);
    return row;
  });
}

/**
 * Loads an intake and authorises the caller: the patient or a caregiver with 'check-ins' (to complete it),
 * staff on the care team (to read it). Another clinic's intake is "not found".
 */
export async function loadIntake(ctx: AppContext, request: FastifyRequest, id: string, action: 'read' | 'write'): Promise<{ intake: IntakeRow; authorised: AuthorisedPatient }> {
  const actor = requireUser(request);
  const intake = await getIntake(ctx.db, actor.orgId, id);
  if (!intake) throw notFound('The intake');
  if (action === 'write' && !isPersonFacing(request)) {
    throw new AppError('forbidden', 'intake.patient-only', 'Only the person (or a caregiver they chose to help with check-ins) fills in their intake.');
  }
  const authorised = isPersonFacing(request) ? await authoriseTodo(ctx, request, intake.patientId, action) : await authoriseMeasures(ctx, request, intake.patientId, action);
  return { intake, authorised };
}

export function activeResponses(responses: readonly ResponseRow[]): ResponseRow[] {
  return responses.filter((r) => r.status !== 'stopped');
}

export function presentIntake(intake: IntakeRow, responses: readonly ResponseRow[]) {
  const instruments: Record<string, { answers: Answers; score: InstrumentScore }> = {};
  for (const r of activeResponses(responses)) instruments[r.instrumentId] = { answers: r.answers as Answers, score: r.score as InstrumentScore };
  const crisis = hasItem9Flag(instruments.phq9?.score);
  return {
    id: intake.id,
    patientId: intake.patientId,
    status: intake.status as 'sent' | 'in-progress' | 'submitted',
    templateVersion: intake.templateVersion,
    pages: intake.pages,
    currentPage: intake.currentPage,
    savedPages: intake.savedPages,
    story: intake.story as Record<string, unknown>,
    instruments,
    redFlags: intake.redFlagAnswers as Record<string, boolean | null>,
    sentAt: intake.sentAt.toISOString(),
    startedAt: intake.startedAt?.toISOString() ?? null,
    submittedAt: intake.submittedAt?.toISOString() ?? null,
    version: intake.version,
    ...(crisis ? { crisis: CRISIS_RESOURCES } : {}),
  };
}

export async function readIntake(ctx: AppContext, request: FastifyRequest, id: string) {
  const { intake, authorised } = await loadIntake(ctx, request, id, 'read');
  const responses = await responsesForIntake(ctx.db, intake.orgId, intake.id);
  await ctx.audit.record(
    auditFrom(request, ctx.clock(), {
      action: 'read',
      resourceType: 'Intake',
      resourceId: intake.id,
      patientId: intake.patientId,
      reason: authorised.decision.basis === 'break-glass' ? 'emergency access (break the glass)' : null,
    }),
  );
  return presentIntake(intake, responses);
}

/** The pages still to answer before a submit: never saved, or an instrument without a complete score. */
export function missingPages(intake: IntakeRow, responses: readonly ResponseRow[]): string[] {
  const byInstrument = new Map(activeResponses(responses).map((r) => [r.instrumentId, r.score as InstrumentScore]));
  return intake.pages.filter((page) => {
    if (!intake.savedPages.includes(page)) return true;
    const instrumentId = INSTRUMENT_PAGES[page as IntakePageId];
    return instrumentId !== undefined && byInstrument.get(instrumentId)?.complete !== true;
  });
}

/**
 * Completes the intake: every instrument on its pages becomes a completed QuestionnaireResponse with its
 * score; answers to pages no longer shown (a PHQ-9 after the PHQ-2 changed) are kept as 'stopped'.
 */
export async function submitIntake(ctx: AppContext, request: FastifyRequest, id: string) {
  const { intake, authorised } = await loadIntake(ctx, request, id, 'write');
  if (intake.status === 'submitted') throw new AppError('conflict', 'intake.submitted', 'This intake was already sent to your care team. Thank you.');
  const responses = await responsesForIntake(ctx.db, intake.orgId, intake.id);
  const missing = missingPages(intake, responses);
  if (missing.length > 0) {
    throw new AppError(
      'conflict',
      'intake.pages-missing',
      `Please finish ${missing.length === 1 ? 'one more page' : `${missing.length} more pages`} before sending.`,
      missing.map((page) => ({ path: `pages.${page}`, message: 'is not answered yet' })),
      { missingPages: missing },
    );
  }
  const patient: PatientRow = authorised.patient;
  const asOf = ctx.clock();
  const context = scoreContextFor(patient, asOf);
  const shown = new Set(intake.pages.map((p) => INSTRUMENT_PAGES[p as IntakePageId]).filter((i) => i !== undefined));
  const result = await ctx.db.transaction(async (tx) => {
    const updated = await updateIntake(tx, intake.orgId, intake.id, intake.version, { status: 'submitted', submittedAt: asOf }, asOf);
    if (!updated) throw staleIntake(intake.version);
    const stored: ResponseRow[] = [];
    for (const r of responses) {
      if (r.status === 'stopped' || !isInstrumentId(r.instrumentId)) continue;
      const keep = shown.has(r.instrumentId);
      const instrument = getInstrument(r.instrumentId);
      const next = await updateResponse(
        tx,
        r.id,
        keep
          ? { status: 'completed', authoredAt: asOf, instrumentVersion: instrument?.version ?? r.instrumentVersion, score: scoreInstrument(r.instrumentId, r.answers as Answers, context) }
          : { status: 'stopped' },
        asOf,
      );
      if (next) stored.push(next);
    }
    await appendAuditEvents(tx, [
      auditFrom(request, asOf, { action: 'update', resourceType: 'Intake', resourceId: intake.id, patientId: patient.id, reason: 'submitted' }),
      ...stored
        .filter((r) => r.status === 'completed')
        .map((r) => auditFrom(request, asOf, { action: 'create', resourceType: 'QuestionnaireResponse', resourceId: r.id, patientId: patient.id, reason: `${r.instrumentId} (intake)` })),
    ]);
    return { updated, stored };
  });
  return presentIntake(result.updated, result.stored);
}

/** The patient's to-dos (or, for a caregiver, those of every person who gave them 'check-ins'). */
export async function listTodos(ctx: AppContext, request: FastifyRequest, patientId: string | undefined) {
  const actor = requireUser(request, ['patient', 'caregiver']);
  const asOf = ctx.clock();
  let patientIds: string[];
  if (patientId) patientIds = [patientId];
  else if (actor.role === 'patient') patientIds = actor.patientId ? [actor.patientId] : [];
  else {
    const rows = await caregiverPatients(ctx.db, actor.userId);
    patientIds = [...new Set(rows.filter((r) => isConsentActive(r.consent, asOf) && r.consent.scopes.includes('check-ins')).map((r) => r.patient.id))];
  }
  const items = [];
  for (const id of patientIds) {
    const { patient } = await authoriseTodo(ctx, request, id, 'read');
    const [intakeRows, requestRows] = await Promise.all([openIntakesFor(ctx.db, patient.orgId, patient.id), openRequestsFor(ctx.db, patient.orgId, patient.id)]);
    items.push(
      ...intakeRows.map((i) => ({ kind: 'intake' as const, id: i.id, patientId: patient.id, title: INTAKE_TITLE, sentAt: i.sentAt.toISOString(), status: i.status })),
      ...requestRows.map((r) => ({
        kind: 'instrument' as const,
        id: r.id,
        patientId: patient.id,
        instrumentId: r.instrumentId,
        title: getInstrument(r.instrumentId)?.patientTitle ?? r.instrumentId,
        sentAt: r.requestedAt.toISOString(),
        status: 'sent',
      })),
    );
    await ctx.audit.record(auditFrom(request, asOf, { action: 'read', resourceType: 'TodoList', resourceId: patient.id, patientId: patient.id, reason: `${intakeRows.length + requestRows.length} open` }));
  }
  return { items: items.sort((a, b) => a.sentAt.localeCompare(b.sentAt)) };
}
