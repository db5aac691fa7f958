/**
 * REST routes for the intake (docs/intake-and-measures.md, "Server"): send, to-dos, read, save a page,
 * submit, and the clinic's intake template.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { intakesFor } from '../../db/repositories/intake.repository';
import { responsesForIntake } from '../../db/repositories/measures.repository';
import { auditFrom, requireStaff } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { authoriseMeasures } from '../measures/measures-access';
import { errorResponses, etag, IdParams, parseIfMatch } from '../schemas';
import { savePage } from './intake-pages.service';
import { IfMatchHeaders, IntakeSchema, PageBody, PageParams, SendIntakeBody, TemplateBody, TemplateSchema, TemplatesResponse, TodoList, TodoQuery } from './intake.schema';
import { listTodos, presentIntake, readIntake, sendIntake, submitIntake } from './intake.service';
import { listTemplates, presentTemplate, saveTemplate } from './intake-templates.service';

function requireIfMatch(request: FastifyRequest): number {
  const expected = parseIfMatch(request.headers['if-match']);
  if (expected === undefined) {
    throw new AppError('precondition-required', 'conflict.if-match-required', 'Send the If-Match header with the version you edited (the ETag you read).', [
      { path: 'headers.if-match', message: 'is required' },
    ]);
  }
  return expected;
}

export const intakeRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Intake'];

  app.post(
    '/patients/:id/intakes',
    {
      // The body is optional: no body means the clinic's current template.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: { tags, summary: 'Send an intake to the patient (it shows as a to-do)', params: IdParams, body: SendIntakeBody, response: { 201: IntakeSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const row = await sendIntake(ctx, request, request.params.id, request.body?.templateId);
      void reply.status(201).header('etag', etag(row.version)).header('location', `/api/v1/intakes/${row.id}`);
      return presentIntake(row, []);
    },
  );

  app.get(
    '/patients/:id/intakes',
    { schema: { tags, summary: "A patient's intakes, newest first", params: IdParams, response: { 200: Type.Object({ items: Type.Array(IntakeSchema) }), ...errorResponses } } },
    async (request) => {
      requireStaff(request);
      const { patient } = await authoriseMeasures(ctx, request, request.params.id, 'read');
      const rows = await intakesFor(ctx.db, patient.orgId, patient.id);
      const items = [];
      for (const row of rows) items.push(presentIntake(row, await responsesForIntake(ctx.db, row.orgId, row.id)));
      await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'Intake', resourceId: patient.id, patientId: patient.id, reason: `${rows.length} intakes` }));
      return { items };
    },
  );

  app.get(
    '/me/todos',
    { schema: { tags: ['Portal'], summary: 'What the person has been asked to fill in (a caregiver sees those they help with check-ins)', querystring: TodoQuery, response: { 200: TodoList, ...errorResponses } } },
    async (request) => listTodos(ctx, request, request.query.patientId),
  );

  app.get('/intakes/:id', { schema: { tags, summary: 'Read an intake (resume at currentPage)', params: IdParams, response: { 200: IntakeSchema, ...errorResponses } } }, async (request, reply) => {
    const intake = await readIntake(ctx, request, request.params.id);
    void reply.header('etag', etag(intake.version));
    return intake;
  });

  app.put(
    '/intakes/:id/pages/:pageId',
    {
      schema: {
        tags,
        summary: 'Save one page (If-Match). PHQ-9 item 9 > 0 raises a same-day safety task and returns crisis resources; a red-flag yes raises an urgent task.',
        params: PageParams,
        headers: IfMatchHeaders,
        body: PageBody,
        response: { 200: IntakeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const expected = requireIfMatch(request);
      const intake = await savePage(ctx, request, request.params.id, request.params.pageId, expected, request.body.value);
      void reply.header('etag', etag(intake.version));
      return intake;
    },
  );

  app.post(
    '/intakes/:id/submit',
    { schema: { tags, summary: 'Send the finished intake to the care team (409 lists pages still to answer)', params: IdParams, response: { 200: IntakeSchema, ...errorResponses } } },
    async (request, reply) => {
      const intake = await submitIntake(ctx, request, request.params.id);
      void reply.header('etag', etag(intake.version));
      return intake;
    },
  );

  app.get(
    '/intake-templates',
    { schema: { tags: ['Clinic'], summary: "The clinic's intake template (which pages are hidden) and its history", response: { 200: TemplatesResponse, ...errorResponses } } },
    async (request, reply) => {
      const result = await listTemplates(ctx, request);
      void reply.header('etag', etag(result.current.templateVersion));
      return result;
    },
  );

  app.put(
    '/intake-templates/current',
    {
      schema: {
        tags: ['Clinic'],
        summary: 'Hide or show intake pages (If-Match). PEG, PHQ-2 and red flags are always asked; questions are never editable.',
        headers: IfMatchHeaders,
        body: TemplateBody,
        response: { 200: TemplateSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const expected = requireIfMatch(request);
      const saved = await saveTemplate(ctx, request, expected, request.body.hidden);
      void reply.header('etag', etag(saved.template.templateVersion));
      return presentTemplate(saved);
    },
  );
};
