/**
 * A patient's coverage: the overview (plans, rules with visits counted, authorisations, warnings), plan
 * membership, NCD 30.3.3 facts, prior authorisations with their transitions, and "is this visit covered".
 * Every route goes through the access service; every read and write is audited (writes in their transaction).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ImprovementReview } from '../../domain/coverage/ncd-30-3-3';
import { requestPriorAuth, transitionPriorAuth } from '../../domain/coverage/prior-auth';
import type { PriorAuthState, PriorAuthStatus, PriorAuthEvent } from '../../domain/coverage/prior-auth';
import { evaluateVisitCoverage } from '../../domain/coverage/visit-coverage';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import { loadCoverageContexts } from '../../db/repositories/coverage-context.repository';
import { getClinicCoverageSettings } from '../../db/repositories/coverage-settings.repository';
import {
  findEligibility,
  findPatientCoverage,
  findPlan,
  findPriorAuth,
  insertEligibility,
  insertPatientCoverage,
  insertPriorAuth,
  updateEligibility,
  updatePatientCoverage,
  updatePriorAuth,
} from '../../db/repositories/coverage.repository';
import { authorisePatient } from '../access/access.service';
import { auditFrom, requireStaff } from '../auth/actor';
import type { AppContext } from '../context';
import { notFound } from '../errors';
import { errorResponses, etag, IdParams, IsoDate, Uuid } from '../schemas';
import { invalidBody, requireIfMatch, staleVersion } from './coverage.http';
import { CoverageBody, CoveragePatch, EligibilityBody, PriorAuth, PriorAuthBody, ReviewBody, Service, TransitionBody } from './coverage.schemas';
import { loadPatientCoverageView, presentEligibility, presentPriorAuth } from './patient-coverage.service';

const IfMatch = Type.Object({ 'if-match': Type.Optional(Type.String()) });
const Loose = Type.Object({}, { additionalProperties: true });
const READ = { action: 'read', category: 'general', caregiverScope: 'care-plan' } as const;
const WRITE = { action: 'write', category: 'general' } as const;

export const patientCoverageRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Coverage'];

  app.get('/patients/:id/coverage', { schema: { tags, summary: "A patient's coverage: plans, rules with visits counted, authorisations, warnings", params: IdParams, response: { 200: Loose, ...errorResponses } } }, async (request) => {
    const { patient } = await authorisePatient(ctx, request, request.params.id, READ);
    const asOf = ctx.clock();
    const { coverage: settings } = await getClinicCoverageSettings(ctx.db, patient.orgId);
    const view = await loadPatientCoverageView(ctx.db, patient.orgId, patient.id, asOf, settings);
    await ctx.audit.record(auditFrom(request, asOf, { action: 'read', resourceType: 'Coverage', resourceId: patient.id, patientId: patient.id }));
    return view;
  });

  app.get(
    '/patients/:id/visit-coverage',
    { schema: { tags, summary: 'Is a visit of this service on this date covered, and why (from the stored record)', params: IdParams, querystring: Type.Object({ service: Service, date: IsoDate }, { additionalProperties: false }), response: { 200: Loose, ...errorResponses } } },
    async (request) => {
      const { patient } = await authorisePatient(ctx, request, request.params.id, READ);
      const asOf = ctx.clock();
      const [[c], { coverage: settings }] = await Promise.all([loadCoverageContexts(ctx.db, patient.orgId, [patient.id], request.query.date), getClinicCoverageSettings(ctx.db, patient.orgId)]);
      if (!c) throw notFound('The patient');
      const answer = evaluateVisitCoverage({ service: request.query.service, date: request.query.date, ...c }, settings);
      await ctx.audit.record(auditFrom(request, asOf, { action: 'read', resourceType: 'Coverage', resourceId: patient.id, patientId: patient.id, reason: 'visit-coverage' }));
      return answer;
    },
  );

  app.post('/patients/:id/coverages', { schema: { tags, summary: 'Record a plan the patient belongs to', params: IdParams, body: CoverageBody, response: { 201: Loose, ...errorResponses } } }, async (request, reply) => {
    requireStaff(request);
    const { patient } = await authorisePatient(ctx, request, request.params.id, WRITE);
    const b = request.body;
    const problems = [];
    if (!(await findPlan(ctx.db, patient.orgId, b.planId))) problems.push({ path: 'planId', code: 'coverage.no-such-plan', message: 'No such plan in this clinic.' });
    if (b.endDate && b.endDate < b.startDate) problems.push({ path: 'endDate', code: 'coverage.end-before-start', message: 'The end date cannot be before the start date.' });
    if (problems.length > 0) throw invalidBody(problems);
    const asOf = ctx.clock();
    const row = await ctx.db.transaction(async (tx) => {
      const created = await insertPatientCoverage(tx, { orgId: patient.orgId, patientId: patient.id, planId: b.planId, memberId: b.memberId ?? null, startDate: b.startDate, endDate: b.endDate ?? null, createdAt: asOf, updatedAt: asOf });
      await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'Coverage', resourceId: created.id, patientId: patient.id })]);
      return created;
    });
    void reply.status(201).header('etag', etag(row.version));
    return row;
  });

  app.patch(
    '/patients/:id/coverages/:coverageId',
    { schema: { tags, summary: "Change a patient's plan membership (If-Match)", params: Type.Object({ id: Uuid, coverageId: Uuid }, { additionalProperties: false }), headers: IfMatch, body: CoveragePatch, response: { 200: Loose, ...errorResponses } } },
    async (request, reply) => {
      requireStaff(request);
      const { patient } = await authorisePatient(ctx, request, request.params.id, WRITE);
      const expected = requireIfMatch(request);
      const current = await findPatientCoverage(ctx.db, patient.orgId, request.params.coverageId);
      if (!current || current.patientId !== patient.id) throw notFound('The coverage');
      if (current.version !== expected) throw staleVersion('coverage', current.version);
      const endDate = request.body.endDate === undefined ? current.endDate : request.body.endDate;
      if (endDate && endDate < current.startDate) throw invalidBody([{ path: 'endDate', code: 'coverage.end-before-start', message: 'The end date cannot be before the start date.' }]);
      const asOf = ctx.clock();
      const row = await ctx.db.transaction(async (tx) => {
        const updated = await updatePatientCoverage(tx, patient.orgId, current.id, expected, request.body, asOf);
        if (!updated) throw staleVersion('coverage', current.version);
        await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'Coverage', resourceId: updated.id, patientId: patient.id })]);
        return updated;
      });
      void reply.header('etag', etag(row.version));
      return row;
    },
  );

  app.put(
    '/patients/:id/acupuncture-eligibility',
    { schema: { tags, summary: 'Record the four conditions of NCD 30.3.3 (If-Match when a record exists)', params: IdParams, headers: IfMatch, body: EligibilityBody, response: { 200: Loose, ...errorResponses } } },
    async (request, reply) => {
      const actor = requireStaff(request);
      const { patient } = await authorisePatient(ctx, request, request.params.id, WRITE);
      const current = await findEligibility(ctx.db, patient.orgId, patient.id);
      const asOf = ctx.clock();
      const row = await ctx.db.transaction(async (tx) => {
        let saved;
        if (current) {
          const expected = requireIfMatch(request);
          if (current.version !== expected) throw staleVersion('record', current.version);
          saved = await updateEligibility(tx, patient.orgId, current.id, expected, { ...request.body, recordedBy: actor.userId }, asOf);
          if (!saved) throw staleVersion('record', current.version);
        } else {
          saved = await insertEligibility(tx, { orgId: patient.orgId, patientId: patient.id, ...request.body, reviews: [], recordedBy: actor.userId, createdAt: asOf, updatedAt: asOf });
        }
        await appendAuditEvents(tx, [auditFrom(request, asOf, { action: current ? 'update' : 'create', resourceType: 'AcupunctureEligibility', resourceId: saved.id, patientId: patient.id })]);
        return saved;
      });
      void reply.header('etag', etag(row.version));
      return presentEligibility(row) ?? {};
    },
  );

  app.post(
    '/patients/:id/acupuncture-eligibility/reviews',
    { schema: { tags, summary: 'Document an improvement review (improving, not improving, regressing)', params: IdParams, headers: IfMatch, body: ReviewBody, response: { 201: Loose, ...errorResponses } } },
    async (request, reply) => {
      const actor = requireStaff(request);
      const { patient } = await authorisePatient(ctx, request, request.params.id, WRITE);
      const current = await findEligibility(ctx.db, patient.orgId, patient.id);
      if (!current) throw invalidBody([{ path: '', code: 'ncd.no-eligibility-record', message: 'Record the four conditions first.' }]);
      const expected = requireIfMatch(request);
      if (current.version !== expected) throw staleVersion('record', current.version);
      const review: ImprovementReview = { date: request.body.date, outcome: request.body.outcome, note: request.body.note?.trim() || null, by: actor.displayName };
      const asOf = ctx.clock();
      const row = await ctx.db.transaction(async (tx) => {
        const saved = await updateEligibility(tx, patient.orgId, current.id, expected, { reviews: [...(current.reviews as ImprovementReview[]), review] }, asOf);
        if (!saved) throw staleVersion('record', current.version);
        await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'AcupunctureEligibility', resourceId: saved.id, patientId: patient.id, reason: `review:${review.outcome}` })]);
        return saved;
      });
      void reply.status(201).header('etag', etag(row.version));
      return presentEligibility(row) ?? {};
    },
  );

  app.post('/patients/:id/prior-authorisations', { schema: { tags, summary: 'Record a prior authorisation request', params: IdParams, body: PriorAuthBody, response: { 201: PriorAuth, ...errorResponses } } }, async (request, reply) => {
    const actor = requireStaff(request);
    const { patient } = await authorisePatient(ctx, request, request.params.id, WRITE);
    const b = request.body;
    const coverage = await findPatientCoverage(ctx.db, patient.orgId, b.coverageId);
    if (!coverage || coverage.patientId !== patient.id) throw invalidBody([{ path: 'coverageId', code: 'coverage.no-such-coverage', message: "Not one of this patient's plans." }]);
    const state = requestPriorAuth(b.date, actor.displayName, b.note?.trim() || null, b.documents ?? []);
    const asOf = ctx.clock();
    const row = await ctx.db.transaction(async (tx) => {
      const created = await insertPriorAuth(tx, {
        orgId: patient.orgId,
        patientId: patient.id,
        coverageId: coverage.id,
        service: b.service,
        status: state.status,
        requestedUnits: b.requestedUnits ?? null,
        reference: b.reference ?? null,
        history: state.history,
        createdAt: asOf,
        updatedAt: asOf,
      });
      await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'PriorAuthorisation', resourceId: created.id, patientId: patient.id })]);
      return created;
    });
    void reply.status(201).header('etag', etag(row.version));
    return presentPriorAuth(row);
  });

  app.post(
    '/prior-authorisations/:id/transitions',
    { schema: { tags, summary: 'Move a prior authorisation: approved, denied or appealed (If-Match)', params: IdParams, headers: IfMatch, body: TransitionBody, response: { 200: PriorAuth, ...errorResponses } } },
    async (request, reply) => {
      const actor = requireStaff(request);
      const current = await findPriorAuth(ctx.db, actor.orgId, request.params.id);
      if (!current) throw notFound('The authorisation');
      await authorisePatient(ctx, request, current.patientId, WRITE);
      const expected = requireIfMatch(request);
      if (current.version !== expected) throw staleVersion('authorisation', current.version);
      const state: PriorAuthState = { status: current.status as PriorAuthStatus, authorisedUnits: current.authorisedUnits, startDate: current.startDate, endDate: current.endDate, history: current.history as PriorAuthEvent[] };
      const result = transitionPriorAuth(state, { ...request.body, by: actor.displayName });
      if (result.issues.length > 0) throw invalidBody(result.issues);
      const asOf = ctx.clock();
      const row = await ctx.db.transaction(async (tx) => {
        const s = result.state;
        const updated = await updatePriorAuth(tx, actor.orgId, current.id, expected, { status: s.status, authorisedUnits: s.authorisedUnits, startDate: s.startDate, endDate: s.endDate, history: s.history }, asOf);
        if (!updated) throw staleVersion('authorisation', current.version);
        await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'PriorAuthorisation', resourceId: updated.id, patientId: updated.patientId, reason: `${current.status}->${s.status}` })]);
        return updated;
      });
      void reply.header('etag', etag(row.version));
      return presentPriorAuth(row);
    },
  );
};
