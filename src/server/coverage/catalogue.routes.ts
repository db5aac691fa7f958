/**
 * Clinic-level coverage catalogue: payers, plans and benefit rules. Any staff member reads it; clinic leads,
 * administrators and care coordinators manage it. Every write is audited in the same transaction.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { BenefitRule } from '../../domain/coverage/benefit-rule';
import { validateBenefitRule } from '../../domain/coverage/benefit-rule';
import type { Role } from '../../domain/access/roles';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import {
  findPayer,
  findPlan,
  findRule,
  insertPayer,
  insertPlan,
  insertRule,
  loadCatalogue,
  updatePayer,
  updatePlan,
  updateRule,
} from '../../db/repositories/coverage.repository';
import { auditFrom, requireStaff, requireUser } from '../auth/actor';
import type { AppContext } from '../context';
import { notFound } from '../errors';
import { errorResponses, etag, IdParams } from '../schemas';
import { invalidBody, requireIfMatch, staleVersion } from './coverage.http';
import { Catalogue, Payer, PayerBody, PayerPatch, Plan, PlanBody, PlanPatch, Rule, RuleBody, RulePatch } from './coverage.schemas';

export const COVERAGE_MANAGERS: readonly Role[] = ['clinic_lead', 'administrator', 'care_coordinator'];
const IfMatch = Type.Object({ 'if-match': Type.Optional(Type.String()) });

export const catalogueRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Coverage'];

  app.get('/coverage/catalogue', { schema: { tags, summary: 'Payers, plans and benefit rules of the clinic', response: { 200: Catalogue, ...errorResponses } } }, async (request) => {
    const actor = requireStaff(request);
    return loadCatalogue(ctx.db, actor.orgId);
  });

  app.post('/coverage/payers', { schema: { tags, summary: 'Add a payer', body: PayerBody, response: { 201: Payer, ...errorResponses } } }, async (request, reply) => {
    const actor = requireUser(request, COVERAGE_MANAGERS);
    const asOf = ctx.clock();
    const row = await ctx.db.transaction(async (tx) => {
      const created = await insertPayer(tx, { orgId: actor.orgId, name: request.body.name.trim(), kind: request.body.kind, createdAt: asOf, updatedAt: asOf });
      await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'Payer', resourceId: created.id })]);
      return created;
    });
    void reply.status(201).header('etag', etag(row.version));
    return row;
  });

  app.patch('/coverage/payers/:id', { schema: { tags, summary: 'Change a payer (If-Match)', params: IdParams, headers: IfMatch, body: PayerPatch, response: { 200: Payer, ...errorResponses } } }, async (request, reply) => {
    const actor = requireUser(request, COVERAGE_MANAGERS);
    const expected = requireIfMatch(request);
    const current = await findPayer(ctx.db, actor.orgId, request.params.id);
    if (!current) throw notFound('The payer');
    if (current.version !== expected) throw staleVersion('payer', current.version);
    const asOf = ctx.clock();
    const row = await ctx.db.transaction(async (tx) => {
      const updated = await updatePayer(tx, actor.orgId, current.id, expected, request.body, asOf);
      if (!updated) throw staleVersion('payer', current.version);
      await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'Payer', resourceId: updated.id })]);
      return updated;
    });
    void reply.header('etag', etag(row.version));
    return row;
  });

  app.post('/coverage/plans', { schema: { tags, summary: 'Add a plan to a payer', body: PlanBody, response: { 201: Plan, ...errorResponses } } }, async (request, reply) => {
    const actor = requireUser(request, COVERAGE_MANAGERS);
    if (!(await findPayer(ctx.db, actor.orgId, request.body.payerId))) throw invalidBody([{ path: 'payerId', code: 'coverage.no-such-payer', message: 'No such payer in this clinic.' }]);
    const asOf = ctx.clock();
    const row = await ctx.db.transaction(async (tx) => {
      const created = await insertPlan(tx, { orgId: actor.orgId, payerId: request.body.payerId, name: request.body.name.trim(), notes: request.body.notes ?? null, createdAt: asOf, updatedAt: asOf });
      await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'CoveragePlan', resourceId: created.id })]);
      return created;
    });
    void reply.status(201).header('etag', etag(row.version));
    return row;
  });

  app.patch('/coverage/plans/:id', { schema: { tags, summary: 'Change a plan (If-Match)', params: IdParams, headers: IfMatch, body: PlanPatch, response: { 200: Plan, ...errorResponses } } }, async (request, reply) => {
    const actor = requireUser(request, COVERAGE_MANAGERS);
    const expected = requireIfMatch(request);
    const current = await findPlan(ctx.db, actor.orgId, request.params.id);
    if (!current) throw notFound('The plan');
    if (current.version !== expected) throw staleVersion('plan', current.version);
    const asOf = ctx.clock();
    const row = await ctx.db.transaction(async (tx) => {
      const updated = await updatePlan(tx, actor.orgId, current.id, expected, request.body, asOf);
      if (!updated) throw staleVersion('plan', current.version);
      await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'CoveragePlan', resourceId: updated.id })]);
      return updated;
    });
    void reply.header('etag', etag(row.version));
    return row;
  });

  app.post('/coverage/plans/:id/rules', { schema: { tags, summary: 'Add a benefit rule to a plan', params: IdParams, body: RuleBody, response: { 201: Rule, ...errorResponses } } }, async (request, reply) => {
    const actor = requireUser(request, COVERAGE_MANAGERS);
    const plan = await findPlan(ctx.db, actor.orgId, request.params.id);
    if (!plan) throw notFound('The plan');
    const problems = validateBenefitRule(request.body);
    if (problems.length > 0) throw invalidBody(problems);
    const asOf = ctx.clock();
    const row = await ctx.db.transaction(async (tx) => {
      const created = await insertRule(tx, { orgId: actor.orgId, planId: plan.id, ...request.body, createdAt: asOf, updatedAt: asOf });
      await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'BenefitRule', resourceId: created.id })]);
      return created;
    });
    void reply.status(201).header('etag', etag(row.version));
    return row;
  });

  app.patch('/coverage/rules/:id', { schema: { tags, summary: 'Change a benefit rule (If-Match)', params: IdParams, headers: IfMatch, body: RulePatch, response: { 200: Rule, ...errorResponses } } }, async (request, reply) => {
    const actor = requireUser(request, COVERAGE_MANAGERS);
    const expected = requireIfMatch(request);
    const current = await findRule(ctx.db, actor.orgId, request.params.id);
    if (!current) throw notFound('The benefit rule');
    if (current.version !== expected) throw staleVersion('benefit rule', current.version);
    const next = { ...current, ...request.body };
    const problems = validateBenefitRule(next as unknown as Omit<BenefitRule, 'id'>);
    if (problems.length > 0) throw invalidBody(problems);
    const asOf = ctx.clock();
    const row = await ctx.db.transaction(async (tx) => {
      const updated = await updateRule(tx, actor.orgId, current.id, expected, request.body, asOf);
      if (!updated) throw staleVersion('benefit rule', current.version);
      await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'BenefitRule', resourceId: updated.id })]);
      return updated;
    });
    void reply.header('etag', etag(row.version));
    return row;
  });
};
