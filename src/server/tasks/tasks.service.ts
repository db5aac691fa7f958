/** Tasks: the inbox per person and per care team, changes with history, and due reminders via pg-boss. */
import type { FastifyRequest } from 'fastify';
import {
  applyTaskPatch,
  isOverdue,
  isOversightTask,
  reminderAt,
  sortInbox,
  validateNewTask,
  type NewTaskInput,
  type TaskPatch,
  type TaskRecord,
} from '../../domain/tasks/task';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import {
  addTaskHistory,
  getTaskById,
  getTaskRow,
  insertTask,
  tasksAwaitingReminder,
  updateTaskRow,
  type TaskListRow,
  type TaskRow,
} from '../../db/repositories/tasks.repository';
import { auditFrom, requireStaff } from '../auth/actor';
import { authorisePatient } from '../access/access.service';
import type { AppContext } from '../context';
import { AppError, notFound } from '../errors';
import { validationDetails } from '../error-handler';
import { getCareTeam, getUserBrief } from '../../db/repositories/patients.repository';
import { isRole, isStaffRole } from '../../domain/access/roles';
import type { ReminderJob } from '../jobs/jobs';
import { recordLanguageFlagsForText } from '../language/language.service';

export function toRecord(row: TaskRow): TaskRecord {
  return {
    id: row.id,
    orgId: row.orgId,
    patientId: row.patientId,
    type: row.type as TaskRecord['type'],
    title: row.title,
    details: row.details,
    assigneeUserId: row.assigneeUserId,
    assigneeRole: row.assigneeRole as TaskRecord['assigneeRole'],
    careTeamId: row.careTeamId,
    dueAt: row.dueAt,
    priority: row.priority as TaskRecord['priority'],
    source: row.source,
    status: row.status as TaskRecord['status'],
    remindedAt: row.remindedAt,
    createdBy: row.createdBy,
    version: row.version,
  };
}

export function presentTask(row: TaskListRow, asOf: Date) {
  return {
    id: row.id,
    patientId: row.patientId,
    patientName: row.patientName,
    type: row.type,
    title: row.title,
    details: row.details,
    assigneeUserId: row.assigneeUserId,
    assigneeName: row.assigneeName,
    assigneeRole: row.assigneeRole,
    careTeamId: row.careTeamId,
    careTeamName: row.careTeamName,
    dueAt: row.dueAt?.toISOString() ?? null,
    priority: row.priority,
    source: row.source,
    status: row.status,
    overdue: isOverdue(toRecord(row), asOf),
    remindedAt: row.remindedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentInbox(rows: TaskListRow[], asOf: Date) {
  return sortInbox(rows.map((r) => ({ ...r, dueAt: r.dueAt, status: r.status as TaskRecord['status'], priority: r.priority as TaskRecord['priority'] })), asOf).map((r) =>
    presentTask(r, asOf),
  );
}

function issuesToError(issues: { path?: string; message: string; code: string }[]): AppError {
  return new AppError(
    'validation',
    'validation',
    `The request has ${issues.length} invalid field${issues.length === 1 ? '' : 's'}.`,
    issues.map((i) => ({ path: `body.${i.path ?? ''}`.replace(/\.$/, ''), message: i.message, code: i.code })),
  );
}

/** The people and teams named in a task must belong to the caller's clinic (and people must be staff). */
async function checkTaskReferences(ctx: AppContext, orgId: string, refs: { assigneeUserId?: string | null; careTeamId?: string | null }): Promise<void> {
  const details = [];
  if (refs.assigneeUserId) {
    const user = await getUserBrief(ctx.db, orgId, refs.assigneeUserId);
    if (!user || !isRole(user.role) || !isStaffRole(user.role)) details.push({ path: 'body.assigneeUserId', message: 'No such staff member in this clinic.' });
  }
  if (refs.careTeamId && !(await getCareTeam(ctx.db, orgId, refs.careTeamId))) {
    details.push({ path: 'body.careTeamId', message: 'No such care team in this clinic.' });
  }
  if (details.length > 0) throw new AppError('validation', 'validation', 'The assignee or care team is not valid.', details);
}

/**
 * Schema errors (attached by the route) and the domain's own checks, reported together so a person sees
 * every bad field at once.
 */
export function throwIfTaskRequestInvalid(request: FastifyRequest, domainIssues: { path?: string; message: string; code: string }[]): void {
  const ve = request.validationError as (Error & { validation?: unknown[]; validationContext?: string }) | undefined;
  if (ve && ve.validationContext !== 'body') throw ve;
  const schemaDetails = ve ? validationDetails('body', (ve.validation ?? []) as never[]) : [];
  const seen = new Set(schemaDetails.map((d) => d.path));
  const domainDetails = domainIssues
    .map((i) => ({ path: `body.${i.path ?? ''}`.replace(/\.$/, ''), message: i.message, code: i.code }))
    .filter((d) => !seen.has(d.path));
  const details = [...schemaDetails, ...domainDetails];
  if (details.length > 0) throw new AppError('validation', 'validation', `The request has ${details.length} invalid field${details.length === 1 ? '' : 's'}.`, details);
}

export async function scheduleReminderFor(ctx: AppContext, task: TaskRow): Promise<void> {
  const at = reminderAt(toRecord(task));
  if (!at || !ctx.jobs || !task.dueAt) return;
  await ctx.jobs.scheduleReminder({ taskId: task.id, dueAt: task.dueAt.toISOString() }, at);
}

export async function createTask(ctx: AppContext, request: FastifyRequest, input: NewTaskInput): Promise<TaskListRow> {
  const actor = requireStaff(request);
  const body = (request.body ?? {}) as Record<string, unknown>;
  // Domain checks run on whatever fields have the right type, beside the schema's own errors.
  const typedInput: NewTaskInput = {
    ...input,
    type: typeof body.type === 'string' ? body.type : '',
    title: typeof body.title === 'string' ? body.title : '',
    dueAt: typeof body.dueAt === 'string' ? body.dueAt : null,
  };
  throwIfTaskRequestInvalid(request, validateNewTask(typedInput));
  await checkTaskReferences(ctx, actor.orgId, input);
  if (input.patientId) await authorisePatient(ctx, request, input.patientId, { action: 'write', category: 'general' });
  const asOf = ctx.clock();
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertTask(tx, {
      orgId: actor.orgId,
      patientId: input.patientId,
      type: input.type,
      title: input.title.trim(),
      details: input.details ?? null,
      assigneeUserId: input.assigneeUserId ?? null,
      assigneeRole: input.assigneeRole ?? null,
      careTeamId: input.careTeamId ?? null,
      dueAt: input.dueAt ? new Date(input.dueAt) : null,
      priority: input.priority ?? 'routine',
      source: input.source,
      createdBy: actor.userId,
      asOf,
    });
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'Task', resourceId: created.id, patientId: created.patientId })]);
    await recordLanguageFlagsForText(tx, { orgId: created.orgId, patientId: created.patientId, source: 'task', sourceId: created.id, texts: [created.title, created.details], recordedBy: actor.userId, asOf });
    return created;
  });
  await scheduleReminderFor(ctx, row);
  return (await getTaskRow(ctx.db, actor.orgId, row.id)) as TaskListRow;
}

