/**
 * FHIR R4 Contract (treatment agreements): read and search by patient. Mapping in src/fhir/contract.mapper.ts;
 * access and audit are the REST ones (the patient, staff on the care team or with break-glass, API tokens
 * with patients.read, caregivers with the 'care-plan' consent).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Contract } from '@medplum/fhirtypes';
import { error, type Issue } from '../../domain/issues';
import { toFhirContract } from '../../fhir/contract.mapper';
import { operationOutcomeFromIssues } from '../../fhir/operation-outcome';
import { pagingHandlers, parseSearchParams, patientHandler, resourceSearchsetBundle, type PagedQuery, type SearchHandler } from '../../fhir/questionnaire-response.mapper';
import { DEFAULT_SEARCH_COUNT } from '../../fhir/search';
import { agreementsForPatient, getAgreement } from '../../db/repositories/agreements.repository';
import { auditFrom, requireActor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { authoriseAgreement, viewAgreement, type AgreementView } from './agreements.service';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ContractQuery extends PagedQuery {
  patientId?: string;
}
const HANDLERS = new Map<string, SearchHandler<ContractQuery>>([['patient', patientHandler<ContractQuery>()], ...pagingHandlers<ContractQuery>()]);

function titleOf(view: AgreementView): string {
  const first = view.current.text.split('\n').find((l) => l.startsWith('# '));
  return first ? first.slice(2).trim() : 'Treatment agreement';
}

function toContract(view: AgreementView): Contract {
  return toFhirContract({ ...view, title: titleOf(view) });
}

function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}/fhir`;
}

export async function fhirContractRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const send = (reply: FastifyReply, status: number, body: unknown): FastifyReply => reply.status(status).type(FHIR_JSON).send(body);

  app.get<{ Params: { id: string } }>('/Contract/:id', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request);
    const { id } = request.params;
    const row = UUID.test(id) ? await getAgreement(ctx.db, actor.orgId, id) : undefined;
    if (!row) throw new AppError('not-found', 'not-found', `Contract/${id} was not found.`);
    await authoriseAgreement(ctx, request, row.patientId, 'read');
    await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'Contract', resourceId: row.id, patientId: row.patientId, reason: 'FHIR read' }));
    return send(reply, 200, toContract(await viewAgreement(ctx, row)));
  });

  app.get('/Contract', { schema: { hide: true } }, async (request, reply) => {
    requireActor(request);
    const query: ContractQuery = { count: DEFAULT_SEARCH_COUNT, offset: 0 };
    const issues: Issue[] = parseSearchParams(request.query as Record<string, string | string[] | undefined>, HANDLERS, query, 'contracts');
    if (query.patientId === undefined && !issues.some((i) => i.path === 'patient')) issues.push(error('fhir.search-patient-required', 'Search by patient: add patient=Patient/{id}.', 'patient'));
    if (issues.length > 0 || query.patientId === undefined) return send(reply, 400, operationOutcomeFromIssues(issues));
    const { patient } = await authoriseAgreement(ctx, request, query.patientId, 'read');
    const rows = await agreementsForPatient(ctx.db, patient.orgId, patient.id);
    const page = rows.slice(query.offset, query.offset + query.count);
    const resources = await Promise.all(page.map(async (r) => toContract(await viewAgreement(ctx, r))));
    await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'search', resourceType: 'Contract', resourceId: patient.id, patientId: patient.id, reason: 'FHIR search' }));
    const base = baseUrl(request);
    const selfUrl = `${base}/Contract${request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''}`;
    let nextUrl: string | undefined;
    if (query.offset + query.count < rows.length) {
      const next = new URL(selfUrl);
      next.searchParams.set('_offset', String(query.offset + query.count));
      next.searchParams.set('_count', String(query.count));
      nextUrl = next.toString();
    }
    return send(reply, 200, resourceSearchsetBundle({ baseUrl: base, total: rows.length, resources, selfUrl, ...(nextUrl ? { nextUrl } : {}) }));
  });
}
