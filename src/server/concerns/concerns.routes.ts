/** REST routes for concerns: list, record, add a conversation, set the plan, close (400 listing what is missing), reopen. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { errorResponses, etag, IdParams, parseIfMatch } from '../schemas';
import { ConcernList, ConcernSchema, ConversationBody, CreateConcernBody, PlanBody } from './concerns.schema';
import { changeConcern, CONCERN_CHOICES, listConcerns, presentConcern, recordConcern } from './concerns.service';

const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String()) });
const EmptyBody = Type.Optional(Type.Object({}, { additionalProperties: false }));

function requireIfMatch(header: string | undefined): number {
  const expected = parseIfMatch(header);
  if (expected === undefined) {
    throw new AppError('precondition-required', 'conflict.if-match-required', 'Send the If-Match header with the version you edited.', [{ path: 'headers.if-match', message: 'is required' }]);
  }
  return expected;
}

export const concernRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Concerns'];
  const headers = IfMatchHeaders;
  const response = { 200: ConcernSchema, ...errorResponses };

  app.get('/patients/:id/concerns', { schema: { tags, summary: "A patient's concerns, newest first, with the choices for kinds and plan steps", params: IdParams, response: { 200: ConcernList, ...errorResponses } } }, async (request) => ({
    items: (await listConcerns(ctx, request, request.params.id)).map(presentConcern),
    ...CONCERN_CHOICES,
  }));

  app.post('/patients/:id/concerns', { schema: { tags, summary: 'Record a concern (an event that calls for a conversation, never a verdict)', params: IdParams, body: CreateConcernBody, response: { 201: ConcernSchema, ...errorResponses } } }, async (request, reply) => {
    const row = await recordConcern(ctx, request, request.params.id, request.body);
    void reply.status(201).header('etag', etag(row.version));
    return presentConcern(row);
  });

  app.post('/concerns/:id/conversations', { schema: { tags, summary: 'Add the conversation you had (If-Match)', params: IdParams, headers, body: ConversationBody, response } }, async (request, reply) => {
    const row = await changeConcern(ctx, request, request.params.id, requireIfMatch(request.headers['if-match']), { type: 'add-conversation', ...request.body });
    void reply.header('etag', etag(row.version));
    return presentConcern(row);
  });

  app.put('/concerns/:id/plan', { schema: { tags, summary: 'Set the plan you agreed (If-Match)', params: IdParams, headers, body: PlanBody, response } }, async (request, reply) => {
    const row = await changeConcern(ctx, request, request.params.id, requireIfMatch(request.headers['if-match']), { type: 'set-plan', ...request.body });
    void reply.header('etag', etag(row.version));
    return presentConcern(row);
  });

  app.post('/concerns/:id/close', { schema: { tags, summary: 'Close (If-Match): rejected with 400 listing what is missing until a conversation and a plan are recorded', params: IdParams, headers, body: EmptyBody, response } }, async (request, reply) => {
    const row = await changeConcern(ctx, request, request.params.id, requireIfMatch(request.headers['if-match']), { type: 'close' });
    void reply.header('etag', etag(row.version));
    return presentConcern(row);
  });

  app.post('/concerns/:id/reopen', { schema: { tags, summary: 'Reopen (If-Match) when something new comes up', params: IdParams, headers, body: EmptyBody, response } }, async (request, reply) => {
    const row = await changeConcern(ctx, request, request.params.id, requireIfMatch(request.headers['if-match']), { type: 'reopen' });
    void reply.header('etag', etag(row.version));
    return presentConcern(row);
  });
};
