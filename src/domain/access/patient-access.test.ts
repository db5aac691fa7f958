import { describe, expect, it } from 'vitest';
import type {
  AccessActor,
  AccessBasis,
  AccessContext,
  AccessRequest,
  AccessSubject,
  BreakGlassGrant,
  CaregiverConsent,
} from './patient-access';
import { decidePatientAccess, isBreakGlassActive, isConsentActive } from './patient-access';
import type { Role } from './roles';
import { ROLES, STAFF_ROLES } from './roles';
import { DEFAULT_CLINIC_SETTINGS } from './settings';

const ORG = 'org-1';
const AS_OF = new Date('2025-03-10T12:00:00.000Z');
const at = (iso: string): Date => new Date(iso);
const ms = (d: Date, delta: number): Date => new Date(d.getTime() + delta);

const subject: AccessSubject = {
  patientId: 'patient-1',
  orgId: ORG,
  careTeamMemberIds: ['user-on-team', 'user-also-on-team'],
  coordinatorUserId: 'user-coordinator',
};

const user = (role: Role, userId = 'user-on-team', overrides: Partial<{ orgId: string; patientId: string | null }> = {}): AccessActor => ({
  kind: 'user',
  userId,
  orgId: overrides.orgId ?? ORG,
  role,
  patientId: overrides.patientId ?? null,
});
const token = (scopes: string[], orgId = ORG): AccessActor => ({ kind: 'api-token', tokenId: 'token-1', orgId, scopes });

const consent = (overrides: Partial<CaregiverConsent> = {}): CaregiverConsent => ({
  caregiverUserId: 'user-caregiver',
  patientId: 'patient-1',
  scopes: ['demographics', 'appointments', 'check-ins', 'medications'],
  grantedAt: at('2025-01-01T00:00:00.000Z'),
  expiresAt: null,
  revokedAt: null,
  ...overrides,
});
const grant = (overrides: Partial<BreakGlassGrant> = {}): BreakGlassGrant => ({
  userId: 'user-off-team',
  patientId: 'patient-1',
  startedAt: at('2025-03-10T11:30:00.000Z'),
  expiresAt: at('2025-03-10T12:30:00.000Z'),
  ...overrides,
});
const context = (overrides: Partial<AccessContext> = {}): AccessContext => ({
  consents: [],
  breakGlass: [],
  settings: DEFAULT_CLINIC_SETTINGS,
  asOf: AS_OF,
  ...overrides,
});

const READ: AccessRequest = { action: 'read', category: 'general' };
const WRITE: AccessRequest = { action: 'write', category: 'general' };
const READ_RESTRICTED: AccessRequest = { action: 'read', category: 'restricted' };
const WRITE_RESTRICTED: AccessRequest = { action: 'write', category: 'restricted' };

interface Expected {
  allowed: boolean;
  basis: AccessBasis | null;
  code: string;
  breakGlassAvailable: boolean;
}
const allowed = (basis: AccessBasis): Expected => ({ allowed: true, basis, code: `access.${basis}`, breakGlassAvailable: false });
const denied = (code: string, breakGlassAvailable = false): Expected => ({ allowed: false, basis: null, code, breakGlassAvailable });

interface Row {
  name: string;
  actor: AccessActor;
  request: AccessRequest;
  context?: AccessContext;
  subject?: AccessSubject;
  expected: Expected;
}

const caregiver = user('caregiver', 'user-caregiver');
const withConsent = (...consents: CaregiverConsent[]): AccessContext => context({ consents });
const withGrant = (g: BreakGlassGrant, asOf = AS_OF): AccessContext => context({ breakGlass: [g], asOf });

