/**
 * FHIR R4 endpoint at /fhir: CapabilityStatement (only what is implemented) and Patient read, search,
 * create and versioned update (If-Match: W/"<versionId>"). Errors are OperationOutcomes listing every
 * invalid element (see error-handler.ts). Access rules and audit are the same as for the REST API.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Patient } from '../../domain/patients/patient';
import { buildCapabilityStatement, IMPLEMENTED_RESOURCES } from '../../fhir/capability-statement';
import { fromFhirPatient, MRN_SYSTEM, toFhirPatient } from '../../fhir/patient.mapper';
import { parsePatientSearch, searchsetBundle } from '../../fhir/search';
import { searchPatients, type PatientRow } from '../../db/repositories/patients.repository';
import { auditFrom, requireActor, requireStaff } from '../auth/actor';
import { authorisePatient } from '../access/access.service';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { parseIfMatch } from '../schemas';
import { createPatient, patchPatient, pickDemographics } from '../patients/patients.service';
import { operationOutcomeFromIssues } from '../../fhir/operation-outcome';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toDomainPatient(row: PatientRow): Patient {
  return {
    ...pickDemographics(row),
    id: row.id,
    orgId: row.orgId,
    careTeamId: row.careTeamId,
    coordinatorUserId: row.coordinatorUserId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}/fhir`;
}

function checkId(id: string): void {
  if (!UUID_RE.test(id)) throw new AppError('not-found', 'not-found', `Patient/${id} was not found.`);
}

type Issues = ReturnType<typeof fromFhirPatient>['issues'];

/** Warnings (elements Painpath cannot store) are never dropped silently: they go into the audit reason,
 *  and a client that sends `Prefer: return=OperationOutcome` gets them back as an OperationOutcome. */
function warningsText(issues: Issues): string | null {
  const warnings = issues.filter((i) => i.severity === 'warning');
  return warnings.length > 0 ? `not stored: ${warnings.map((w) => w.path ?? w.code).join(', ')}` : null;
}

function wantsOutcome(request: FastifyRequest): boolean {
  return /return=OperationOutcome/i.test(String(request.headers.prefer ?? ''));
}

