/**
 * Administration: scoped, revocable API tokens for system clients (an EHR), and verification of the
 * audit chain. For administrators and clinic leads.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { API_TOKEN_SCOPES } from '../../domain/access/patient-access';
import { apiTokens } from '../../db/schema';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import { auditFrom, requireUser, sha256 } from '../auth/actor';
import { verifyStoredChain } from '../audit/audit-verify';
import type { AppContext } from '../context';
import { notFound } from '../errors';
import { errorResponses, IdParams, StringEnum } from '../schemas';

const ADMIN_ROLES = ['administrator', 'clinic_lead'] as const;

const TokenItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  tokenPrefix: Type.String(),
  scopes: Type.Array(Type.String()),
  createdAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});

const CreateTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 100 }),
    scopes: Type.Array(StringEnum(API_TOKEN_SCOPES), { minItems: 1, uniqueItems: true }),
  },
  { additionalProperties: false },
);

function present(row: typeof apiTokens.$inferSelect) {
  return {
    id: row.id,
    name: row.name,
    tokenPrefix: row.tokenPrefix,
    scopes: row.scopes,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

export const adminRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Administration'];

  app.get('/api-tokens', { schema: { tags, summary: 'API tokens of your clinic', response: { 200: Type.Object({ items: Type.Array(TokenItem) }), ...errorResponses } } }, async (request) => {
    const actor = requireUser(request, ADMIN_ROLES);
    const rows = await ctx.db.select().from(apiTokens).where(eq(apiTokens.orgId, actor.orgId)).orderBy(desc(apiTokens.createdAt));
    return { items: rows.map(present) };
  });

  app.post(
    '/api-tokens',
    { schema: { tags, summary: 'Create an API token (the secret is shown once)', body: CreateTokenBody, response: { 201: Type.Object({ token: Type.String(), item: TokenItem }), ...errorResponses } } },
    async (request, reply) => {
      const actor = requireUser(request, ADMIN_ROLES);
      const token = `pp_${randomBytes(24).toString('base64url')}`;
      const asOf = ctx.clock();
      const row = await ctx.db.transaction(async (tx) => {
        const rows = await tx
          .insert(apiTokens)
          .values({ orgId: actor.orgId, name: request.body.name.trim(), tokenHash: sha256(token), tokenPrefix: token.slice(0, 8), scopes: request.body.scopes, createdBy: actor.userId, createdAt: asOf })
          .returning();
        const created = rows[0] as typeof apiTokens.$inferSelect;
        await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'ApiToken', resourceId: created.id, reason: created.scopes.join(' ') })]);
        return created;
      });
      void reply.status(201);
      return { token, item: present(row) };
    },
  );

  app.delete('/api-tokens/:id', { schema: { tags, summary: 'Revoke an API token', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    const actor = requireUser(request, ADMIN_ROLES);
    const asOf = ctx.clock();
    await ctx.db.transaction(async (tx) => {
      const rows = await tx
        .update(apiTokens)
        .set({ revokedAt: asOf })
        .where(and(eq(apiTokens.id, request.params.id), eq(apiTokens.orgId, actor.orgId), isNull(apiTokens.revokedAt)))
        .returning();
      if (rows.length === 0) throw notFound('An active API token with this id');
      await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'revoke', resourceType: 'ApiToken', resourceId: request.params.id })]);
    });
    app.forgetApiTokens();
    return reply.status(204).send(null);
  });

  app.get(
    '/audit/verify',
    {
      schema: {
        tags,
        summary: 'Verify the whole audit chain and report the first broken link',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            checked: Type.Integer(),
            firstBroken: Type.Union([Type.Object({ seq: Type.Integer(), problem: Type.String() }), Type.Null()]),
            headMatches: Type.Boolean(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      requireUser(request, ADMIN_ROLES);
      const result = await verifyStoredChain(ctx.db);
      await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'verify', resourceType: 'AuditLog', reason: result.ok ? `ok, ${result.checked} events` : `broken at ${result.firstBroken?.seq}` }));
      return result;
    },
  );
};
