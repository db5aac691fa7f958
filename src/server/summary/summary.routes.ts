/** The pre-visit summary as JSON and as a one-page PDF: staff on the care team (or break-glass), audited. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { auditFrom, requireStaff } from '../auth/actor';
import type { AppContext } from '../context';
import { authoriseMeasures } from '../measures/measures-access';
import { LabelledChangeSchema } from '../measures/measures.schema';
import { errorResponses, IdParams, Nullable } from '../schemas';
import { buildSummary } from './summary.service';

const S = Type.String();
const NS = Nullable(Type.String());

const SummarySchema = Type.Object({
  patient: Type.Object({
    id: S,
    name: S,
    age: Type.Integer(),
    sex: S,
    pronouns: NS,
    mrn: S,
    preferredLanguage: S,
    interpreterNeeded: Type.Boolean(),
  }),
  generatedAt: S,
  safety: Type.Array(
    Type.Object({ kind: S, title: S, detail: S, urgency: S, at: NS, taskId: NS, taskStatus: NS }, { description: 'Safety items (PHQ-9 item 9) and red flags, first' }),
  ),
  chronicity: Nullable(Type.Object({ category: S, text: S, months: Type.Integer(), onset: S, from: S, source: S, note: NS })),
  intake: Nullable(Type.Object({ id: S, status: S, sentAt: S, submittedAt: NS })),
  story: Type.Object({
    sentences: Type.Array(S),
    regions: Type.Array(Type.Object({ id: S, label: S })),
    character: Type.Array(S),
    impact: Type.Array(Type.Object({ area: S, label: S, value: Type.Number() })),
    tried: Type.Array(Type.Object({ treatment: S, helped: S, sideEffects: NS })),
    fears: NS,
    hopes: NS,
  }),
  scores: Type.Array(
    Type.Object({
      instrumentId: S,
      title: S,
      at: S,
      total: Nullable(Type.Number()),
      band: Nullable(Type.Object({ code: S, label: S })),
      subscales: Type.Record(S, Type.Number()),
      text: S,
      change: Nullable(LabelledChangeSchema),
      changeText: S,
      previousAt: NS,
      changeFromBaseline: Nullable(LabelledChangeSchema),
      baselineAt: NS,
    }),
  ),
  activities: Type.Array(Type.Object({ name: S, score: Type.Number(), at: S, change: Nullable(LabelledChangeSchema), text: S })),
  assessment: Nullable(Type.Object({ mechanism: S, irritability: S, comorbidities: Type.Array(S), onsetDate: NS, notes: NS, assessedAt: S })),
});

export const summaryRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Summary'];

  app.get(
    '/patients/:id/summary',
    { schema: { tags, summary: 'The pre-visit summary: safety and red flags first, story, scores with change, activities, assessment', params: IdParams, response: { 200: SummarySchema, ...errorResponses } } },
    async (request) => {
      requireStaff(request);
      const { patient, decision } = await authoriseMeasures(ctx, request, request.params.id, 'read');
      const summary = await buildSummary(ctx, patient);
      await ctx.audit.record(
        auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'PreVisitSummary', resourceId: patient.id, patientId: patient.id, reason: decision.basis === 'break-glass' ? 'emergency access (break the glass)' : null }),
      );
      return summary;
    },
  );

  app.get(
    '/patients/:id/summary.pdf',
    {
      schema: {
        tags,
        summary: 'The pre-visit summary as a one-page PDF',
        params: IdParams,
        produces: ['application/pdf'],
        response: { 200: Type.String({ format: 'binary', description: 'application/pdf' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      requireStaff(request);
      const { patient, decision } = await authoriseMeasures(ctx, request, request.params.id, 'read');
      // Loaded on first use: @react-pdf/renderer adds about 45 MB to a server that never prints (docs/architecture.md).
      const { renderSummaryPdf } = await import('./summary.pdf');
      const pdf = await renderSummaryPdf(await buildSummary(ctx, patient));
      await ctx.audit.record(
        auditFrom(request, ctx.clock(), {
          action: 'read',
          resourceType: 'PreVisitSummary',
          resourceId: patient.id,
          patientId: patient.id,
          reason: ['PDF', decision.basis === 'break-glass' ? 'emergency access (break the glass)' : null].filter(Boolean).join('; '),
        }),
      );
      const date = ctx.clock().toISOString().slice(0, 10);
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="pre-visit-summary-${patient.mrn.replace(/[^A-Za-z0-9_-]/g, '_')}-${date}.pdf"`)
        .send(pdf);
    },
  );
};
