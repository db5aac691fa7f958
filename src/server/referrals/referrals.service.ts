/**
 * Referrals: send (with the expected wait and the bridge plan it requires), record each dated step, change
 * the bridge plan. Every write runs in one transaction with its status history, its step task and its audit
 * event; versioned with If-Match.
 */
import type { FastifyRequest } from 'fastify';
import type { BridgePlan } from '../../domain/referrals/bridge-plan';
import { bridgePlanRequirement, validateBridgePlan } from '../../domain/referrals/bridge-plan';
import { validateNewReferral, type ReferralAttachment } from '../../domain/referrals/referral';
import { isReferralService } from '../../domain/referrals/services';
import { applyStatusChange, isOpenStatus, type ReferralStatus } from '../../domain/referrals/status';
import type { Issue } from '../../domain/issues';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import { getResponse } from '../../db/repositories/measures.repository';
import {
  eventsForReferrals,
  getReferral,
  insertReferral,
  insertReferralEvent,
  referralsForPatient,
  updateReferral,
  type ReferralRow,
} from '../../db/repositories/referrals.repository';
import { getTaskById } from '../../db/repositories/tasks.repository';
import { auditFrom, requireActor, requireStaff } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError, notFound } from '../errors';
import { validationDetails } from '../error-handler';
import { scheduleReminderFor } from '../tasks/tasks.service';
import { authoriseReferralRead, authoriseReferralWrite, canReadRestricted, isRestrictedService } from './referral-access';
import { presentReferral, type ReferralView } from './referrals.present';
import { closeStepTask, openStepTask } from './referral-tasks';
import { serviceWait } from './service-waits.service';

export interface NewReferralBody {
  service: string;
  urgency: string;
  reason: string;
  question: string;
  receivingProvider?: string | null;
  handoff?: boolean;
  sentDate: string;
  attachments?: ReferralAttachment[];
  bridgePlan?: BridgePlan | null;
}

export interface StatusBody {
  status: string;
  date: string;
  appointmentDate?: string | null;
  reason?: string | null;
  note?: string | null;
}

function isPlanShape(value: unknown): value is BridgePlan {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { items?: unknown; callUsIf?: unknown };
  return typeof v.callUsIf === 'string' && Array.isArray(v.items) && v.items.every((i: unknown) => typeof i === 'object' && i !== null && typeof (i as { text?: unknown }).text === 'string');
}

function isAttachmentShape(value: unknown): value is ReferralAttachment {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (v.kind === 'summary' || v.kind === 'measure') && typeof v.ref === 'string' && typeof v.label === 'string';
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const optStr = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function bodyPath(path: string | undefined): string {
  return `body.${(path ?? '').replace(/\[(\d+)\]/g, '.$1')}`.replace(/\.$/, '');
}

/** Schema errors (attached by the route) and domain issues reported together. */
function throwIfInvalid(request: FastifyRequest, issues: Issue[]): void {
  const ve = request.validationError as (Error & { validation?: unknown[]; validationContext?: string }) | undefined;
  if (ve && ve.validationContext !== 'body') throw ve;
  const schema = ve ? validationDetails('body', (ve.validation ?? []) as never[]) : [];
  const seen = new Set(schema.map((d) => d.path));
  const domain = issues.filter((i) => i.severity === 'error').map((i) => ({ path: bodyPath(i.path), message: i.message, code: i.code })).filter((d) => !seen.has(d.path));
  const details = [...schema, ...domain];
  if (details.length > 0) throw new AppError('validation', 'validation', `The request has ${details.length} invalid field${details.length === 1 ? '' : 's'}.`, details);
}

async function present(ctx: AppContext, rows: ReferralRow[]): Promise<ReferralView[]> {
  const events = await eventsForReferrals(ctx.db, rows.map((r) => r.id));
  const asOf = ctx.clock();
  return rows.map((r) => presentReferral(r, events.filter((e) => e.referralId === r.id), asOf));
}

export async function listReferrals(ctx: AppContext, request: FastifyRequest, patientId: string): Promise<{ items: ReferralView[]; hiddenRestricted: number }> {
  const { patient } = await authoriseReferralRead(ctx, request, patientId);
  const all = await referralsForPatient(ctx.db, patient.orgId, patient.id);
  const restrictedOk = canReadRestricted(request, patient.id);
  const rows = all.filter((r) => restrictedOk || !isRestrictedService(r.service));
  await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'Referral', patientId: patient.id, resourceId: patient.id }));
  return { items: await present(ctx, rows), hiddenRestricted: all.length - rows.length };
}