export async function loadTaskForActor(ctx: AppContext, request: FastifyRequest, id: string): Promise<TaskListRow> {
  const actor = requireStaff(request);
  const row = await getTaskRow(ctx.db, actor.orgId, id);
  if (!row) throw notFound('The task');
  // A task names a patient: only people who may see that patient may see or change it, unless it was
  // assigned to them by name.
  const oversightForMyRole = isOversightTask(toRecord(row)) && !row.assigneeUserId && row.assigneeRole === actor.role;
  if (row.patientId && row.assigneeUserId !== actor.userId && !oversightForMyRole) await authorisePatient(ctx, request, row.patientId, { action: 'write', category: 'general' });
  return row;
}

export async function changeTask(ctx: AppContext, request: FastifyRequest, id: string, expectedVersion: number, patch: TaskPatch): Promise<TaskListRow> {
  const actor = requireStaff(request);
  const current = await loadTaskForActor(ctx, request, id);
  if (current.version !== expectedVersion) {
    throw new AppError('precondition-failed', 'conflict.stale-version', 'Someone else changed this task first. Reload to see their change.', [], { currentVersion: current.version });
  }
  const result = applyTaskPatch(toRecord(current), patch);
  if ('issues' in result) throw issuesToError(result.issues);
  await checkTaskReferences(ctx, actor.orgId, { assigneeUserId: patch.assigneeUserId });
  // Nothing changed: no write, no history entry, no audit event.
  if (result.change.event === 'task.unchanged') return current;
  const asOf = ctx.clock();
  const next = result.task;
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await updateTaskRow(
      tx,
      id,
      expectedVersion,
      {
        status: next.status,
        assigneeUserId: next.assigneeUserId,
        assigneeRole: next.assigneeRole,
        dueAt: next.dueAt,
        priority: next.priority,
        title: next.title,
        details: next.details,
        // A new due date gets a new reminder.
        ...(patch.dueAt !== undefined ? { remindedAt: null } : {}),
      },
      asOf,
    );
    if (!row) throw new AppError('precondition-failed', 'conflict.stale-version', 'Someone else changed this task first. Reload to see their change.');
    await addTaskHistory(tx, { orgId: row.orgId, patientId: row.patientId, taskId: row.id, at: asOf, actor: actor.userId, event: result.change.event, changes: result.change.changes });
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'Task', resourceId: row.id, patientId: row.patientId, reason: result.change.event })]);
    if (patch.title !== undefined || patch.details !== undefined) {
      await recordLanguageFlagsForText(tx, { orgId: row.orgId, patientId: row.patientId, source: 'task', sourceId: row.id, texts: [row.title, row.details], recordedBy: actor.userId, asOf });
    }
    return row;
  });
  // A new due date, or a task opened again, needs its reminder (again).
  if (patch.dueAt !== undefined || result.change.event === 'task.reopened' || result.change.event === 'task.started') await scheduleReminderFor(ctx, updated);
  return (await getTaskRow(ctx.db, actor.orgId, id)) as TaskListRow;
}

/** The pg-boss handler: raise the reminder if the task is still open and still due at that time. */
export async function raiseReminder(ctx: AppContext, job: ReminderJob): Promise<void> {
  const asOf = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const task = await getTaskById(tx, job.taskId);
    if (!task || task.remindedAt || !task.dueAt || task.dueAt.toISOString() !== job.dueAt) return;
    if (task.status !== 'open' && task.status !== 'in_progress') return;
    const updated = await updateTaskRow(tx, task.id, task.version, { remindedAt: asOf }, asOf);
    if (!updated) return;
    await addTaskHistory(tx, { orgId: task.orgId, patientId: task.patientId, taskId: task.id, at: asOf, actor: 'system', event: 'reminder-raised', changes: {} });
  });
}

/** At start-up: make sure every open task with a due date has its reminder job (idempotent). */
export async function rescheduleReminders(ctx: AppContext): Promise<number> {
  const rows = await tasksAwaitingReminder(ctx.db);
  for (const row of rows) await scheduleReminderFor(ctx, row);
  return rows.length;
}
