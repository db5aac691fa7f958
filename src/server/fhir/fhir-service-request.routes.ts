/**
 * FHIR R4 ServiceRequest (referrals): read, and search by patient. Access and audit are the REST ones
 * (src/server/referrals/referral-access.ts): restricted services only for those allowed to see them.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ReferralService, ReferralUrgency } from '../../domain/referrals/services';
import type { ReferralStatus } from '../../domain/referrals/status';
import { operationOutcomeFromIssues } from '../../fhir/operation-outcome';
import { resourceSearchsetBundle } from '../../fhir/questionnaire-response.mapper';
import { toFhirServiceRequest } from '../../fhir/service-request.mapper';
import { referralsForPatient, type ReferralRow } from '../../db/repositories/referrals.repository';
import { auditFrom } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { authoriseReferralRead, canReadRestricted, isRestrictedService } from '../referrals/referral-access';
import { loadReferral } from '../referrals/referrals.service';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toResource(r: ReferralRow) {
  return toFhirServiceRequest({
    id: r.id,
    patientId: r.patientId,
    service: r.service as ReferralService,
    urgency: r.urgency as ReferralUrgency,
    status: r.status as ReferralStatus,
    reason: r.reason,
    question: r.question,
    sentDate: r.sentDate,
    declineReason: r.declineReason,
    receivingProvider: r.receivingProvider,
    attachments: r.attachments,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  });
}

export async function fhirServiceRequestRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const send = (reply: FastifyReply, status: number, body: unknown): FastifyReply => reply.status(status).type(FHIR_JSON).send(body);
  const base = (request: FastifyRequest): string => `${request.protocol}://${request.host}/fhir`;

  app.get<{ Params: { id: string } }>('/ServiceRequest/:id', { schema: { hide: true } }, async (request, reply) => {
    if (!UUID.test(request.params.id)) throw new AppError('not-found', 'not-found', `ServiceRequest/${request.params.id} was not found.`);
    const row = await loadReferral(ctx, request, request.params.id);
    await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'ServiceRequest', resourceId: row.id, patientId: row.patientId }));
    return send(reply.header('etag', `W/"${row.version}"`), 200, toResource(row));
  });

  app.get<{ Querystring: Record<string, string | string[] | undefined> }>('/ServiceRequest', { schema: { hide: true } }, async (request, reply) => {
    const raw = request.query.patient ?? request.query.subject;
    const value = Array.isArray(raw) ? raw[0] : raw;
    const unknown = Object.keys(request.query).filter((k) => k !== 'patient' && k !== 'subject');
    const patientId = value?.replace(/^Patient\//, '');
    const issues = [
      ...(patientId === undefined || !UUID.test(patientId) ? [{ code: 'fhir.search-patient-required', severity: 'error' as const, message: 'Search by patient: add patient=Patient/{id}.', path: 'patient' }] : []),
      ...unknown.map((k) => ({ code: 'fhir.search-param-unknown', severity: 'error' as const, message: `The search parameter ${k} is not supported.`, path: k })),
    ];
    if (issues.length > 0 || patientId === undefined) return send(reply, 400, operationOutcomeFromIssues(issues));
    const { patient } = await authoriseReferralRead(ctx, request, patientId);
    const restrictedOk = canReadRestricted(request, patient.id);
    const rows = (await referralsForPatient(ctx.db, patient.orgId, patient.id)).filter((r) => restrictedOk || !isRestrictedService(r.service));
    await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'search', resourceType: 'ServiceRequest', patientId: patient.id, resourceId: rows.map((r) => r.id).join(',') }));
    const self = `${base(request)}/ServiceRequest${request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''}`;
    return send(reply, 200, resourceSearchsetBundle({ baseUrl: base(request), total: rows.length, resources: rows.map(toResource), selfUrl: self }));
  });
}
