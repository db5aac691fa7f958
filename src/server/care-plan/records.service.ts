/**
 * What is logged against a plan: therapy sessions (staff, in under a minute), the person's own reports of
 * their relief window and between-session response (the patient from the portal, or staff for them), and
 * flares (a symptom rise and how it settled). Each write is one transaction with its audit event.
 */
import type { FastifyRequest } from 'fastify';
import type { FlareInput, ResponseReportInput, TherapySessionInput } from '../../domain/care-plan/types';
import { toDateString } from '../../domain/care-plan/dates';
import { validateFlareInput, validateResponseReportInput, validateTherapySessionInput } from '../../domain/care-plan/validate';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import {
  getFlare,
  getPlanForPatient,
  getSession,
  insertFlare,
  insertReport,
  insertSession,
  sessionsForPlan,
  updateFlare,
  type CarePlanRow,
  type FlareRow,
  type ReportRow,
  type SessionRow,
} from '../../db/repositories/care-plan.repository';
import { auditFrom, requireActor, requireStaff } from '../auth/actor';
import type { AuthorisedPatient } from '../access/access.service';
import type { AppContext } from '../context';
import { AppError, notFound, type ErrorDetail } from '../errors';
import { authoriseCarePlan } from './care-plan-access';
import { checkBody, ifMatchRequired, staleVersion } from './care-plan-validation';
import { toPlan } from './care-plan.mapping';

async function planOf(ctx: AppContext, authorised: AuthorisedPatient): Promise<CarePlanRow> {
  const row = await getPlanForPatient(ctx.db, authorised.patient.orgId, authorised.patient.id);
  if (!row) throw new AppError('not-found', 'care-plan.none', 'This patient has no care plan yet. Make the plan first.');
  return row;
}

/** Today's date somewhere on Earth (UTC+14): a person's local "today" is never later than this. */
const LATEST_ZONE_MS = 14 * 3_600_000;

/** A session or report is about something that happened: its date cannot be after today (anywhere). */
function notInFuture(body: unknown, field: string, asOf: Date): ErrorDetail[] {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && value > toDateString(new Date(asOf.getTime() + LATEST_ZONE_MS))
    ? [{ path: `body.${field}`, message: 'cannot be in the future', code: 'care-plan.date-in-future' }]
    : [];
}

const goalIdsOf = (plan: CarePlanRow): string[] => toPlan(plan).goals.map((g) => g.id);

export async function logSession(ctx: AppContext, request: FastifyRequest, patientId: string): Promise<SessionRow> {
  const actor = requireStaff(request);
  const authorised = await authoriseCarePlan(ctx, request, patientId, 'write');
  const plan = await planOf(ctx, authorised);
  const asOf = ctx.clock();
  const body = checkBody<TherapySessionInput>(request, (b) => validateTherapySessionInput(b, goalIdsOf(plan)), notInFuture(request.body, 'date', asOf));
  return ctx.db.transaction(async (tx) => {
    const row = await insertSession(tx, {
      orgId: plan.orgId,
      patientId: plan.patientId,
      carePlanId: plan.id,
      sessionDate: body.date,
      modalities: body.modalities,
      passivePercent: body.passivePercent,
      soreness: body.soreness,
      reliefWindowDaysReported: body.reliefWindowDaysReported,
      goalScores: body.goalScores,
      symptomScore: body.symptomScore,
      precipitatingEvent: body.precipitatingEvent?.trim() === '' ? null : body.precipitatingEvent,
      note: body.note?.trim() === '' ? null : body.note,
      recordedBy: actor.userId,
      createdAt: asOf,
    });
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'TherapySession', resourceId: row.id, patientId: plan.patientId })]);
    return row;
  });
}

