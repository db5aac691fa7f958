/**
 * Appointments: a patient's list (with each booked visit's coverage answer and same-day bundling
 * suggestions, both under the clinic's coverage settings), booking, changes (status, time, place;
 * If-Match) and the calendar file (RFC 5545).
 * Patients and consenting caregivers read their own list and calendar; staff book and change.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { APPOINTMENT_STATUSES } from '../../domain/appointments/appointment';
import { suggestBundles } from '../../domain/appointments/bundling';
import { buildIcsCalendar } from '../../domain/appointments/ics';
import type { IcsEvent } from '../../domain/appointments/ics';
import { SERVICE_LABELS } from '../../domain/coverage/services';
import type { CoverageService } from '../../domain/coverage/services';
import { evaluateVisitCoverage } from '../../domain/coverage/visit-coverage';
import type { CountedVisit } from '../../domain/coverage/visit-count';
import { listPatientAppointments } from '../../db/repositories/appointments.repository';
import type { AppointmentRow } from '../../db/repositories/appointments.repository';
import { loadCoverageContexts } from '../../db/repositories/coverage-context.repository';
import { getClinicCoverageSettings, type StoredCoverageSettings } from '../../db/repositories/coverage-settings.repository';
import type { DbOrTx } from '../../db/client';
import { authorisePatient } from '../access/access.service';
import { auditFrom } from '../auth/actor';
import type { AppContext } from '../context';
import { errorResponses, etag, IdParams, IsoInstant, Nullable, StringEnum } from '../schemas';
import { requireIfMatch, toDateString } from '../coverage/coverage.http';
import { Service } from '../coverage/coverage.schemas';
import { bookAppointment, changeAppointment } from './appointments.service';

const S = Type.String();
const NS = Nullable(Type.String());
const CoverageSummary = Nullable(Type.Object({ answer: S, reasons: Type.Array(Type.Object({ code: S, met: Type.Boolean(), message: S })), issues: Type.Array(Type.Object({ code: S, message: S, severity: S })) }));
export const Appointment = Type.Object({
  id: S,
  patientId: S,
  visitType: S,
  visitLabel: S,
  providerName: S,
  location: NS,
  telehealth: Type.Boolean(),
  startsAt: S,
  durationMinutes: Type.Integer(),
  status: S,
  notes: NS,
  reminderTaskId: NS,
  version: Type.Integer(),
  coverage: CoverageSummary,
});
const BookBody = Type.Object(
  {
    visitType: Service,
    providerName: Type.String({ minLength: 1, maxLength: 200 }),
    location: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    telehealth: Type.Boolean(),
    startsAt: IsoInstant,
    durationMinutes: Type.Integer({ minimum: 5, maximum: 480 }),
    notes: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
const PatchBody = Type.Object(
  {
    status: Type.Optional(StringEnum(APPOINTMENT_STATUSES)),
    startsAt: Type.Optional(IsoInstant),
    durationMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 480 })),
    providerName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    location: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    telehealth: Type.Optional(Type.Boolean()),
    notes: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
const Bundle = Type.Object({ targetDate: S, moveIds: Type.Array(S), keepIds: Type.Array(S), journeysSaved: Type.Integer(), message: S, settings: Type.Object({}, { additionalProperties: true }) });
const READ = { action: 'read', category: 'general', caregiverScope: 'appointments' } as const;

type Presented = Omit<AppointmentRow, 'startsAt' | 'createdAt' | 'updatedAt' | 'orgId' | 'createdBy'> & { startsAt: string; visitLabel: string; coverage: ReturnType<typeof evaluateVisitCoverage> | null };

/**
 * Each appointment, with the coverage answer for booked visits (from the record as of today). A booked
 * visit's answer assumes the booked visits before it are attended, so the second of two booked visits is
 * counted as the next one after the first.
 */
async function present(db: DbOrTx, orgId: string, patientId: string, rows: AppointmentRow[], asOf: Date, clinicSettings?: StoredCoverageSettings): Promise<Presented[]> {
  const [[ctx], all, { coverage: settings }] = await Promise.all([
    loadCoverageContexts(db, orgId, [patientId], toDateString(asOf)),
    listPatientAppointments(db, orgId, patientId),
    clinicSettings ?? getClinicCoverageSettings(db, orgId),
  ]);
  return rows.map((r) => {
    const { orgId: _o, createdBy: _c, createdAt: _ca, updatedAt: _u, ...rest } = r;
    let coverage: ReturnType<typeof evaluateVisitCoverage> | null = null;
    if (r.status === 'booked' && ctx) {
      const visits = all.map((v) => ({
        date: toDateString(v.startsAt),
        service: v.visitType as CoverageService,
        status: v.status === 'booked' && v.id !== r.id && v.startsAt.getTime() < r.startsAt.getTime() ? ('attended' as const) : (v.status as CountedVisit['status']),
      }));
      coverage = evaluateVisitCoverage({ ...ctx, service: r.visitType as CoverageService, date: toDateString(r.startsAt), visits }, settings);
    }
    return { ...rest, startsAt: r.startsAt.toISOString(), visitLabel: SERVICE_LABELS[r.visitType as CoverageService] ?? r.visitType, coverage };
  });
}

