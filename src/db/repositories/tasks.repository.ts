/** Tasks and their history: one model shared by every feature that raises work for the care team. */
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { OVERSIGHT_TASK_TYPES } from '../../domain/tasks/task';
import type { DbOrTx } from '../client';
import { preparedFor } from '../prepared';
import { careTeamMembers, careTeams, patients, taskHistory, tasks, users } from '../schema';

export type TaskRow = typeof tasks.$inferSelect;

export interface NewTaskRow {
  orgId: string;
  patientId: string | null;
  type: string;
  title: string;
  details: string | null;
  assigneeUserId: string | null;
  assigneeRole: string | null;
  careTeamId: string | null;
  dueAt: Date | null;
  priority: string;
  source: string;
  createdBy: string;
  asOf: Date;
}

export async function insertTask(db: DbOrTx, input: NewTaskRow): Promise<TaskRow> {
  const { asOf, ...row } = input;
  const inserted = await db
    .insert(tasks)
    .values({ ...row, status: 'open', createdAt: asOf, updatedAt: asOf })
    .returning();
  const task = inserted[0] as TaskRow;
  await db.insert(taskHistory).values({
    orgId: task.orgId,
    patientId: task.patientId,
    taskId: task.id,
    at: asOf,
    actor: input.createdBy,
    event: 'created',
    changes: {},
  });
  return task;
}

export interface TaskListRow extends TaskRow {
  patientName: string | null;
  assigneeName: string | null;
  careTeamName: string | null;
}

/** The task list query (task, patient name, assignee, team) before its limit, so it can also be prepared. */
function taskListQuery(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({
      task: tasks,
      patientGiven: patients.givenName,
      patientFamily: patients.familyName,
      patientPreferred: patients.preferredName,
      assigneeName: users.displayName,
      careTeamName: careTeams.name,
    })
    .from(tasks)
    .leftJoin(patients, eq(patients.id, tasks.patientId))
    .leftJoin(users, eq(users.id, tasks.assigneeUserId))
    .leftJoin(careTeams, eq(careTeams.id, tasks.careTeamId))
    .where(where)
    .orderBy(asc(tasks.dueAt), desc(tasks.createdAt));
}

type TaskListQueryRow = Awaited<ReturnType<typeof taskListQuery>>[number];

function toTaskListRow(r: TaskListQueryRow): TaskListRow {
  return {
    ...r.task,
    patientName: r.patientGiven ? `${r.patientPreferred ?? r.patientGiven} ${r.patientFamily}` : null,
    assigneeName: r.assigneeName,
    careTeamName: r.careTeamName,
  };
}

async function selectTasks(db: DbOrTx, where: SQL | undefined, limit: number): Promise<TaskListRow[]> {
  const rows = await taskListQuery(db, where).limit(limit);
  return rows.map(toTaskListRow);
}

const OPEN = ['open', 'in_progress'];

/**
 * Tasks for one person: assigned to them by name, or to their role with no named person — the latter
 * only for clinic-level tasks, oversight tasks (src/domain/tasks), or patients on their care teams (or whom
 * they coordinate).
 */
export async function tasksForUser(db: DbOrTx, orgId: string, userId: string, role: string, openOnly: boolean): Promise<TaskListRow[]> {
  const myTeams = db.select({ id: careTeamMembers.careTeamId }).from(careTeamMembers).where(eq(careTeamMembers.userId, userId));
  const myPatients = db
    .select({ id: patients.id })
    .from(patients)
    .where(or(inArray(patients.careTeamId, myTeams), eq(patients.coordinatorUserId, userId)));
  const conds: SQL[] = [
    eq(tasks.orgId, orgId),
    or(
      eq(tasks.assigneeUserId, userId),
      and(
        isNull(tasks.assigneeUserId),
        eq(tasks.assigneeRole, role),
        or(isNull(tasks.patientId), inArray(tasks.type, [...OVERSIGHT_TASK_TYPES]), inArray(tasks.patientId, myPatients)),
      ),
    ) as SQL,
  ];
  if (openOnly) conds.push(inArray(tasks.status, OPEN));
  return selectTasks(db, and(...conds), 500);
}

