import { describe, expect, it } from 'vitest';
import { APPOINTMENT_STATUSES } from '../domain/appointments/appointment';
import { TELEHEALTH_URL, toFhirAppointment } from './appointment.mapper';

const base = {
  id: 'a1',
  patientId: 'p1',
  visitType: 'physical-therapy' as const,
  providerName: 'Sam Lee, PT',
  location: 'Clinic room 2',
  telehealth: false,
  startsAt: new Date('2026-03-05T14:30:00Z'),
  durationMinutes: 45,
  status: 'booked' as const,
  notes: null,
  version: 3,
  updatedAt: new Date('2026-03-01T00:00:00Z'),
};

describe('Appointment mapper', () => {
  it.each(APPOINTMENT_STATUSES.map((s) => [s, { booked: 'booked', attended: 'fulfilled', cancelled: 'cancelled', 'no-show': 'noshow' }[s]] as const))('%s → %s', (status, fhir) => {
    expect(toFhirAppointment({ ...base, status }).status).toBe(fhir);
  });
  it('maps time, service, participants and telehealth', () => {
    const r = toFhirAppointment(base);
    expect(r).toMatchObject({ start: '2026-03-05T14:30:00.000Z', end: '2026-03-05T15:15:00.000Z', minutesDuration: 45, meta: { versionId: '3' } });
    expect(r.serviceType?.[0]?.coding?.[0]?.code).toBe('physical-therapy');
    expect(r.participant.map((p) => p.actor?.reference ?? p.actor?.display)).toEqual(['Patient/p1', 'Sam Lee, PT', 'Clinic room 2']);
    expect(r.extension).toEqual([{ url: TELEHEALTH_URL, valueBoolean: false }]);
    const tele = toFhirAppointment({ ...base, telehealth: true, location: null });
    expect(tele.participant).toHaveLength(2);
    expect(tele.extension?.[0]?.valueBoolean).toBe(true);
  });
});
