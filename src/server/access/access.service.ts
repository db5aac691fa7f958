/**
 * Loads the facts about a patient and the caller, asks the pure access decision (src/domain/access), and
 * either returns the patient or throws a clear 403/404. Denied attempts are audited too.
 */
import type { FastifyRequest } from 'fastify';
import {
  decidePatientAccess,
  type AccessDecision,
  type AccessRequest,
  type BreakGlassGrant,
  type CaregiverConsent,
} from '../../domain/access/patient-access';
import { breakGlassFor, consentsFor } from '../../db/repositories/access.repository';
import { getPatientWithCareTeam, type PatientRow, type PatientWithCareTeam } from '../../db/repositories/patients.repository';
import { auditFrom, requireActor, toAccessActor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError, notFound } from '../errors';

export interface AuthorisedPatient {
  patient: PatientRow;
  decision: AccessDecision;
  /** When access rests on break-the-glass: when it ends. */
  breakGlassExpiresAt: Date | null;
  /** The care team, its members and the coordinator as loaded with the patient (for the detail view). */
  careTeam: Omit<PatientWithCareTeam, 'patient'>;
}

export async function authorisePatient(
  ctx: AppContext,
  request: FastifyRequest,
  patientId: string,
  access: AccessRequest,
): Promise<AuthorisedPatient> {
  const actor = requireActor(request);
  const asOf = ctx.clock();
  const loaded = await getPatientWithCareTeam(ctx.db, actor.orgId, patientId);
  if (!loaded) throw notFound('The patient');
  const { patient, ...careTeam } = loaded;
  const memberIds = careTeam.members.map((m) => m.id);
  const isUser = actor.kind === 'user';
  const onTeam = isUser && (memberIds.includes(actor.userId) || patient.coordinatorUserId === actor.userId);
  let consents: CaregiverConsent[] = [];
  let breakGlass: BreakGlassGrant[] = [];
  if (isUser && actor.role === 'caregiver') consents = await consentsFor(ctx.db, actor.userId, patient.id);
  else if (isUser && !onTeam && actor.role !== 'patient') breakGlass = await breakGlassFor(ctx.db, actor.userId, patient.id, asOf);
  const decision = decidePatientAccess(
    toAccessActor(actor),
    { patientId: patient.id, orgId: patient.orgId, careTeamMemberIds: memberIds, coordinatorUserId: patient.coordinatorUserId },
    access,
    { consents, breakGlass, settings: actor.settings, asOf },
  );
  if (!decision.allowed) {
    await ctx.audit.record(
      auditFrom(request, asOf, {
        action: 'access-denied',
        resourceType: 'Patient',
        resourceId: patient.id,
        patientId: patient.id,
        reason: decision.code,
      }),
    );
    throw new AppError('forbidden', decision.code, decision.reason, [], { breakGlassAvailable: decision.breakGlassAvailable });
  }
  const grant = decision.basis === 'break-glass' ? breakGlass[0] : undefined;
  return { patient, decision, breakGlassExpiresAt: grant ? grant.expiresAt : null, careTeam };
}
