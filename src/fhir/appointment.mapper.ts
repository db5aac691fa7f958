/**
 * A Painpath appointment as a FHIR R4 Appointment (https://hl7.org/fhir/R4/appointment.html).
 * - status: booked → booked; attended → fulfilled; cancelled → cancelled; no-show → noshow.
 * - serviceType: the Painpath coverage-service code system (code = service id) with its display.
 * - start/end in UTC instants; minutesDuration = the booked duration.
 * - participant: the patient (Patient/{id}, accepted) and the provider (display only: providers are not
 *   Practitioner resources here); an in-person visit adds its place as a Location participant (display only).
 * - Telehealth is the extension `telehealth` (valueBoolean); R4 has no element for it.
 */
import type { Appointment } from '@medplum/fhirtypes';
import type { AppointmentStatus } from '../domain/appointments/appointment';
import type { CoverageService } from '../domain/coverage/services';
import { SERVICE_LABELS } from '../domain/coverage/services';
import { PAINPATH_STRUCTURE_DEFINITION_BASE } from './painpath-extensions';

export const COVERAGE_SERVICE_SYSTEM = 'https://painpath.org/fhir/CodeSystem/coverage-service';
export const TELEHEALTH_URL = `${PAINPATH_STRUCTURE_DEFINITION_BASE}telehealth`;

export interface AppointmentForFhir {
  id: string;
  patientId: string;
  visitType: CoverageService;
  providerName: string;
  location: string | null;
  telehealth: boolean;
  startsAt: Date;
  durationMinutes: number;
  status: AppointmentStatus;
  notes: string | null;
  version: number;
  updatedAt: Date;
}

const FHIR_STATUS: Record<AppointmentStatus, Appointment['status']> = { booked: 'booked', attended: 'fulfilled', cancelled: 'cancelled', 'no-show': 'noshow' };

export function toFhirAppointment(a: AppointmentForFhir): Appointment {
  const label = SERVICE_LABELS[a.visitType];
  const end = new Date(a.startsAt.getTime() + a.durationMinutes * 60_000);
  return {
    resourceType: 'Appointment',
    id: a.id,
    meta: { versionId: String(a.version), lastUpdated: a.updatedAt.toISOString() },
    extension: [{ url: TELEHEALTH_URL, valueBoolean: a.telehealth }],
    status: FHIR_STATUS[a.status],
    serviceType: [{ coding: [{ system: COVERAGE_SERVICE_SYSTEM, code: a.visitType, display: label }], text: label }],
    description: `${label} with ${a.providerName}`,
    start: a.startsAt.toISOString(),
    end: end.toISOString(),
    minutesDuration: a.durationMinutes,
    ...(a.notes ? { comment: a.notes } : {}),
    participant: [
      { actor: { reference: `Patient/${a.patientId}` }, required: 'required', status: 'accepted' },
      { actor: { display: a.providerName }, required: 'required', status: 'accepted' },
      ...(!a.telehealth && a.location ? [{ actor: { display: a.location }, required: 'required' as const, status: 'accepted' as const }] : []),
    ],
  };
}
