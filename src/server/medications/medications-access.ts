/**
 * Who may see and change a patient's medications, monitoring records and taper plans.
 *
 * Decision (issue "Medications and opioid safety"): the medication list, PDMP checks, urine drug test
 * results and taper plans are the GENERAL record category: the whole care team needs them for safe
 * prescribing, and they belong to pain care, not to a substance-use treatment programme (42 CFR Part 2
 * records stay restricted elsewhere). Reading and writing are for staff on the care team (or break-glass)
 * and API tokens; caregivers never see them here. The person's own view ("My medicines", plain words, no MME
 * or risk review) is authoriseMyMedicines below.
 */
import type { FastifyRequest } from 'fastify';
import type { AccessAction } from '../../domain/access/patient-access';
import { auditFrom, requireActor } from '../auth/actor';
import { authorisePatient, type AuthorisedPatient } from '../access/access.service';
import type { AppContext } from '../context';
import { AppError } from '../errors';

export async function authoriseMedications(ctx: AppContext, request: FastifyRequest, patientId: string, action: AccessAction): Promise<AuthorisedPatient> {
  const actor = requireActor(request);
  if (actor.kind === 'user' && (actor.role === 'caregiver' || actor.role === 'patient')) {
    const authorised = await authorisePatient(ctx, request, patientId, { action, category: 'general' });
    await ctx.audit.record(
      auditFrom(request, ctx.clock(), { action: 'access-denied', resourceType: 'Patient', resourceId: authorised.patient.id, patientId: authorised.patient.id, reason: 'access.medications-staff-only' }),
    );
    throw new AppError('forbidden', 'access.medications-staff-only', 'The medication list is kept by the care team.');
  }
  return authorisePatient(ctx, request, patientId, { action, category: 'general' });
}

/**
 * "My medicines" (GET /patients/:id/my-medicines) is the portal's view, for the person and for a caregiver
 * whose active consent includes the 'medications' scope (src/domain/access/patient-access.ts). Staff and
 * API tokens are sent to the Medications page instead (403 'access.my-medicines-portal-only'): it shows the
 * same orders with the clinical context they need, and keeping one audience per route keeps the rule small.
 * Staff are first checked like any other read, so an unknown patient is a 404 and an off-team user hears
 * the usual care-team answer.
 */
export async function authoriseMyMedicines(ctx: AppContext, request: FastifyRequest, patientId: string): Promise<AuthorisedPatient> {
  const actor = requireActor(request);
  const authorised = await authorisePatient(ctx, request, patientId, { action: 'read', category: 'general', caregiverScope: 'medications' });
  if (actor.kind === 'user' && (actor.role === 'patient' || actor.role === 'caregiver')) return authorised;
  await ctx.audit.record(
    auditFrom(request, ctx.clock(), { action: 'access-denied', resourceType: 'Patient', resourceId: authorised.patient.id, patientId: authorised.patient.id, reason: 'access.my-medicines-portal-only' }),
  );
  throw new AppError('forbidden', 'access.my-medicines-portal-only', 'This list is the patient\u2019s own view in the portal. Staff see the full list on the patient\u2019s Medications page.');
}

/** The name written on records a person makes (PDMP checks, tests, plans). */
export function actorLabel(request: FastifyRequest): { id: string; name: string } {
  const actor = requireActor(request);
  return actor.kind === 'user' ? { id: actor.userId, name: actor.displayName } : { id: actor.tokenId, name: `API token: ${actor.name}` };
}
