/**
 * FHIR R4 for care plans: CarePlan (with checkpoint outcomes as activities), Goal and Procedure (therapy
 * sessions) — read and search by patient. Mapping is in src/fhir/care-plan*.ts; access and audit are the
 * REST ones (care-plan-access.ts): staff on the care team or with break-glass, the patient, API tokens with
 * patients.read — never caregivers.
 */
import type { Resource } from '@medplum/fhirtypes';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Issue } from '../../domain/issues';
import { error } from '../../domain/issues';
import { assessProgression } from '../../domain/progression/engine';
import { toFhirCarePlan } from '../../fhir/care-plan.mapper';
import { toFhirGoal } from '../../fhir/care-plan-goal.mapper';
import { toFhirProcedure } from '../../fhir/care-plan-procedure.mapper';
import { operationOutcomeFromIssues } from '../../fhir/operation-outcome';
import { pagingHandlers, parseSearchParams, patientHandler, resourceSearchsetBundle, type PagedQuery, type SearchHandler } from '../../fhir/questionnaire-response.mapper';
import { DEFAULT_SEARCH_COUNT } from '../../fhir/search';
import {
  checkpointsForPlan,
  flaresForPlan,
  getPlanById,
  getSession,
  plansForPatient,
  reportsForPlan,
  sessionsForPatient,
  sessionsForPlan,
  type CarePlanRow,
} from '../../db/repositories/care-plan.repository';
import { getPatient, teamMembers } from '../../db/repositories/patients.repository';
import { auditFrom, requireActor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { authoriseCarePlan } from '../care-plan/care-plan-access';
import { progressionInput, toCheckpoint, toPlan, toSession } from '../care-plan/care-plan.mapping';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Params = Record<string, string | string[] | undefined>;

interface PatientQuery extends PagedQuery {
  patientId?: string;
}
const HANDLERS = new Map<string, SearchHandler<PatientQuery>>([['patient', patientHandler<PatientQuery>()], ['subject', patientHandler<PatientQuery>()], ...pagingHandlers<PatientQuery>()]);

const baseUrl = (request: FastifyRequest): string => `${request.protocol}://${request.host}/fhir`;
const notFound = (type: string, id: string): AppError => new AppError('not-found', 'not-found', `${type}/${id} was not found.`);

function selfAndNext(request: FastifyRequest, resource: string, page: PagedQuery, total: number): { selfUrl: string; nextUrl?: string } {
  const selfUrl = `${baseUrl(request)}/${resource}${request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''}`;
  if (page.offset + page.count >= total) return { selfUrl };
  const next = new URL(selfUrl);
  next.searchParams.set('_offset', String(page.offset + page.count));
  next.searchParams.set('_count', String(page.count));
  return { selfUrl, nextUrl: next.toString() };
}

/** The plan, its goals and its checkpoints as FHIR, with the engine's statement as of now. */
async function planResources(ctx: AppContext, row: CarePlanRow): Promise<{ carePlan: Resource; goals: Resource[] }> {
  const plan = toPlan(row);
  const [sessions, reports, flares, checkpoints] = await Promise.all([sessionsForPlan(ctx.db, row.id), reportsForPlan(ctx.db, row.id), flaresForPlan(ctx.db, row.id), checkpointsForPlan(ctx.db, row.id)]);
  const result = assessProgression(progressionInput(ctx.clock(), plan, { sessions, reports, flares, checkpoints }));
  const names = new Map<string, string>();
  if (plan.interventions.some((i) => i.ownerUserId !== null)) {
    const patient = await getPatient(ctx.db, row.orgId, row.patientId);
    if (patient?.careTeamId) for (const m of await teamMembers(ctx.db, patient.careTeamId)) names.set(m.id, m.displayName);
  }
  const engineNote = `Decision support (${result.settingsVersion}, as of ${result.asOf}): the data suggest the ${result.suggestedPhase.replace(/-/g, ' ')} phase. ${result.phaseReasons.map((r) => r.message).join(' ')}`;
  const carePlan = toFhirCarePlan({ plan, lastUpdated: row.updatedAt.toISOString(), names, checkpoints: checkpoints.map(toCheckpoint), engineNote });
  const goals = plan.goals.map((g) => {
    const p = result.checkpoint.goals.find((x) => x.goalId === g.id);
    return toFhirGoal(plan, g, p ? { status: p.status, latestScore: p.latestScore } : null);
  });
  return { carePlan, goals };
}

function requirePatient(query: PatientQuery, issues: Issue[]): void {
  if (query.patientId === undefined && !issues.some((i) => i.path === 'patient')) issues.push(error('fhir.search-patient-required', 'Search by patient: add patient=Patient/{id}.', 'patient'));
}

export async function fhirCarePlanRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const send = (reply: FastifyReply, status: number, body: unknown): FastifyReply => reply.status(status).type(FHIR_JSON).send(body);

  /** Search by patient: parse, authorise, audit, page. */
  async function search(request: FastifyRequest, reply: FastifyReply, type: 'CarePlan' | 'Goal' | 'Procedure', load: (orgId: string, patientId: string) => Promise<Resource[]>): Promise<FastifyReply> {
    const query: PatientQuery = { count: DEFAULT_SEARCH_COUNT, offset: 0 };
    const issues = parseSearchParams(request.query as Params, HANDLERS, query, type);
    requirePatient(query, issues);
    if (issues.length > 0) return send(reply, 400, operationOutcomeFromIssues(issues));
    const { patient } = await authoriseCarePlan(ctx, request, query.patientId as string, 'read');
    const all = await load(patient.orgId, patient.id);
    const page = all.slice(query.offset, query.offset + query.count);
    await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'search', resourceType: type, resourceId: page.map((r) => r.id).join(',') || null, patientId: patient.id, reason: `FHIR search, ${page.length} of ${all.length}` }));
    return send(reply, 200, resourceSearchsetBundle({ baseUrl: baseUrl(request), total: all.length, resources: page, ...selfAndNext(request, type, query, all.length) }));
  }

  app.get<{ Params: { id: string } }>('/CarePlan/:id', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request);
    const { id } = request.params;
    const row = UUID.test(id) ? await getPlanById(ctx.db, actor.orgId, id) : undefined;
    if (!row) throw notFound('CarePlan', id);
    await authoriseCarePlan(ctx, request, row.patientId, 'read');
    const { carePlan } = await planResources(ctx, row);
    await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'CarePlan', resourceId: row.id, patientId: row.patientId, reason: 'FHIR read' }));
    return send(reply, 200, carePlan);
  });

  app.get('/CarePlan', { schema: { hide: true } }, async (request, reply) =>
    search(request, reply, 'CarePlan', async (orgId, patientId) => Promise.all((await plansForPatient(ctx.db, orgId, patientId)).map(async (r) => (await planResources(ctx, r)).carePlan))),
  );

  app.get<{ Params: { id: string } }>('/Goal/:id', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request);
    const { id } = request.params;
    const planId = id.slice(0, 36);
    const row = UUID.test(planId) && id[36] === '.' ? await getPlanById(ctx.db, actor.orgId, planId) : undefined;
    if (!row) throw notFound('Goal', id);
    await authoriseCarePlan(ctx, request, row.patientId, 'read');
    const goal = (await planResources(ctx, row)).goals.find((g) => g.id === id);
    if (!goal) throw notFound('Goal', id);
    await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'Goal', resourceId: id, patientId: row.patientId, reason: 'FHIR read' }));
    return send(reply, 200, goal);
  });

  app.get('/Goal', { schema: { hide: true } }, async (request, reply) =>
    search(request, reply, 'Goal', async (orgId, patientId) => (await Promise.all((await plansForPatient(ctx.db, orgId, patientId)).map(async (r) => (await planResources(ctx, r)).goals))).flat()),
  );

  async function procedures(orgId: string, patientId: string, only?: string): Promise<Resource[]> {
    const rows = only ? [await getSession(ctx.db, orgId, only)].filter((r) => r !== undefined) : await sessionsForPatient(ctx.db, orgId, patientId);
    const plans = new Map<string, CarePlanRow>();
    for (const r of rows) {
      if (plans.has(r.carePlanId)) continue;
      const p = await getPlanById(ctx.db, orgId, r.carePlanId);
      if (p) plans.set(p.id, p);
    }
    const goalNames = new Map([...plans.values()].flatMap((p) => toPlan(p).goals.map((g) => [g.id, g.statement] as const)));
    return rows.map((r) => toFhirProcedure(toSession(r), goalNames, null));
  }

  app.get<{ Params: { id: string } }>('/Procedure/:id', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request);
    const { id } = request.params;
    const row = UUID.test(id) ? await getSession(ctx.db, actor.orgId, id) : undefined;
    if (!row) throw notFound('Procedure', id);
    await authoriseCarePlan(ctx, request, row.patientId, 'read');
    const [resource] = await procedures(actor.orgId, row.patientId, row.id);
    await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'Procedure', resourceId: row.id, patientId: row.patientId, reason: 'FHIR read' }));
    return send(reply, 200, resource);
  });

  app.get('/Procedure', { schema: { hide: true } }, async (request, reply) => search(request, reply, 'Procedure', (orgId, patientId) => procedures(orgId, patientId)));
}
