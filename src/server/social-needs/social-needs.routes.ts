/**
 * Social needs per patient: list (with the suggestions they lead to, and where they matter) and record one
 * kind (active or resolved). Writes are one transaction with their audit event; a change to an existing
 * need needs If-Match with its version.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { SOCIAL_NEED_KINDS, SOCIAL_NEED_LABELS, suggestionsForNeeds, type SocialNeedKind } from '../../domain/social-needs/needs';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import { getNeed, insertNeed, needsForPatient, updateNeed, type SocialNeedRow } from '../../db/repositories/social-needs.repository';
import { auditFrom, requireStaff } from '../auth/actor';
import { authorisePatient } from '../access/access.service';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { errorResponses, etag, Nullable, parseIfMatch, StringEnum, Uuid } from '../schemas';

const S = Type.String();
const Need = Type.Object({ id: S, kind: S, label: S, active: Type.Boolean(), note: Nullable(S), version: Type.Integer(), updatedAt: S });
const Suggestion = Type.Object({ code: S, need: S, contexts: Type.Array(S), suggestion: S, why: S });
const NeedList = Type.Object({ items: Type.Array(Need), suggestions: Type.Array(Suggestion) });

const presentNeed = (r: SocialNeedRow) => ({ id: r.id, kind: r.kind, label: SOCIAL_NEED_LABELS[r.kind as SocialNeedKind] ?? r.kind, active: r.active, note: r.note, version: r.version, updatedAt: r.updatedAt.toISOString() });

function listView(rows: SocialNeedRow[]) {
  return {
    items: rows.map(presentNeed),
    suggestions: suggestionsForNeeds(rows.map((r) => ({ kind: r.kind as SocialNeedKind, active: r.active, note: r.note }))).map((s) => ({ ...s, contexts: [...s.contexts] })),
  };
}

export const socialNeedsRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Social needs'];

  app.get('/patients/:id/social-needs', { schema: { tags, summary: "A patient's social needs and what they suggest", params: Type.Object({ id: Uuid }, { additionalProperties: false }), response: { 200: NeedList, ...errorResponses } } }, async (request) => {
    const { patient } = await authorisePatient(ctx, request, request.params.id, { action: 'read', category: 'general' });
    const rows = await needsForPatient(ctx.db, patient.orgId, patient.id);
    await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'SocialNeed', patientId: patient.id, resourceId: patient.id }));
    return listView(rows);
  });

  app.put(
    '/patients/:id/social-needs/:kind',
    {
      schema: {
        tags,
        summary: 'Record one social need (If-Match with its version when it already exists)',
        params: Type.Object({ id: Uuid, kind: StringEnum(SOCIAL_NEED_KINDS) }, { additionalProperties: false }),
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: Type.Object({ active: Type.Boolean(), note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))) }, { additionalProperties: false }),
        response: { 200: Need, 201: Need, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireStaff(request);
      const { patient } = await authorisePatient(ctx, request, request.params.id, { action: 'write', category: 'general' });
      const existing = await getNeed(ctx.db, patient.orgId, patient.id, request.params.kind);
      const expected = parseIfMatch(request.headers['if-match']);
      if (existing && expected === undefined) {
        throw new AppError('precondition-required', 'conflict.if-match-required', 'Send the If-Match header with the version you edited.', [{ path: 'headers.if-match', message: 'is required' }]);
      }
      const stale = new AppError('precondition-failed', 'conflict.stale-version', 'Someone else changed this need first. Reload to see their change.');
      if (existing && existing.version !== expected) throw stale;
      const asOf = ctx.clock();
      const note = request.body.note?.trim() || null;
      const row = await ctx.db.transaction(async (tx) => {
        const saved = existing
          ? await updateNeed(tx, existing.id, existing.version, { active: request.body.active, note, recordedBy: actor.userId }, asOf)
          : await insertNeed(tx, { orgId: patient.orgId, patientId: patient.id, kind: request.params.kind, active: request.body.active, note, recordedBy: actor.userId, createdAt: asOf, updatedAt: asOf });
        if (!saved) throw stale;
        await appendAuditEvents(tx, [auditFrom(request, asOf, { action: existing ? 'update' : 'create', resourceType: 'SocialNeed', resourceId: saved.id, patientId: patient.id, reason: `${saved.kind}:${saved.active ? 'active' : 'resolved'}` })]);
        return saved;
      });
      void reply.status(existing ? 200 : 201).header('etag', etag(row.version));
      return presentNeed(row);
    },
  );
};
