import { describe, expect, it } from 'vitest';
import type { NewTaskInput, TaskPatch, TaskRecord, TaskStatus } from './task';
import {
  TASK_STATUSES,
  applyTaskPatch,
  canTransition,
  isOverdue,
  parseIsoDateTime,
  reminderAt,
  sortInbox,
  validateNewTask, isOversightTask } from './task';

const AS_OF = new Date('2025-03-10T12:00:00.000Z');

const buildNewTask = (overrides: Partial<NewTaskInput> = {}): NewTaskInput => ({
  patientId: 'patient-1',
  type: 'follow-up',
  title: 'Call about the new exercise plan',
  assigneeUserId: 'user-1',
  source: 'manual',
  ...overrides,
});

const buildTask = (overrides: Partial<TaskRecord> = {}): TaskRecord => ({
  id: 'task-1',
  orgId: 'org-1',
  patientId: 'patient-1',
  type: 'follow-up',
  title: 'Call about the new exercise plan',
  details: null,
  assigneeUserId: 'user-1',
  assigneeRole: null,
  careTeamId: null,
  dueAt: new Date('2025-03-12T09:00:00.000Z'),
  priority: 'routine',
  source: 'manual',
  status: 'open',
  remindedAt: new Date('2025-03-12T09:00:05.000Z'),
  createdBy: 'user-2',
  version: 3,
  ...overrides,
});

const codes = (issues: { code: string; path?: string }[]): [string, string | undefined][] =>
  issues.map((i) => [i.code, i.path]);

describe('validateNewTask', () => {
  it.each<[string, Partial<NewTaskInput>, [string, string][]]>([
    ['a valid task', {}, []],
    ['a title of exactly 200 characters', { title: 'a'.repeat(200) }, []],
    ['a title of 200 characters plus surrounding spaces', { title: `  ${'a'.repeat(200)}  ` }, []],
    ['a title of 201 characters', { title: 'a'.repeat(201) }, [['task.title-too-long', 'title']]],
    ['an empty title', { title: '' }, [['task.title-required', 'title']]],
    ['a title of only spaces', { title: '   ' }, [['task.title-required', 'title']]],
    ['a one-character title', { title: 'x' }, []],
    ['an unknown type', { type: 'chore' }, [['task.type-unknown', 'type']]],
    ...(['general', 'follow-up', 'break-glass-review', 'safety', 'checkpoint', 'review'] as const).map(
      (type): [string, Partial<NewTaskInput>, [string, string][]] => [`type ${type}`, { type }, []],
    ),
    ['no priority (defaults to routine)', { priority: undefined }, []],
    ...(['low', 'routine', 'high', 'urgent'] as const).map(
      (priority): [string, Partial<NewTaskInput>, [string, string][]] => [`priority ${priority}`, { priority }, []],
    ),
    ['an unknown priority', { priority: 'critical' }, [['task.priority-unknown', 'priority']]],
    ['an empty source', { source: ' ' }, [['task.source-required', 'source']]],
    ['no patient (a clinic task)', { patientId: null }, []],
    ['no assignee at all', { assigneeUserId: null }, [['task.assignee-missing', 'assigneeUserId']]],
    ['blank assignee ids', { assigneeUserId: ' ', careTeamId: '' }, [['task.assignee-missing', 'assigneeUserId']]],
    ['assigned to a role only', { assigneeUserId: undefined, assigneeRole: 'pharmacist' }, []],
    ['assigned to a care team only', { assigneeUserId: null, careTeamId: 'team-1' }, []],
    ['an unknown role with a user', { assigneeRole: 'nurse' }, [['task.assignee-role-unknown', 'assigneeRole']]],
    ['an unknown role and nothing else', { assigneeUserId: null, assigneeRole: 'nurse' }, [['task.assignee-role-unknown', 'assigneeRole'], ['task.assignee-missing', 'assigneeUserId']]],
    ['a due date in UTC', { dueAt: '2025-03-12T09:00:00Z' }, []],
    ['a due date with an offset and fraction', { dueAt: '2025-03-12T09:00:00.250-05:00' }, []],
    ['a due date without seconds', { dueAt: '2025-03-12T09:00Z' }, []],
    ['29 February in a leap year', { dueAt: '2024-02-29T09:00:00Z' }, []],
    ['a null due date', { dueAt: null }, []],
    ['a bare date', { dueAt: '2025-03-12' }, [['task.due-at-invalid', 'dueAt']]],
    ['a local time without zone', { dueAt: '2025-03-12T09:00:00' }, [['task.due-at-invalid', 'dueAt']]],
    ['30 February', { dueAt: '2025-02-30T09:00:00Z' }, [['task.due-at-invalid', 'dueAt']]],
    ['29 February in a common year', { dueAt: '2025-02-29T09:00:00Z' }, [['task.due-at-invalid', 'dueAt']]],
    ['month 13', { dueAt: '2025-13-01T09:00:00Z' }, [['task.due-at-invalid', 'dueAt']]],
    ['hour 24', { dueAt: '2025-03-12T24:00:00Z' }, [['task.due-at-invalid', 'dueAt']]],
    ['free text', { dueAt: 'next Tuesday' }, [['task.due-at-invalid', 'dueAt']]],
    ['an empty due date', { dueAt: '' }, [['task.due-at-invalid', 'dueAt']]],
  ])('%s', (_label, overrides, expected) => {
    expect(codes(validateNewTask(buildNewTask(overrides)))).toEqual(expected);
  });

  it('reports every problem at once', () => {
    const issues = validateNewTask({ patientId: null, type: 'x', title: ' ', priority: 'p', source: 'manual', dueAt: 'soon' });
    expect(codes(issues)).toEqual([
      ['task.title-required', 'title'],
      ['task.type-unknown', 'type'],
      ['task.priority-unknown', 'priority'],
      ['task.assignee-missing', 'assigneeUserId'],
      ['task.due-at-invalid', 'dueAt'],
    ]);
    expect(issues.every((i) => i.severity === 'error' && i.message.length > 0)).toBe(true);
  });
});