export async function loadReferral(ctx: AppContext, request: FastifyRequest, id: string): Promise<ReferralRow> {
  const actor = requireActor(request);
  const row = await getReferral(ctx.db, actor.orgId, id);
  if (!row) throw notFound('The referral');
  await authoriseReferralRead(ctx, request, row.patientId);
  if (isRestrictedService(row.service) && !canReadRestricted(request, row.patientId)) throw notFound('The referral');
  return row;
}

export async function readReferral(ctx: AppContext, request: FastifyRequest, id: string): Promise<ReferralView> {
  const row = await loadReferral(ctx, request, id);
  await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'Referral', patientId: row.patientId, resourceId: row.id }));
  return (await present(ctx, [row]))[0] as ReferralView;
}

/** Attachments are references to this patient's record: the summary, or one of their measure results. */
async function checkAttachments(ctx: AppContext, orgId: string, patientId: string, attachments: ReferralAttachment[]): Promise<Issue[]> {
  const issues: Issue[] = [];
  for (const [i, a] of attachments.entries()) {
    if (a.kind === 'summary' && a.ref !== patientId) issues.push({ code: 'referral.attachment-not-found', severity: 'error', message: "Attach this patient's own summary.", path: `attachments[${i}].ref` });
    if (a.kind === 'measure') {
      const r = await getResponse(ctx.db, orgId, a.ref).catch(() => undefined);
      if (!r || r.patientId !== patientId || r.status !== 'completed') issues.push({ code: 'referral.attachment-not-found', severity: 'error', message: "No completed measure of this patient's with that id.", path: `attachments[${i}].ref` });
    }
  }
  return issues;
}

export async function createReferral(ctx: AppContext, request: FastifyRequest, patientId: string, body: NewReferralBody): Promise<ReferralView> {
  const actor = requireStaff(request);
  const service = typeof body.service === 'string' ? body.service : '';
  const { patient } = await authoriseReferralWrite(ctx, request, patientId, service);
  const asOf = ctx.clock();
  const wait = isReferralService(service) ? await serviceWait(ctx.db, actor.orgId, service, asOf) : null;
  const attachments = Array.isArray(body.attachments) ? body.attachments.filter(isAttachmentShape) : [];
  const input = {
    service,
    urgency: typeof body.urgency === 'string' ? body.urgency : '',
    reason: typeof body.reason === 'string' ? body.reason : '',
    question: typeof body.question === 'string' ? body.question : '',
    sentDate: typeof body.sentDate === 'string' ? body.sentDate : '',
    attachments,
    bridgePlan: isPlanShape(body.bridgePlan) ? body.bridgePlan : null,
  };
  const planMalformed = body.bridgePlan !== undefined && body.bridgePlan !== null && input.bridgePlan === null;
  const domainIssues = validateNewReferral(input, wait?.current.days ?? null, asOf).filter((i) => !(planMalformed && i.path?.startsWith('bridgePlan')));
  const issues = [...domainIssues, ...(await checkAttachments(ctx, actor.orgId, patient.id, attachments))];
  throwIfInvalid(request, issues);
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertReferral(tx, {
      orgId: actor.orgId,
      patientId: patient.id,
      service,
      receivingProvider: body.receivingProvider?.trim() || null,
      urgency: input.urgency,
      reason: input.reason.trim(),
      question: input.question.trim(),
      handoff: body.handoff ?? false,
      status: 'sent',
      sentDate: input.sentDate,
      statusDate: input.sentDate,
      expectedWaitDays: wait?.current.days ?? null,
      expectedWaitSource: wait?.current.source ?? 'none',
      attachments,
      bridgePlan: input.bridgePlan,
      createdBy: actor.userId,
      createdAt: asOf,
      updatedAt: asOf,
    });
    await insertReferralEvent(tx, { orgId: actor.orgId, patientId: patient.id, referralId: created.id, status: 'sent', date: input.sentDate, actor: actor.userId, recordedAt: asOf });
    const task = await openStepTask(tx, created, patient, actor.userId, asOf);
    const withTask = task ? ((await updateReferral(tx, created.id, created.version, { stepTaskId: task.id }, asOf)) as ReferralRow) : created;
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'Referral', resourceId: created.id, patientId: patient.id })]);
    return withTask;
  });
  await scheduleStepReminder(ctx, row.stepTaskId);
  return (await present(ctx, [row]))[0] as ReferralView;
}

