/**
 * Care plan use cases: the view (plan + the progression engine's statement with its reasons + everything
 * logged), create, change (a new version each time, If-Match), history. Goals are suggested from the
 * person's PSFS activities. Rules live in src/domain/care-plan and src/domain/progression; this file loads,
 * authorises, stores and audits, each write in one transaction with its audit event.
 */
import type { FastifyRequest } from 'fastify';
import type { CarePlanInput } from '../../domain/care-plan/types';
import { validateCarePlanInput } from '../../domain/care-plan/validate';
import { assessProgression } from '../../domain/progression/engine';
import type { ProgressionResult } from '../../domain/progression/types';
import type { InstrumentScore } from '../../domain/measures/score';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import {
  checkpointsForPlan,
  flaresForPlan,
  getPlanForPatient,
  insertPlan,
  planVersions,
  reportsForPlan,
  sessionsForPlan,
  updatePlan,
  type CarePlanRow,
} from '../../db/repositories/care-plan.repository';
import { completedResponses } from '../../db/repositories/measures.repository';
import type { PatientRow } from '../../db/repositories/patients.repository';
import type { DbOrTx } from '../../db/client';
import { auditFrom, requireUser } from '../auth/actor';
import type { AuthorisedPatient } from '../access/access.service';
import type { AppContext } from '../context';
import { AppError, type ErrorDetail } from '../errors';
import { authoriseCarePlan } from './care-plan-access';
import { checkBody, staleVersion } from './care-plan-validation';
import { progressionInput, toCheckpoint, toFlare, toPlan, toReport, toSession, type CheckpointView } from './care-plan.mapping';
import { scheduleReminderFor } from '../tasks/tasks.service';
import { openFirstCheckpoint, rescheduleOpenCheckpoint } from './checkpoints.service';

export interface SuggestedGoal {
  activity: string;
  baselineScore: number;
  measuredAt: string;
}

export interface CarePlanViewData {
  patientId: string;
  plan: (ReturnType<typeof toPlan> & { updatedAt: string; updatedBy: string }) | null;
  progression: ProgressionResult | null;
  sessions: ReturnType<typeof toSession>[];
  reports: ReturnType<typeof toReport>[];
  flares: ReturnType<typeof toFlare>[];
  checkpoints: CheckpointView[];
  suggestedGoals: SuggestedGoal[];
  /** The phase the data suggested as of each session (for the phase timeline chart). */
  phaseTimeline: { sessionId: string; date: string; phase: string }[];
  careTeam: { id: string; displayName: string; role: string }[];
}

/** The activities the person named in their latest PSFS, as goal suggestions (baseline = their score). */
export async function suggestedGoals(db: DbOrTx, patient: PatientRow): Promise<SuggestedGoal[]> {
  const rows = await completedResponses(db, patient.orgId, patient.id, ['psfs']);
  const latest = rows.at(-1);
  if (!latest) return [];
  const activities = (latest.score as InstrumentScore).activities ?? [];
  return activities.map((a) => ({ activity: a.name, baselineScore: a.score, measuredAt: latest.authoredAt.toISOString() }));
}

/** Everything about the plan, with the engine's statement as of the clock. */
export async function carePlanView(ctx: AppContext, authorised: AuthorisedPatient): Promise<CarePlanViewData> {
  const { patient, careTeam } = authorised;
  const row = await getPlanForPatient(ctx.db, patient.orgId, patient.id);
  const team = careTeam.members.map((m) => ({ id: m.id, displayName: m.displayName, role: m.role }));
  const goals = await suggestedGoals(ctx.db, patient);
  if (!row) return { patientId: patient.id, plan: null, progression: null, sessions: [], reports: [], flares: [], checkpoints: [], suggestedGoals: goals, phaseTimeline: [], careTeam: team };
  const [sessions, reports, flares, checkpoints] = await Promise.all([sessionsForPlan(ctx.db, row.id), reportsForPlan(ctx.db, row.id), flaresForPlan(ctx.db, row.id), checkpointsForPlan(ctx.db, row.id)]);
  const plan = toPlan(row);
  const progression = assessProgression(progressionInput(ctx.clock(), plan, { sessions, reports, flares, checkpoints }));
  return {
    patientId: patient.id,
    plan: { ...plan, updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedBy },
    progression,
    sessions: sessions.map(toSession),
    reports: reports.map(toReport),
    flares: flares.map(toFlare),
    checkpoints: checkpoints.map(toCheckpoint),
    suggestedGoals: goals,
    phaseTimeline: phaseTimeline(plan, { sessions, reports, flares, checkpoints }),
    careTeam: team,
  };
}

/** The engine replayed as of each session day, with only what was known by then. */
function phaseTimeline(plan: ReturnType<typeof toPlan>, rows: Parameters<typeof progressionInput>[2]): CarePlanViewData['phaseTimeline'] {
  return rows.sessions.map((session, i) => {
    const day = session.sessionDate;
    const asOf = new Date(`${day}T23:59:59.999Z`);
    const known = {
      sessions: rows.sessions.slice(0, i + 1),
      reports: rows.reports.filter((r) => r.reportedOn <= day),
      flares: rows.flares.filter((f) => f.startedAt <= asOf),
      checkpoints: rows.checkpoints.filter((c) => c.decidedAt !== null && c.decidedAt <= asOf),
    };
    return { sessionId: session.id, date: day, phase: assessProgression(progressionInput(asOf, plan, known)).suggestedPhase };
  });
}