describe('parseIsoDateTime', () => {
  it.each([
    ['2025-03-12T09:00:00Z', '2025-03-12T09:00:00.000Z'],
    ['2025-03-12T09:00:00+02:00', '2025-03-12T07:00:00.000Z'],
    ['2025-12-31T23:59:59.999Z', '2025-12-31T23:59:59.999Z'],
  ])('%s → %s', (input, iso) => {
    expect(parseIsoDateTime(input)?.toISOString()).toBe(iso);
  });
});

describe('canTransition', () => {
  const allowed: Record<TaskStatus, TaskStatus[]> = {
    open: ['in_progress', 'done', 'cancelled'],
    in_progress: ['open', 'done', 'cancelled'],
    done: ['open'],
    cancelled: ['open'],
  };
  const pairs = TASK_STATUSES.flatMap((from) => TASK_STATUSES.map((to) => [from, to, allowed[from].includes(to)] as const));
  it('covers all 16 pairs', () => expect(pairs).toHaveLength(16));
  it.each(pairs)('%s → %s: %s', (from, to, expected) => {
    expect(canTransition(from, to)).toBe(expected);
  });
});

describe('applyTaskPatch', () => {
  const applied = (task: TaskRecord, patch: TaskPatch): { task: TaskRecord; change: { event: string; changes: object } } => {
    const result = applyTaskPatch(task, patch);
    if ('issues' in result) throw new Error(`unexpected issues: ${JSON.stringify(result.issues)}`);
    return result;
  };

  it.each<[string, Partial<TaskRecord>, TaskPatch, string, Partial<TaskRecord>, Record<string, { from: unknown; to: unknown }>]>([
    ['start', {}, { status: 'in_progress' }, 'task.started', { status: 'in_progress' }, { status: { from: 'open', to: 'in_progress' } }],
    ['complete', { status: 'in_progress' }, { status: 'done' }, 'task.completed', { status: 'done' }, { status: { from: 'in_progress', to: 'done' } }],
    ['cancel', {}, { status: 'cancelled' }, 'task.cancelled', { status: 'cancelled' }, { status: { from: 'open', to: 'cancelled' } }],
    ['reopen', { status: 'done' }, { status: 'open' }, 'task.reopened', { status: 'open' }, { status: { from: 'done', to: 'open' } }],
    ['reassign to a role', {}, { assigneeUserId: null, assigneeRole: 'pharmacist' }, 'task.reassigned', { assigneeUserId: null, assigneeRole: 'pharmacist' }, { assigneeUserId: { from: 'user-1', to: null }, assigneeRole: { from: null, to: 'pharmacist' } }],
    ['reassign to another person', {}, { assigneeUserId: 'user-7' }, 'task.reassigned', { assigneeUserId: 'user-7' }, { assigneeUserId: { from: 'user-1', to: 'user-7' } }],
    ['remove the person when a care team remains', { careTeamId: 'team-1' }, { assigneeUserId: '' }, 'task.reassigned', { assigneeUserId: null }, { assigneeUserId: { from: 'user-1', to: null } }],
    ['trimmed title', {}, { title: '  Call about sleep  ' }, 'task.updated', { title: 'Call about sleep' }, { title: { from: 'Call about the new exercise plan', to: 'Call about sleep' } }],
    ['priority', {}, { priority: 'urgent' }, 'task.updated', { priority: 'urgent' }, { priority: { from: 'routine', to: 'urgent' } }],
    ['details', {}, { details: 'Prefers mornings' }, 'task.updated', { details: 'Prefers mornings' }, { details: { from: null, to: 'Prefers mornings' } }],
    ['new due date clears the reminder', {}, { dueAt: '2025-03-14T09:00:00+01:00' }, 'task.updated', { dueAt: new Date('2025-03-14T08:00:00.000Z'), remindedAt: null }, { dueAt: { from: '2025-03-12T09:00:00.000Z', to: '2025-03-14T08:00:00.000Z' } }],
    ['remove the due date', {}, { dueAt: null }, 'task.updated', { dueAt: null, remindedAt: null }, { dueAt: { from: '2025-03-12T09:00:00.000Z', to: null } }],
    ['status and priority together', {}, { status: 'done', priority: 'low' }, 'task.completed', { status: 'done', priority: 'low' }, { status: { from: 'open', to: 'done' }, priority: { from: 'routine', to: 'low' } }],
  ])('%s', (_label, start, patch, event, after, changes) => {
    const task = buildTask(start);
    const result = applied(task, patch);
    expect(result.task).toEqual({ ...task, ...after, version: 4 });
    expect(result.change).toEqual({ event, changes });
  });

  it.each<[string, TaskPatch]>([
    ['an empty patch', {}],
    ['the same status', { status: 'open' }],
    ['the same values', { title: 'Call about the new exercise plan', priority: 'routine', assigneeUserId: 'user-1', dueAt: '2025-03-12T11:00:00+02:00' }],
  ])('%s changes nothing and keeps the version', (_label, patch) => {
    const task = buildTask();
    expect(applied(task, patch)).toEqual({ task, change: { event: 'task.unchanged', changes: {} } });
  });

  it.each<[string, Partial<TaskRecord>, TaskPatch, [string, string][]]>([
    ['an unknown status', {}, { status: 'paused' }, [['task.status-unknown', 'status']]],
    ['done → in_progress', { status: 'done' }, { status: 'in_progress' }, [['task.transition-not-allowed', 'status']]],
    ['cancelled → done', { status: 'cancelled' }, { status: 'done' }, [['task.transition-not-allowed', 'status']]],
    ['an empty title', {}, { title: ' ' }, [['task.title-required', 'title']]],
    ['a long title', {}, { title: 'b'.repeat(201) }, [['task.title-too-long', 'title']]],
    ['an unknown priority', {}, { priority: 'asap' }, [['task.priority-unknown', 'priority']]],
    ['an unknown role', {}, { assigneeRole: 'nurse' }, [['task.assignee-role-unknown', 'assigneeRole']]],
    ['an invalid due date', {}, { dueAt: '2025-02-30T09:00:00Z' }, [['task.due-at-invalid', 'dueAt']]],
    ['removing the only assignee', {}, { assigneeUserId: null }, [['task.assignee-missing', 'assigneeUserId']]],
    ['removing both person and role', { assigneeRole: 'therapist' }, { assigneeUserId: null, assigneeRole: null }, [['task.assignee-missing', 'assigneeUserId']]],
    ['every bad field at once', {}, { status: 'paused', title: '', priority: 'asap', assigneeRole: 'nurse', dueAt: 'soon', assigneeUserId: null }, [
      ['task.status-unknown', 'status'],
      ['task.title-required', 'title'],
      ['task.priority-unknown', 'priority'],
      ['task.assignee-role-unknown', 'assigneeRole'],
      ['task.due-at-invalid', 'dueAt'],
      ['task.assignee-missing', 'assigneeUserId'],
    ]],
  ])('rejects %s with issues and no change', (_label, start, patch, expected) => {
    const task = buildTask(start);
    const before = structuredClone(task);
    const result = applyTaskPatch(task, patch);
    expect('issues' in result ? codes(result.issues) : result).toEqual(expected);
    expect(task).toEqual(before);
  });
});

