/**
 * REST routes for a patient's medications (docs/medications.md): the list with every panel, create, change
 * (If-Match), stop, and reading free-text directions for confirmation.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { describeDosage, directionsQuestions, parseDirections } from '../../domain/opioids';
import { auditFrom, requireStaff } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { errorResponses, etag, parseIfMatch, Uuid } from '../schemas';
import { medicationOverview } from './medication-overview.service';
import { createOrder, stopOrder, updateOrder, type OrderWriteResult } from './medication-orders.service';
import { authoriseMedications } from './medications-access';
import { importMedicationRequests } from './medication-import.service';
import { CreateOrderBody, OrderWrite, ParseBody, ParseResult, StopOrderBody, UpdateOrderBody } from './medications.schema';
import { presentOrder } from './order-input';

const PatientParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const OrderParams = Type.Object({ id: Uuid, orderId: Uuid }, { additionalProperties: false });
const IfMatch = Type.Object({ 'if-match': Type.Optional(Type.String()) });

export function requireIfMatch(header: string | undefined): number {
  const expected = parseIfMatch(header);
  if (expected === undefined) {
    throw new AppError('precondition-required', 'conflict.if-match-required', 'Send the If-Match header with the version you edited.', [{ path: 'headers.if-match', message: 'is required' }]);
  }
  return expected;
}

const present = (result: OrderWriteResult) => ({ order: presentOrder(result.row), abruptChange: result.abruptChange, warnings: result.warnings });

export const medicationRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Medications'];

  app.get(
    '/patients/:id/medications',
    {
      schema: {
        tags,
        summary: 'The medication list with reconciliation suggestions, MME, risk review, monitoring due dates, PDMP checks, urine tests and function beside dose',
        params: PatientParams,
        response: { 200: Type.Unknown({ description: 'MedicationOverview (src/server/medications/medication-overview.service.ts)' }), ...errorResponses },
      },
    },
    async (request) => {
      const { patient, decision } = await authoriseMedications(ctx, request, request.params.id, 'read');
      const overview = await medicationOverview(ctx, patient);
      const reason = decision.basis === 'break-glass' ? 'emergency access (break the glass)' : null;
      await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'MedicationRequest', resourceId: patient.id, patientId: patient.id, reason }));
      return overview;
    },
  );

  app.post(
    '/medications/parse-directions',
    { schema: { tags, summary: 'Read free-text directions into structure for confirmation; ambiguous parts come back as questions, never guessed', body: ParseBody, response: { 200: ParseResult, ...errorResponses } } },
    async (request) => {
      requireStaff(request);
      const { directions, issues } = parseDirections(request.body.text);
      const { text, unparsed, reasonText: _reason, ...dosage } = directions;
      const questions = directionsQuestions(issues);
      return { text, dosage, summary: describeDosage(dosage), unparsed, issues, questions, confirmable: questions.length === 0 };
    },
  );

  app.post(
    '/patients/:id/medications',
    { attachValidation: true, schema: { tags, summary: 'Add a medication order (structured; the free text kept beside it)', params: PatientParams, body: CreateOrderBody, response: { 201: OrderWrite, ...errorResponses } } },
    async (request, reply) => {
      const result = await createOrder(ctx, request, request.params.id, request.body);
      void reply.status(201).header('etag', etag(result.row.version)).header('location', `/api/v1/patients/${request.params.id}/medications/${result.row.id}`);
      return present(result);
    },
  );

  app.post(
    '/patients/:id/medications/import',
    {
      attachValidation: true,
      schema: {
        tags,
        summary: 'Import FHIR R4 MedicationRequests (dryRun to preview); unreadable dosage shapes are reported with their paths, nothing is guessed',
        params: PatientParams,
        body: Type.Object(
          {
            resources: Type.Array(Type.Object({ resourceType: Type.Literal('MedicationRequest') }, { additionalProperties: true, description: 'A FHIR R4 MedicationRequest (read by src/fhir/medication-request.mapper.ts)' }), { minItems: 1, maxItems: 100 }),
            dryRun: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Unknown(), ...errorResponses },
      },
    },
    async (request) => importMedicationRequests(ctx, request, request.params.id, request.body),
  );

  app.patch(
    '/patients/:id/medications/:orderId',
    {
      attachValidation: true,
      schema: {
        tags,
        summary: 'Change an order (If-Match required). A cut or stop faster than the reference bounds needs lifeThreateningReason and is recorded as an abrupt change.',
        params: OrderParams,
        headers: IfMatch,
        body: UpdateOrderBody,
        response: { 200: OrderWrite, ...errorResponses },
      },
    },
    async (request, reply) => {
      const expected = requireIfMatch(request.headers['if-match']);
      const result = await updateOrder(ctx, request, request.params.id, request.params.orderId, expected, request.body);
      void reply.header('etag', etag(result.row.version));
      return present(result);
    },
  );

  app.post(
    '/patients/:id/medications/:orderId/stop',
    {
      attachValidation: true,
      schema: {
        tags,
        summary: 'Stop an order or mark it entered in error (If-Match required); an abrupt stop needs lifeThreateningReason',
        params: OrderParams,
        headers: IfMatch,
        body: StopOrderBody,
        response: { 200: OrderWrite, ...errorResponses },
      },
    },
    async (request, reply) => {
      const expected = requireIfMatch(request.headers['if-match']);
      const result = await stopOrder(ctx, request, request.params.id, request.params.orderId, expected, request.body);
      void reply.header('etag', etag(result.row.version));
      return present(result);
    },
  );
};
