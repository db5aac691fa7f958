/**
 * Caregiver consent, given by the patient: who may help, with what (scopes), until when; revocable at any
 * time. Staff on the care team can see the list (to know who may call on the patient's behalf).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { CAREGIVER_SCOPES, isConsentActive } from '../../domain/access/patient-access';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import { caregiverConsents, users } from '../../db/schema';
import { auditFrom, requireUser } from '../auth/actor';
import { authorisePatient } from '../access/access.service';
import type { AppContext } from '../context';
import { AppError, notFound } from '../errors';
import { errorResponses, IdParams, IsoInstant, Nullable, StringEnum, Uuid } from '../schemas';

const Consent = Type.Object({
  id: Type.String(),
  caregiver: Type.Object({ id: Type.String(), displayName: Type.String(), email: Type.String() }),
  scopes: Type.Array(Type.String()),
  grantedAt: Type.String(),
  expiresAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
  active: Type.Boolean(),
});

const GrantBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 200 }),
    scopes: Type.Array(StringEnum(CAREGIVER_SCOPES), { minItems: 1, uniqueItems: true }),
    expiresAt: Type.Optional(Nullable(IsoInstant)),
  },
  { additionalProperties: false },
);

export const caregiverRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Portal'];

  async function list(orgId: string, patientId: string, asOf: Date) {
    const rows = await ctx.db
      .select({ consent: caregiverConsents, displayName: users.displayName, email: users.email })
      .from(caregiverConsents)
      .innerJoin(users, eq(users.id, caregiverConsents.caregiverUserId))
      .where(and(eq(caregiverConsents.orgId, orgId), eq(caregiverConsents.patientId, patientId)))
      .orderBy(caregiverConsents.grantedAt);
    return rows.map((r) => ({
      id: r.consent.id,
      caregiver: { id: r.consent.caregiverUserId, displayName: r.displayName, email: r.email },
      scopes: r.consent.scopes,
      grantedAt: r.consent.grantedAt.toISOString(),
      expiresAt: r.consent.expiresAt?.toISOString() ?? null,
      revokedAt: r.consent.revokedAt?.toISOString() ?? null,
      active: isConsentActive(r.consent, asOf),
    }));
  }

  app.get(
    '/patients/:id/caregivers',
    { schema: { tags, summary: 'The people a patient has allowed to help with their care', params: IdParams, response: { 200: Type.Object({ items: Type.Array(Consent) }), ...errorResponses } } },
    async (request) => {
      const { patient } = await authorisePatient(ctx, request, request.params.id, { action: 'read', category: 'general' });
      const asOf = ctx.clock();
      await ctx.audit.record(auditFrom(request, asOf, { action: 'read', resourceType: 'Consent', resourceId: patient.id, patientId: patient.id }));
      return { items: await list(patient.orgId, patient.id, asOf) };
    },
  );

  app.post(
    '/patients/:id/caregivers',
    { schema: { tags, summary: 'Allow a caregiver to help (the patient only)', params: IdParams, body: GrantBody, response: { 201: Consent, ...errorResponses } } },
    async (request, reply) => {
      const actor = requireUser(request, ['patient']);
      const { patient } = await authorisePatient(ctx, request, request.params.id, { action: 'write', category: 'general' });
      const asOf = ctx.clock();
      if (request.body.expiresAt && new Date(request.body.expiresAt) <= asOf) {
        throw new AppError('validation', 'validation', 'The end date must be in the future.', [{ path: 'body.expiresAt', message: 'must be in the future' }]);
      }
      const found = await ctx.db
        .select()
        .from(users)
        .where(and(eq(users.orgId, actor.orgId), sql`lower(${users.email}) = ${request.body.email.trim().toLowerCase()}`, eq(users.role, 'caregiver')));
      const caregiver = found[0];
      if (!caregiver) {
        throw new AppError('not-found', 'caregiver.not-found', 'We could not find a caregiver account with this e-mail. Ask your care coordinator to set one up.', [
          { path: 'body.email', message: 'no caregiver account with this e-mail' },
        ]);
      }
      const id = await ctx.db.transaction(async (tx) => {
        // A new consent replaces any active one for the same person.
        await tx
          .update(caregiverConsents)
          .set({ revokedAt: asOf })
          .where(and(eq(caregiverConsents.patientId, patient.id), eq(caregiverConsents.caregiverUserId, caregiver.id), isNull(caregiverConsents.revokedAt)));
        const rows = await tx
          .insert(caregiverConsents)
          .values({
            orgId: patient.orgId,
            patientId: patient.id,
            caregiverUserId: caregiver.id,
            scopes: request.body.scopes,
            grantedAt: asOf,
            expiresAt: request.body.expiresAt ? new Date(request.body.expiresAt) : null,
          })
          .returning({ id: caregiverConsents.id });
        await appendAuditEvents(tx, [
          auditFrom(request, asOf, { action: 'consent-granted', resourceType: 'Consent', resourceId: rows[0]?.id ?? null, patientId: patient.id, reason: `${caregiver.displayName}: ${request.body.scopes.join(', ')}` }),
        ]);
        return rows[0]?.id as string;
      });
      const items = await list(patient.orgId, patient.id, asOf);
      void reply.status(201);
      return items.find((c) => c.id === id);
    },
  );

  app.delete(
    '/patients/:id/caregivers/:consentId',
    { schema: { tags, summary: 'Take back a caregiver’s access (the patient only)', params: Type.Object({ id: Uuid, consentId: Uuid }, { additionalProperties: false }), response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      requireUser(request, ['patient']);
      const { patient } = await authorisePatient(ctx, request, request.params.id, { action: 'write', category: 'general' });
      const asOf = ctx.clock();
      await ctx.db.transaction(async (tx) => {
        const rows = await tx
          .update(caregiverConsents)
          .set({ revokedAt: asOf })
          .where(and(eq(caregiverConsents.id, request.params.consentId), eq(caregiverConsents.patientId, patient.id), isNull(caregiverConsents.revokedAt)))
          .returning({ id: caregiverConsents.id });
        if (rows.length === 0) throw notFound('An active permission with this id');
        await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'consent-revoked', resourceType: 'Consent', resourceId: request.params.consentId, patientId: patient.id })]);
      });
      return reply.status(204).send(null);
    },
  );
};
