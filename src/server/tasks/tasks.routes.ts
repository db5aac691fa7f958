/** REST routes for tasks: the inbox, a patient's tasks, create, change, history. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { TASK_PRIORITIES, TASK_STATUSES, TASK_TYPES } from '../../domain/tasks/task';
import { taskHistoryFor, tasksForPatient, tasksForTeams, tasksForUser } from '../../db/repositories/tasks.repository';
import { auditFrom, requireStaff } from '../auth/actor';
import { authorisePatient } from '../access/access.service';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { errorResponses, etag, IdParams, IsoInstant, Nullable, parseIfMatch, StringEnum, Uuid } from '../schemas';
import { changeTask, createTask, loadTaskForActor, presentInbox, presentTask } from './tasks.service';

const lit = StringEnum;
const S = Type.String();
const NS = Nullable(Type.String());

const Task = Type.Object({
  id: S,
  patientId: NS,
  patientName: NS,
  type: S,
  title: S,
  details: NS,
  assigneeUserId: NS,
  assigneeName: NS,
  assigneeRole: NS,
  careTeamId: NS,
  careTeamName: NS,
  dueAt: NS,
  priority: S,
  source: S,
  status: S,
  overdue: Type.Boolean(),
  remindedAt: NS,
  version: Type.Integer(),
  createdAt: S,
});
const TaskList = Type.Object({ items: Type.Array(Task) });

const CreateTaskBody = Type.Object(
  {
    patientId: Nullable(Uuid),
    type: lit(TASK_TYPES),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    details: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
    assigneeUserId: Type.Optional(Nullable(Uuid)),
    assigneeRole: Type.Optional(Nullable(Type.String())),
    careTeamId: Type.Optional(Nullable(Uuid)),
    dueAt: Type.Optional(Nullable(IsoInstant)),
    priority: Type.Optional(lit(TASK_PRIORITIES)),
  },
  { additionalProperties: false },
);

const PatchTaskBody = Type.Object(
  {
    status: Type.Optional(lit(TASK_STATUSES)),
    assigneeUserId: Type.Optional(Nullable(Uuid)),
    assigneeRole: Type.Optional(Nullable(Type.String())),
    dueAt: Type.Optional(Nullable(IsoInstant)),
    priority: Type.Optional(lit(TASK_PRIORITIES)),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    details: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const taskRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Tasks'];

  app.get(
    '/tasks',
    {
      schema: {
        tags,
        summary: 'Your inbox: tasks for you (view=mine) or for your care teams (view=team)',
        querystring: Type.Object({ view: Type.Union([Type.Literal('mine'), Type.Literal('team')], { default: 'mine' }), status: Type.Union([Type.Literal('open'), Type.Literal('all')], { default: 'open' }) }, { additionalProperties: false }),
        response: { 200: TaskList, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireStaff(request);
      const openOnly = request.query.status === 'open';
      const rows =
        request.query.view === 'team'
          ? await tasksForTeams(ctx.db, actor.orgId, actor.userId, openOnly)
          : await tasksForUser(ctx.db, actor.orgId, actor.userId, actor.role, openOnly);
      const asOf = ctx.clock();
      const patientIds = [...new Set(rows.map((r) => r.patientId).filter((id): id is string => id !== null))];
      if (patientIds.length > 0) {
        await ctx.audit.record(auditFrom(request, asOf, { action: 'search', resourceType: 'Task', resourceId: patientIds.join(','), reason: `inbox (${request.query.view})` }));
      }
      return { items: presentInbox(rows, asOf) };
    },
  );

  app.get('/patients/:id/tasks', { schema: { tags, summary: "A patient's tasks", params: IdParams, querystring: Type.Object({ status: Type.Union([Type.Literal('open'), Type.Literal('all')], { default: 'open' }) }, { additionalProperties: false }), response: { 200: TaskList, ...errorResponses } } }, async (request) => {
    requireStaff(request);
    const { patient } = await authorisePatient(ctx, request, request.params.id, { action: 'read', category: 'general' });
    const rows = await tasksForPatient(ctx.db, patient.orgId, patient.id, request.query.status === 'open');
    const asOf = ctx.clock();
    await ctx.audit.record(auditFrom(request, asOf, { action: 'read', resourceType: 'Task', patientId: patient.id, resourceId: patient.id }));
    return { items: presentInbox(rows, asOf) };
  });

  app.post('/tasks', { attachValidation: true, schema: { tags, summary: 'Create a task', body: CreateTaskBody, response: { 201: Task, ...errorResponses } } }, async (request, reply) => {
    const row = await createTask(ctx, request, { ...request.body, source: 'manual' });
    void reply.status(201).header('etag', etag(row.version));
    return presentTask(row, ctx.clock());
  });

  app.patch(
    '/tasks/:id',
    { schema: { tags, summary: 'Change a task (If-Match required)', params: IdParams, headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }), body: PatchTaskBody, response: { 200: Task, ...errorResponses } } },
    async (request, reply) => {
      const expected = parseIfMatch(request.headers['if-match']);
      if (expected === undefined) {
        throw new AppError('precondition-required', 'conflict.if-match-required', 'Send the If-Match header with the version you edited.', [{ path: 'headers.if-match', message: 'is required' }]);
      }
      const row = await changeTask(ctx, request, request.params.id, expected, request.body);
      void reply.header('etag', etag(row.version));
      return presentTask(row, ctx.clock());
    },
  );

  app.get(
    '/tasks/:id/history',
    { schema: { tags, summary: "A task's history", params: IdParams, response: { 200: Type.Object({ items: Type.Array(Type.Object({ at: S, actor: S, event: S, changes: Type.Record(Type.String(), Type.Unknown()) })) }), ...errorResponses } } },
    async (request) => {
      const task = await loadTaskForActor(ctx, request, request.params.id);
      const rows = await taskHistoryFor(ctx.db, task.id);
      await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'TaskHistory', resourceId: task.id, patientId: task.patientId }));
      return { items: rows.map((r) => ({ at: r.at.toISOString(), actor: r.actor, event: r.event, changes: r.changes as Record<string, unknown> })) };
    },
  );
};
