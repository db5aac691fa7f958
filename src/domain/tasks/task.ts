/**
 * The one task model every feature shares (inbox, safety follow-up, checkpoints, reviews, break-glass review).
 * Source: issue "Foundation" (Tasks) and PRODUCT.md capability 9 ("a task inbox with due items").
 *
 * Assumptions:
 * - A task always has someone to act on it: a person, a known role, or a care team (at least one); an unknown
 *   role is reported and does not count as an assignee.
 * - Status moves: open → in_progress | done | cancelled; in_progress → open | done | cancelled;
 *   done → open; cancelled → open (reopen). Nothing moves to the status it already has.
 * - A patch field equal to the current value is not a change (so re-sending an unchanged form, status
 *   included, is fine). A patch that changes nothing returns the same record and version with event
 *   'task.unchanged', so the caller can skip the write.
 * - Titles are stored trimmed; blank user and care-team ids count as absent.
 * - Due dates are ISO 8601 date-times with a time zone (Z or ±hh:mm) and a real calendar date; a bare date
 *   or a local time is rejected because it would be read in the server's zone.
 * - Moving the due date clears remindedAt, so the reminder for the new date is raised again.
 * - History entries record dates as ISO strings so they store as plain JSON.
 */
import type { Issue } from '../issues';
import { error } from '../issues';
import type { Role } from '../access/roles';
import { isRole } from '../access/roles';

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_PRIORITIES = ['low', 'routine', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
/** Known task types; later features add theirs here (safety, checkpoint, review, ...). */
export const TASK_TYPES = ['general', 'follow-up', 'break-glass-review', 'safety', 'red-flag', 'checkpoint', 'review'] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export const DEFAULT_TASK_PRIORITY: TaskPriority = 'routine';
export const TASK_TITLE_MAX_LENGTH = 200;

export interface TaskRecord {
  id: string;
  orgId: string;
  patientId: string | null;
  type: TaskType;
  title: string;
  details: string | null;
  assigneeUserId: string | null;
  assigneeRole: Role | null;
  careTeamId: string | null;
  dueAt: Date | null;
  priority: TaskPriority;
  source: string;
  status: TaskStatus;
  remindedAt: Date | null;
  createdBy: string;
  version: number;
}
export interface NewTaskInput {
  patientId: string | null;
  type: string;
  title: string;
  details?: string | null;
  assigneeUserId?: string | null;
  assigneeRole?: string | null;
  careTeamId?: string | null;
  /** ISO 8601 date-time with zone. */
  dueAt?: string | null;
  priority?: string;
  source: string;
}
export interface TaskPatch {
  status?: string;
  assigneeUserId?: string | null;
  assigneeRole?: string | null;
  dueAt?: string | null;
  priority?: string;
  title?: string;
  details?: string | null;
}
export interface TaskChange {
  event: string;
  changes: Record<string, { from: unknown; to: unknown }>;
}

export function isTaskStatus(value: string): value is TaskStatus {
  return (TASK_STATUSES as readonly string[]).includes(value);
}
export function isTaskPriority(value: string): value is TaskPriority {
  return (TASK_PRIORITIES as readonly string[]).includes(value);
}
export function isTaskType(value: string): value is TaskType {
  return (TASK_TYPES as readonly string[]).includes(value);
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** Parses an ISO 8601 date-time with zone, rejecting impossible dates (e.g. 30 February) that Date.parse rolls over. */
export function parseIsoDateTime(value: string): Date | null {
  const match = ISO_DATE_TIME.exec(value);
  if (match === null) return null;
  const part = (index: number): number => Number(match[index] ?? 0);
  const [year, month, day] = [part(1), part(2), part(3)];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return null;
  if (part(4) > 23 || part(5) > 59 || part(6) > 59 || part(7) > 23 || part(8) > 59) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
}

function blankToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

function titleIssues(title: string): Issue[] {
  const trimmed = title.trim();
  if (trimmed.length === 0) return [error('task.title-required', 'Give the task a title.', 'title')];
  if (trimmed.length > TASK_TITLE_MAX_LENGTH) {
    return [error('task.title-too-long', `Keep the title to ${TASK_TITLE_MAX_LENGTH} characters or fewer.`, 'title')];
  }
  return [];
}
const priorityIssue = (): Issue =>
  error('task.priority-unknown', `Priority must be one of: ${TASK_PRIORITIES.join(', ')}.`, 'priority');
const roleIssue = (): Issue =>
  error('task.assignee-role-unknown', 'The assigned role is not a known role.', 'assigneeRole');
const dueIssue = (): Issue =>
  error('task.due-at-invalid', 'Give the due date as a date and time with a zone, e.g. 2025-03-01T09:00:00Z.', 'dueAt');
const assigneeIssue = (): Issue =>
  error('task.assignee-missing', 'Assign the task to a person, a role or a care team.', 'assigneeUserId');

/**
 * Every problem at once, each with its path: title 1..200 chars after trim; type known; priority known (default
 * 'routine'); status n/a; at least one of assigneeUserId, assigneeRole (a known Role), careTeamId; dueAt parses
 * as an ISO date-time when given. Also: source is not blank.
 */
export function validateNewTask(input: NewTaskInput): Issue[] {
  const issues: Issue[] = [...titleIssues(input.title)];
  if (!isTaskType(input.type)) {
    issues.push(error('task.type-unknown', `Task type must be one of: ${TASK_TYPES.join(', ')}.`, 'type'));
  }
  const priority = input.priority;
  if (priority !== undefined && priority !== null && !isTaskPriority(priority)) issues.push(priorityIssue());
  if (input.source.trim() === '') issues.push(error('task.source-required', 'Say where the task came from.', 'source'));

  const role = blankToNull(input.assigneeRole);
  if (role !== null && !isRole(role)) issues.push(roleIssue());
  const hasKnownRole = role !== null && isRole(role);
  if (blankToNull(input.assigneeUserId) === null && !hasKnownRole && blankToNull(input.careTeamId) === null) {
    issues.push(assigneeIssue());
  }
  const dueAt = input.dueAt;
  if (dueAt !== undefined && dueAt !== null && parseIsoDateTime(dueAt) === null) issues.push(dueIssue());
  return issues;
}

const TRANSITIONS: Record<TaskStatus, readonly TaskStatus[]> = {
  open: ['in_progress', 'done', 'cancelled'],
  in_progress: ['open', 'done', 'cancelled'],
  done: ['open'],
  cancelled: ['open'],
};

export function canTransition(from: TaskStatus, to: TaskStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

const STATUS_EVENTS: Record<TaskStatus, string> = {
  open: 'task.reopened',
  in_progress: 'task.started',
  done: 'task.completed',
  cancelled: 'task.cancelled',
};

/**
 * Validates and applies a patch; returns the next record (version+1) and a history entry, or issues (every bad
 * field) and no change. Removing every assignee is an issue. A patch that changes nothing returns the same
 * record (same version) with event 'task.unchanged' and no changes.
 */
export function applyTaskPatch(
  task: TaskRecord,
  patch: TaskPatch,
): { task: TaskRecord; change: TaskChange } | { issues: Issue[] } {
  const issues: Issue[] = [];
  const next: TaskRecord = { ...task };
  const changes: TaskChange['changes'] = {};

  if (patch.status !== undefined && patch.status !== task.status) {
    if (!isTaskStatus(patch.status)) {
      issues.push(error('task.status-unknown', `Status must be one of: ${TASK_STATUSES.join(', ')}.`, 'status'));
    } else if (!canTransition(task.status, patch.status)) {
      const message = `A ${task.status} task cannot move to ${patch.status}.`;
      issues.push(error('task.transition-not-allowed', message, 'status'));
    } else {
      next.status = patch.status;
    }
  }
  if (patch.title !== undefined) {
    const titleProblems = titleIssues(patch.title);
    issues.push(...titleProblems);
    if (titleProblems.length === 0) next.title = patch.title.trim();
  }
  if (patch.details !== undefined) next.details = patch.details;
  if (patch.priority !== undefined && patch.priority !== task.priority) {
    if (isTaskPriority(patch.priority)) next.priority = patch.priority;
    else issues.push(priorityIssue());
  }
  if (patch.assigneeUserId !== undefined) next.assigneeUserId = blankToNull(patch.assigneeUserId);
  if (patch.assigneeRole !== undefined) {
    const role = blankToNull(patch.assigneeRole);
    if (role === null || isRole(role)) next.assigneeRole = role;
    else issues.push(roleIssue());
  }
  if (patch.dueAt !== undefined) {
    const dueAt = patch.dueAt === null ? null : parseIsoDateTime(patch.dueAt);
    if (patch.dueAt !== null && dueAt === null) issues.push(dueIssue());
    else next.dueAt = dueAt;
  }
  if (next.assigneeUserId === null && next.assigneeRole === null && blankToNull(next.careTeamId) === null) {
    issues.push(assigneeIssue());
  }
  if (issues.length > 0) return { issues };

  const fields = ['status', 'title', 'details', 'priority', 'assigneeUserId', 'assigneeRole', 'dueAt'] as const;
  for (const field of fields) {
    const from = task[field];
    const to = next[field];
    const same = from instanceof Date || to instanceof Date ? from?.valueOf() === to?.valueOf() : from === to;
    if (!same) {
      changes[field] = {
        from: from instanceof Date ? from.toISOString() : from,
        to: to instanceof Date ? to.toISOString() : to,
      };
    }
  }
  if (Object.keys(changes).length === 0) return { task: { ...task }, change: { event: 'task.unchanged', changes } };

  if (changes.dueAt !== undefined) next.remindedAt = null;
  next.version = task.version + 1;
  const event =
    changes.status !== undefined
      ? STATUS_EVENTS[next.status]
      : changes.assigneeUserId !== undefined || changes.assigneeRole !== undefined
        ? 'task.reassigned'
        : 'task.updated';
  return { task: next, change: { event, changes } };
}

function isOpen(status: TaskStatus): boolean {
  return status === 'open' || status === 'in_progress';
}

/** When the due reminder should be raised: at dueAt, or null when there is no due date or the task is closed. */
export function reminderAt(task: Pick<TaskRecord, 'dueAt' | 'status'>): Date | null {
  return task.dueAt !== null && isOpen(task.status) ? new Date(task.dueAt.getTime()) : null;
}

/** Open or in progress, and dueAt strictly before asOf (due exactly now is not yet overdue). */
export function isOverdue(task: Pick<TaskRecord, 'dueAt' | 'status'>, asOf: Date): boolean {
  return task.dueAt !== null && isOpen(task.status) && task.dueAt.getTime() < asOf.getTime();
}

const PRIORITY_RANK: Record<TaskPriority, number> = { urgent: 0, high: 1, routine: 2, low: 3 };

/**
 * Inbox order: overdue first, then priority (urgent..low), then earliest due date (no due date last), then title.
 * Pure, returns a new array.
 */
export function sortInbox<T extends Pick<TaskRecord, 'dueAt' | 'status' | 'priority' | 'title'>>(
  tasks: readonly T[],
  asOf: Date,
): T[] {
  const keyed = tasks.map((task, index) => ({
    task,
    index,
    overdue: isOverdue(task, asOf) ? 0 : 1,
    rank: PRIORITY_RANK[task.priority],
    due: task.dueAt === null ? Number.POSITIVE_INFINITY : task.dueAt.getTime(),
  }));
  keyed.sort(
    (a, b) =>
      a.overdue - b.overdue ||
      a.rank - b.rank ||
      (a.due === b.due ? 0 : a.due < b.due ? -1 : 1) ||
      a.task.title.localeCompare(b.task.title, 'en') ||
      a.index - b.index,
  );
  return keyed.map((k) => k.task);
}

/**
 * Oversight tasks are about how a record was used, not about the patient's care: a person in the
 * assigned role sees and closes them without being on the patient's care team (a clinic lead reviewing
 * a break-the-glass access, for example).
 */
export const OVERSIGHT_TASK_TYPES: readonly TaskType[] = ['break-glass-review'];

export function isOversightTask(task: Pick<TaskRecord, 'type'>): boolean {
  return OVERSIGHT_TASK_TYPES.includes(task.type);
}
