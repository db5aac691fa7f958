/**
 * Who may read or write a person's record. Source: issue "Foundation" (Trust: "roles plus care-team
 * membership decide who sees whom; behavioural-health and substance-use records restricted further;
 * break-the-glass with reason") and PRODUCT.md capabilities 10 and 13.
 *
 * Rules, checked in this order:
 * 1. Actor and patient in different organisations → deny 'access.other-organisation'; break-glass is not offered.
 * 2. Role `patient`: allowed (basis 'self') to read and write general and restricted records only when
 *    actor.patientId === subject.patientId (a person's right of access to their own record); else 'access.not-self'.
 * 3. Role `caregiver`: restricted category always denied ('access.restricted-category'). Otherwise allowed
 *    (basis 'caregiver-consent') only with an active consent for this caregiver and patient ('access.no-consent')
 *    whose scopes include the requested caregiverScope, default 'demographics' ('access.scope-not-consented');
 *    writes only for the scopes 'check-ins' and 'appointments' ('access.caregiver-read-only').
 * 4. Staff roles (STAFF_ROLES): for category 'restricted' the role must be in settings.restrictedCategoryRoles,
 *    whatever the relationship, and break-glass does not lift this ('access.restricted-category', break-glass
 *    not offered because it would not help). Then: userId in careTeamMemberIds (basis 'care-team'), else the
 *    patient's coordinator (basis 'coordinator'), else an active break-glass grant for this user and patient
 *    (basis 'break-glass'), else deny 'access.not-on-care-team' with breakGlassAvailable true. Being
 *    administrator or clinic lead gives no patient access by itself.
 * 5. API tokens (system clients such as an EHR): read needs 'patients.read', write needs 'patients.write';
 *    restricted reads also need 'restricted.read'; restricted writes are always denied; basis 'api-token';
 *    deny code 'access.token-scope'.
 *
 * Assumptions:
 * - Staff access does not differ between read and write; finer write rules belong to each feature.
 * - Several active consents for the same caregiver and patient combine (any one granting the scope is enough).
 * - Unknown scope strings in a consent or token are ignored, never treated as a wildcard.
 * - Time windows are half-open [start, end); an unparseable date (Invalid Date) never grants access.
 */
import type { ClinicSettings } from './settings';
import type { Role } from './roles';
import { isStaffRole } from './roles';