export const appointmentRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Appointments'];

  app.get(
    '/patients/:id/appointments',
    { schema: { tags, summary: "A patient's appointments, with coverage for booked visits and same-day bundling suggestions", params: IdParams, response: { 200: Type.Object({ items: Type.Array(Appointment), bundling: Type.Array(Bundle) }), ...errorResponses } } },
    async (request) => {
      const { patient } = await authorisePatient(ctx, request, request.params.id, READ);
      const asOf = ctx.clock();
      const [rows, clinicSettings] = await Promise.all([listPatientAppointments(ctx.db, patient.orgId, patient.id), getClinicCoverageSettings(ctx.db, patient.orgId)]);
      const items = await present(ctx.db, patient.orgId, patient.id, rows, asOf, clinicSettings);
      const bundling = suggestBundles(
        rows.map((r) => ({ id: r.id, date: toDateString(r.startsAt), telehealth: r.telehealth, status: r.status, label: SERVICE_LABELS[r.visitType as CoverageService] ?? r.visitType })),
        toDateString(asOf),
        clinicSettings.bundling.bundlingWindowDays,
      );
      await ctx.audit.record(auditFrom(request, asOf, { action: 'read', resourceType: 'Appointment', resourceId: patient.id, patientId: patient.id }));
      return { items, bundling };
    },
  );

  app.post('/patients/:id/appointments', { schema: { tags, summary: 'Book an appointment (raises a reminder task for the day before)', params: IdParams, body: BookBody, response: { 201: Appointment, ...errorResponses } } }, async (request, reply) => {
    const row = await bookAppointment(ctx, request, request.params.id, request.body);
    void reply.status(201).header('etag', etag(row.version));
    return (await present(ctx.db, row.orgId, row.patientId, [row], ctx.clock()))[0];
  });

  app.patch(
    '/appointments/:id',
    { schema: { tags, summary: 'Change an appointment: attended, cancelled, no-show, moved (If-Match)', params: IdParams, headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }), body: PatchBody, response: { 200: Appointment, ...errorResponses } } },
    async (request, reply) => {
      const expected = requireIfMatch(request);
      const row = await changeAppointment(ctx, request, request.params.id, expected, request.body);
      void reply.header('etag', etag(row.version));
      return (await present(ctx.db, row.orgId, row.patientId, [row], ctx.clock()))[0];
    },
  );

  app.get(
    '/patients/:id/appointments.ics',
    { schema: { tags, summary: "The patient's appointments as an iCalendar file (RFC 5545): booked and cancelled visits from 30 days ago on", params: IdParams, produces: ['text/calendar'] } },
    async (request, reply) => {
      const { patient } = await authorisePatient(ctx, request, request.params.id, READ);
      const asOf = ctx.clock();
      const from = asOf.getTime() - 30 * 86_400_000;
      const rows = (await listPatientAppointments(ctx.db, patient.orgId, patient.id)).filter((r) => r.startsAt.getTime() >= from && (r.status === 'booked' || r.status === 'cancelled'));
      const host = 'painpath';
      const events: IcsEvent[] = rows.map((r) => {
        const label = SERVICE_LABELS[r.visitType as CoverageService] ?? r.visitType;
        return {
          uid: `${r.id}@${host}`,
          start: r.startsAt,
          durationMinutes: r.durationMinutes,
          summary: `${label} with ${r.providerName}`,
          description: [r.telehealth ? 'Telehealth visit: the clinic sends the link before the visit.' : null, r.notes].filter(Boolean).join('\n') || null,
          location: r.telehealth ? 'Telehealth' : r.location,
          status: r.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
          sequence: r.version - 1,
        };
      });
      await ctx.audit.record(auditFrom(request, asOf, { action: 'export', resourceType: 'Appointment', resourceId: patient.id, patientId: patient.id, reason: 'calendar' }));
      void reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="painpath-appointments.ics"').header('cache-control', 'no-store');
      return buildIcsCalendar(events, asOf, 'Painpath appointments');
    },
  );
};