/** Tasks for the care teams a person belongs to (assigned to the team or to a patient of the team). */
export async function tasksForTeams(db: DbOrTx, orgId: string, userId: string, openOnly: boolean): Promise<TaskListRow[]> {
  const myTeams = db.select({ id: careTeamMembers.careTeamId }).from(careTeamMembers).where(eq(careTeamMembers.userId, userId));
  const conds: SQL[] = [
    eq(tasks.orgId, orgId),
    or(
      inArray(tasks.careTeamId, myTeams),
      inArray(tasks.patientId, db.select({ id: patients.id }).from(patients).where(inArray(patients.careTeamId, myTeams))),
    ) as SQL,
  ];
  if (openOnly) conds.push(inArray(tasks.status, OPEN));
  return selectTasks(db, and(...conds), 500);
}

/** A patient's tasks (a prepared statement for each of all and open only: the summary reads them on every view). */
export async function tasksForPatient(db: DbOrTx, orgId: string, patientId: string, openOnly: boolean): Promise<TaskListRow[]> {
  const query = preparedFor(db, openOnly ? 'tasks_for_patient_open' : 'tasks_for_patient', (d, name) => {
    const conds: SQL[] = [eq(tasks.orgId, sql.placeholder('orgId')), eq(tasks.patientId, sql.placeholder('patientId'))];
    if (openOnly) conds.push(inArray(tasks.status, OPEN));
    return taskListQuery(d, and(...conds)).limit(500).prepare(name);
  });
  const rows = await query.execute({ orgId, patientId });
  return rows.map(toTaskListRow);
}

export async function getTaskRow(db: DbOrTx, orgId: string, id: string): Promise<TaskListRow | undefined> {
  const rows = await selectTasks(db, and(eq(tasks.orgId, orgId), eq(tasks.id, id)), 1);
  return rows[0];
}

export async function updateTaskRow(
  db: DbOrTx,
  id: string,
  expectedVersion: number,
  changes: Partial<Pick<TaskRow, 'status' | 'assigneeUserId' | 'assigneeRole' | 'dueAt' | 'priority' | 'title' | 'details' | 'remindedAt'>>,
  asOf: Date,
): Promise<TaskRow | undefined> {
  const rows = await db
    .update(tasks)
    .set({ ...changes, version: sql`${tasks.version} + 1`, updatedAt: asOf })
    .where(and(eq(tasks.id, id), eq(tasks.version, expectedVersion)))
    .returning();
  return rows[0];
}

export async function addTaskHistory(
  db: DbOrTx,
  row: { orgId: string; patientId: string | null; taskId: string; at: Date; actor: string; event: string; changes: Record<string, unknown> },
): Promise<void> {
  await db.insert(taskHistory).values(row);
}

export async function taskHistoryFor(db: DbOrTx, taskId: string): Promise<(typeof taskHistory.$inferSelect)[]> {
  return db.select().from(taskHistory).where(eq(taskHistory.taskId, taskId)).orderBy(asc(taskHistory.at), asc(taskHistory.seq));
}

/** Open tasks with a due date and no reminder raised yet (used to re-schedule reminders at start-up). */
export async function tasksAwaitingReminder(db: DbOrTx): Promise<TaskRow[]> {
  return db
    .select()
    .from(tasks)
    .where(and(inArray(tasks.status, OPEN), isNull(tasks.remindedAt), sql`${tasks.dueAt} is not null`));
}

export async function firstCareTeamOf(db: DbOrTx, userId: string): Promise<string | null> {
  const rows = await db.select({ id: careTeamMembers.careTeamId }).from(careTeamMembers).where(eq(careTeamMembers.userId, userId)).limit(1);
  return rows[0]?.id ?? null;
}

/** For background jobs that carry only a task id. */
export async function getTaskById(db: DbOrTx, id: string): Promise<TaskListRow | undefined> {
  const rows = await selectTasks(db, eq(tasks.id, id), 1);
  return rows[0];
}