async function scheduleStepReminder(ctx: AppContext, taskId: string | null): Promise<void> {
  if (taskId === null) return;
  const task = await getTaskById(ctx.db, taskId);
  if (task) await scheduleReminderFor(ctx, task);
}

function stale(): AppError {
  return new AppError('precondition-failed', 'conflict.stale-version', 'Someone else changed this referral first. Reload to see their change.');
}

export async function changeReferralStatus(ctx: AppContext, request: FastifyRequest, id: string, expectedVersion: number, body: StatusBody): Promise<ReferralView> {
  const actor = requireStaff(request);
  const current = await loadReferral(ctx, request, id);
  const { patient } = await authoriseReferralWrite(ctx, request, current.patientId, current.service);
  if (current.version !== expectedVersion) throw stale();
  const asOf = ctx.clock();
  const input = { status: str(body.status), date: str(body.date), appointmentDate: optStr(body.appointmentDate), reason: optStr(body.reason) };
  const result = applyStatusChange({ status: current.status as ReferralStatus, statusDate: current.statusDate, appointmentDate: current.appointmentDate }, input, asOf);
  throwIfInvalid(request, result.ok ? [] : result.issues);
  if (!result.ok) throw new AppError('validation', 'validation', 'The change is not valid.');
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await updateReferral(tx, id, expectedVersion, { status: result.state.status, statusDate: result.state.statusDate, appointmentDate: result.state.appointmentDate, declineReason: result.declineReason }, asOf);
    if (!updated) throw stale();
    await insertReferralEvent(tx, { orgId: updated.orgId, patientId: updated.patientId, referralId: id, status: result.state.status, date: result.state.statusDate, appointmentDate: result.state.status === 'scheduled' ? result.state.appointmentDate : null, note: result.declineReason ?? (optStr(body.note)?.trim() || null), actor: actor.userId, recordedAt: asOf });
    await closeStepTask(tx, current.stepTaskId, actor.userId, asOf);
    const task = isOpenStatus(result.state.status) ? await openStepTask(tx, updated, patient, actor.userId, asOf) : null;
    const final = (await updateReferral(tx, id, updated.version, { stepTaskId: task?.id ?? null }, asOf)) as ReferralRow;
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'Referral', resourceId: id, patientId: updated.patientId, reason: `referral.${result.state.status}` })]);
    return final;
  });
  await scheduleStepReminder(ctx, row.stepTaskId);
  return (await present(ctx, [row]))[0] as ReferralView;
}

export async function changeBridgePlan(ctx: AppContext, request: FastifyRequest, id: string, expectedVersion: number, plan: BridgePlan | null): Promise<ReferralView> {
  requireStaff(request);
  const current = await loadReferral(ctx, request, id);
  await authoriseReferralWrite(ctx, request, current.patientId, current.service);
  if (current.version !== expectedVersion) throw stale();
  throwIfInvalid(request, isPlanShape(plan) || plan === null ? validateBridgePlan(plan, bridgePlanRequirement(current.expectedWaitDays), 'bridgePlan') : []);
  const asOf = ctx.clock();
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await updateReferral(tx, id, expectedVersion, { bridgePlan: plan }, asOf);
    if (!updated) throw stale();
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'Referral', resourceId: id, patientId: updated.patientId, reason: 'referral.bridge-plan' })]);
    return updated;
  });
  return (await present(ctx, [row]))[0] as ReferralView;
}