describe('reminderAt and isOverdue', () => {
  const due = new Date('2025-03-10T12:00:00.000Z');
  it.each<[TaskStatus, Date | null, Date | null]>([
    ['open', due, due],
    ['in_progress', due, due],
    ['done', due, null],
    ['cancelled', due, null],
    ['open', null, null],
  ])('reminderAt(%s, due %s) → %s', (status, dueAt, expected) => {
    expect(reminderAt({ status, dueAt })).toEqual(expected);
  });

  it.each<[string, TaskStatus, Date | null, boolean]>([
    ['due 1 ms before asOf', 'open', new Date(AS_OF.getTime() - 1), true],
    ['due exactly at asOf', 'open', AS_OF, false],
    ['due 1 ms after asOf', 'open', new Date(AS_OF.getTime() + 1), false],
    ['in progress and past due', 'in_progress', new Date('2025-03-01T00:00:00Z'), true],
    ['done and past due', 'done', new Date('2025-03-01T00:00:00Z'), false],
    ['cancelled and past due', 'cancelled', new Date('2025-03-01T00:00:00Z'), false],
    ['no due date', 'open', null, false],
  ])('%s → %s', (_label, status, dueAt, expected) => {
    expect(isOverdue({ status, dueAt }, AS_OF)).toBe(expected);
  });
});

