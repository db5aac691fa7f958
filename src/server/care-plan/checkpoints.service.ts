/**
 * Checkpoints: each plan has one open checkpoint at a time, due on the plan's schedule (every 14 days by
 * default), with a 'checkpoint' task for the care team (the shared task model; its reminder is a pg-boss
 * job). Recording the decision (adjust, refer with an overlap, graduate, ongoing care with a review date)
 * stores the honest summary the engine gave at that moment, closes the task, writes a new plan version when
 * the decision changes the plan, and opens the next checkpoint (none after graduation) — one transaction.
 */
import type { FastifyRequest } from 'fastify';
import { addDays, nextCheckpointOnOrAfter } from '../../domain/care-plan/dates';
import type { CarePlanInput, CheckpointDecisionInput } from '../../domain/care-plan/types';
import { validateCheckpointDecisionInput } from '../../domain/care-plan/validate';
import { assessProgression } from '../../domain/progression/engine';
import type { Tx } from '../../db/client';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import {
  checkpointsForPlan,
  decideCheckpoint,
  flaresForPlan,
  getCheckpoint,
  getPlanById,
  insertCheckpoint,
  reportsForPlan,
  rescheduleCheckpoint,
  sessionsForPlan,
  updatePlan,
  type CarePlanRow,
  type CheckpointRow,
} from '../../db/repositories/care-plan.repository';
import type { PatientRow } from '../../db/repositories/patients.repository';
import { addTaskHistory, getTaskById, insertTask, updateTaskRow, type TaskRow } from '../../db/repositories/tasks.repository';
import { auditFrom, requireUser } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError, notFound, type ErrorDetail } from '../errors';
import { scheduleReminderFor } from '../tasks/tasks.service';
import { authoriseCarePlan } from './care-plan-access';
import { checkBody, staleVersion } from './care-plan-validation';
import { progressionInput, toPlan } from './care-plan.mapping';

/** A checkpoint task is due at the end of its day (UTC), like the other day-bound tasks. */
const dueAtFor = (dueOn: string): Date => new Date(`${dueOn}T23:59:59.999Z`);

/** Who acts on a checkpoint: the care team; without one, the coordinator; without either, the clinic lead role. */
function assignment(patient: PatientRow): { careTeamId: string | null; assigneeUserId: string | null; assigneeRole: string | null } {
  if (patient.careTeamId) return { careTeamId: patient.careTeamId, assigneeUserId: null, assigneeRole: null };
  if (patient.coordinatorUserId) return { careTeamId: null, assigneeUserId: patient.coordinatorUserId, assigneeRole: null };
  return { careTeamId: null, assigneeUserId: null, assigneeRole: 'clinic_lead' };
}

async function openCheckpoint(tx: Tx, request: FastifyRequest, patient: PatientRow, plan: CarePlanRow, dueOn: string, by: string, asOf: Date, why: string): Promise<{ checkpoint: CheckpointRow; task: TaskRow }> {
  const task = await insertTask(tx, {
    orgId: patient.orgId,
    patientId: patient.id,
    type: 'checkpoint',
    title: 'Care plan checkpoint: where we started, where we are, where we said we would go',
    details: `${why} Open the care plan, read the honest summary with the person, and record the decision (adjust, refer with an overlap period, graduate, or ongoing care with a review date).`,
    ...assignment(patient),
    dueAt: dueAtFor(dueOn),
    priority: 'routine',
    source: 'care-plan',
    createdBy: by,
    asOf,
  });
  const checkpoint = await insertCheckpoint(tx, { orgId: patient.orgId, patientId: patient.id, carePlanId: plan.id, dueOn, taskId: task.id, status: 'due', createdAt: asOf });
  await appendAuditEvents(tx, [
    auditFrom(request, asOf, { action: 'create', resourceType: 'Task', resourceId: task.id, patientId: patient.id, reason: 'raised by care-plan checkpoint' }),
    auditFrom(request, asOf, { action: 'create', resourceType: 'CarePlanCheckpoint', resourceId: checkpoint.id, patientId: patient.id, reason: `due ${dueOn}` }),
  ]);
  return { checkpoint, task };
}

/** The first checkpoint of a new plan: the schedule's first date (a first date in the past is due at once). */
export async function openFirstCheckpoint(tx: Tx, request: FastifyRequest, patient: PatientRow, plan: CarePlanRow, content: CarePlanInput, by: string, asOf: Date): Promise<TaskRow> {
  const { firstDate, intervalDays } = content.checkpointSchedule;
  const dueOn = firstDate;
  return (await openCheckpoint(tx, request, patient, plan, dueOn, by, asOf, `Checkpoint every ${intervalDays} days from ${firstDate}.`)).task;
}

