/**
 * FHIR R4 for outcome measures: Questionnaire (one per instrument: read, search by url and name),
 * QuestionnaireResponse (read, search by patient, questionnaire, authored) and Observation (scores: read,
 * search by patient, code, date). Mapping and search parsing are in src/fhir; access rules and audit are
 * the REST ones (measures-access.ts): the patient, staff on the care team or with break-glass, API tokens
 * with patients.read — never caregivers. Searches need `patient`, so access is decided for one person.
 * Results come in date order. A 'stopped' response (answers to a page an intake no longer showed) is not
 * exposed.
 */
import type { Observation, Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Issue } from '../../domain/issues';
import { error } from '../../domain/issues';
import { getInstrument, INSTRUMENT_IDS, INSTRUMENTS, isInstrumentId } from '../../domain/measures/instruments';
import type { Answers, InstrumentScore } from '../../domain/measures/score';
import { toFhirScoreObservations, parseObservationSearch } from '../../fhir/observation.mapper';
import { operationOutcomeFromIssues } from '../../fhir/operation-outcome';
import { toFhirQuestionnaire } from '../../fhir/questionnaire.mapper';
import {
  pagingHandlers,
  parseQuestionnaireResponseSearch,
  parseSearchParams,
  resourceSearchsetBundle,
  toFhirQuestionnaireResponse,
  type DateRange,
  type PagedQuery,
  type SearchHandler,
} from '../../fhir/questionnaire-response.mapper';
import { DEFAULT_SEARCH_COUNT } from '../../fhir/search';
import { getResponse, searchResponses, type ResponseRow } from '../../db/repositories/measures.repository';
import { auditFrom, requireActor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { authoriseMeasures } from '../measures/measures-access';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXPOSED_STATUSES = ['in-progress', 'completed'] as const;
const MAX_OBSERVATION_SOURCES = 5000;

type Params = Record<string, string | string[] | undefined>;

function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}/fhir`;
}

function selfAndNext(request: FastifyRequest, resource: string, page: PagedQuery, total: number): { selfUrl: string; nextUrl?: string } {
  const selfUrl = `${baseUrl(request)}/${resource}${request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''}`;
  if (page.offset + page.count >= total) return { selfUrl };
  const next = new URL(selfUrl);
  next.searchParams.set('_offset', String(page.offset + page.count));
  next.searchParams.set('_count', String(page.count));
  return { selfUrl, nextUrl: next.toString() };
}

function notFound(type: string, id: string): AppError {
  return new AppError('not-found', 'not-found', `${type}/${id} was not found.`);
}

/** A YYYY-MM-DD bound covers the whole day (UTC); a date-time is exact. */
function toInstants(range: DateRange | undefined): { from?: Date; before?: Date } {
  if (!range) return {};
  const day = (d: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(d);
  return {
    ...(range.ge ? { from: new Date(day(range.ge) ? `${range.ge}T00:00:00Z` : range.ge) } : {}),
    ...(range.le ? { before: day(range.le) ? new Date(Date.parse(`${range.le}T00:00:00Z`) + 86_400_000) : new Date(Date.parse(range.le) + 1) } : {}),
  };
}

function requirePatient(patientId: string | undefined, issues: Issue[]): void {
  if (patientId === undefined && !issues.some((i) => i.path === 'patient')) {
    issues.push(error('fhir.search-patient-required', 'Search by patient: add patient=Patient/{id}.', 'patient'));
  }
}

function toQuestionnaireResponse(row: ResponseRow, base: string): QuestionnaireResponse | null {
  const instrument = getInstrument(row.instrumentId);
  if (!instrument || (row.status !== 'in-progress' && row.status !== 'completed')) return null;
  return toFhirQuestionnaireResponse({ id: row.id, patientId: row.patientId, instrument, answers: row.answers as Answers, authored: row.authoredAt.toISOString(), status: row.status, baseUrl: base });
}

function toObservations(row: ResponseRow): Observation[] {
  const instrument = getInstrument(row.instrumentId);
  if (!instrument || row.status !== 'completed') return [];
  return toFhirScoreObservations({ responseId: row.id, patientId: row.patientId, instrument, score: row.score as InstrumentScore, effective: row.authoredAt.toISOString(), idPrefix: row.id });
}

interface QuestionnaireQuery extends PagedQuery {
  url?: string;
  name?: string;
}

const QUESTIONNAIRE_HANDLERS = new Map<string, SearchHandler<QuestionnaireQuery>>([
  ['url', (value, _param, query) => (query.url = value)],
  ['name', (value, _param, query) => (query.name = value.trim().toLowerCase())],
  ...pagingHandlers<QuestionnaireQuery>(),
]);

export async function fhirMeasuresRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const send = (reply: FastifyReply, status: number, body: unknown): FastifyReply => reply.status(status).type(FHIR_JSON).send(body);

  // ---- Questionnaire: instrument definitions, no patient data; any signed-in person or API token ----

  app.get<{ Params: { id: string } }>('/Questionnaire/:id', { schema: { hide: true } }, async (request, reply) => {
    requireActor(request);
    if (!isInstrumentId(request.params.id)) throw notFound('Questionnaire', request.params.id);
    return send(reply, 200, toFhirQuestionnaire(INSTRUMENTS[request.params.id], baseUrl(request)));
  });

  app.get('/Questionnaire', { schema: { hide: true } }, async (request, reply) => {
    requireActor(request);
    const query: QuestionnaireQuery = { count: DEFAULT_SEARCH_COUNT, offset: 0 };
    const issues = parseSearchParams(request.query as Params, QUESTIONNAIRE_HANDLERS, query, 'questionnaires');
    if (issues.length > 0) return send(reply, 400, operationOutcomeFromIssues(issues));
    const base = baseUrl(request);
    const matches: Questionnaire[] = INSTRUMENT_IDS.map((id) => toFhirQuestionnaire(INSTRUMENTS[id], base)).filter((q) => {
      if (query.url !== undefined) {
        const [url, version] = query.url.split('|');
        if (q.url !== url || (version !== undefined && q.version !== version)) return false;
      }
      if (query.name !== undefined) {
        const name = query.name;
        if (![q.name, q.title].some((text) => text?.toLowerCase().startsWith(name))) return false;
      }
      return true;
    });
    const page = matches.slice(query.offset, query.offset + query.count);
    return send(reply, 200, resourceSearchsetBundle({ baseUrl: base, total: matches.length, resources: page, ...selfAndNext(request, 'Questionnaire', query, matches.length) }));
  });

  // ---- QuestionnaireResponse ----

  app.get<{ Params: { id: string } }>('/QuestionnaireResponse/:id', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request);
    const { id } = request.params;
    const row = UUID.test(id) ? await getResponse(ctx.db, actor.orgId, id) : undefined;
    const resource = row ? toQuestionnaireResponse(row, baseUrl(request)) : null;
    if (!row || !resource) throw notFound('QuestionnaireResponse', id);
    await authoriseMeasures(ctx, request, row.patientId, 'read');
    await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'QuestionnaireResponse', resourceId: row.id, patientId: row.patientId, reason: 'FHIR read' }));
    return send(reply, 200, resource);
  });

  app.get('/QuestionnaireResponse', { schema: { hide: true } }, async (request, reply) => {
    const { query, issues } = parseQuestionnaireResponseSearch(request.query as Params);
    requirePatient(query.patientId, issues);
    if (issues.length > 0) return send(reply, 400, operationOutcomeFromIssues(issues));
    const { patient } = await authoriseMeasures(ctx, request, query.patientId as string, 'read');
    const result = await searchResponses(ctx.db, {
      orgId: patient.orgId,
      patientId: patient.id,
      instrumentIds: query.instrumentId ? [query.instrumentId] : undefined,
      instrumentVersion: query.questionnaireVersion,
      statuses: EXPOSED_STATUSES,
      ...toInstants(query.authored),
      limit: query.count,
      offset: query.offset,
      order: 'asc',
    });
    const base = baseUrl(request);
    const resources = result.items.map((r) => toQuestionnaireResponse(r, base)).filter((r): r is QuestionnaireResponse => r !== null);
    await ctx.audit.record(
      auditFrom(request, ctx.clock(), { action: 'search', resourceType: 'QuestionnaireResponse', resourceId: resources.map((r) => r.id).join(',') || null, patientId: patient.id, reason: `FHIR search, ${resources.length} of ${result.total}` }),
    );
    return send(reply, 200, resourceSearchsetBundle({ baseUrl: base, total: result.total, resources, ...selfAndNext(request, 'QuestionnaireResponse', query, result.total) }));
  });

  // ---- Observation: scores, `${responseId}-total` and `${responseId}-${subscale}` ----

  app.get<{ Params: { id: string } }>('/Observation/:id', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request);
    const { id } = request.params;
    const responseId = id.slice(0, 36);
    const row = UUID.test(responseId) && id[36] === '-' ? await getResponse(ctx.db, actor.orgId, responseId) : undefined;
    const observation = row ? toObservations(row).find((o) => o.id === id) : undefined;
    if (!row || !observation) throw notFound('Observation', id);
    await authoriseMeasures(ctx, request, row.patientId, 'read');
    await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'Observation', resourceId: id, patientId: row.patientId, reason: 'FHIR read' }));
    return send(reply, 200, observation);
  });

  app.get('/Observation', { schema: { hide: true } }, async (request, reply) => {
    const { query, issues } = parseObservationSearch(request.query as Params);
    requirePatient(query.patientId, issues);
    if (issues.length > 0) return send(reply, 400, operationOutcomeFromIssues(issues));
    const { patient } = await authoriseMeasures(ctx, request, query.patientId as string, 'read');
    const measure = query.code?.measure;
    // A code Painpath never writes matches nothing; otherwise every completed response of the person (in
    // range) is mapped and the page is cut from the observations, since one response may give several.
    const rows =
      query.code && !measure
        ? []
        : (
            await searchResponses(ctx.db, {
              orgId: patient.orgId,
              patientId: patient.id,
              instrumentIds: measure ? [measure.instrumentId] : undefined,
              statuses: ['completed'],
              ...toInstants(query.date),
              limit: MAX_OBSERVATION_SOURCES,
              offset: 0,
              order: 'asc',
            })
          ).items;
    const wanted = measure ? (measure.subscale === null ? 'total' : measure.subscale) : null;
    const all = rows.flatMap(toObservations).filter((o) => wanted === null || o.id?.endsWith(`-${wanted}`));
    const page = all.slice(query.offset, query.offset + query.count);
    await ctx.audit.record(
      auditFrom(request, ctx.clock(), { action: 'search', resourceType: 'Observation', resourceId: page.map((o) => o.id).join(',') || null, patientId: patient.id, reason: `FHIR search, ${page.length} of ${all.length}` }),
    );
    const base = baseUrl(request);
    return send(reply, 200, resourceSearchsetBundle({ baseUrl: base, total: all.length, resources: page, ...selfAndNext(request, 'Observation', query, all.length) }));
  });
}