export type RecordCategory = 'general' | 'restricted';
export type AccessAction = 'read' | 'write';
export const CAREGIVER_SCOPES = ['demographics', 'appointments', 'check-ins', 'medications', 'care-plan'] as const;
export type CaregiverScope = (typeof CAREGIVER_SCOPES)[number];
export const API_TOKEN_SCOPES = ['patients.read', 'patients.write', 'restricted.read'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** Caregiver scopes under which a caregiver may also write (help with check-ins, manage appointments). */
export const CAREGIVER_WRITE_SCOPES: readonly CaregiverScope[] = ['check-ins', 'appointments'];

export type AccessActor =
  | { kind: 'user'; userId: string; orgId: string; role: Role; patientId: string | null }
  | { kind: 'api-token'; tokenId: string; orgId: string; scopes: readonly string[] };
export interface AccessSubject {
  patientId: string;
  orgId: string;
  careTeamMemberIds: readonly string[];
  coordinatorUserId: string | null;
}
export interface CaregiverConsent {
  caregiverUserId: string;
  patientId: string;
  scopes: readonly string[];
  grantedAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}
export interface BreakGlassGrant {
  userId: string;
  patientId: string;
  startedAt: Date;
  expiresAt: Date;
}
export interface AccessContext {
  consents: readonly CaregiverConsent[];
  breakGlass: readonly BreakGlassGrant[];
  settings: ClinicSettings;
  asOf: Date;
}
export interface AccessRequest {
  action: AccessAction;
  category: RecordCategory;
  caregiverScope?: CaregiverScope;
}
export type AccessBasis = 'self' | 'care-team' | 'coordinator' | 'caregiver-consent' | 'break-glass' | 'api-token';
export interface AccessDecision {
  allowed: boolean;
  basis: AccessBasis | null;
  /** Stable, e.g. 'access.care-team', 'access.not-on-care-team', 'access.other-organisation'. */
  code: string;
  /** Plain-language explanation shown to people. */
  reason: string;
  /** True only for a staff user who is denied for lack of care-team membership. */
  breakGlassAvailable: boolean;
}

function allow(basis: AccessBasis, reason: string): AccessDecision {
  return { allowed: true, basis, code: `access.${basis}`, reason, breakGlassAvailable: false };
}

function deny(code: string, reason: string, breakGlassAvailable = false): AccessDecision {
  return { allowed: false, basis: null, code, reason, breakGlassAvailable };
}

/** Whether a grant is active at asOf: startedAt <= asOf < expiresAt. */
export function isBreakGlassActive(grant: BreakGlassGrant, asOf: Date): boolean {
  return grant.startedAt.getTime() <= asOf.getTime() && asOf.getTime() < grant.expiresAt.getTime();
}

/** grantedAt <= asOf, not revoked at or before asOf, and expiresAt null or asOf < expiresAt. */
export function isConsentActive(consent: CaregiverConsent, asOf: Date): boolean {
  const t = asOf.getTime();
  if (!(consent.grantedAt.getTime() <= t)) return false;
  // Written as "not (asOf < revokedAt)" so an unparseable revokedAt counts as revoked.
  if (consent.revokedAt !== null && !(t < consent.revokedAt.getTime())) return false;
  if (consent.expiresAt !== null && !(t < consent.expiresAt.getTime())) return false;
  return true;
}

function decideForToken(scopes: readonly string[], request: AccessRequest): AccessDecision {
  if (request.category === 'restricted' && request.action === 'write') {
    return deny('access.token-scope', 'System clients cannot write behavioural-health or substance-use records.');
  }
  const needed: ApiTokenScope[] = [request.action === 'read' ? 'patients.read' : 'patients.write'];
  if (request.category === 'restricted') needed.push('restricted.read');
  const missing = needed.filter((scope) => !scopes.includes(scope));
  if (missing.length > 0) {
    return deny('access.token-scope', `This system client is missing the scope ${missing.join(' and ')}.`);
  }
  return allow('api-token', `This system client holds the scope ${needed.join(' and ')}.`);
}

function decideForCaregiver(
  userId: string,
  subject: AccessSubject,
  request: AccessRequest,
  context: AccessContext,
): AccessDecision {
  if (request.category === 'restricted') {
    return deny('access.restricted-category', 'Caregivers cannot see behavioural-health or substance-use records.');
  }
  const scope: CaregiverScope = request.caregiverScope ?? 'demographics';
  const active = context.consents.filter(
    (c) => c.caregiverUserId === userId && c.patientId === subject.patientId && isConsentActive(c, context.asOf),
  );
  if (active.length === 0) {
    return deny('access.no-consent', 'The person has not given you active consent to help with their care.');
  }
  if (!active.some((c) => c.scopes.includes(scope))) {
    return deny('access.scope-not-consented', `The person's consent does not include ${scope}.`);
  }
  if (request.action === 'write' && !CAREGIVER_WRITE_SCOPES.includes(scope)) {
    return deny('access.caregiver-read-only', `Caregivers can view ${scope} but not change it.`);
  }
  return allow('caregiver-consent', `The person has given you consent to help with ${scope}.`);
}

function decideForStaff(
  userId: string,
  role: Role,
  subject: AccessSubject,
  request: AccessRequest,
  context: AccessContext,
): AccessDecision {
  if (request.category === 'restricted' && !context.settings.restrictedCategoryRoles.includes(role)) {
    return deny(
      'access.restricted-category',
      'Your role cannot see behavioural-health or substance-use records in this clinic.',
    );
  }
  if (subject.careTeamMemberIds.includes(userId)) {
    return allow('care-team', 'You are on this person\u2019s care team.');
  }
  if (subject.coordinatorUserId === userId) {
    return allow('coordinator', 'You are this person\u2019s care coordinator.');
  }
  const hasActiveGrant = context.breakGlass.some(
    (g) => g.userId === userId && g.patientId === subject.patientId && isBreakGlassActive(g, context.asOf),
  );
  if (hasActiveGrant) {
    return allow('break-glass', 'You have emergency access to this person\u2019s record; it is audited and reviewed.');
  }
  return deny(
    'access.not-on-care-team',
    'You are not on this person\u2019s care team. In an emergency you can request access with a reason.',
    true,
  );
}

export function decidePatientAccess(
  actor: AccessActor,
  subject: AccessSubject,
  request: AccessRequest,
  context: AccessContext,
): AccessDecision {
  if (actor.orgId !== subject.orgId) {
    return deny('access.other-organisation', 'This person\u2019s record belongs to another organisation.');
  }
  if (actor.kind === 'api-token') return decideForToken(actor.scopes, request);

  const role = actor.role;
  if (role === 'patient') {
    if (actor.patientId !== null && actor.patientId === subject.patientId) {
      return allow('self', 'This is your own record.');
    }
    return deny('access.not-self', 'You can only see your own record.');
  }
  if (role === 'caregiver') return decideForCaregiver(actor.userId, subject, request, context);
  if (isStaffRole(role)) return decideForStaff(actor.userId, role, subject, request, context);
  // Unreachable with today's roles; a new role must be given a rule here before it sees anything.
  return deny('access.unknown-role', 'Your role does not give access to patient records.');
}