const rows: Row[] = [
  // Rule 1: organisation boundary
  { name: 'staff on the care team in another organisation', actor: user('prescriber', 'user-on-team', { orgId: 'org-2' }), request: READ, expected: denied('access.other-organisation') },
  { name: 'off-team staff in another organisation is not offered break-glass', actor: user('prescriber', 'user-off-team', { orgId: 'org-2' }), request: READ, expected: denied('access.other-organisation') },
  { name: 'break-glass grant does not cross organisations', actor: user('prescriber', 'user-off-team', { orgId: 'org-2' }), request: READ, context: withGrant(grant()), expected: denied('access.other-organisation') },
  { name: 'patient whose own id matches but in another organisation', actor: user('patient', 'user-patient', { orgId: 'org-2', patientId: 'patient-1' }), request: READ, expected: denied('access.other-organisation') },
  { name: 'token from another organisation', actor: token(['patients.read'], 'org-2'), request: READ, expected: denied('access.other-organisation') },

  // Rule 2: the person themself
  ...([READ, WRITE, READ_RESTRICTED, WRITE_RESTRICTED] as const).map((request): Row => ({
    name: `patient ${request.action}s own ${request.category} record`,
    actor: user('patient', 'user-patient', { patientId: 'patient-1' }),
    request,
    expected: allowed('self'),
  })),
  { name: 'patient reads another person\u2019s record', actor: user('patient', 'user-patient', { patientId: 'patient-2' }), request: READ, expected: denied('access.not-self') },
  { name: 'patient account without a linked record', actor: user('patient', 'user-patient', { patientId: null }), request: READ, expected: denied('access.not-self') },
  { name: 'patient on the care-team list still needs self', actor: user('patient', 'user-on-team', { patientId: 'patient-2' }), request: READ, expected: denied('access.not-self') },

  // Rule 3: caregivers
  { name: 'caregiver without consent', actor: caregiver, request: READ, expected: denied('access.no-consent') },
  { name: 'caregiver reads demographics by default', actor: caregiver, request: READ, context: withConsent(consent()), expected: allowed('caregiver-consent') },
  { name: 'caregiver reads a consented scope', actor: caregiver, request: { ...READ, caregiverScope: 'medications' }, context: withConsent(consent()), expected: allowed('caregiver-consent') },
  { name: 'caregiver reads a scope not consented', actor: caregiver, request: { ...READ, caregiverScope: 'care-plan' }, context: withConsent(consent()), expected: denied('access.scope-not-consented') },
  { name: 'default scope demographics not consented', actor: caregiver, request: READ, context: withConsent(consent({ scopes: ['check-ins'] })), expected: denied('access.scope-not-consented') },
  { name: 'two active consents combine', actor: caregiver, request: { ...READ, caregiverScope: 'care-plan' }, context: withConsent(consent(), consent({ scopes: ['care-plan'] })), expected: allowed('caregiver-consent') },
  { name: 'caregiver writes check-ins', actor: caregiver, request: { ...WRITE, caregiverScope: 'check-ins' }, context: withConsent(consent()), expected: allowed('caregiver-consent') },
  { name: 'caregiver writes appointments', actor: caregiver, request: { ...WRITE, caregiverScope: 'appointments' }, context: withConsent(consent()), expected: allowed('caregiver-consent') },
  { name: 'caregiver writes medications (read-only scope)', actor: caregiver, request: { ...WRITE, caregiverScope: 'medications' }, context: withConsent(consent()), expected: denied('access.caregiver-read-only') },
  { name: 'caregiver writes demographics by default (read-only)', actor: caregiver, request: WRITE, context: withConsent(consent()), expected: denied('access.caregiver-read-only') },
  { name: 'caregiver writes care-plan with consent (read-only)', actor: caregiver, request: { ...WRITE, caregiverScope: 'care-plan' }, context: withConsent(consent({ scopes: ['care-plan'] })), expected: denied('access.caregiver-read-only') },
  { name: 'caregiver reads restricted records even with consent', actor: caregiver, request: READ_RESTRICTED, context: withConsent(consent()), expected: denied('access.restricted-category') },
  { name: 'caregiver writes restricted records', actor: caregiver, request: { ...WRITE_RESTRICTED, caregiverScope: 'check-ins' }, context: withConsent(consent()), expected: denied('access.restricted-category') },
  { name: 'consent given to another caregiver', actor: caregiver, request: READ, context: withConsent(consent({ caregiverUserId: 'user-other-caregiver' })), expected: denied('access.no-consent') },
  { name: 'consent for another patient', actor: caregiver, request: READ, context: withConsent(consent({ patientId: 'patient-2' })), expected: denied('access.no-consent') },
  { name: 'consent granted exactly at asOf', actor: caregiver, request: READ, context: withConsent(consent({ grantedAt: AS_OF })), expected: allowed('caregiver-consent') },
  { name: 'consent granted 1 ms after asOf', actor: caregiver, request: READ, context: withConsent(consent({ grantedAt: ms(AS_OF, 1) })), expected: denied('access.no-consent') },
  { name: 'consent expiring 1 ms after asOf', actor: caregiver, request: READ, context: withConsent(consent({ expiresAt: ms(AS_OF, 1) })), expected: allowed('caregiver-consent') },
  { name: 'consent expiring exactly at asOf', actor: caregiver, request: READ, context: withConsent(consent({ expiresAt: AS_OF })), expected: denied('access.no-consent') },
  { name: 'consent revoked exactly at asOf', actor: caregiver, request: READ, context: withConsent(consent({ revokedAt: AS_OF })), expected: denied('access.no-consent') },
  { name: 'consent revoked before asOf', actor: caregiver, request: READ, context: withConsent(consent({ revokedAt: at('2025-02-01T00:00:00.000Z') })), expected: denied('access.no-consent') },
  { name: 'consent revoked 1 ms after asOf (still active)', actor: caregiver, request: READ, context: withConsent(consent({ revokedAt: ms(AS_OF, 1) })), expected: allowed('caregiver-consent') },
  { name: 'caregiver on the care-team list still needs consent', actor: user('caregiver', 'user-on-team'), request: READ, expected: denied('access.no-consent') },

  // Rule 4: staff — every staff role on-team / coordinator / break-glass / off-team
  ...STAFF_ROLES.flatMap((role): Row[] => [
    { name: `${role} on the care team`, actor: user(role, 'user-also-on-team'), request: READ, expected: allowed('care-team') },
    { name: `${role} on the care team writes`, actor: user(role, 'user-on-team'), request: WRITE, expected: allowed('care-team') },
    { name: `${role} as coordinator`, actor: user(role, 'user-coordinator'), request: READ, expected: allowed('coordinator') },
    { name: `${role} with active break-glass`, actor: user(role, 'user-off-team'), request: WRITE, context: withGrant(grant()), expected: allowed('break-glass') },
    { name: `${role} off the care team`, actor: user(role, 'user-off-team'), request: READ, expected: denied('access.not-on-care-team', true) },
  ]),
  { name: 'care team wins over coordinator when both', actor: user('care_coordinator', 'user-on-team'), request: READ, subject: { ...subject, coordinatorUserId: 'user-on-team' }, expected: allowed('care-team') },
  { name: 'patient with no coordinator: off-team staff', actor: user('care_coordinator', 'user-coordinator'), request: READ, subject: { ...subject, coordinatorUserId: null }, expected: denied('access.not-on-care-team', true) },
  { name: 'break-glass exactly at startedAt', actor: user('therapist', 'user-off-team'), request: READ, context: withGrant(grant(), at('2025-03-10T11:30:00.000Z')), expected: allowed('break-glass') },
  { name: 'break-glass 1 ms before startedAt', actor: user('therapist', 'user-off-team'), request: READ, context: withGrant(grant(), at('2025-03-10T11:29:59.999Z')), expected: denied('access.not-on-care-team', true) },
  { name: 'break-glass 1 ms before expiresAt', actor: user('therapist', 'user-off-team'), request: READ, context: withGrant(grant(), at('2025-03-10T12:29:59.999Z')), expected: allowed('break-glass') },
  { name: 'break-glass exactly at expiresAt', actor: user('therapist', 'user-off-team'), request: READ, context: withGrant(grant(), at('2025-03-10T12:30:00.000Z')), expected: denied('access.not-on-care-team', true) },
  { name: 'break-glass granted to another user', actor: user('therapist', 'user-off-team'), request: READ, context: withGrant(grant({ userId: 'user-someone-else' })), expected: denied('access.not-on-care-team', true) },
  { name: 'break-glass for another patient', actor: user('therapist', 'user-off-team'), request: READ, context: withGrant(grant({ patientId: 'patient-2' })), expected: denied('access.not-on-care-team', true) },
  { name: 'break-glass gives restricted access to a role allowed restricted', actor: user('prescriber', 'user-off-team'), request: READ_RESTRICTED, context: withGrant(grant()), expected: allowed('break-glass') },
  { name: 'break-glass does not lift the restricted-category rule', actor: user('therapist', 'user-off-team'), request: READ_RESTRICTED, context: withGrant(grant()), expected: denied('access.restricted-category') },
  { name: 'off-team role allowed restricted is offered break-glass', actor: user('behavioural_health', 'user-off-team'), request: READ_RESTRICTED, expected: denied('access.not-on-care-team', true) },
  { name: 'off-team role not allowed restricted is not offered break-glass', actor: user('pharmacist', 'user-off-team'), request: READ_RESTRICTED, expected: denied('access.restricted-category') },
  { name: 'clinic settings can allow therapists restricted access', actor: user('therapist'), request: READ_RESTRICTED, context: context({ settings: { ...DEFAULT_CLINIC_SETTINGS, restrictedCategoryRoles: ['therapist'] } }), expected: allowed('care-team') },
  { name: 'clinic settings can remove prescribers from restricted access', actor: user('prescriber'), request: READ_RESTRICTED, context: context({ settings: { ...DEFAULT_CLINIC_SETTINGS, restrictedCategoryRoles: ['therapist'] } }), expected: denied('access.restricted-category') },

  // Rule 5: API tokens
  { name: 'token reads with patients.read', actor: token(['patients.read']), request: READ, expected: allowed('api-token') },
  { name: 'token reads without patients.read', actor: token(['patients.write']), request: READ, expected: denied('access.token-scope') },
  { name: 'token with no scopes', actor: token([]), request: READ, expected: denied('access.token-scope') },
  { name: 'token with an unknown wildcard scope', actor: token(['*']), request: READ, expected: denied('access.token-scope') },
  { name: 'token writes with patients.write', actor: token(['patients.write']), request: WRITE, expected: allowed('api-token') },
  { name: 'token writes with only patients.read', actor: token(['patients.read']), request: WRITE, expected: denied('access.token-scope') },
  { name: 'token reads restricted with both scopes', actor: token(['patients.read', 'restricted.read']), request: READ_RESTRICTED, expected: allowed('api-token') },
  { name: 'token reads restricted with only patients.read', actor: token(['patients.read']), request: READ_RESTRICTED, expected: denied('access.token-scope') },
  { name: 'token reads restricted with only restricted.read', actor: token(['restricted.read']), request: READ_RESTRICTED, expected: denied('access.token-scope') },
  { name: 'token writes restricted even with every scope', actor: token(['patients.read', 'patients.write', 'restricted.read']), request: WRITE_RESTRICTED, expected: denied('access.token-scope') },
];

