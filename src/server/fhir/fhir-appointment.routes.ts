/**
 * FHIR R4 Appointment: read, and search by patient. Access and audit as for the REST appointment routes
 * (patient self and consenting caregivers with the appointments scope included).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppointmentStatus } from '../../domain/appointments/appointment';
import type { CoverageService } from '../../domain/coverage/services';
import { toFhirAppointment } from '../../fhir/appointment.mapper';
import { operationOutcomeFromIssues } from '../../fhir/operation-outcome';
import { resourceSearchsetBundle } from '../../fhir/questionnaire-response.mapper';
import { findAppointment, listPatientAppointments } from '../../db/repositories/appointments.repository';
import type { AppointmentRow } from '../../db/repositories/appointments.repository';
import { authorisePatient } from '../access/access.service';
import { auditFrom, requireActor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError } from '../errors';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const READ = { action: 'read', category: 'general', caregiverScope: 'appointments' } as const;

const toResource = (r: AppointmentRow): ReturnType<typeof toFhirAppointment> =>
  toFhirAppointment({ ...r, visitType: r.visitType as CoverageService, status: r.status as AppointmentStatus });

export async function fhirAppointmentRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const send = (reply: FastifyReply, status: number, body: unknown): FastifyReply => reply.status(status).type(FHIR_JSON).send(body);
  const base = (request: FastifyRequest): string => `${request.protocol}://${request.host}/fhir`;

  app.get<{ Params: { id: string } }>('/Appointment/:id', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request);
    const notFoundError = new AppError('not-found', 'not-found', `Appointment/${request.params.id} was not found.`);
    if (!UUID.test(request.params.id)) throw notFoundError;
    const row = await findAppointment(ctx.db, actor.orgId, request.params.id);
    if (!row) throw notFoundError;
    await authorisePatient(ctx, request, row.patientId, READ);
    await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'Appointment', resourceId: row.id, patientId: row.patientId }));
    return send(reply.header('etag', `W/"${row.version}"`), 200, toResource(row));
  });

  app.get<{ Querystring: Record<string, string | string[] | undefined> }>('/Appointment', { schema: { hide: true } }, async (request, reply) => {
    requireActor(request);
    const raw = request.query.patient ?? request.query.actor;
    const value = Array.isArray(raw) ? raw[0] : raw;
    const unknown = Object.keys(request.query).filter((k) => k !== 'patient' && k !== 'actor');
    const patientId = value?.replace(/^Patient\//, '');
    const issues = [
      ...(patientId === undefined || !UUID.test(patientId) ? [{ code: 'fhir.search-patient-required', severity: 'error' as const, message: 'Search by patient: add patient=Patient/{id}.', path: 'patient' }] : []),
      ...unknown.map((k) => ({ code: 'fhir.search-param-unknown', severity: 'error' as const, message: `The search parameter ${k} is not supported.`, path: k })),
    ];
    if (issues.length > 0 || patientId === undefined) return send(reply, 400, operationOutcomeFromIssues(issues));
    const { patient } = await authorisePatient(ctx, request, patientId, READ);
    const rows = await listPatientAppointments(ctx.db, patient.orgId, patient.id);
    await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'search', resourceType: 'Appointment', patientId: patient.id, resourceId: rows.map((r) => r.id).join(',') }));
    const self = `${base(request)}/Appointment${request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''}`;
    return send(reply, 200, resourceSearchsetBundle({ baseUrl: base(request), total: rows.length, resources: rows.map(toResource), selfUrl: self }));
  });
}
