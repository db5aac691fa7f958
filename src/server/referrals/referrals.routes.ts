/** REST routes for referrals (per patient, status steps, bridge plan) and each service's expected wait. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { bridgePlanRequirement } from '../../domain/referrals/bridge-plan';
import { REFERRAL_SERVICES } from '../../domain/referrals/services';
import { upsertServiceWait } from '../../db/repositories/referrals.repository';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import { auditFrom, requireStaff } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { errorResponses, etag, IdParams, parseIfMatch, StringEnum } from '../schemas';
import { BridgePlanBody, NewReferralBody, Referral, ReferralList, ServiceWait, ServiceWaitBody, StatusBody } from './referrals.schema';
import { changeBridgePlan, changeReferralStatus, createReferral, listReferrals, readReferral } from './referrals.service';
import { allServiceWaits, serviceWait, type ServiceWaitView } from './service-waits.service';

const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String()) });

function requireIfMatch(header: string | undefined): number {
  const expected = parseIfMatch(header);
  if (expected === undefined) {
    throw new AppError('precondition-required', 'conflict.if-match-required', 'Send the If-Match header with the version you edited.', [{ path: 'headers.if-match', message: 'is required' }]);
  }
  return expected;
}

const withBridge = (w: ServiceWaitView) => ({ ...w, bridgePlan: bridgePlanRequirement(w.current.days) });

export const referralRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Referrals'];

  app.get('/patients/:id/referrals', { schema: { tags, summary: "A patient's referrals with status history, step deadline and bridge plan", params: IdParams, response: { 200: ReferralList, ...errorResponses } } }, async (request) =>
    listReferrals(ctx, request, request.params.id),
  );

  app.post(
    '/patients/:id/referrals',
    { attachValidation: true, schema: { tags, summary: 'Send a referral (a bridge plan is required when the service has a wait)', params: IdParams, body: NewReferralBody, response: { 201: Referral, ...errorResponses } } },
    async (request, reply) => {
      const view = await createReferral(ctx, request, request.params.id, request.body);
      void reply.status(201).header('etag', etag(view.version));
      return view;
    },
  );

  app.get('/referrals/:id', { schema: { tags, summary: 'One referral', params: IdParams, response: { 200: Referral, ...errorResponses } } }, async (request, reply) => {
    const view = await readReferral(ctx, request, request.params.id);
    void reply.header('etag', etag(view.version));
    return view;
  });

  app.post(
    '/referrals/:id/status',
    { attachValidation: true, schema: { tags, summary: 'Record the next step, with its date (If-Match required)', params: IdParams, headers: IfMatchHeaders, body: StatusBody, response: { 200: Referral, ...errorResponses } } },
    async (request, reply) => {
      const expected = requireIfMatch(request.headers['if-match']);
      const view = await changeReferralStatus(ctx, request, request.params.id, expected, request.body);
      void reply.header('etag', etag(view.version));
      return view;
    },
  );

  app.put(
    '/referrals/:id/bridge-plan',
    { attachValidation: true, schema: { tags, summary: 'Change the bridge plan (If-Match required)', params: IdParams, headers: IfMatchHeaders, body: BridgePlanBody, response: { 200: Referral, ...errorResponses } } },
    async (request, reply) => {
      const expected = requireIfMatch(request.headers['if-match']);
      const view = await changeBridgePlan(ctx, request, request.params.id, expected, request.body.bridgePlan);
      void reply.header('etag', etag(view.version));
      return view;
    },
  );

  app.get('/service-waits', { schema: { tags, summary: "Each service's expected wait: entered, learned from past referrals, and the current figure", response: { 200: Type.Object({ items: Type.Array(ServiceWait) }), ...errorResponses } } }, async (request) => {
    const actor = requireStaff(request);
    return { items: (await allServiceWaits(ctx.db, actor.orgId, ctx.clock())).map(withBridge) };
  });

  app.put(
    '/service-waits/:service',
    { schema: { tags, summary: 'Enter the current wait for a service', params: Type.Object({ service: StringEnum(REFERRAL_SERVICES) }, { additionalProperties: false }), body: ServiceWaitBody, response: { 200: ServiceWait, ...errorResponses } } },
    async (request) => {
      const actor = requireStaff(request);
      const asOf = ctx.clock();
      await ctx.db.transaction(async (tx) => {
        const row = await upsertServiceWait(tx, { orgId: actor.orgId, service: request.params.service, waitDays: request.body.waitDays, note: request.body.note?.trim() || null, enteredBy: actor.userId, enteredAt: asOf });
        await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'ServiceWait', resourceId: `${row.service}` })]);
      });
      return withBridge(await serviceWait(ctx.db, actor.orgId, request.params.service, asOf));
    },
  );
};
