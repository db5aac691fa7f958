/**
 * Upcoming (booked) appointments for a set of patients, for the coordinator's workspace and the portal.
 * The caller has already decided the user may see these patients (access service).
 */
import type { DbOrTx } from '../../db/client';
import { selectUpcomingAppointments } from '../../db/repositories/appointments.repository';
import type { AppointmentRow } from '../../db/repositories/appointments.repository';

export const DEFAULT_UPCOMING_DAYS = 30;

export async function listUpcomingAppointments(
  db: DbOrTx,
  orgId: string,
  patientIds: readonly string[],
  asOf: Date,
  days: number = DEFAULT_UPCOMING_DAYS,
): Promise<AppointmentRow[]> {
  const until = new Date(asOf.getTime() + days * 86_400_000);
  return selectUpcomingAppointments(db, orgId, patientIds, asOf, until);
}
