/**
 * FHIR R4 MedicationRequest: the stored medication list, read and search by patient (mapping in
 * src/fhir/medication-request.out.ts). Access and audit are the REST ones (medications-access.ts): staff on
 * the care team or with break-glass, API tokens; never caregivers. Searches need `patient`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Issue } from '../../domain/issues';
import { error } from '../../domain/issues';
import { ORDER_STATUSES, type OrderStatus } from '../../domain/opioids';
import { toFhirStoredMedicationRequest } from '../../fhir/medication-request.out';
import { operationOutcomeFromIssues } from '../../fhir/operation-outcome';
import { pagingHandlers, parseSearchParams, patientHandler, resourceSearchsetBundle, type PagedQuery, type SearchHandler } from '../../fhir/questionnaire-response.mapper';
import { DEFAULT_SEARCH_COUNT } from '../../fhir/search';
import { getMedicationOrderRow, listMedicationOrderRows, toMedicationOrder, type MedicationOrderRow } from '../../db/repositories/medications.repository';
import { auditFrom, requireActor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { authoriseMedications } from '../medications/medications-access';
import { presentOrder } from '../medications/order-input';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface MedicationRequestQuery extends PagedQuery {
  patientId?: string;
  status?: OrderStatus;
}

const HANDLERS = new Map<string, SearchHandler<MedicationRequestQuery>>([
  ['patient', patientHandler<MedicationRequestQuery>()],
  [
    'status',
    (value, param, query, issues) => {
      if ((ORDER_STATUSES as readonly string[]).includes(value)) query.status = value as OrderStatus;
      else issues.push(error('fhir.invalid-search-value', `${param} must be one of ${ORDER_STATUSES.join(', ')}.`, param));
    },
  ],
  ...pagingHandlers<MedicationRequestQuery>(),
]);

function toResource(row: MedicationOrderRow) {
  return toFhirStoredMedicationRequest({
    order: toMedicationOrder(row),
    patientId: row.patientId,
    name: presentOrder(row).name,
    prescriber: row.prescriber,
    pharmacy: row.pharmacy,
    authoredOn: row.createdAt.toISOString(),
    lastUpdated: row.updatedAt.toISOString(),
    version: row.version,
  });
}

const baseUrl = (request: FastifyRequest): string => `${request.protocol}://${request.host}/fhir`;

export async function fhirMedicationRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const send = (reply: FastifyReply, status: number, body: unknown): FastifyReply => reply.status(status).type(FHIR_JSON).send(body);

  app.get<{ Params: { id: string } }>('/MedicationRequest/:id', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request);
    const { id } = request.params;
    const row = UUID.test(id) ? await getMedicationOrderRow(ctx.db, actor.orgId, id) : undefined;
    if (!row) throw new AppError('not-found', 'not-found', `MedicationRequest/${id} was not found.`);
    await authoriseMedications(ctx, request, row.patientId, 'read');
    await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'MedicationRequest', resourceId: row.id, patientId: row.patientId, reason: 'FHIR read' }));
    return send(reply, 200, toResource(row));
  });

  app.get('/MedicationRequest', { schema: { hide: true } }, async (request, reply) => {
    const query: MedicationRequestQuery = { count: DEFAULT_SEARCH_COUNT, offset: 0 };
    const issues: Issue[] = parseSearchParams(request.query as Record<string, string | string[] | undefined>, HANDLERS, query, 'medication requests');
    if (query.patientId === undefined && !issues.some((i) => i.path === 'patient')) issues.push(error('fhir.search-patient-required', 'Search by patient: add patient=Patient/{id}.', 'patient'));
    if (issues.length > 0) return send(reply, 400, operationOutcomeFromIssues(issues));
    const { patient } = await authoriseMedications(ctx, request, query.patientId as string, 'read');
    const rows = (await listMedicationOrderRows(ctx.db, patient.orgId, patient.id)).filter((r) => query.status === undefined || r.status === query.status);
    const page = rows.slice(query.offset, query.offset + query.count);
    await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'search', resourceType: 'MedicationRequest', resourceId: patient.id, patientId: patient.id, reason: 'FHIR search' }));
    const selfUrl = `${baseUrl(request)}/MedicationRequest${request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''}`;
    let nextUrl: string | undefined;
    if (query.offset + query.count < rows.length) {
      const next = new URL(selfUrl);
      next.searchParams.set('_offset', String(query.offset + query.count));
      next.searchParams.set('_count', String(query.count));
      nextUrl = next.toString();
    }
    return send(reply, 200, resourceSearchsetBundle({ baseUrl: baseUrl(request), total: rows.length, resources: page.map(toResource), selfUrl, ...(nextUrl !== undefined ? { nextUrl } : {}) }));
  });
}