const restrictedByRole: Record<Role, Expected> = {
  patient: denied('access.not-self'), // an on-team user id, but not this person
  caregiver: denied('access.restricted-category'),
  prescriber: allowed('care-team'),
  therapist: denied('access.restricted-category'),
  behavioural_health: allowed('care-team'),
  pharmacist: denied('access.restricted-category'),
  care_coordinator: denied('access.restricted-category'),
  clinic_lead: denied('access.restricted-category'),
  administrator: denied('access.restricted-category'),
};
for (const role of ROLES) {
  rows.push({
    name: `restricted read by ${role} on the care team`,
    actor: user(role, 'user-on-team'),
    request: READ_RESTRICTED,
    context: withConsent(consent({ caregiverUserId: 'user-on-team' })),
    expected: restrictedByRole[role],
  });
}

describe('decidePatientAccess', () => {
  it.each(rows.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const decision = decidePatientAccess(row.actor, row.subject ?? subject, row.request, row.context ?? context());
    expect({ allowed: decision.allowed, basis: decision.basis, code: decision.code, breakGlassAvailable: decision.breakGlassAvailable }).toEqual(row.expected);
    expect(decision.reason.length).toBeGreaterThan(10);
  });

  it('explains a care-team denial in plain language', () => {
    const decision = decidePatientAccess(user('therapist', 'user-off-team'), subject, READ, context());
    expect(decision.reason).toBe('You are not on this person\u2019s care team. In an emergency you can request access with a reason.');
  });

  it('names the missing token scopes', () => {
    const decision = decidePatientAccess(token([]), subject, READ_RESTRICTED, context());
    expect(decision.reason).toBe('This system client is missing the scope patients.read and restricted.read.');
  });
});

