/**
 * The access table (src/domain/access/patient-access.ts) through the API: who may open a patient's record,
 * on what basis, and what break-the-glass, caregiver consent, other organisations and API tokens change.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, breakGlassGrants, caregiverConsents, patients, tasks } from '../src/db/schema';
import { buildTestApp, signIn, type Agent, type TestApp } from './support/app';
import { buildClinic, buildOrg, buildPatient, buildUser, TEST_PASSWORD } from './support/builders';
import { bearer, detailPaths, expectError } from './support/http';

const MINUTE = 60_000;

let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;
let otherPatient: Awaited<ReturnType<typeof buildPatient>>;
let otherStaff: Awaited<ReturnType<typeof buildUser>>;
const agents: Record<'prescriberA' | 'therapistB' | 'coordinator' | 'lead' | 'admin' | 'patientUser' | 'caregiver', Agent> = {} as never;

beforeAll(async () => {
  t = await buildTestApp({ loginRateLimitPerMinute: 1000 });
  clinic = await buildClinic(t.ctx.db);
  const otherOrg = await buildOrg(t.ctx.db);
  // Same MRN as patient A, in another organisation.
  otherPatient = await buildPatient(t.ctx.db, { orgId: otherOrg.id, mrn: 'A-1', givenName: 'Other', familyName: 'Org' });
  otherStaff = await buildUser(t.ctx.db, { orgId: otherOrg.id, role: 'prescriber' });
  for (const key of Object.keys({ prescriberA: 1, therapistB: 1, coordinator: 1, lead: 1, admin: 1, patientUser: 1, caregiver: 1 }) as (keyof typeof agents)[]) {
    agents[key] = await signIn(t.app, clinic[key].email, TEST_PASSWORD);
  }
});
afterAll(async () => t?.close());

const patientUrl = (id: string): string => `/api/v1/patients/${id}`;

async function patientCount(orgId: string): Promise<number> {
  const rows = await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(patients).where(eq(patients.orgId, orgId));
  return rows[0]?.n ?? 0;
}

describe('staff', () => {
  it('a member of the care team reads the record (basis care-team)', async () => {
    const res = await agents.prescriberA.get(patientUrl(clinic.patientA.id));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().id).toBe(clinic.patientA.id);
    expect(res.json().access.basis).toBe('care-team');
    expect(res.json().access.expiresAt).toBeUndefined();
  });

  it("the patient's coordinator reads the record (basis coordinator) and finds it in the list", async () => {
    const res = await agents.coordinator.get(patientUrl(clinic.patientA.id));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().access.basis).toBe('coordinator');
    const list = (await agents.coordinator.get('/api/v1/patients')).json();
    expect(list.items.map((p: { mrn: string }) => p.mrn)).toEqual(['A-1']);
  });

  it('staff off the care team get 403 access.not-on-care-team with break-glass offered, and the list hides the patient', async () => {
    const error = expectError(await agents.therapistB.get(patientUrl(clinic.patientA.id)), 403, 'access.not-on-care-team');
    expect(error.breakGlassAvailable).toBe(true);
    const list = (await agents.therapistB.get('/api/v1/patients')).json();
    expect(list.items.map((p: { mrn: string }) => p.mrn)).toEqual(['B-1']);
    expect(list.total).toBe(1);
  });

  it('clinic lead and administrator get no patient access by their role alone', async () => {
    for (const agent of [agents.lead, agents.admin]) {
      const error = expectError(await agent.get(patientUrl(clinic.patientA.id)), 403, 'access.not-on-care-team');
      expect(error.breakGlassAvailable).toBe(true);
      const list = (await agent.get('/api/v1/patients')).json();
      expect(list.total).toBe(0);
    }
  });

  it('a patient of another organisation is 404, as if it did not exist', async () => {
    expectError(await agents.prescriberA.get(patientUrl(otherPatient.id)), 404, 'not-found');
    expectError(await agents.admin.get(patientUrl(otherPatient.id)), 404, 'not-found');
    // And the other organisation's staff cannot see ours.
    const other = await signIn(t.app, otherStaff.email, TEST_PASSWORD);
    expectError(await other.get(patientUrl(clinic.patientA.id)), 404, 'not-found');
  });

  it('denied attempts are audited with the reason code', async () => {
    await agents.therapistB.get(patientUrl(clinic.patientA.id));
    const rows = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, clinic.therapistB.id), eq(auditEvents.action, 'access-denied')))
      .orderBy(asc(auditEvents.seq));
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.at(-1)).toMatchObject({ patientId: clinic.patientA.id, reason: 'access.not-on-care-team', resourceType: 'Patient' });
  });
});

describe('break the glass', () => {
  const reason = 'Seen in urgent care tonight, needs the medication list';

  it('refuses a reason shorter than 10 characters (400 body.reason) and an unknown MRN (404), granting nothing', async () => {
    const short = expectError(await agents.therapistB.send('POST', '/api/v1/break-glass', { mrn: 'A-1', reason: 'urgent' }), 400, 'validation');
    expect(detailPaths(short)).toEqual(['body.reason']);
    const unknown = expectError(await agents.therapistB.send('POST', '/api/v1/break-glass', { mrn: 'NO-SUCH-MRN', reason }), 404, 'not-found');
    expect(detailPaths(unknown)).toEqual(['body.mrn']);
    const grants = await t.ctx.db.select().from(breakGlassGrants).where(eq(breakGlassGrants.userId, clinic.therapistB.id));
    expect(grants).toHaveLength(0);
    expectError(await agents.therapistB.get(patientUrl(clinic.patientA.id)), 403, 'access.not-on-care-team');
  });

  it('is for staff only', async () => {
    expectError(await agents.patientUser.send('POST', '/api/v1/break-glass', { mrn: 'B-1', reason }), 403, 'auth.staff-only');
    expectError(await agents.caregiver.send('POST', '/api/v1/break-glass', { mrn: 'B-1', reason }), 403, 'auth.staff-only');
  });

  it('grants 60 minutes of audited access, raises a review task for the clinic lead, then ends', async () => {
    const startedAt = t.clock.now;
    const expiresAt = new Date(startedAt.getTime() + 60 * MINUTE).toISOString();
    const res = await agents.therapistB.send('POST', '/api/v1/break-glass', { mrn: 'A-1', reason });
    expect(res.statusCode, res.body).toBe(201);
    // MRN A-1 resolves within the caller's organisation, not to the other organisation's A-1.
    expect(res.json()).toEqual({ patientId: clinic.patientA.id, expiresAt });

    const read = await agents.therapistB.get(patientUrl(clinic.patientA.id));
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().access).toMatchObject({ basis: 'break-glass', expiresAt });

    const review = await t.ctx.db.select().from(tasks).where(and(eq(tasks.patientId, clinic.patientA.id), eq(tasks.type, 'break-glass-review')));
    expect(review).toHaveLength(1);
    expect(review[0]).toMatchObject({ assigneeRole: 'clinic_lead', assigneeUserId: null, priority: 'high', status: 'open', source: 'break-glass' });
    expect(review[0]?.details).toContain(reason);
    // The clinic lead sees it in their inbox.
    const inbox = (await agents.lead.get('/api/v1/tasks?view=mine')).json();
    expect(inbox.items.filter((i: { type: string }) => i.type === 'break-glass-review').map((i: { id: string }) => i.id)).toEqual([review[0]?.id]);

    const events = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, clinic.therapistB.id), eq(auditEvents.patientId, clinic.patientA.id)))
      .orderBy(asc(auditEvents.seq));
    const glass = events.filter((e) => e.action === 'break-glass');
    expect(glass).toHaveLength(1);
    expect(glass[0]).toMatchObject({ reason, resourceType: 'Patient', resourceId: clinic.patientA.id, orgId: clinic.org.id });
    expect(events.at(-1)).toMatchObject({ action: 'read', reason: 'emergency access (break the glass)' });

    t.clock.advance(59 * MINUTE);
    expect((await agents.therapistB.get(patientUrl(clinic.patientA.id))).statusCode).toBe(200);
    t.clock.advance(2 * MINUTE);
    const after = expectError(await agents.therapistB.get(patientUrl(clinic.patientA.id)), 403, 'access.not-on-care-team');
    expect(after.breakGlassAvailable).toBe(true);
  });
});

describe('patient accounts', () => {
  it('reads their own record (basis self) but no one else’s, and cannot search', async () => {
    const own = await agents.patientUser.get(patientUrl(clinic.patientA.id));
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().access.basis).toBe('self');
    const error = expectError(await agents.patientUser.get(patientUrl(clinic.patientB.id)), 403, 'access.not-self');
    expect(error.breakGlassAvailable).toBe(false);
    expectError(await agents.patientUser.get('/api/v1/patients'), 403, 'auth.staff-only');
    const mine = (await agents.patientUser.get('/api/v1/me/patients')).json();
    expect(mine.items).toEqual([{ id: clinic.patientA.id, givenName: 'Amara', familyName: 'Okoye', preferredName: null, relationship: 'self', scopes: ['all'] }]);
  });
});

describe('caregivers', () => {
  const setConsent = (values: { revokedAt?: Date | null; expiresAt?: Date | null }) =>
    t.ctx.db.update(caregiverConsents).set(values).where(eq(caregiverConsents.caregiverUserId, clinic.caregiver.id));

  it('with active consent: read the record (basis caregiver-consent) and see it in /me/patients with its scopes', async () => {
    const res = await agents.caregiver.get(patientUrl(clinic.patientA.id));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().access.basis).toBe('caregiver-consent');
    const mine = (await agents.caregiver.get('/api/v1/me/patients')).json();
    expect(mine.items).toEqual([
      { id: clinic.patientA.id, givenName: 'Amara', familyName: 'Okoye', preferredName: null, relationship: 'caregiver', scopes: ['demographics', 'appointments'] },
    ]);
    expectError(await agents.caregiver.get(patientUrl(clinic.patientB.id)), 403, 'access.no-consent');
    expectError(await agents.caregiver.get('/api/v1/patients'), 403, 'auth.staff-only');
  });

  it('revoked consent (revokedAt = now) ends access and empties /me/patients', async () => {
    await setConsent({ revokedAt: t.clock.now, expiresAt: null });
    expectError(await agents.caregiver.get(patientUrl(clinic.patientA.id)), 403, 'access.no-consent');
    expect((await agents.caregiver.get('/api/v1/me/patients')).json().items).toEqual([]);
    await setConsent({ revokedAt: null, expiresAt: null });
    expect((await agents.caregiver.get(patientUrl(clinic.patientA.id))).statusCode).toBe(200);
  });

  it('expired consent (expiresAt = now) ends access; one millisecond later still works', async () => {
    await setConsent({ revokedAt: null, expiresAt: new Date(t.clock.now.getTime() + 1) });
    expect((await agents.caregiver.get(patientUrl(clinic.patientA.id))).statusCode).toBe(200);
    await setConsent({ revokedAt: null, expiresAt: t.clock.now });
    expectError(await agents.caregiver.get(patientUrl(clinic.patientA.id)), 403, 'access.no-consent');
    expect((await agents.caregiver.get('/api/v1/me/patients')).json().items).toEqual([]);
    await setConsent({ revokedAt: null, expiresAt: null });
  });
});

describe('API tokens', () => {
  const createToken = (agent: Agent, scopes: string[]) => agent.send('POST', '/api/v1/api-tokens', { name: `EHR ${scopes.join('+')}`, scopes });
  const newPatient = (mrn: string) => ({ mrn, givenName: 'Token', familyName: 'Made', birthDate: '1980-01-01', sex: 'female' });

  it('only administrators and clinic leads create tokens', async () => {
    expectError(await createToken(agents.prescriberA, ['patients.read']), 403, 'auth.role');
    expectError(await createToken(agents.coordinator, ['patients.read']), 403, 'auth.role');
    expectError(await createToken(agents.patientUser, ['patients.read']), 403, 'auth.role');
  });

  it('a patients.read token reads every patient of its organisation with Authorization: Bearer, and cannot write', async () => {
    const created = await createToken(agents.admin, ['patients.read']);
    expect(created.statusCode, created.body).toBe(201);
    const { token, item } = created.json();
    expect(token).toMatch(/^pp_/);
    expect(item).toMatchObject({ tokenPrefix: token.slice(0, 8), scopes: ['patients.read'], revokedAt: null });

    const list = await bearer(t.app, token, 'GET', '/api/v1/patients');
    expect(list.statusCode, list.body).toBe(200);
    const ids = list.json().items.map((p: { id: string }) => p.id);
    expect(ids).toContain(clinic.patientA.id);
    expect(ids).toContain(clinic.patientB.id);
    expect(ids).not.toContain(otherPatient.id);
    expect(list.json().total).toBe(await patientCount(clinic.org.id));

    const one = await bearer(t.app, token, 'GET', patientUrl(clinic.patientB.id));
    expect(one.statusCode).toBe(200);
    expect(one.json().access.basis).toBe('api-token');
    expectError(await bearer(t.app, token, 'GET', patientUrl(otherPatient.id)), 404, 'not-found');

    const before = await patientCount(clinic.org.id);
    expectError(await bearer(t.app, token, 'POST', '/api/v1/patients', newPatient('TOK-READ')), 403, 'access.token-scope');
    expectError(await bearer(t.app, token, 'PATCH', patientUrl(clinic.patientB.id), { phone: '1' }, { 'if-match': 'W/"1"' }), 403, 'access.token-scope');
    expect(await patientCount(clinic.org.id)).toBe(before);
  });

  it('a patients.write token writes without a CSRF token; once revoked it is 401 auth.invalid-token', async () => {
    const created = await createToken(agents.admin, ['patients.read', 'patients.write']);
    expect(created.statusCode, created.body).toBe(201);
    const { token, item } = created.json();
    const res = await bearer(t.app, token, 'POST', '/api/v1/patients', newPatient('TOK-WRITE-1'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().access.basis).toBe('api-token');

    const revoke = await agents.admin.send('DELETE', `/api/v1/api-tokens/${item.id}`);
    expect(revoke.statusCode, revoke.body).toBe(204);
    expectError(await bearer(t.app, token, 'GET', '/api/v1/patients'), 401, 'auth.invalid-token');
    expectError(await bearer(t.app, token, 'POST', '/api/v1/patients', newPatient('TOK-WRITE-2')), 401, 'auth.invalid-token');
    expect(await t.ctx.db.select().from(patients).where(eq(patients.mrn, 'TOK-WRITE-2'))).toHaveLength(0);
    expectError(await agents.admin.send('DELETE', `/api/v1/api-tokens/${item.id}`), 404, 'not-found');
  });

  it('an unknown token is 401 auth.invalid-token', async () => {
    expectError(await bearer(t.app, 'pp_not-a-token', 'GET', '/api/v1/patients'), 401, 'auth.invalid-token');
  });
});
