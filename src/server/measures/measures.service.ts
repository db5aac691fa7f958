/**
 * Outcome-measure use cases: the instrument catalogue, the anonymous calculator, trajectories, instrument
 * requests (to-dos) and their answers. Scoring, bands, flags and change labels all come from
 * src/domain/measures; this file loads, authorises, stores and audits.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ageOn } from '../../domain/patients/age';
import { getInstrument, INSTRUMENT_IDS, isInstrumentId, type Instrument, type InstrumentId } from '../../domain/measures/instruments';
import { scoreInstrument, validateAnswers, type Answers, type InstrumentScore, type ScoreContext } from '../../domain/measures/score';
import { buildTrajectory } from '../../domain/measures/change';
import type { Issue } from '../../domain/issues';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import {
  completedResponses,
  getRequest,
  insertRequest,
  insertResponse,
  markRequestAnswered,
  cancelRequest,
  type RequestRow,
  type ResponseRow,
} from '../../db/repositories/measures.repository';
import type { PatientRow } from '../../db/repositories/patients.repository';
import { auditFrom, requireActor, requireStaff, requireUser } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError, notFound, type ErrorDetail } from '../errors';
import { authoriseMeasures, authoriseTodo } from './measures-access';
import { CRISIS_RESOURCES, hasItem9Flag, insertAlertTasks, item9Task, scheduleAlertReminders, type CrisisResources } from './safety.service';

/** Roles that see licence notes (STarT Back commercial use, ORT permission): the people who decide on them. */
const LICENCE_ROLES = new Set(['clinic_lead', 'administrator']);

export function presentInstrument(instrument: Instrument, withLicence: boolean): Record<string, unknown> {
  const { licence, ...rest } = instrument;
  return withLicence ? { ...rest, licence } : rest;
}

export function listInstruments(request: FastifyRequest): { items: Record<string, unknown>[] } {
  const actor = requireActor(request);
  const withLicence = actor.kind === 'user' && LICENCE_ROLES.has(actor.role);
  return { items: INSTRUMENT_IDS.map((id) => presentInstrument(getInstrumentOrThrow(id), withLicence)) };
}

export function getInstrumentOrThrow(id: string): Instrument {
  const instrument = getInstrument(id);
  if (!instrument) throw new AppError('not-found', 'instrument.not-found', `There is no instrument "${id}". Known: ${INSTRUMENT_IDS.join(', ')}.`);
  return instrument;
}

/** Every invalid answer as a REST error detail (path = prefix + item id), or nothing. */
export function answerDetails(issues: readonly Issue[], prefix: string): ErrorDetail[] {
  return issues
    .filter((i) => i.severity === 'error')
    .map((i) => ({ path: i.path ? `${prefix}.${i.path}` : prefix, message: i.message, code: i.code }));
}

export function invalid(details: ErrorDetail[]): AppError {
  return new AppError('validation', 'validation', `The request has ${details.length} invalid field${details.length === 1 ? '' : 's'}.`, details);
}

/** Required items with no answer (null, absent, or an empty activity list), for a 400 on an incomplete response. */
export function unansweredDetails(instrument: Instrument, answers: Answers, prefix: string): ErrorDetail[] {
  return instrument.items
    .filter((item) => {
      const value = answers[item.id];
      return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
    })
    .map((item) => ({ path: `${prefix}.${item.id}`, message: 'is required', code: 'instrument.item-unanswered' }));
}

/** The anonymous calculator: scores the answers and stores nothing. */
export function calculate(id: string, answers: Answers, context: ScoreContext | undefined): InstrumentScore {
  const instrument = getInstrumentOrThrow(id);
  const details = answerDetails(validateAnswers(instrument.id, answers), 'body.answers');
  if (details.length > 0) throw invalid(details);
  return scoreInstrument(instrument.id, answers, context);
}

/** Sex and age from the record, for the instruments that need them (ORT). */
export function scoreContextFor(patient: PatientRow, asOf: Date): ScoreContext {
  const sex = patient.sex === 'female' || patient.sex === 'male' || patient.sex === 'other' ? patient.sex : 'unknown';
  return { sex, ageYears: ageOn(patient.birthDate, asOf) };
}

export function presentResponse(row: ResponseRow) {
  return {
    id: row.id,
    patientId: row.patientId,
    instrumentId: row.instrumentId,
    instrumentVersion: row.instrumentVersion,
    status: row.status,
    authoredAt: row.authoredAt.toISOString(),
    answers: row.answers as Answers,
    score: row.score as InstrumentScore,
  };
}

/** Each instrument's completed responses as a labelled trajectory (domain buildTrajectory), in date order. */
export async function patientMeasures(ctx: AppContext, patient: PatientRow, only?: InstrumentId) {
  const rows = await completedResponses(ctx.db, patient.orgId, patient.id, only ? [only] : undefined);
  const byInstrument = new Map<InstrumentId, ResponseRow[]>();
  for (const row of rows) {
    if (!isInstrumentId(row.instrumentId)) continue;
    byInstrument.set(row.instrumentId, [...(byInstrument.get(row.instrumentId) ?? []), row]);
  }
  const series = INSTRUMENT_IDS.filter((id) => byInstrument.has(id)).map((id) => {
    const instrument = getInstrumentOrThrow(id);
    const responses = byInstrument.get(id) ?? [];
    const points = buildTrajectory(
      id,
      responses.map((r) => ({ at: r.authoredAt.toISOString(), score: r.score as InstrumentScore })),
    );
    return {
      instrumentId: id,
      title: instrument.title,
      patientTitle: instrument.patientTitle,
      direction: instrument.direction,
      scoreRange: instrument.scoreRange,
      points: points.map((p, i) => ({ ...p, responseId: responses[i]?.id ?? '' })),
    };
  });
  return { series };
}

