/** REST routes for patients: validate, authorise, run, present. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { patientAccessHistory } from '../../db/repositories/audit.repository';
import { listCareTeams, listCoordinators } from '../../db/repositories/patients.repository';
import { auditFrom, requireActor, requireStaff, requireUser } from '../auth/actor';
import { authorisePatient } from '../access/access.service';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { errorResponses, etag, IdParams, parseIfMatch } from '../schemas';
import {
  AccessHistoryQuery,
  AccessHistoryResponse,
  BreakGlassBody,
  PatientCreateBody,
  PatientDetail,
  PatientListQuery,
  PatientListResponse,
  PatientPatchBody,
} from './patients.schema';
import { breakGlass, createPatient, listPatients, patchPatient, patientDetail, throwIfRequestInvalid } from './patients.service';
import { caregiverPatients } from '../../db/repositories/access.repository';
import { isConsentActive } from '../../domain/access/patient-access';

export const patientRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Patients'];

  app.get('/patients', { schema: { tags, summary: 'Search the patients you may see', querystring: PatientListQuery, response: { 200: PatientListResponse, ...errorResponses } } }, async (request) =>
    listPatients(ctx, request, request.query),
  );

  app.post('/patients', { attachValidation: true, schema: { tags, summary: 'Add a patient', body: PatientCreateBody, response: { 201: PatientDetail, ...errorResponses } } }, async (request, reply) => {
    throwIfRequestInvalid(request, ctx.clock());
    const row = await createPatient(ctx, request, request.body);
    const authorised = await authorisePatient(ctx, request, row.id, { action: 'read', category: 'general' });
    void reply.status(201).header('etag', etag(row.version)).header('location', `/api/v1/patients/${row.id}`);
    return patientDetail(ctx, authorised);
  });

  app.get('/patients/:id', { schema: { tags, summary: 'Read a patient', params: IdParams, response: { 200: PatientDetail, ...errorResponses } } }, async (request, reply) => {
    const authorised = await authorisePatient(ctx, request, request.params.id, { action: 'read', category: 'general', caregiverScope: 'demographics' });
    const detail = await patientDetail(ctx, authorised);
    await ctx.audit.record(
      auditFrom(request, ctx.clock(), {
        action: 'read',
        resourceType: 'Patient',
        resourceId: authorised.patient.id,
        patientId: authorised.patient.id,
        reason: authorised.decision.basis === 'break-glass' ? 'emergency access (break the glass)' : null,
      }),
    );
    void reply.header('etag', etag(authorised.patient.version));
    return detail;
  });

  app.patch(
    '/patients/:id',
    {
      attachValidation: true,
      schema: {
        tags,
        summary: 'Change a patient (If-Match required)',
        params: IdParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: PatientPatchBody,
        response: { 200: PatientDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      throwIfRequestInvalid(request, ctx.clock());
      const expected = parseIfMatch(request.headers['if-match']);
      if (expected === undefined) {
        throw new AppError('precondition-required', 'conflict.if-match-required', 'Send the If-Match header with the version you edited (the ETag you read).', [
          { path: 'headers.if-match', message: 'is required' },
        ]);
      }
      const authorised = await authorisePatient(ctx, request, request.params.id, { action: 'write', category: 'general', caregiverScope: 'demographics' });
      const updated = await patchPatient(ctx, request, authorised, expected, request.body);
      void reply.header('etag', etag(updated.version));
      return patientDetail(ctx, { ...authorised, patient: updated });
    },
  );

  app.get(
    '/patients/:id/access-history',
    { schema: { tags, summary: 'Who has read or changed this record', params: IdParams, querystring: AccessHistoryQuery, response: { 200: AccessHistoryResponse, ...errorResponses } } },
    async (request) => {
      const authorised = await authorisePatient(ctx, request, request.params.id, { action: 'read', category: 'general', caregiverScope: 'demographics' });
      const events = await patientAccessHistory(ctx.db, authorised.patient.orgId, authorised.patient.id, request.query.limit);
      // Staff network addresses are for the clinic's own review, not shown to patients and caregivers.
      const actor = requireActor(request);
      const showIp = !(actor.kind === 'user' && (actor.role === 'patient' || actor.role === 'caregiver'));
      await ctx.audit.record(
        auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'AccessHistory', resourceId: authorised.patient.id, patientId: authorised.patient.id }),
      );
      return {
        items: events.map((e) => ({
          seq: e.seq,
          occurredAt: e.occurredAt,
          actorName: e.actorName,
          actorType: e.actorType,
          action: e.action,
          resourceType: e.resourceType,
          reason: e.reason,
          ip: showIp ? e.ip : null,
        })),
      };
    },
  );

  app.post(
    '/break-glass',
    {
      schema: {
        tags,
        summary: 'Emergency access to a patient outside your care team (time-limited, audited, reviewed)',
        body: BreakGlassBody,
        response: { 201: Type.Object({ patientId: Type.String(), expiresAt: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await breakGlass(ctx, request, request.body.mrn, request.body.reason);
      void reply.status(201);
      return result;
    },
  );

  app.get('/care-teams', { schema: { tags: ['Clinic'], summary: 'Care teams in your clinic', response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }) } } }, async (request) => {
    const actor = requireStaff(request);
    return { items: await listCareTeams(ctx.db, actor.orgId) };
  });

  app.get('/coordinators', { schema: { tags: ['Clinic'], summary: 'Care coordinators in your clinic', response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), displayName: Type.String() })) }) } } }, async (request) => {
    const actor = requireStaff(request);
    return { items: await listCoordinators(ctx.db, actor.orgId) };
  });

  app.get(
    '/me/patients',
    {
      schema: {
        tags: ['Portal'],
        summary: 'The records a patient or caregiver account may open',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                givenName: Type.String(),
                familyName: Type.String(),
                preferredName: Type.Union([Type.String(), Type.Null()]),
                relationship: Type.String(),
                scopes: Type.Array(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = requireUser(request, ['patient', 'caregiver']);
      requireActor(request);
      if (actor.role === 'patient') {
        if (!actor.patientId) return { items: [] };
        const authorised = await authorisePatient(ctx, request, actor.patientId, { action: 'read', category: 'general' });
        const p = authorised.patient;
        await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'search', resourceType: 'Patient', resourceId: p.id, patientId: p.id, reason: 'own record' }));
        return { items: [{ id: p.id, givenName: p.givenName, familyName: p.familyName, preferredName: p.preferredName, relationship: 'self', scopes: ['all'] }] };
      }
      const asOf = ctx.clock();
      const rows = (await caregiverPatients(ctx.db, actor.userId)).filter((r) => isConsentActive(r.consent, asOf));
      for (const r of rows) {
        await ctx.audit.record(auditFrom(request, asOf, { action: 'search', resourceType: 'Patient', resourceId: r.patient.id, patientId: r.patient.id, reason: 'caregiver list' }));
      }
      return { items: rows.map((r) => ({ ...r.patient, relationship: 'caregiver', scopes: [...r.consent.scopes] })) };
    },
  );
};
