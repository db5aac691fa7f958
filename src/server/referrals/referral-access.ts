/**
 * Access to referrals. Referrals to behavioural health and substance use treatment are restricted records
 * (src/domain/access): only roles in the clinic's `restrictedCategoryRoles`, the person themselves, or API
 * tokens with `restricted.read` (read only) see them; caregivers never do. Caregivers see other referrals
 * with the `appointments` consent scope.
 */
import type { FastifyRequest } from 'fastify';
import type { ReferralService } from '../../domain/referrals/services';
import { requireActor } from '../auth/actor';
import { authorisePatient, type AuthorisedPatient } from '../access/access.service';
import type { AppContext } from '../context';

export const RESTRICTED_SERVICES: readonly ReferralService[] = ['behavioural-health', 'substance-use-treatment'];

export function isRestrictedService(service: string): boolean {
  return (RESTRICTED_SERVICES as readonly string[]).includes(service);
}

/** Whether the caller (already allowed to read the patient's general record) may read restricted referrals. */
export function canReadRestricted(request: FastifyRequest, patientId: string): boolean {
  const actor = requireActor(request);
  if (actor.kind === 'api-token') return actor.scopes.includes('restricted.read');
  if (actor.role === 'patient') return actor.patientId === patientId;
  if (actor.role === 'caregiver') return false;
  return actor.settings.restrictedCategoryRoles.includes(actor.role);
}

export async function authoriseReferralRead(ctx: AppContext, request: FastifyRequest, patientId: string): Promise<AuthorisedPatient> {
  return authorisePatient(ctx, request, patientId, { action: 'read', category: 'general', caregiverScope: 'appointments' });
}

export async function authoriseReferralWrite(ctx: AppContext, request: FastifyRequest, patientId: string, service: string): Promise<AuthorisedPatient> {
  return authorisePatient(ctx, request, patientId, { action: 'write', category: isRestrictedService(service) ? 'restricted' : 'general' });
}