/** Owners of interventions and bridge plans must be on the patient's care team. */
function ownerDetails(input: CarePlanInput, authorised: AuthorisedPatient): ErrorDetail[] {
  const team = new Set(authorised.careTeam.members.map((m) => m.id));
  if (authorised.patient.coordinatorUserId) team.add(authorised.patient.coordinatorUserId);
  const details: ErrorDetail[] = [];
  if (!Array.isArray(input.interventions)) return details;
  input.interventions.forEach((iv, i) => {
    if (typeof iv.ownerUserId === 'string' && !team.has(iv.ownerUserId)) details.push({ path: `body.interventions[${i}].ownerUserId`, message: 'The owner must be on the patient\'s care team.', code: 'care-plan.owner-not-on-team' });
    const bridgeOwner = iv.bridgePlan?.ownerUserId;
    if (typeof bridgeOwner === 'string' && !team.has(bridgeOwner)) details.push({ path: `body.interventions[${i}].bridgePlan.ownerUserId`, message: 'The bridge plan owner must be on the patient\'s care team.', code: 'care-plan.owner-not-on-team' });
  });
  return details;
}

function contentOf(body: CarePlanInput & { changeNote?: string | null }): CarePlanInput {
  const { changeNote: _note, ...content } = body;
  return content;
}

export async function createCarePlan(ctx: AppContext, request: FastifyRequest, patientId: string): Promise<CarePlanRow> {
  const actor = requireUser(request);
  const authorised = await authoriseCarePlan(ctx, request, patientId, 'write');
  const body = checkBody<CarePlanInput & { changeNote?: string | null }>(request, (b) => validateCarePlanInput(b), ownerDetails(request.body as CarePlanInput, authorised));
  const { patient } = authorised;
  if (await getPlanForPatient(ctx.db, patient.orgId, patient.id)) {
    throw new AppError('conflict', 'care-plan.exists', 'This patient already has a care plan. Change it instead (each change is a new version).');
  }
  const asOf = ctx.clock();
  const content = contentOf(body);
  const { row, task } = await ctx.db.transaction(async (tx) => {
    const created = await insertPlan(tx, { orgId: patient.orgId, patientId: patient.id, content, by: actor.userId, asOf, note: body.changeNote ?? 'Plan created' });
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'CarePlan', resourceId: created.id, patientId: patient.id })]);
    return { row: created, task: await openFirstCheckpoint(tx, request, patient, created, content, actor.userId, asOf) };
  });
  await scheduleReminderFor(ctx, task);
  return row;
}

export async function changeCarePlan(ctx: AppContext, request: FastifyRequest, patientId: string, expected: number): Promise<CarePlanRow> {
  const actor = requireUser(request);
  const authorised = await authoriseCarePlan(ctx, request, patientId, 'write');
  const body = checkBody<CarePlanInput & { changeNote?: string | null }>(request, (b) => validateCarePlanInput(b), ownerDetails(request.body as CarePlanInput, authorised));
  const { patient } = authorised;
  const current = await getPlanForPatient(ctx.db, patient.orgId, patient.id);
  if (!current) throw new AppError('not-found', 'care-plan.none', 'This patient has no care plan yet.');
  if (current.version !== expected) throw staleVersion('this care plan', current.version);
  const asOf = ctx.clock();
  const content = contentOf(body);
  const { row, moved } = await ctx.db.transaction(async (tx) => {
    const updated = await updatePlan(tx, { id: current.id, expected, content, by: actor.userId, asOf, note: body.changeNote ?? null });
    if (!updated) throw staleVersion('this care plan', current.version + 1);
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'CarePlan', resourceId: updated.id, patientId: patient.id, reason: `version ${updated.version}` })]);
    return { row: updated, moved: await rescheduleOpenCheckpoint(tx, updated.id, content) };
  });
  if (moved) await scheduleReminderFor(ctx, moved);
  return row;
}

export async function carePlanHistory(ctx: AppContext, request: FastifyRequest, patientId: string) {
  const { patient } = await authoriseCarePlan(ctx, request, patientId, 'read');
  const row = await getPlanForPatient(ctx.db, patient.orgId, patient.id);
  if (!row) throw new AppError('not-found', 'care-plan.none', 'This patient has no care plan yet.');
  const versions = await planVersions(ctx.db, row.id);
  await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'CarePlanHistory', resourceId: row.id, patientId: patient.id }));
  return {
    items: versions.map((v) => ({ version: v.version, changedAt: v.changedAt.toISOString(), changedBy: v.changedBy, changeNote: v.changeNote, plan: { ...(v.content as CarePlanInput), id: row.id, patientId: patient.id, version: v.version } })),
  };
}
