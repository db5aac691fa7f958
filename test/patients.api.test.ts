import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type TestApp } from './support/app';
import { buildClinic, TEST_PASSWORD } from './support/builders';

let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;

beforeAll(async () => {
  t = await buildTestApp();
  clinic = await buildClinic(t.ctx.db);
});
afterAll(async () => t.close());

describe('patients API', () => {
  it('lists only the patients on my care teams, with search', async () => {
    const a = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
    const res = await a.get('/api/v1/patients');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((p: { mrn: string }) => p.mrn)).toEqual(['A-1']);
    expect((await a.get('/api/v1/patients?q=oko')).json().total).toBe(1);
    expect((await a.get('/api/v1/patients?q=tran')).json().total).toBe(0);
    expect((await a.get('/api/v1/patients?birthDate=1961-03-09')).json().total).toBe(1);
    expect((await a.get('/api/v1/patients?identifier=A-1')).json().total).toBe(1);
  });

  it('refuses a stale write with 412 and keeps the first change', async () => {
    const a = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
    const read = await a.get(`/api/v1/patients/${clinic.patientA.id}`);
    const tag = read.headers.etag as string;
    const first = await a.send('PATCH', `/api/v1/patients/${clinic.patientA.id}`, { phone: '555-0100' }, { 'if-match': tag });
    expect(first.statusCode).toBe(200);
    const second = await a.send('PATCH', `/api/v1/patients/${clinic.patientA.id}`, { phone: '555-0199' }, { 'if-match': tag });
    expect(second.statusCode).toBe(412);
    expect(second.json().error.code).toBe('conflict.stale-version');
    expect((await a.get(`/api/v1/patients/${clinic.patientA.id}`)).json().phone).toBe('555-0100');
  });

  it('lists every invalid field at once and writes nothing', async () => {
    const a = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
    const res = await a.send('POST', '/api/v1/patients', { mrn: '', givenName: 'X', birthDate: '2020-02-30', sex: 'f', extra: 1 });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['body.birthDate', 'body.extra', 'body.familyName', 'body.mrn', 'body.sex'].sort());
    void TEST_PASSWORD;
  });
});
