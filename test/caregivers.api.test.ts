import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type TestApp } from './support/app';
import { buildClinic, buildUser, TEST_PASSWORD } from './support/builders';

let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;

beforeAll(async () => {
  t = await buildTestApp();
  clinic = await buildClinic(t.ctx.db);
});
afterAll(async () => t.close());

describe('caregiver consent, given by the patient', () => {
  it('a patient allows a caregiver, who then sees the record within scope, until the patient takes it back', async () => {
    const helper = await buildUser(t.ctx.db, { orgId: clinic.org.id, role: 'caregiver', email: 'son.helper@test.example', displayName: 'Kofi Okoye' });
    const patient = await signIn(t.app, clinic.patientUser.email, TEST_PASSWORD);
    const caregiver = await signIn(t.app, helper.email, TEST_PASSWORD);
    const url = `/api/v1/patients/${clinic.patientA.id}`;

    expect((await caregiver.get(url)).statusCode).toBe(403);

    const granted = await patient.send('POST', `${url}/caregivers`, { email: 'Son.Helper@test.example', scopes: ['demographics', 'check-ins'] });
    expect(granted.statusCode).toBe(201);
    expect(granted.json()).toMatchObject({ caregiver: { displayName: 'Kofi Okoye' }, scopes: ['demographics', 'check-ins'], active: true, revokedAt: null });

    const read = await caregiver.get(url);
    expect(read.statusCode).toBe(200);
    expect(read.json().access.basis).toBe('caregiver-consent');
    const mine = (await caregiver.get('/api/v1/me/patients')).json();
    expect(mine.items).toEqual([expect.objectContaining({ id: clinic.patientA.id, relationship: 'caregiver', scopes: ['demographics', 'check-ins'] })]);

    const revoked = await patient.send('DELETE', `${url}/caregivers/${granted.json().id}`);
    expect(revoked.statusCode).toBe(204);
    expect((await caregiver.get(url)).statusCode).toBe(403);
    const again = await patient.send('DELETE', `${url}/caregivers/${granted.json().id}`);
    expect(again.statusCode).toBe(404);

    const list = (await patient.get(`${url}/caregivers`)).json();
    const entry = list.items.find((c: { id: string }) => c.id === granted.json().id);
    expect(entry).toMatchObject({ active: false });
    expect(entry.revokedAt).not.toBeNull();

    const events = (await patient.get(`${url}/access-history?limit=100`)).json().items.map((e: { action: string }) => e.action);
    expect(events).toEqual(expect.arrayContaining(['consent-granted', 'consent-revoked']));
  });

  it('refuses unknown accounts, non-caregiver accounts, past end dates and bad scopes, listing each field', async () => {
    const patient = await signIn(t.app, clinic.patientUser.email, TEST_PASSWORD);
    const url = `/api/v1/patients/${clinic.patientA.id}/caregivers`;
    const unknown = await patient.send('POST', url, { email: 'nobody@test.example', scopes: ['demographics'] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.details).toEqual([{ path: 'body.email', message: 'no caregiver account with this e-mail' }]);
    const staff = await patient.send('POST', url, { email: clinic.prescriberA.email, scopes: ['demographics'] });
    expect(staff.statusCode).toBe(404);
    const past = await patient.send('POST', url, { email: clinic.caregiver.email, scopes: ['demographics'], expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details[0].path).toBe('body.expiresAt');
    const bad = await patient.send('POST', url, { email: clinic.caregiver.email, scopes: ['everything'], extra: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.extra', 'body.scopes.0']);
  });

  it('only the patient gives consent; staff on the team can see the list; others cannot', async () => {
    const staff = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
    const url = `/api/v1/patients/${clinic.patientA.id}/caregivers`;
    const byStaff = await staff.send('POST', url, { email: clinic.caregiver.email, scopes: ['demographics'] });
    expect(byStaff.statusCode).toBe(403);
    expect((await staff.get(url)).statusCode).toBe(200);
    const offTeam = await signIn(t.app, clinic.therapistB.email, TEST_PASSWORD);
    expect((await offTeam.get(url)).statusCode).toBe(403);
    const caregiver = await signIn(t.app, clinic.caregiver.email, TEST_PASSWORD);
    expect((await caregiver.send('POST', url, { email: clinic.caregiver.email, scopes: ['care-plan'] })).statusCode).toBe(403);
  });
});
