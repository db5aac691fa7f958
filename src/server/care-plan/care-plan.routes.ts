/**
 * REST routes for care plans (docs/care-plan.md): the plan with the progression engine's statement, its
 * versions, sessions, the person's reports, flares and checkpoint decisions. Thin: validate, call a service.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { auditFrom } from '../auth/actor';
import type { AppContext } from '../context';
import { errorResponses, etag, IdParams, parseIfMatch } from '../schemas';
import { authoriseCarePlan } from './care-plan-access';
import { ifMatchRequired } from './care-plan-validation';
import { AnyObject, CarePlanBody, CarePlanView, DecisionBody, FlareBody, FlareSettleBody, IfMatchHeaders, ReportBody, SessionBody } from './care-plan.schema';
import { carePlanHistory, carePlanView, changeCarePlan, createCarePlan } from './care-plan.service';
import { recordCheckpointDecision } from './checkpoints.service';
import { toCheckpoint, toFlare, toReport, toSession } from './care-plan.mapping';
import { logSession, recordFlare, reportResponse, settleFlare } from './records.service';

const NoQuery = Type.Object({}, { additionalProperties: false });

const expectVersion = (header: string | undefined): number => {
  const v = parseIfMatch(header);
  if (v === undefined) throw ifMatchRequired();
  return v;
};

export const carePlanRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Care plan'];

  app.get(
    '/patients/:id/care-plan',
    { schema: { tags, summary: "The patient's care plan, the progression engine's statement with its reasons, sessions, reports, flares and checkpoints (plan: null before one is made, with goals suggested from the PSFS)", params: IdParams, querystring: NoQuery, response: { 200: CarePlanView, ...errorResponses } } },
    async (request, reply) => {
      const authorised = await authoriseCarePlan(ctx, request, request.params.id, 'read');
      const view = await carePlanView(ctx, authorised);
      const reason = authorised.decision.basis === 'break-glass' ? 'emergency access (break the glass)' : null;
      await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'CarePlan', resourceId: view.plan?.id ?? authorised.patient.id, patientId: authorised.patient.id, reason }));
      if (view.plan) void reply.header('etag', etag(view.plan.version));
      return view;
    },
  );

  app.post(
    '/patients/:id/care-plan',
    { attachValidation: true, schema: { tags, summary: 'Make the care plan (version 1); opens the first checkpoint and its task', params: IdParams, body: CarePlanBody, response: { 201: CarePlanView, ...errorResponses } } },
    async (request, reply) => {
      await createCarePlan(ctx, request, request.params.id);
      const view = await carePlanView(ctx, await authoriseCarePlan(ctx, request, request.params.id, 'read'));
      void reply.status(201).header('etag', etag(view.plan?.version ?? 1));
      return view;
    },
  );

  app.put(
    '/patients/:id/care-plan',
    { attachValidation: true, schema: { tags, summary: 'Change the care plan: a new version (If-Match required); the history keeps every version', params: IdParams, headers: IfMatchHeaders, body: CarePlanBody, response: { 200: CarePlanView, ...errorResponses } } },
    async (request, reply) => {
      const expected = expectVersion(request.headers['if-match']);
      const row = await changeCarePlan(ctx, request, request.params.id, expected);
      const view = await carePlanView(ctx, await authoriseCarePlan(ctx, request, request.params.id, 'read'));
      void reply.header('etag', etag(row.version));
      return view;
    },
  );

  app.get(
    '/patients/:id/care-plan/versions',
    { schema: { tags, summary: 'Every version of the care plan, newest first', params: IdParams, querystring: NoQuery, response: { 200: Type.Object({ items: Type.Array(AnyObject) }), ...errorResponses } } },
    async (request) => carePlanHistory(ctx, request, request.params.id),
  );

  app.post(
    '/patients/:id/care-plan/sessions',
    { attachValidation: true, schema: { tags, summary: 'Log a therapy session (modality, passive:active mix, soreness, relief window, goal activity scores)', params: IdParams, body: SessionBody, response: { 201: AnyObject, ...errorResponses } } },
    async (request, reply) => {
      const row = await logSession(ctx, request, request.params.id);
      void reply.status(201).header('etag', etag(row.version));
      return toSession(row);
    },
  );

  app.post(
    '/patients/:id/care-plan/reports',
    { attachValidation: true, schema: { tags: [...tags, 'Portal'], summary: 'The person reports how long the relief lasted and how the goal activities went (the patient, or staff for them)', params: IdParams, body: ReportBody, response: { 201: AnyObject, ...errorResponses } } },
    async (request, reply) => {
      const row = await reportResponse(ctx, request, request.params.id);
      void reply.status(201);
      return toReport(row);
    },
  );

  app.post(
    '/patients/:id/care-plan/flares',
    { attachValidation: true, schema: { tags, summary: 'Record a flare (a symptom rise) and, when known, how it settled', params: IdParams, body: FlareBody, response: { 201: AnyObject, ...errorResponses } } },
    async (request, reply) => {
      const row = await recordFlare(ctx, request, request.params.id);
      void reply.status(201).header('etag', etag(row.version));
      return toFlare(row);
    },
  );

  app.patch(
    '/care-plan/flares/:id',
    { attachValidation: true, schema: { tags, summary: 'Record when a flare settled (If-Match required)', params: IdParams, headers: IfMatchHeaders, body: FlareSettleBody, response: { 200: AnyObject, ...errorResponses } } },
    async (request, reply) => {
      const expected = expectVersion(request.headers['if-match']);
      const row = await settleFlare(ctx, request, request.params.id, expected);
      void reply.header('etag', etag(row.version));
      return toFlare(row);
    },
  );

  app.post(
    '/care-plan/checkpoints/:id/decision',
    { attachValidation: true, schema: { tags, summary: 'Record the checkpoint decision: adjust, refer (with an overlap period), graduate, or ongoing care with a review date (If-Match required)', params: IdParams, headers: IfMatchHeaders, body: DecisionBody, response: { 200: AnyObject, ...errorResponses } } },
    async (request, reply) => {
      const expected = expectVersion(request.headers['if-match']);
      const { checkpoint, nextTask } = await recordCheckpointDecision(ctx, request, request.params.id, expected);
      void reply.header('etag', etag(checkpoint.version));
      return { checkpoint: toCheckpoint(checkpoint), nextCheckpointTaskId: nextTask?.id ?? null };
    },
  );
};
