/**
 * Who may see and change a care plan.
 * - Staff on the care team (or the coordinator, or break-the-glass) read and write everything.
 * - The patient reads their own plan (right of access) and reports their relief window and how the goal
 *   activities went (self access); they cannot change the plan, sessions, flares or checkpoints.
 * - Caregivers: none yet (a care plan is not among the consent scopes); denied and audited.
 * - API tokens: read with patients.read (FHIR), write with patients.write.
 * Category: general (rehabilitation and pain care; behavioural-health notes do not live here).
 */
import type { FastifyRequest } from 'fastify';
import type { AccessAction } from '../../domain/access/patient-access';
import { auditFrom, requireActor } from '../auth/actor';
import { authorisePatient, type AuthorisedPatient } from '../access/access.service';
import type { AppContext } from '../context';
import { AppError } from '../errors';

export const CARE_PLAN_CATEGORY = 'general' as const;

export async function authoriseCarePlan(ctx: AppContext, request: FastifyRequest, patientId: string, action: AccessAction, opts: { patientMayWrite?: boolean } = {}): Promise<AuthorisedPatient> {
  const actor = requireActor(request);
  const authorised = await authorisePatient(ctx, request, patientId, { action: 'read', category: CARE_PLAN_CATEGORY });
  const personFacing = actor.kind === 'user' && (actor.role === 'patient' || actor.role === 'caregiver');
  if (actor.kind === 'user' && actor.role === 'caregiver') return deny(ctx, request, authorised, 'access.caregiver-care-plan', 'Caregivers cannot see or change the care plan yet; the patient can share it in person.');
  if (action === 'write' && personFacing && !opts.patientMayWrite) return deny(ctx, request, authorised, 'access.patient-read-only', 'You can read your plan and report how you are doing; your care team changes the plan with you.');
  if (action === 'write') return authorisePatient(ctx, request, patientId, { action: 'write', category: CARE_PLAN_CATEGORY });
  return authorised;
}

async function deny(ctx: AppContext, request: FastifyRequest, authorised: AuthorisedPatient, code: string, message: string): Promise<never> {
  await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'access-denied', resourceType: 'CarePlan', resourceId: authorised.patient.id, patientId: authorised.patient.id, reason: code }));
  throw new AppError('forbidden', code, message);
}