/** A changed schedule moves the open checkpoint (and its task's due date) to the schedule's next date. */
export async function rescheduleOpenCheckpoint(tx: Tx, planId: string, content: CarePlanInput): Promise<TaskRow | null> {
  const open = (await checkpointsForPlan(tx, planId)).find((c) => c.status === 'due');
  if (!open) return null;
  const lastDecision = (await checkpointsForPlan(tx, planId))
    .map((c) => (c.decisionDetail as CheckpointDecisionInput | null)?.date)
    .filter((d): d is string => typeof d === 'string')
    .sort()
    .at(-1);
  const from = lastDecision === undefined ? content.checkpointSchedule.firstDate : addDays(lastDecision, 1);
  const dueOn = nextCheckpointOnOrAfter(content.checkpointSchedule.firstDate, content.checkpointSchedule.intervalDays, from);
  if (dueOn === open.dueOn) return null;
  await rescheduleCheckpoint(tx, open.id, dueOn);
  if (!open.taskId) return null;
  const task = await getTaskById(tx, open.taskId);
  if (!task || (task.status !== 'open' && task.status !== 'in_progress')) return null;
  const moved = await updateTaskRow(tx, task.id, task.version, { dueAt: dueAtFor(dueOn), remindedAt: null }, new Date(task.updatedAt.getTime() + 1));
  if (moved) await addTaskHistory(tx, { orgId: task.orgId, patientId: task.patientId, taskId: task.id, at: moved.updatedAt, actor: 'system', event: 'task.rescheduled', changes: { dueAt: { from: task.dueAt?.toISOString() ?? null, to: moved.dueAt?.toISOString() ?? null } } });
  return moved ?? null;
}

type DecisionBodyShape = Record<string, unknown>;

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The typed decision from the flat body; fields a decision needs but did not get are listed. */
function toDecision(body: DecisionBodyShape): { input: CheckpointDecisionInput; missing: ErrorDetail[] } {
  const base = { date: text(body.date), rationale: text(body.rationale), discussedWithPatient: body.discussedWithPatient === true };
  const kind = text(body.decision);
  const missing: ErrorDetail[] = [];
  const need = (field: string): void => {
    if (body[field] === undefined) missing.push({ path: `body.${field}`, message: `is required for the decision "${kind}"`, code: 'checkpoint.field-required' });
  };
  const foreign = (fields: string[]): void => {
    for (const f of fields) if (body[f] !== undefined) missing.push({ path: `body.${f}`, message: `does not belong to the decision "${kind}"`, code: 'checkpoint.field-not-allowed' });
  };
  switch (kind) {
    case 'refer':
      need('referral');
      foreign(['changes', 'selfManagementPlan', 'followUpDate', 'ongoingCare']);
      return { input: { ...base, decision: 'refer', referral: (body.referral as never) ?? { to: '', reason: '', overlapStartDate: '', overlapEndDate: '' } }, missing };
    case 'graduate':
      need('selfManagementPlan');
      foreign(['changes', 'referral', 'ongoingCare']);
      return { input: { ...base, decision: 'graduate', selfManagementPlan: text(body.selfManagementPlan), followUpDate: typeof body.followUpDate === 'string' ? body.followUpDate : null }, missing };
    case 'ongoing-care':
      need('ongoingCare');
      foreign(['changes', 'referral', 'selfManagementPlan', 'followUpDate']);
      return { input: { ...base, decision: 'ongoing-care', ongoingCare: (body.ongoingCare as never) ?? { reason: '', reviewDate: '' } }, missing };
    default:
      need('changes');
      foreign(['referral', 'selfManagementPlan', 'followUpDate', 'ongoingCare']);
      return { input: { ...base, decision: 'adjust', changes: text(body.changes) }, missing };
  }
}

/** The plan after a decision: graduation and ongoing care change the recorded phase; adjust and refer do not. */
function planAfter(content: CarePlanInput, d: CheckpointDecisionInput): CarePlanInput | null {
  switch (d.decision) {
    case 'graduate':
      return { ...content, phase: 'graduation', status: 'completed', ongoingCare: null };
    case 'ongoing-care':
      return { ...content, phase: 'ongoing-care', ongoingCare: d.ongoingCare };
    case 'adjust':
    case 'refer':
      return null;
    default: {
      const never: never = d;
      throw new Error(`unknown decision ${String(never)}`);
    }
  }
}

