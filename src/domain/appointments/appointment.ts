/**
 * Appointments: statuses and the moves between them. Source: issue 4 "Appointments" (visits with type,
 * provider, place or telehealth, duration) and PRODUCT.md capability 9.
 *
 * Status moves: booked → attended | cancelled | no-show; attended ↔ no-show (a correction); cancelled →
 * booked (booked again). Only attended visits count against benefit rules (src/domain/coverage).
 * A visit is either telehealth or has a place; a visit cannot be marked attended before it starts.
 */
import type { Issue } from '../issues';
import { error } from '../issues';

export const APPOINTMENT_STATUSES = ['booked', 'attended', 'cancelled', 'no-show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const APPOINTMENT_MOVES: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  booked: ['attended', 'cancelled', 'no-show'],
  attended: ['no-show'],
  'no-show': ['attended'],
  cancelled: ['booked'],
};

export interface AppointmentFields {
  telehealth: boolean;
  location: string | null;
  startsAt: Date;
  durationMinutes: number;
}

export function validateAppointment(a: AppointmentFields): Issue[] {
  const issues: Issue[] = [];
  if (!a.telehealth && (a.location === null || a.location.trim() === '')) {
    issues.push(error('appointment.place-required', 'A visit in person needs a place; or mark it telehealth.', 'location'));
  }
  if (!Number.isInteger(a.durationMinutes) || a.durationMinutes < 5 || a.durationMinutes > 480) {
    issues.push(error('appointment.duration', 'The duration must be 5 to 480 minutes.', 'durationMinutes'));
  }
  return issues;
}

export function checkStatusMove(from: AppointmentStatus, to: AppointmentStatus, startsAt: Date, asOf: Date): Issue[] {
  if (from === to) return [];
  if (!APPOINTMENT_MOVES[from].includes(to)) {
    return [error('appointment.invalid-status-move', `A visit that is ${from} cannot become ${to}.`, 'status')];
  }
  if ((to === 'attended' || to === 'no-show') && startsAt.getTime() > asOf.getTime()) {
    return [error('appointment.not-started', `A visit cannot be marked ${to} before it starts.`, 'status')];
  }
  return [];
}
