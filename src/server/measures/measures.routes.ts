/**
 * REST routes for outcome measures (docs/intake-and-measures.md, "Server"): the instrument catalogue, the
 * anonymous calculator, trajectories, instrument requests and their answers.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { isInstrumentId } from '../../domain/measures/instruments';
import type { Answers } from '../../domain/measures/score';
import { requestsFor } from '../../db/repositories/measures.repository';
import { auditFrom, requireStaff } from '../auth/actor';
import type { AppContext } from '../context';
import { errorResponses, IdParams } from '../schemas';
import { authoriseMeasures } from './measures-access';
import {
  CalculatorBody,
  InstrumentParams,
  InstrumentRequestBody,
  InstrumentRequestSchema,
  InstrumentResponseResult,
  InstrumentSchema,
  InstrumentScoreSchema,
  MeasuresQuery,
  MeasuresResponse,
  ResponseBody,
} from './measures.schema';
import {
  answerInstrumentRequest,
  calculate,
  cancelInstrumentRequest,
  createInstrumentRequest,
  invalid,
  listInstruments,
  patientMeasures,
  presentRequest,
  presentResponse,
} from './measures.service';

export const measuresRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Measures'];

  app.get(
    '/instruments',
    { schema: { tags, summary: 'Every instrument: items, bands, LOINC, source (licence notes for the clinic lead and administrator)', response: { 200: Type.Object({ items: Type.Array(InstrumentSchema) }), ...errorResponses } } },
    async (request) => listInstruments(request),
  );

  app.post(
    '/calculators/instruments/:id/score',
    {
      config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
      schema: {
        tags: ['Calculators'],
        summary: 'Score answers to an instrument. No sign-in; nothing is stored.',
        security: [],
        params: InstrumentParams,
        body: CalculatorBody,
        response: { 200: InstrumentScoreSchema, ...errorResponses },
      },
    },
    async (request) => calculate(request.params.id, request.body.answers as Answers, request.body.context),
  );

  app.get(
    '/patients/:id/measures',
    { schema: { tags, summary: 'Every measure over time, with change labelled against named thresholds', params: IdParams, querystring: MeasuresQuery, response: { 200: MeasuresResponse, ...errorResponses } } },
    async (request) => {
      const only = request.query.instrumentId;
      if (only !== undefined && !isInstrumentId(only)) throw invalid([{ path: 'querystring.instrumentId', message: 'is not a known instrument' }]);
      const { patient, decision } = await authoriseMeasures(ctx, request, request.params.id, 'read');
      const result = await patientMeasures(ctx, patient, only);
      const reason = [only ?? 'all instruments', decision.basis === 'break-glass' ? 'emergency access (break the glass)' : null].filter(Boolean).join('; ');
      await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'Measures', resourceId: patient.id, patientId: patient.id, reason }));
      return result;
    },
  );

  app.post(
    '/patients/:id/instrument-requests',
    { schema: { tags, summary: 'Send an instrument to the patient (again); it shows as a to-do', params: IdParams, body: InstrumentRequestBody, response: { 201: InstrumentRequestSchema, ...errorResponses } } },
    async (request, reply) => {
      const row = await createInstrumentRequest(ctx, request, request.params.id, request.body.instrumentId);
      void reply.status(201).header('location', `/api/v1/instrument-requests/${row.id}`);
      return presentRequest(row);
    },
  );

  app.get(
    '/patients/:id/instrument-requests',
    { schema: { tags, summary: 'Instruments sent to the patient, newest first', params: IdParams, response: { 200: Type.Object({ items: Type.Array(InstrumentRequestSchema) }), ...errorResponses } } },
    async (request) => {
      requireStaff(request);
      const { patient } = await authoriseMeasures(ctx, request, request.params.id, 'read');
      const rows = await requestsFor(ctx.db, patient.orgId, patient.id);
      await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'InstrumentRequest', resourceId: patient.id, patientId: patient.id }));
      return { items: rows.map(presentRequest) };
    },
  );

  app.post(
    '/instrument-requests/:id/cancel',
    { schema: { tags, summary: 'Withdraw an unanswered request', params: IdParams, response: { 200: InstrumentRequestSchema, ...errorResponses } } },
    async (request) => presentRequest(await cancelInstrumentRequest(ctx, request, request.params.id)),
  );

  app.post(
    '/instrument-requests/:id/response',
    {
      schema: {
        tags: ['Portal'],
        summary: 'Answer a requested instrument (the patient, or a caregiver helping with check-ins)',
        params: IdParams,
        body: ResponseBody,
        response: { 201: InstrumentResponseResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await answerInstrumentRequest(ctx, request, request.params.id, request.body.answers as Answers);
      void reply.status(201);
      return { response: presentResponse(result.response), request: presentRequest(result.request), ...(result.crisis ? { crisis: result.crisis } : {}) };
    },
  );
};