export function requestStatus(row: RequestRow): 'open' | 'completed' | 'cancelled' {
  if (row.responseId) return 'completed';
  return row.cancelledAt ? 'cancelled' : 'open';
}

export function presentRequest(row: RequestRow) {
  const instrument = getInstrument(row.instrumentId);
  return {
    id: row.id,
    patientId: row.patientId,
    instrumentId: row.instrumentId,
    title: instrument?.title ?? row.instrumentId,
    patientTitle: instrument?.patientTitle ?? row.instrumentId,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt.toISOString(),
    status: requestStatus(row),
    responseId: row.responseId,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
  };
}

/** Staff on the care team send an instrument (again): the patient sees a to-do. */
export async function createInstrumentRequest(ctx: AppContext, request: FastifyRequest, patientId: string, instrumentId: string): Promise<RequestRow> {
  const actor = requireStaff(request);
  if (!isInstrumentId(instrumentId)) {
    throw invalid([{ path: 'body.instrumentId', message: `must be one of: ${INSTRUMENT_IDS.join(', ')}` }]);
  }
  const { patient } = await authoriseMeasures(ctx, request, patientId, 'write');
  const asOf = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await insertRequest(tx, { orgId: patient.orgId, patientId: patient.id, instrumentId, requestedBy: actor.userId, requestedAt: asOf });
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'InstrumentRequest', resourceId: row.id, patientId: patient.id, reason: instrumentId })]);
    return row;
  });
}

export async function cancelInstrumentRequest(ctx: AppContext, request: FastifyRequest, id: string): Promise<RequestRow> {
  const actor = requireStaff(request);
  const row = await getRequest(ctx.db, actor.orgId, id);
  if (!row) throw notFound('The instrument request');
  await authoriseMeasures(ctx, request, row.patientId, 'write');
  const asOf = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const cancelled = await cancelRequest(tx, actor.orgId, id, asOf);
    if (!cancelled) throw new AppError('conflict', 'instrument-request.closed', `This request is already ${requestStatus(row)}.`);
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'InstrumentRequest', resourceId: id, patientId: row.patientId, reason: 'cancelled' })]);
    return cancelled;
  });
}

/**
 * The patient (or a caregiver with 'check-ins') answers a request: the response and its score are stored,
 * the request closed, and PHQ-9 item 9 > 0 raises the same-day safety task — all in one transaction.
 */
export async function answerInstrumentRequest(
  ctx: AppContext,
  request: FastifyRequest,
  id: string,
  answers: Answers,
): Promise<{ response: ResponseRow; request: RequestRow; crisis?: CrisisResources }> {
  const actor = requireUser(request, ['patient', 'caregiver']);
  const row = await getRequest(ctx.db, actor.orgId, id);
  if (!row) throw notFound('The request');
  const { patient } = await authoriseTodo(ctx, request, row.patientId, 'write');
  const status = requestStatus(row);
  if (status !== 'open') throw new AppError('conflict', `instrument-request.${status}`, status === 'completed' ? 'This was already answered. Thank you.' : 'Your care team cancelled this request.');
  const instrument = getInstrumentOrThrow(row.instrumentId);
  const asOf = ctx.clock();
  const details = answerDetails(validateAnswers(instrument.id, answers), 'body.answers');
  if (details.length > 0) throw invalid(details);
  const score = scoreInstrument(instrument.id, answers, scoreContextFor(patient, asOf));
  if (!score.complete) {
    const missing = unansweredDetails(instrument, answers, 'body.answers');
    throw invalid(missing.length > 0 ? missing : [{ path: 'body.answers', message: 'Some answers are missing.' }]);
  }
  const alerts = hasItem9Flag(score) ? [item9Task(answers, score, asOf, `when answering a PHQ-9 the care team sent on ${row.requestedAt.toISOString().slice(0, 10)}`)] : [];
  const responseId = randomUUID();
  const result = await ctx.db.transaction(async (tx) => {
    // Close the request first: its row lock makes a second answer wait, then find it answered (409).
    const answered = await markRequestAnswered(tx, patient.orgId, row.id, responseId);
    if (!answered) throw new AppError('conflict', 'instrument-request.completed', 'This was already answered. Thank you.');
    const response = await insertResponse(tx, {
      id: responseId,
      orgId: patient.orgId,
      patientId: patient.id,
      intakeId: null,
      requestId: row.id,
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      answers,
      score,
      status: 'completed',
      authoredAt: asOf,
      createdBy: actor.userId,
    });
    const created = await insertAlertTasks(tx, request, patient, alerts, 'instrument-request', actor.userId, asOf);
    await appendAuditEvents(tx, [
      auditFrom(request, asOf, { action: 'create', resourceType: 'QuestionnaireResponse', resourceId: response.id, patientId: patient.id, reason: instrument.id }),
      auditFrom(request, asOf, { action: 'update', resourceType: 'InstrumentRequest', resourceId: row.id, patientId: patient.id, reason: 'answered' }),
    ]);
    return { response, request: answered, created };
  });
  await scheduleAlertReminders(ctx, result.created);
  return { response: result.response, request: result.request, ...(hasItem9Flag(score) ? { crisis: CRISIS_RESOURCES } : {}) };
}
