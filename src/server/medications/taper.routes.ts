/** REST routes for taper plans: preview a schedule, save it with the patient's agreement, read it, record doses taken. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { completedResponses } from '../../db/repositories/measures.repository';
import { listTaperPlans } from '../../db/repositories/taper-plans.repository';
import type { InstrumentScore } from '../../domain/measures/types';
import { auditFrom } from '../auth/actor';
import type { AppContext } from '../context';
import { errorResponses, etag, IsoDate, StringEnum, Uuid } from '../schemas';
import { authoriseMedications } from './medications-access';
import { actualDosesFor, loadTaperPlan, presentTaperPlan, previewTaper, recordActualDose, saveTaper } from './taper.service';

const PatientParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const PlanParams = Type.Object({ id: Uuid, planId: Uuid }, { additionalProperties: false });
const Pace = Type.Object(
  {
    every: Type.Union([Type.Object({ days: Type.Integer({ minimum: 1, maximum: 180 }) }, { additionalProperties: false }), Type.Object({ months: Type.Integer({ minimum: 1, maximum: 6 }) }, { additionalProperties: false })]),
    cut: Type.Object({ percent: Type.Number({ exclusiveMinimum: 0, maximum: 50 }), of: StringEnum(['original', 'current'] as const) }, { additionalProperties: false }),
    label: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false, description: 'A custom pace; leave out for the reference pace. Faster than the reference is allowed but flagged.' },
);
const planFields = {
  startDate: IsoDate,
  pace: Type.Optional(Pace),
  pauses: Type.Optional(Type.Array(Type.Object({ afterStep: Type.Integer({ minimum: 1, maximum: 500 }), days: Type.Integer({ minimum: 1, maximum: 365 }) }, { additionalProperties: false }), { maxItems: 50 })),
  durationOfUseDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 36500 })),
  lifeThreateningReason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
};
const PreviewBody = Type.Object(planFields, { additionalProperties: false });
const SaveBody = Type.Object({ ...planFields, patientAgreement: Type.String({ minLength: 1, maxLength: 4000, description: "The patient's agreement, in their own words" }), naloxoneOffered: Type.Boolean() }, { additionalProperties: false });
const DoseBody = Type.Object({ takenOn: IsoDate, mmePerDay: Type.Number({ minimum: 0, maximum: 10000 }), note: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false });

export const taperRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Medications'];

  app.post(
    '/patients/:id/medications/taper-plans/preview',
    { attachValidation: true, schema: { tags, summary: 'Build a taper schedule from the current regimen (nothing is stored)', params: PatientParams, body: PreviewBody, response: { 200: Type.Unknown({ description: 'TaperPlan (src/domain/opioids/taper.ts)' }), ...errorResponses } } },
    async (request) => previewTaper(ctx, request, request.params.id, request.body),
  );

  app.post(
    '/patients/:id/medications/taper-plans',
    { attachValidation: true, schema: { tags, summary: "Save a taper plan with the patient's agreement; raises the monthly follow-up tasks", params: PatientParams, body: SaveBody, response: { 201: Type.Unknown(), ...errorResponses } } },
    async (request, reply) => {
      const row = await saveTaper(ctx, request, request.params.id, request.body);
      void reply.status(201).header('etag', etag(row.version));
      return presentTaperPlan(row, []);
    },
  );

  app.get(
    '/patients/:id/medications/taper-plans',
    { schema: { tags, summary: 'Taper plans, newest first', params: PatientParams, response: { 200: Type.Unknown(), ...errorResponses } } },
    async (request) => {
      const { patient } = await authoriseMedications(ctx, request, request.params.id, 'read');
      const rows = await listTaperPlans(ctx.db, patient.orgId, patient.id);
      await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'TaperPlan', resourceId: patient.id, patientId: patient.id }));
      return { items: rows.map((r) => presentTaperPlan(r, [])) };
    },
  );

  app.get(
    '/patients/:id/medications/taper-plans/:planId',
    { schema: { tags, summary: 'A taper plan with the doses actually taken and PEG beside them (for the chart)', params: PlanParams, response: { 200: Type.Unknown(), ...errorResponses } } },
    async (request) => {
      const { patient, row } = await loadTaperPlan(ctx, request, request.params.id, request.params.planId, 'read');
      const [actual, responses] = await Promise.all([actualDosesFor(ctx.db, patient.orgId, row.id), completedResponses(ctx.db, patient.orgId, patient.id, ['peg'])]);
      await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'TaperPlan', resourceId: row.id, patientId: patient.id }));
      return { ...presentTaperPlan(row, actual), peg: responses.map((r) => ({ authoredOn: r.authoredAt.toISOString().slice(0, 10), total: (r.score as InstrumentScore).total })) };
    },
  );

  app.post(
    '/patients/:id/medications/taper-plans/:planId/actual-doses',
    { attachValidation: true, schema: { tags, summary: 'Record the dose actually taken (MME/day) at a follow-up', params: PlanParams, body: DoseBody, response: { 201: Type.Unknown(), ...errorResponses } } },
    async (request, reply) => {
      const dose = await recordActualDose(ctx, request, request.params.id, request.params.planId, request.body);
      void reply.status(201);
      return dose;
    },
  );
};