describe('isBreakGlassActive', () => {
  const g = grant();
  it.each([
    ['1 ms before start', '2025-03-10T11:29:59.999Z', false],
    ['exactly at start', '2025-03-10T11:30:00.000Z', true],
    ['in the middle', '2025-03-10T12:00:00.000Z', true],
    ['1 ms before expiry', '2025-03-10T12:29:59.999Z', true],
    ['exactly at expiry', '2025-03-10T12:30:00.000Z', false],
  ])('%s → %s', (_label, asOf, expected) => {
    expect(isBreakGlassActive(g, at(asOf))).toBe(expected);
  });
  it('is inactive for an unparseable asOf or expiry', () => {
    expect(isBreakGlassActive(g, new Date(Number.NaN))).toBe(false);
    expect(isBreakGlassActive(grant({ expiresAt: new Date(Number.NaN) }), AS_OF)).toBe(false);
  });
});

describe('isConsentActive', () => {
  it.each([
    ['no expiry, not revoked', consent(), true],
    ['granted exactly at asOf', consent({ grantedAt: AS_OF }), true],
    ['granted after asOf', consent({ grantedAt: ms(AS_OF, 1) }), false],
    ['expires 1 ms after asOf', consent({ expiresAt: ms(AS_OF, 1) }), true],
    ['expires exactly at asOf', consent({ expiresAt: AS_OF }), false],
    ['revoked exactly at asOf', consent({ revokedAt: AS_OF }), false],
    ['revoked 1 ms after asOf', consent({ revokedAt: ms(AS_OF, 1) }), true],
    ['unparseable revokedAt counts as revoked', consent({ revokedAt: new Date(Number.NaN) }), false],
    ['unparseable grantedAt', consent({ grantedAt: new Date(Number.NaN) }), false],
    ['unparseable expiresAt', consent({ expiresAt: new Date(Number.NaN) }), false],
  ])('%s → %s', (_label, c, expected) => {
    expect(isConsentActive(c, AS_OF)).toBe(expected);
  });
});