/** The patient (self access) or staff report relief and how the goal activities went. */
export async function reportResponse(ctx: AppContext, request: FastifyRequest, patientId: string): Promise<ReportRow> {
  const actor = requireActor(request);
  const authorised = await authoriseCarePlan(ctx, request, patientId, 'write', { patientMayWrite: true });
  const plan = await planOf(ctx, authorised);
  const extra: ErrorDetail[] = [];
  const afterId = (request.body as { afterSessionId?: unknown } | undefined)?.afterSessionId;
  if (typeof afterId === 'string') {
    const s = await getSession(ctx.db, plan.orgId, afterId);
    if (!s || s.carePlanId !== plan.id) extra.push({ path: 'body.afterSessionId', message: 'There is no such session in this care plan.', code: 'report.session-unknown' });
  }
  const body = checkBody<ResponseReportInput>(request, (b) => validateResponseReportInput(b, goalIdsOf(plan)), [...extra, ...notInFuture(request.body, 'reportedOn', ctx.clock())]);
  // Relief follows the latest session on or before the report date when the person does not name one.
  const afterSessionId = body.afterSessionId ?? (await sessionsForPlan(ctx.db, plan.id)).filter((s) => s.sessionDate <= body.reportedOn).at(-1)?.id ?? null;
  const asOf = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await insertReport(tx, {
      orgId: plan.orgId,
      patientId: plan.patientId,
      carePlanId: plan.id,
      reportedOn: body.reportedOn,
      afterSessionId,
      reliefWindowDays: body.reliefWindowDays,
      goalScores: body.goalScores,
      symptomScore: body.symptomScore,
      note: body.note?.trim() === '' ? null : body.note,
      reportedBy: actor.kind === 'user' ? actor.userId : actor.tokenId,
      reportedAt: asOf,
    });
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'ProgressReport', resourceId: row.id, patientId: plan.patientId, reason: authorised.decision.basis ?? undefined })]);
    return row;
  });
}

export async function recordFlare(ctx: AppContext, request: FastifyRequest, patientId: string): Promise<FlareRow> {
  const actor = requireStaff(request);
  const authorised = await authoriseCarePlan(ctx, request, patientId, 'write');
  const plan = await planOf(ctx, authorised);
  const body = checkBody<FlareInput>(request, (b) => validateFlareInput(b));
  const asOf = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await insertFlare(tx, {
      orgId: plan.orgId,
      patientId: plan.patientId,
      carePlanId: plan.id,
      startedAt: new Date(body.startedAt),
      baselineSymptomScore: body.baselineSymptomScore,
      peakSymptomScore: body.peakSymptomScore,
      settledAt: body.settledAt ? new Date(body.settledAt) : null,
      symptomScoreAfter: body.symptomScoreAfter,
      trigger: body.trigger?.trim() === '' ? null : body.trigger,
      reportedBy: body.reportedBy,
      recordedBy: actor.userId,
      createdAt: asOf,
    });
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'Flare', resourceId: row.id, patientId: plan.patientId })]);
    return row;
  });
}

/** Records when a flare settled and the symptom score then (If-Match: the flare's version). */
export async function settleFlare(ctx: AppContext, request: FastifyRequest, flareId: string, expected: number | undefined): Promise<FlareRow> {
  const actor = requireStaff(request);
  const found = await getFlare(ctx.db, actor.orgId, flareId);
  if (!found) throw notFound('The flare');
  await authoriseCarePlan(ctx, request, found.patientId, 'write');
  const current = {
    startedAt: found.startedAt.toISOString(),
    baselineSymptomScore: found.baselineSymptomScore,
    peakSymptomScore: found.peakSymptomScore,
    trigger: found.trigger,
    reportedBy: found.reportedBy === 'patient' ? 'patient' : 'clinician',
  } as const;
  const body = checkBody<{ settledAt: string; symptomScoreAfter: number }>(request, (b) => validateFlareInput({ ...current, settledAt: b.settledAt, symptomScoreAfter: b.symptomScoreAfter }));
  if (expected === undefined) throw ifMatchRequired();
  if (found.version !== expected) throw staleVersion('this flare', found.version);
  const asOf = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await updateFlare(tx, found.id, expected, { settledAt: new Date(body.settledAt), symptomScoreAfter: body.symptomScoreAfter });
    if (!row) throw staleVersion('this flare', found.version + 1);
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'Flare', resourceId: row.id, patientId: row.patientId, reason: 'settled' })]);
    return row;
  });
}
