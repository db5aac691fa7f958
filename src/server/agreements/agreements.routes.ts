/** REST routes for agreement templates (clinic lead), patient agreements, signatures, questions and the PDF. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { auditFrom } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { errorResponses, etag, IdParams, parseIfMatch } from '../schemas';
import {
  AgreementList,
  AgreementParams,
  AgreementSchema,
  AnswerBody,
  CreateAgreementBody,
  CreateTemplateBody,
  PatchTemplateBody,
  QuestionBody,
  QuestionParams,
  ReviseAgreementBody,
  SignBody,
  TemplateList,
  TemplateSchema,
} from './agreements.schema';
import { createAgreement, listAgreements, loadAgreement, reviseAgreement, viewAgreement } from './agreements.service';
import { answerAgreementQuestion, askQuestion, signAgreement } from './signing.service';
import { changeTemplate, createTemplate, listTemplates, PLACEHOLDER_LIST, presentTemplate } from './templates.service';

const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String()) });

function requireIfMatch(header: string | undefined): number {
  const expected = parseIfMatch(header);
  if (expected === undefined) {
    throw new AppError('precondition-required', 'conflict.if-match-required', 'Send the If-Match header with the version you edited.', [{ path: 'headers.if-match', message: 'is required' }]);
  }
  return expected;
}

export const agreementRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Agreements'];

  app.get('/agreement-templates', { schema: { tags, summary: "The clinic's agreement templates (Painpath's default is added for a clinic with none)", response: { 200: TemplateList, ...errorResponses } } }, async (request) => {
    const rows = await listTemplates(ctx, request);
    return { items: rows.map(presentTemplate), placeholders: PLACEHOLDER_LIST };
  });

  app.post('/agreement-templates', { schema: { tags, summary: 'Create a template (clinic lead); the reading grade is computed here', body: CreateTemplateBody, response: { 201: TemplateSchema, ...errorResponses } } }, async (request, reply) => {
    const row = await createTemplate(ctx, request, request.body);
    void reply.status(201).header('etag', etag(row.version));
    return presentTemplate(row);
  });

  app.patch(
    '/agreement-templates/:id',
    { schema: { tags, summary: 'Edit a template (clinic lead, If-Match). Agreements already made keep their text.', params: IdParams, headers: IfMatchHeaders, body: PatchTemplateBody, response: { 200: TemplateSchema, ...errorResponses } } },
    async (request, reply) => {
      const row = await changeTemplate(ctx, request, request.params.id, requireIfMatch(request.headers['if-match']), request.body);
      void reply.header('etag', etag(row.version));
      return presentTemplate(row);
    },
  );

  app.get('/patients/:id/agreements', { schema: { tags, summary: "A patient's agreements, newest first, with every version, signature and question", params: IdParams, response: { 200: AgreementList, ...errorResponses } } }, async (request) => ({
    items: await listAgreements(ctx, request, request.params.id),
  }));

  app.post(
    '/patients/:id/agreements',
    { schema: { tags, summary: 'Create an agreement from a template (prescriber); goals come from the latest PSFS unless given; a review reminder task is created', params: IdParams, body: CreateAgreementBody, response: { 201: AgreementSchema, ...errorResponses } } },
    async (request, reply) => {
      const view = await createAgreement(ctx, request, request.params.id, request.body);
      void reply.status(201).header('etag', etag(view.version));
      return view;
    },
  );

  app.get('/agreements/:id', { schema: { tags, summary: 'One agreement', params: AgreementParams, response: { 200: AgreementSchema, ...errorResponses } } }, async (request, reply) => {
    const { row } = await loadAgreement(ctx, request, request.params.id, 'read');
    await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'Agreement', resourceId: row.id, patientId: row.patientId }));
    void reply.header('etag', etag(row.version));
    return viewAgreement(ctx, row);
  });

  app.post(
    '/agreements/:id/versions',
    { schema: { tags, summary: 'Revise: a new version that both sides sign again (prescriber, If-Match); never an edit of a signed text', params: AgreementParams, headers: IfMatchHeaders, body: ReviseAgreementBody, response: { 201: AgreementSchema, ...errorResponses } } },
    async (request, reply) => {
      const view = await reviseAgreement(ctx, request, request.params.id, requireIfMatch(request.headers['if-match']), request.body);
      void reply.status(201).header('etag', etag(view.version));
      return view;
    },
  );

  app.post(
    '/agreements/:id/signatures',
    { schema: { tags, summary: 'Sign the current version: the patient (portal) or a prescriber; send the version number and the text hash you read', params: AgreementParams, body: SignBody, response: { 201: AgreementSchema, ...errorResponses } } },
    async (request, reply) => {
      const view = await signAgreement(ctx, request, request.params.id, request.body);
      void reply.status(201);
      return view;
    },
  );

  app.post('/agreements/:id/questions', { schema: { tags, summary: 'Ask a question about the agreement (recorded with its answer)', params: AgreementParams, body: QuestionBody, response: { 201: AgreementSchema, ...errorResponses } } }, async (request, reply) => {
    const view = await askQuestion(ctx, request, request.params.id, request.body.question);
    void reply.status(201);
    return view;
  });

  app.post(
    '/agreements/:id/questions/:questionId/answer',
    { schema: { tags, summary: 'Answer a question (staff, once)', params: QuestionParams, body: AnswerBody, response: { 200: AgreementSchema, ...errorResponses } } },
    async (request) => answerAgreementQuestion(ctx, request, request.params.id, request.params.questionId, request.body.answer),
  );

  app.get(
    '/agreements/:id/agreement.pdf',
    { schema: { tags, summary: 'The current version as a printable PDF', params: AgreementParams, produces: ['application/pdf'], response: { 200: Type.String({ format: 'binary', description: 'application/pdf' }), ...errorResponses } } },
    async (request, reply) => {
      const { row, authorised } = await loadAgreement(ctx, request, request.params.id, 'read');
      const agreement = await viewAgreement(ctx, row);
      const p = authorised.patient;
      // Loaded on first use: @react-pdf/renderer adds about 45 MB to a server that never prints (docs/architecture.md).
      const { renderAgreementPdf } = await import('./agreement.pdf');
      const pdf = await renderAgreementPdf({ agreement, patientName: `${p.preferredName ?? p.givenName} ${p.familyName}`, mrn: p.mrn, printedAt: ctx.clock().toISOString() });
      await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'Agreement', resourceId: row.id, patientId: row.patientId, reason: 'PDF' }));
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="agreement-${p.mrn.replace(/[^A-Za-z0-9_-]/g, '_')}-v${row.currentVersion}.pdf"`)
        .send(pdf);
    },
  );
};
