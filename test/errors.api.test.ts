/**
 * Errors at the boundary: one REST error shape `{ error: { code, message, details[], requestId } }` listing
 * every invalid field with its path, the right status for each kind of bad request, nothing half-written;
 * plus the OpenAPI document, the docs page and the health endpoints.
 * The app is built with a 1 KB body limit so an oversize body is cheap to send.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patients } from '../src/db/schema';
import { buildTestApp, signIn, type Agent, type TestApp } from './support/app';
import { buildClinic, TEST_PASSWORD } from './support/builders';
import { detailPaths, expectError } from './support/http';

let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;
let a: Agent;

beforeAll(async () => {
  t = await buildTestApp({ bodyLimitBytes: 1024, loginRateLimitPerMinute: 1000 });
  clinic = await buildClinic(t.ctx.db);
  a = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

const valid = { mrn: 'E-1', givenName: 'Esme', familyName: 'Ortiz', birthDate: '1975-06-07', sex: 'female' };

async function patientCount(): Promise<number> {
  const rows = await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(patients).where(eq(patients.orgId, clinic.org.id));
  return rows[0]?.n ?? 0;
}

describe('malformed requests', () => {
  it('bad JSON is 400 request.invalid-json', async () => {
    const before = await patientCount();
    expectError(await a.send('POST', '/api/v1/patients', '{"mrn": "E-9", '), 400, 'request.invalid-json');
    expect(await patientCount()).toBe(before);
  });

  it('a body that is not JSON (text/plain) is 415', async () => {
    const before = await patientCount();
    const res = await a.send('POST', '/api/v1/patients', JSON.stringify(valid), { 'content-type': 'text/plain' });
    expectError(res, 415, 'request.unsupported-media-type');
    expect(await patientCount()).toBe(before);
  });

  it('an unknown content type is 415', async () => {
    expectError(await a.send('POST', '/api/v1/patients', '<patient/>', { 'content-type': 'application/xml' }), 415, 'request.unsupported-media-type');
  });

  it('a body over the limit (5 KB against 1 KB) is 413 request.too-large', async () => {
    const before = await patientCount();
    const res = await a.send('POST', '/api/v1/patients', { ...valid, mrn: 'E-BIG', summary: 'x'.repeat(5 * 1024) });
    expectError(res, 413, 'request.too-large');
    expect(await patientCount()).toBe(before);
  });

  it('unknown fields and wrong types are listed together, each with its path, and nothing is written', async () => {
    const before = await patientCount();
    const res = await a.send('POST', '/api/v1/patients', {
      mrn: 'E-2',
      givenName: { first: 'Esme' },
      familyName: ['Ortiz', 'Lopez'],
      birthDate: '1975-06-07',
      sex: 'female',
      interpreterNeeded: 'maybe',
      nickname: 'Es',
      shoeSize: 38,
    });
    const error = expectError(res, 400, 'validation');
    expect(detailPaths(error)).toEqual(['body.familyName', 'body.givenName', 'body.interpreterNeeded', 'body.nickname', 'body.shoeSize']);
    expect(error.details.find((d) => d.path === 'body.nickname')?.message).toBe('is not a known field');
    expect(await patientCount()).toBe(before);
  });

  it('wrong scalar types in a JSON body are refused, not silently converted', async () => {
    const before = await patientCount();
    const res = await a.send('POST', '/api/v1/patients', { ...valid, mrn: 12345, interpreterNeeded: 'true', active: 1 });
    const error = expectError(res, 400, 'validation');
    expect(detailPaths(error)).toEqual(['body.active', 'body.interpreterNeeded', 'body.mrn']);
    expect(await patientCount()).toBe(before);
  });

  it('an invalid uuid in the path is 400 with path params.id', async () => {
    const read = expectError(await a.get('/api/v1/patients/not-a-uuid'), 400, 'validation');
    expect(detailPaths(read)).toEqual(['params.id']);
    const patch = expectError(await a.send('PATCH', '/api/v1/patients/not-a-uuid', { phone: '1' }, { 'if-match': 'W/"1"' }), 400, 'validation');
    expect(detailPaths(patch)).toEqual(['params.id']);
  });

  it('unknown query parameters are 400, each listed', async () => {
    const error = expectError(await a.get('/api/v1/patients?colour=blue&q=oko&size=3'), 400, 'validation');
    expect(detailPaths(error)).toEqual(['querystring.colour', 'querystring.size']);
    expect(detailPaths(expectError(await a.get('/api/v1/patients?limit=1000'), 400, 'validation'))).toEqual(['querystring.limit']);
  });

  it('an unknown route is a JSON 404 in the same error shape', async () => {
    const res = await a.get('/api/v1/no-such-thing');
    const error = expectError(res, 404, 'not-found');
    expect(error.message).toBe('Nothing at GET /api/v1/no-such-thing.');
    expectError(await a.send('POST', '/api/v1/no-such-thing?x=1', { a: 1 }), 404, 'not-found');
  });
});

describe('writes', () => {
  it('a POST that fails validation leaves the patient count unchanged, listing domain and schema problems together', async () => {
    const before = await patientCount();
    const error = expectError(await a.send('POST', '/api/v1/patients', { ...valid, mrn: 'E-3', birthDate: '1975-02-30', sex: 'f' }), 400, 'validation');
    expect(detailPaths(error)).toEqual(['body.birthDate', 'body.sex']);
    expect(await patientCount()).toBe(before);
  });

  it('a duplicate MRN is 409 conflict.duplicate-mrn, and only one patient is created', async () => {
    const first = await a.send('POST', '/api/v1/patients', { ...valid, mrn: 'E-DUP' });
    expect(first.statusCode, first.body).toBe(201);
    const error = expectError(await a.send('POST', '/api/v1/patients', { ...valid, mrn: 'E-DUP', givenName: 'Other' }), 409, 'conflict.duplicate-mrn');
    expect(detailPaths(error)).toEqual(['body.mrn']);
    expect(await t.ctx.db.select().from(patients).where(eq(patients.mrn, 'E-DUP'))).toHaveLength(1);
  });

  it('simultaneous creations with the same MRN: one 201, the others 409 (never a 500)', async () => {
    const responses = await Promise.all(Array.from({ length: 5 }, (_, i) => a.send('POST', '/api/v1/patients', { ...valid, mrn: 'E-RACE', givenName: `Racer${i}` })));
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409]);
    for (const r of responses.filter((x) => x.statusCode !== 201)) expectError(r, 409, 'conflict.duplicate-mrn');
    expect(await t.ctx.db.select().from(patients).where(eq(patients.mrn, 'E-RACE'))).toHaveLength(1);
  });

  it('changing a patient to an MRN already in use is 409', async () => {
    const read = await a.get(`/api/v1/patients/${clinic.patientA.id}`);
    const error = expectError(await a.send('PATCH', `/api/v1/patients/${clinic.patientA.id}`, { mrn: 'E-DUP' }, { 'if-match': read.headers.etag as string }), 409, 'conflict.duplicate-mrn');
    expect(detailPaths(error)).toEqual(['body.mrn']);
  });

  it('a PATCH without If-Match is 428 and changes nothing', async () => {
    const before = (await a.get(`/api/v1/patients/${clinic.patientA.id}`)).json();
    const error = expectError(await a.send('PATCH', `/api/v1/patients/${clinic.patientA.id}`, { phone: '555-0000' }), 428, 'conflict.if-match-required');
    expect(detailPaths(error)).toEqual(['headers.if-match']);
    const after = (await a.get(`/api/v1/patients/${clinic.patientA.id}`)).json();
    expect(after.version).toBe(before.version);
    expect(after.phone).toBe(before.phone);
  });

  it('an unauthenticated request is 401 auth.required', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/patients' }), 401, 'auth.required');
  });
});

describe('documents and health', () => {
  it('serves a valid OpenAPI 3.0.3 document with the main paths', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const doc = JSON.parse(res.body) as { openapi: string; paths: Record<string, Record<string, unknown>>; info: { title: string } };
    expect(doc.openapi).toBe('3.0.3');
    expect(doc.info.title).toBe('Painpath API');
    for (const path of ['/api/v1/patients', '/api/v1/patients/{id}', '/api/v1/tasks', '/api/v1/auth/login']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(Object.keys(doc.paths['/api/v1/patients'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/patients/{id}'] ?? {}).sort()).toEqual(['get', 'patch']);
    // Hidden routes stay out of it.
    expect(Object.keys(doc.paths)).not.toContain('/health');
  });

  it('serves the API docs as HTML', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<title>Swagger UI</title>');
  });

  it('GET /health and /ready', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: t.ctx.database.kind });
  });
});
