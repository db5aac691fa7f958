/** REST routes for the coordinator's workspace and case conferences (huddles). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { and, eq, inArray } from 'drizzle-orm';
import { STAFF_ROLES } from '../../domain/access/roles';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import { getHuddle, insertHuddle, listHuddles } from '../../db/repositories/huddles.repository';
import { users } from '../../db/schema';
import { auditFrom, requireStaff } from '../auth/actor';
import type { AppContext } from '../context';
import { notFound } from '../errors';
import { errorResponses, IdParams, IsoDate, Nullable, Uuid } from '../schemas';
import { addHuddleNote, huddleDetail, patientsDue } from './huddle.service';
import { buildWorkspace } from './workspace.service';

const S = Type.String();
const NS = Nullable(S);

const WaitingItem = Type.Object({ kind: S, text: S, waitingOn: S, overdue: Type.Boolean(), days: Nullable(Type.Integer()), link: NS });
const Workspace = Type.Object({
  scope: S,
  noContactWeeks: Type.Integer(),
  setting: S,
  counts: Type.Object({ patients: Type.Integer(), openReferrals: Type.Integer(), overdueReferralSteps: Type.Integer(), overdueTasks: Type.Integer(), coverageWarnings: Type.Integer(), noContact: Type.Integer(), socialNeeds: Type.Record(S, Type.Integer()) }),
  rows: Type.Array(Type.Object({ patient: Type.Object({ id: S, name: S, mrn: S }), items: Type.Array(WaitingItem), socialNeeds: Type.Array(S), lastContactAt: NS })),
});

const Huddle = Type.Object({ id: S, title: S, heldOn: S });
const HuddleDetail = Type.Object({
  id: S,
  title: S,
  heldOn: S,
  hiddenNotes: Type.Integer(),
  notes: Type.Array(
    Type.Object({
      id: S,
      patient: Type.Object({ id: S, name: S }),
      note: S,
      decisions: Type.Array(Type.Object({ text: S, taskId: S, status: S, assigneeName: NS, dueAt: NS })),
      createdAt: S,
    }),
  ),
});
const Due = Type.Object({
  setting: S,
  sources: Type.Array(S),
  items: Type.Array(
    Type.Object({
      patientId: S,
      patient: Type.Object({ id: S, name: S, mrn: S }),
      reasons: Type.Array(Type.Object({ kind: S, detail: S })),
      recentlyDiscussed: Type.Boolean(),
      priority: Type.Number(),
      lastDiscussed: NS,
    }),
  ),
});
const NoteBody = Type.Object(
  {
    patientId: Uuid,
    note: Type.String({ maxLength: 4000 }),
    decisions: Type.Optional(Type.Array(Type.Object({ text: Type.String({ maxLength: 200 }), assigneeUserId: Uuid, dueDate: Type.Optional(Nullable(IsoDate)) }, { additionalProperties: false }), { maxItems: 10 })),
  },
  { additionalProperties: false },
);

export const coordinationRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Coordination'];

  app.get(
    '/coordination/workspace',
    {
      schema: {
        tags,
        summary: 'The coordinator workspace: patients with what is waiting on whom',
        querystring: Type.Object({ scope: Type.Union([Type.Literal('mine'), Type.Literal('teams')], { default: 'mine' }), noContactWeeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 52 })) }, { additionalProperties: false }),
        response: { 200: Workspace, ...errorResponses },
      },
    },
    async (request) => buildWorkspace(ctx, request, request.query.scope, request.query.noContactWeeks),
  );

  app.get('/huddle/due', { schema: { tags, summary: 'Patients due for discussion at the huddle, with reasons', response: { 200: Due, ...errorResponses } } }, async (request) => patientsDue(ctx, request));

  app.get('/huddle/staff', { schema: { tags, summary: 'Staff who can own a huddle decision', response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: S, displayName: S, role: S })) }), ...errorResponses } } }, async (request) => {
    const actor = requireStaff(request);
    const rows = await ctx.db
      .select({ id: users.id, displayName: users.displayName, role: users.role })
      .from(users)
      .where(and(eq(users.orgId, actor.orgId), eq(users.disabled, false), inArray(users.role, [...STAFF_ROLES])))
      .orderBy(users.displayName);
    return { items: rows };
  });

  app.get('/huddles', { schema: { tags, summary: 'Recent huddles', response: { 200: Type.Object({ items: Type.Array(Huddle) }), ...errorResponses } } }, async (request) => {
    const actor = requireStaff(request);
    return { items: (await listHuddles(ctx.db, actor.orgId)).map((h) => ({ id: h.id, title: h.title, heldOn: h.heldOn })) };
  });

  app.post(
    '/huddles',
    { schema: { tags, summary: 'Start a huddle', body: Type.Object({ title: Type.String({ minLength: 3, maxLength: 200 }), heldOn: IsoDate }, { additionalProperties: false }), response: { 201: Huddle, ...errorResponses } } },
    async (request, reply) => {
      const actor = requireStaff(request);
      const asOf = ctx.clock();
      const huddle = await ctx.db.transaction(async (tx) => {
        const h = await insertHuddle(tx, { orgId: actor.orgId, title: request.body.title.trim(), heldOn: request.body.heldOn, createdBy: actor.userId, createdAt: asOf });
        await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'Huddle', resourceId: h.id })]);
        return h;
      });
      void reply.status(201);
      return { id: huddle.id, title: huddle.title, heldOn: huddle.heldOn };
    },
  );

  app.get('/huddles/:id', { schema: { tags, summary: 'A huddle with its notes (for patients you may see)', params: IdParams, response: { 200: HuddleDetail, ...errorResponses } } }, async (request) => {
    const actor = requireStaff(request);
    const huddle = await getHuddle(ctx.db, actor.orgId, request.params.id);
    if (!huddle) throw notFound('The huddle');
    return huddleDetail(ctx, request, huddle);
  });

  app.post(
    '/huddles/:id/notes',
    { schema: { tags, summary: 'Add a note for a patient; each decision becomes a task with an owner', params: IdParams, body: NoteBody, response: { 201: Type.Object({ id: S, taskIds: Type.Array(S) }), ...errorResponses } } },
    async (request, reply) => {
      const { note, tasks } = await addHuddleNote(ctx, request, request.params.id, request.body);
      void reply.status(201);
      return { id: note.id, taskIds: tasks.map((t) => t.id) };
    },
  );
};