function decisionNote(d: CheckpointDecisionInput): string {
  switch (d.decision) {
    case 'adjust':
      return `Checkpoint ${d.date}: adjust — ${d.changes}`;
    case 'refer':
      return `Checkpoint ${d.date}: refer to ${d.referral.to}, both running ${d.referral.overlapStartDate} to ${d.referral.overlapEndDate}`;
    case 'graduate':
      return `Checkpoint ${d.date}: graduate`;
    case 'ongoing-care':
      return `Checkpoint ${d.date}: ongoing care on purpose, review ${d.ongoingCare.reviewDate}`;
    default: {
      const never: never = d;
      throw new Error(`unknown decision ${String(never)}`);
    }
  }
}

/**
 * When the next checkpoint is due after a decision: the next date on the plan's schedule after the decision,
 * the same rule the engine's checkpoint summary uses (src/domain/progression/checkpoint.ts); none after
 * graduation. Ongoing care keeps the rhythm; its review date is flagged by the engine when it comes.
 */
function nextDueOn(content: CarePlanInput, d: CheckpointDecisionInput): string | null {
  if (d.decision === 'graduate') return null;
  return nextCheckpointOnOrAfter(content.checkpointSchedule.firstDate, content.checkpointSchedule.intervalDays, addDays(d.date, 1));
}

export async function recordCheckpointDecision(ctx: AppContext, request: FastifyRequest, checkpointId: string, expected: number): Promise<{ checkpoint: CheckpointRow; nextTask: TaskRow | null }> {
  const actor = requireUser(request);
  const found = await getCheckpoint(ctx.db, actor.orgId, checkpointId);
  if (!found) throw notFound('The checkpoint');
  const { patient } = await authoriseCarePlan(ctx, request, found.patientId, 'write');
  const raw = (request.body ?? {}) as DecisionBodyShape;
  const { input, missing } = toDecision(raw);
  checkBody(request, () => validateCheckpointDecisionInput(input), missing);
  if (found.status !== 'due') throw new AppError('conflict', 'checkpoint.decided', 'This checkpoint already has a decision.');
  if (found.version !== expected) throw staleVersion('this checkpoint', found.version);
  const planRow = await getPlanById(ctx.db, actor.orgId, found.carePlanId);
  if (!planRow) throw notFound('The care plan');
  const [sessions, reports, flares, checkpoints] = await Promise.all([sessionsForPlan(ctx.db, planRow.id), reportsForPlan(ctx.db, planRow.id), flaresForPlan(ctx.db, planRow.id), checkpointsForPlan(ctx.db, planRow.id)]);
  const asOf = ctx.clock();
  const progression = assessProgression(progressionInput(asOf, toPlan(planRow), { sessions, reports, flares, checkpoints }));
  const content = planRow.content as CarePlanInput;
  const result = await ctx.db.transaction(async (tx) => {
    const changed = planAfter(content, input);
    let planVersion = planRow.version;
    let plan = planRow;
    if (changed) {
      const updated = await updatePlan(tx, { id: planRow.id, expected: planRow.version, content: changed, by: actor.userId, asOf, note: decisionNote(input) });
      if (!updated) throw staleVersion('the care plan', planRow.version + 1);
      planVersion = updated.version;
      plan = updated;
      await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'CarePlan', resourceId: plan.id, patientId: patient.id, reason: `version ${planVersion} (checkpoint decision)` })]);
    }
    const summary = { honestSummary: progression.checkpoint, statements: progression.statements, suggestedPhase: progression.suggestedPhase, phaseReasons: progression.phaseReasons, settingsVersion: progression.settingsVersion, asOf: progression.asOf };
    const decided = await decideCheckpoint(tx, found.id, expected, { decision: input.decision, decisionDetail: input, summary, planVersion, decidedBy: actor.userId, decidedAt: asOf });
    if (!decided) throw staleVersion('this checkpoint', found.version + 1);
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'CarePlanCheckpoint', resourceId: found.id, patientId: patient.id, reason: `decision: ${input.decision}` })]);
    if (found.taskId) {
      const task = await getTaskById(tx, found.taskId);
      if (task && (task.status === 'open' || task.status === 'in_progress')) {
        await updateTaskRow(tx, task.id, task.version, { status: 'done' }, asOf);
        await addTaskHistory(tx, { orgId: task.orgId, patientId: task.patientId, taskId: task.id, at: asOf, actor: actor.userId, event: 'task.completed', changes: { status: { from: task.status, to: 'done' } } });
        await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'Task', resourceId: task.id, patientId: patient.id, reason: 'checkpoint decided' })]);
      }
    }
    const next = nextDueOn(content, input);
    const opened = next ? await openCheckpoint(tx, request, patient, plan, next, actor.userId, asOf, `Next checkpoint after the decision "${input.decision}" on ${input.date}.`) : null;
    return { checkpoint: decided, nextTask: opened?.task ?? null };
  });
  if (result.nextTask) await scheduleReminderFor(ctx, result.nextTask);
  return result;
}
