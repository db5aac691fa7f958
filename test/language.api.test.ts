/**
 * Person-first language through the API: the stateless check (anonymous and with the clinic's terms), the
 * clinic's own terms (clinic lead, If-Match, every bad field listed, audited), and the flagged-term counts
 * stored when free text is saved (tasks, assessment notes, break-glass reasons) — saving is never blocked.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, languageFlagCounts } from '../src/db/schema';
import { buildTestApp, signIn, type Agent, type TestApp } from './support/app';
import { buildClinic, TEST_PASSWORD } from './support/builders';
import { detailPaths, expectError } from './support/http';

let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;
let doc: Agent;
let lead: Agent;
let therapist: Agent;

interface Hit { text: string; suggestion: string; rowId: string; start: number; end: number; origin: string; source: string; quoted: boolean }

beforeAll(async () => {
  t = await buildTestApp({ loginRateLimitPerMinute: 1000 });
  clinic = await buildClinic(t.ctx.db);
  doc = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
  lead = await signIn(t.app, clinic.lead.email, TEST_PASSWORD);
  therapist = await signIn(t.app, clinic.therapistB.email, TEST_PASSWORD);
});
afterAll(async () => {
  await t?.close();
});

async function flagsFor(source: string, sourceId: string) {
  return t.ctx.db.select().from(languageFlagCounts).where(and(eq(languageFlagCounts.source, source), eq(languageFlagCounts.sourceId, sourceId)));
}

describe('POST /api/v1/language/check', () => {
  it('works without signing in and returns each hit with offsets, the alternative, the source and the reading grade', async () => {
    const text = 'Pt refuses PT and is drug-seeking.';
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/language/check', payload: { text } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ hits: Hit[]; termsVersion: string; readability: { grade: number | null; words: number } }>();
    expect(body.hits.map((h) => [h.text, h.suggestion, h.rowId])).toEqual([
      ['refuses', 'declines', 'refuses'],
      ['drug-seeking', 'requesting pain relief', 'drug-seeking'],
    ]);
    for (const h of body.hits) expect(text.slice(h.start, h.end)).toBe(h.text);
    expect(body.hits[1]!.source).toMatch(/Goddu 2018/);
    expect(body.termsVersion).toMatch(/painpath-terms-1/);
    expect(body.readability.words).toBe(6); // "drug-seeking" is one word
    expect(body.readability.grade).not.toBeNull();
  });

  it('lists every bad field', async () => {
    const bad = expectError(await t.app.inject({ method: 'POST', url: '/api/v1/language/check', payload: { text: 5, extra: true } }), 400, 'validation');
    expect(detailPaths(bad)).toEqual(['body.extra', 'body.text']);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/language/check', '/api/v1/language/clinic-terms', '/api/v1/language/terms', '/api/v1/language/flags/summary']));
  });
});

describe('clinic terms', () => {
  it('the clinic lead adds terms with If-Match; the check then uses them for that clinic only', async () => {
    const first = await lead.get('/api/v1/language/clinic-terms');
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('W/"0"');
    expect(first.json()).toMatchObject({ terms: [], version: 0 });

    expectError(await lead.send('PUT', '/api/v1/language/clinic-terms', { terms: [] }), 428, 'conflict.if-match-required');
    const saved = await lead.send('PUT', '/api/v1/language/clinic-terms', { terms: [{ phrase: ' frequent  flyer ', suggestion: 'person who visits often', note: 'ED slang' }] }, { 'if-match': 'W/"0"' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.headers.etag).toBe('W/"1"');
    expect(saved.json()).toMatchObject({ version: 1, terms: [{ phrase: 'frequent flyer', suggestion: 'person who visits often', note: 'ED slang' }] });
    expectError(await lead.send('PUT', '/api/v1/language/clinic-terms', { terms: [] }, { 'if-match': 'W/"0"' }), 412, 'conflict.stale-version');

    const checked = (await doc.send('POST', '/api/v1/language/check', { text: 'A frequent-flyer in the ED.' })).json<{ hits: Hit[]; termsVersion: string }>();
    expect(checked.hits.map((h) => [h.text, h.suggestion, h.origin])).toEqual([['frequent-flyer', 'person who visits often', 'clinic']]);
    expect(checked.termsVersion).toMatch(/clinic terms v1$/);
    const anonymous = (await t.app.inject({ method: 'POST', url: '/api/v1/language/check', payload: { text: 'A frequent-flyer in the ED.' } })).json<{ hits: Hit[] }>();
    expect(anonymous.hits).toEqual([]);

    const audit = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.resourceType, 'LanguageTermList'));
    expect(audit.map((a) => a.reason)).toEqual(['version 1; 1 terms']);
  });

  it('lists every bad term field at once, and only the clinic lead or administrator may change the list', async () => {
    const current = (await lead.get('/api/v1/language/clinic-terms')).headers.etag as string;
    const bad = expectError(
      await lead.send('PUT', '/api/v1/language/clinic-terms', { terms: [{ phrase: 'x', suggestion: '' }, { phrase: 'ok phrase', suggestion: 'fine', colour: 'red' }, { phrase: 'Ok-Phrase', suggestion: 'again' }] }, { 'if-match': current }),
      400,
      'validation',
    );
    expect(detailPaths(bad).sort()).toEqual(['body.terms.0.phrase', 'body.terms.0.suggestion', 'body.terms.1.colour', 'body.terms.2.phrase']);
    const dup = expectError(
      await lead.send('PUT', '/api/v1/language/clinic-terms', { terms: [{ phrase: 'ok phrase', suggestion: 'fine' }, { phrase: 'Ok-Phrase', suggestion: 'again' }] }, { 'if-match': current }),
      400,
      'validation',
    );
    expect(detailPaths(dup)).toEqual(['body.terms.1.phrase']);
    expectError(await doc.send('PUT', '/api/v1/language/clinic-terms', { terms: [] }, { 'if-match': current }), 403, 'auth.role');
    expect((await doc.get('/api/v1/language/clinic-terms')).statusCode).toBe(200);
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/language/clinic-terms' }), 401, 'auth.required');
  });
});

describe('flag counts stored when free text is saved', () => {
  it('a task with listed terms is saved (never blocked) and its count kept; editing the text replaces the count', async () => {
    const res = await doc.send('POST', '/api/v1/tasks', { type: 'follow-up', patientId: clinic.patientA.id, title: 'Call back', assigneeUserId: clinic.prescriberA.id, details: 'Patient claims the pharmacy lost it; refuses to come in.' });
    expect(res.statusCode, res.body).toBe(201);
    const task = res.json<{ id: string; version: number; details: string }>();
    expect(task.details).toBe('Patient claims the pharmacy lost it; refuses to come in.');
    const [row] = await flagsFor('task', task.id);
    expect(row).toMatchObject({ count: 2, patientId: clinic.patientA.id, rowIds: ['claims', 'refuses'], recordedBy: clinic.prescriberA.id });

    const patched = await doc.send('PATCH', `/api/v1/tasks/${task.id}`, { details: 'Patient reports the pharmacy lost it; declines to come in.' }, { 'if-match': `W/"${task.version}"` });
    expect(patched.statusCode, patched.body).toBe(200);
    const after = await flagsFor('task', task.id);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ count: 0, rowIds: [] });
  });

  it('assessment notes and comorbidities are counted', async () => {
    const res = await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/assessments`, { mechanism: 'mixed', irritability: 'low', comorbidities: ['Alcohol abuse'], notes: 'Former addict, now on methadone maintenance.' });
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await flagsFor('assessment', res.json<{ id: string }>().id);
    expect(row).toMatchObject({ count: 3, rowIds: ['former-addict', 'replacement-therapy', 'drug-abuse'] });
  });

  it('a break-glass reason is counted against its review task', async () => {
    const res = await therapist.send('POST', '/api/v1/break-glass', { mrn: 'A-1', reason: 'ED says he is drug seeking and wants narcotics tonight.' });
    expect(res.statusCode, res.body).toBe(201);
    const rows = await t.ctx.db.select().from(languageFlagCounts).where(eq(languageFlagCounts.source, 'break-glass-reason'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ count: 2, patientId: clinic.patientA.id, recordedBy: clinic.therapistB.id });
  });

  it('the clinic lead sees the summary for the quality dashboard', async () => {
    const since = t.clock.now.toISOString().slice(0, 10);
    const res = await lead.get(`/api/v1/language/flags/summary?since=${since}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ since, fieldsChecked: 3, fieldsFlagged: 2, termsFlagged: 5 });
    expectError(await doc.get(`/api/v1/language/flags/summary?since=${since}`), 403, 'auth.role');
  });
});
