/** REST routes for PDMP checks, benefit/risk reviews, urine drug tests, recorded risk factors and the clinic factor set. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { getClinicOpioidSettings } from '../../db/repositories/medications.repository';
import { requireStaff } from '../auth/actor';
import type { AppContext } from '../context';
import { errorResponses, etag, Uuid } from '../schemas';
import { PdmpBody, ReviewBody, SettingsBody, UdsBody } from './medications.schema';
import { requireIfMatch } from './medications.routes';
import { recordPdmpCheck, recordReview, recordUrineTest, saveFactorSet, saveRiskFactors } from './opioid-monitoring.service';

const PatientParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const IfMatch = Type.Object({ 'if-match': Type.Optional(Type.String()) });
const RiskHistoryBody = Type.Object(
  {
    overdose: Type.Optional(Type.Boolean()),
    substanceUseDisorder: Type.Optional(Type.Boolean()),
    opioidUseDisorder: Type.Optional(Type.Boolean()),
    sleepDisorderedBreathing: Type.Optional(Type.Boolean()),
    recentTaperOrStop: Type.Optional(Type.Boolean()),
    recentReleaseFromPrison: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, description: 'Each true or false; leave a key out for "not recorded"' },
);

export const opioidMonitoringRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Medications'];

  app.post(
    '/patients/:id/medications/pdmp-checks',
    { attachValidation: true, schema: { tags, summary: 'Record a PDMP check: when, and what was found', params: PatientParams, body: PdmpBody, response: { 201: Type.Unknown(), ...errorResponses } } },
    async (request, reply) => {
      const check = await recordPdmpCheck(ctx, request, request.params.id, request.body);
      void reply.status(201);
      return check;
    },
  );

  app.post(
    '/patients/:id/medications/reviews',
    { attachValidation: true, schema: { tags, summary: 'Record a benefit and risk review of opioid therapy', params: PatientParams, body: ReviewBody, response: { 201: Type.Unknown(), ...errorResponses } } },
    async (request, reply) => {
      const review = await recordReview(ctx, request, request.params.id, request.body);
      void reply.status(201);
      return review;
    },
  );

  app.post(
    '/patients/:id/medications/urine-tests',
    {
      attachValidation: true,
      schema: {
        tags,
        summary: 'Enter a urine drug test result; it is reconciled against the medication list and anything not expected raises a conversation task',
        params: PatientParams,
        body: UdsBody,
        response: { 201: Type.Unknown(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const test = await recordUrineTest(ctx, request, request.params.id, request.body);
      void reply.status(201);
      return test;
    },
  );

  app.put(
    '/patients/:id/medications/risk-factors',
    { attachValidation: true, schema: { tags, summary: 'Record the risk factors the risk review reads (If-Match: the stored version, W/"0" when none)', params: PatientParams, headers: IfMatch, body: RiskHistoryBody, response: { 200: Type.Unknown(), ...errorResponses } } },
    async (request, reply) => {
      const expected = requireIfMatch(request.headers['if-match']);
      const saved = await saveRiskFactors(ctx, request, request.params.id, expected, request.body);
      void reply.header('etag', etag(saved.version));
      return saved;
    },
  );

  app.get(
    '/clinic/opioid-settings',
    { schema: { tags, summary: "The clinic's factor set (CDC 2022 by default) and the other opioid settings", response: { 200: Type.Unknown(), ...errorResponses } } },
    async (request, reply) => {
      const actor = requireStaff(request);
      const stored = await getClinicOpioidSettings(ctx.db, actor.orgId);
      void reply.header('etag', etag(stored.version));
      return stored;
    },
  );

  app.put(
    '/clinic/opioid-settings',
    { schema: { tags, summary: 'Choose the factor set (clinic lead or administrator; If-Match)', headers: IfMatch, body: SettingsBody, response: { 200: Type.Unknown(), ...errorResponses } } },
    async (request, reply) => {
      const expected = requireIfMatch(request.headers['if-match']);
      const saved = await saveFactorSet(ctx, request, expected, request.body.factorSet);
      void reply.header('etag', etag(saved.version));
      return saved;
    },
  );
};