export async function fhirRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  app.addContentTypeParser(['application/fhir+json', 'application/json+fhir'], { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      const err = new Error('The request body is not valid JSON.') as Error & { code: string; statusCode: number };
      err.code = 'FST_ERR_CTP_INVALID_JSON_BODY';
      err.statusCode = 400;
      done(err, undefined);
    }
  });

  const send = (reply: FastifyReply, status: number, body: unknown): FastifyReply => reply.status(status).type(FHIR_JSON).send(body);

  app.get('/metadata', { schema: { hide: true } }, async (request, reply) =>
    send(
      reply,
      200,
      buildCapabilityStatement({ baseUrl: baseUrl(request), softwareVersion: '0.1.0', date: ctx.clock().toISOString(), resources: IMPLEMENTED_RESOURCES }),
    ),
  );

  app.get<{ Params: { id: string } }>('/Patient/:id', { schema: { hide: true } }, async (request, reply) => {
    checkId(request.params.id);
    const { patient, decision } = await authorisePatient(ctx, request, request.params.id, { action: 'read', category: 'general', caregiverScope: 'demographics' });
    await ctx.audit.record(
      auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'Patient', resourceId: patient.id, patientId: patient.id, reason: decision.basis === 'break-glass' ? 'emergency access (break the glass)' : 'FHIR read' }),
    );
    void reply.header('etag', `W/"${patient.version}"`).header('last-modified', patient.updatedAt.toUTCString());
    return send(reply, 200, toFhirPatient(toDomainPatient(patient)));
  });

  app.get('/Patient', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request);
    if (actor.kind === 'user') requireStaff(request);
    else if (!actor.scopes.includes('patients.read')) throw new AppError('forbidden', 'access.token-scope', 'This API token does not have the patients.read scope.');
    const params = request.query as Record<string, string | string[] | undefined>;
    const { query, issues } = parsePatientSearch(params);
    if (issues.some((i) => i.severity === 'error')) {
      return send(reply, 400, operationOutcomeFromIssues(issues));
    }
    // An identifier from another system can never match a Painpath MRN.
    const otherSystem = query.identifier?.system !== undefined && query.identifier.system !== MRN_SYSTEM;
    const result = otherSystem ? { items: [], total: 0 } : await searchPatients(ctx.db, {
      orgId: actor.orgId,
      visibleTo: actor.kind === 'user' ? actor.userId : 'all',
      q: query.name,
      family: query.family,
      given: query.given,
      birthDate: query.birthDate,
      identifier: query.identifier?.value,
      limit: query.count,
      offset: query.offset,
    });
    await ctx.audit.record(
      auditFrom(request, ctx.clock(), { action: 'search', resourceType: 'Patient', resourceId: result.items.map((p) => p.id).join(',') || null, reason: `FHIR search, ${result.items.length} of ${result.total}` }),
    );
    const base = baseUrl(request);
    const selfUrl = `${base}/Patient${request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''}`;
    const next = query.offset + query.count < result.total ? new URL(selfUrl) : undefined;
    if (next) {
      next.searchParams.set('_offset', String(query.offset + query.count));
      next.searchParams.set('_count', String(query.count));
    }
    return send(
      reply,
      200,
      searchsetBundle({ baseUrl: base, total: result.total, resources: result.items.map((r) => toFhirPatient(toDomainPatient(r))), selfUrl, ...(next ? { nextUrl: next.toString() } : {}) }),
    );
  });

  app.post('/Patient', { schema: { hide: true } }, async (request, reply) => {
    const { demographics, issues } = fromFhirPatient(request.body);
    if (issues.some((i) => i.severity === 'error')) return send(reply, 400, operationOutcomeFromIssues(issues));
    const row = await createPatient(ctx, request, demographics, 'Patient.', warningsText(issues));
    void reply.header('location', `${baseUrl(request)}/Patient/${row.id}/_history/${row.version}`).header('etag', `W/"${row.version}"`);
    return send(reply, 201, wantsOutcome(request) ? operationOutcomeFromIssues(issues) : toFhirPatient(toDomainPatient(row)));
  });

  app.put<{ Params: { id: string } }>('/Patient/:id', { schema: { hide: true } }, async (request, reply) => {
    checkId(request.params.id);
    const expected = parseIfMatch(request.headers['if-match']);
    if (expected === undefined) {
      throw new AppError('precondition-required', 'conflict.if-match-required', 'Send If-Match: W/"<versionId>" with the version you edited.', [{ path: 'If-Match', message: 'is required' }]);
    }
    const body = request.body as { id?: unknown } | null;
    if (body && typeof body === 'object' && body.id !== undefined && body.id !== request.params.id) {
      throw new AppError('validation', 'fhir.id-mismatch', 'The resource id does not match the id in the URL.', [{ path: 'Patient.id', message: 'must equal the id in the URL' }]);
    }
    const { demographics, issues } = fromFhirPatient(request.body);
    if (issues.some((i) => i.severity === 'error')) return send(reply, 400, operationOutcomeFromIssues(issues));
    const authorised = await authorisePatient(ctx, request, request.params.id, { action: 'write', category: 'general', caregiverScope: 'demographics' });
    // Only what differs is written: the care team's summary (not part of FHIR Patient) is kept, and a
    // patient's own update is limited to the fields they may change.
    const current = pickDemographics(authorised.patient);
    const changes = Object.fromEntries(
      Object.entries(demographics).filter(([key, value]) => key !== 'summary' && current[key as keyof typeof current] !== value),
    );
    const row =
      Object.keys(changes).length === 0 && authorised.patient.version === expected
        ? authorised.patient
        : await patchPatient(ctx, request, authorised, expected, changes, 'Patient.', warningsText(issues));
    void reply.header('etag', `W/"${row.version}"`);
    return send(reply, 200, wantsOutcome(request) ? operationOutcomeFromIssues(issues) : toFhirPatient(toDomainPatient(row)));
  });
}