describe('sortInbox', () => {
  type Item = Pick<TaskRecord, 'dueAt' | 'status' | 'priority' | 'title'>;
  const item = (title: string, priority: Item['priority'], dueAt: string | null, status: TaskStatus = 'open'): Item => ({
    title,
    priority,
    dueAt: dueAt === null ? null : new Date(dueAt),
    status,
  });
  const tasks: Item[] = [
    item('Low, no due date', 'low', null),
    item('Routine due tomorrow', 'routine', '2025-03-11T12:00:00Z'),
    item('Urgent due next week', 'urgent', '2025-03-17T12:00:00Z'),
    item('Low but overdue', 'low', '2025-03-01T12:00:00Z'),
    item('Urgent overdue', 'urgent', '2025-03-09T12:00:00Z'),
    item('Routine due today later', 'routine', '2025-03-10T18:00:00Z'),
    item('Routine due exactly now', 'routine', '2025-03-10T12:00:00Z'),
    item('Routine no due date', 'routine', null),
    item('High, done long ago', 'high', '2025-02-01T12:00:00Z', 'done'),
    item('b same everything', 'high', '2025-03-12T12:00:00Z'),
    item('a same everything', 'high', '2025-03-12T12:00:00Z'),
  ];

  it('puts overdue first, then priority, then earliest due date (none last), then title', () => {
    expect(sortInbox(tasks, AS_OF).map((t) => t.title)).toEqual([
      'Urgent overdue',
      'Low but overdue',
      'Urgent due next week',
      'High, done long ago',
      'a same everything',
      'b same everything',
      'Routine due exactly now',
      'Routine due today later',
      'Routine due tomorrow',
      'Routine no due date',
      'Low, no due date',
    ]);
  });

  it('returns a new array and leaves the input as it was', () => {
    const copy = [...tasks];
    const sorted = sortInbox(tasks, AS_OF);
    expect(sorted).not.toBe(tasks);
    expect(tasks).toEqual(copy);
  });
});

describe('isOversightTask', () => {
  it.each([
    ['break-glass-review', true],
    ['safety', false],
    ['general', false],
    ['follow-up', false],
  ] as const)('%s -> %s', (type, expected) => {
    expect(isOversightTask({ type })).toBe(expected);
  });
});
