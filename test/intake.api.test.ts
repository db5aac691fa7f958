/**
 * The intake through the API: sent by the care team, saved one page at a time with If-Match, resumed after a
 * reload, every bad field listed with nothing half-saved, PHQ-2 → PHQ-9 and back pain → STarT Back, the
 * same-day safety task for PHQ-9 item 9 (once, in the page's transaction) with crisis resources, red-flag
 * tasks once per condition, submit, templates, access rules and audit.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, intakes, questionnaireResponses, tasks } from '../src/db/schema';
import { buildTestApp, signIn, type Agent, type TestApp } from './support/app';
import { buildClinic, buildConsent, buildPatient, buildUser, TEST_PASSWORD } from './support/builders';
import { detailPaths, expectError } from './support/http';

let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;
let doc: Agent; // prescriber on team A (patient A's team)
let otherTeam: Agent; // therapist on team B
let patient: Agent; // patient A's own account
let helper: Agent; // caregiver of patient A with 'check-ins'
let nosy: Agent; // caregiver of patient A with 'demographics' only
let lead: Agent;

interface Intake {
  id: string;
  patientId: string;
  status: string;
  templateVersion: number;
  pages: string[];
  currentPage: string;
  savedPages: string[];
  story: Record<string, unknown>;
  instruments: Record<string, { answers: Record<string, unknown>; score: { total: number | null; complete: boolean; flags: { code: string }[] } }>;
  redFlags: Record<string, boolean | null>;
  version: number;
  crisis?: { show: boolean; text: string; call: string };
}

const PAGES: Record<string, unknown> = {
  onset: { date: '2025-01', approximate: true, how: '  After lifting a heavy box at work  ' },
  where: { regions: ['lower-back', 'hip-left'] },
  feel: { character: ['aching', 'shooting'], worse: 'Sitting for a long time', better: 'Short walks and heat' },
  impact: { sleep: 7, mood: 5, work: 8, family: 4, movement: 7 },
  tried: { tried: [{ treatment: 'Physical therapy', helped: 'a-little', sideEffects: null }, { treatment: 'Ibuprofen', helped: 'no', sideEffects: 'Upset stomach' }] },
  hopes: { fears: 'That I will not be able to work again', hopes: 'Walk my dog around the lake' },
  peg: { 'peg.1': 7, 'peg.2': 6, 'peg.3': 7 },
  phq2: { 'phq2.1': 1, 'phq2.2': 1 },
  phq9: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9.${i + 1}`, 1])),
  gad7: Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`gad7.${i + 1}`, 1])),
  psfs: { 'psfs.activities': [{ name: 'Walk the dog', score: 3 }, { name: 'Sit through a movie', score: 4 }] },
  startback: { ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`startback.${i + 1}`, i % 2])), 'startback.9': 2 },
  'red-flags': { 'cauda-equina.bladder': false, 'cancer.history': false },
};

beforeAll(async () => {
  t = await buildTestApp({ loginRateLimitPerMinute: 1000 });
  clinic = await buildClinic(t.ctx.db);
  const cg = await buildUser(t.ctx.db, { orgId: clinic.org.id, role: 'caregiver', displayName: 'Helper' });
  await buildConsent(t.ctx.db, { orgId: clinic.org.id, patientId: clinic.patientA.id, caregiverUserId: cg.id, scopes: ['check-ins'] });
  doc = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
  otherTeam = await signIn(t.app, clinic.therapistB.email, TEST_PASSWORD);
  patient = await signIn(t.app, clinic.patientUser.email, TEST_PASSWORD);
  helper = await signIn(t.app, cg.email, TEST_PASSWORD);
  nosy = await signIn(t.app, clinic.caregiver.email, TEST_PASSWORD);
  lead = await signIn(t.app, clinic.lead.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

function ok<T>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}

async function send(patientId: string, agent = doc): Promise<Intake> {
  return ok<Intake>(await agent.send('POST', `/api/v1/patients/${patientId}/intakes`, {}), 201);
}

function put(agent: Agent, intake: { id: string; version: number }, page: string, value: unknown): Promise<LightMyRequestResponse> {
  return agent.send('PUT', `/api/v1/intakes/${intake.id}/pages/${page}`, { value }, { 'if-match': `W/"${intake.version}"` });
}

async function save(agent: Agent, intake: Intake, page: string, value: unknown = PAGES[page]): Promise<Intake> {
  return ok<Intake>(await put(agent, intake, page, value));
}

async function tasksOf(patientId: string, type: string) {
  return t.ctx.db.select().from(tasks).where(and(eq(tasks.patientId, patientId), eq(tasks.type, type)));
}

/** A fresh patient on team A with their own portal account and an intake sent to them. */
async function freshPatient(birthDate = '1980-06-01'): Promise<{ agent: Agent; patientId: string; intake: Intake }> {
  const p = await buildPatient(t.ctx.db, { orgId: clinic.org.id, careTeamId: clinic.teamA.id, birthDate, sex: 'female' });
  const u = await buildUser(t.ctx.db, { orgId: clinic.org.id, role: 'patient', patientId: p.id });
  const agent = await signIn(t.app, u.email, TEST_PASSWORD);
  return { agent, patientId: p.id, intake: await send(p.id) };
}

describe('sending and resuming', () => {
  let intake: Intake;

  it('staff on the team send an intake (201, ETag, pages without PHQ-9 and STarT Back yet); it shows as a to-do', async () => {
    const res = await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/intakes`, {});
    intake = ok<Intake>(res, 201);
    expect(res.headers.etag).toBe('W/"1"');
    expect(intake).toMatchObject({ patientId: clinic.patientA.id, status: 'sent', currentPage: 'onset', version: 1, savedPages: [] });
    expect(intake.pages).toEqual(['onset', 'where', 'feel', 'impact', 'tried', 'hopes', 'peg', 'phq2', 'gad7', 'psfs', 'red-flags']);
    const todos = ok<{ items: { kind: string; id: string; title: string; status: string }[] }>(await patient.get('/api/v1/me/todos'));
    expect(todos.items).toEqual([expect.objectContaining({ kind: 'intake', id: intake.id, status: 'sent' })]);
  });

  it('a second intake while one is open is 409 (with or without a body); staff on another team cannot send one (403)', async () => {
    expectError(await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/intakes`, {}), 409, 'intake.already-open');
    expectError(await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/intakes`), 409, 'intake.already-open');
    expectError(await otherTeam.send('POST', `/api/v1/patients/${clinic.patientA.id}/intakes`, {}), 403, 'access.not-on-care-team');
  });

  it('saves one page at a time with If-Match; a reload resumes at currentPage with the answers kept (trimmed)', async () => {
    intake = await save(patient, intake, 'onset');
    expect(intake).toMatchObject({ status: 'in-progress', currentPage: 'where', version: 2, savedPages: ['onset'] });
    intake = await save(patient, intake, 'feel');
    expect(intake.currentPage).toBe('impact'); // the next page not yet answered
    const reload = await patient.get(`/api/v1/intakes/${intake.id}`);
    expect(reload.headers.etag).toBe('W/"3"');
    const again = ok<Intake>(reload);
    expect(again.currentPage).toBe('impact');
    expect(again.story).toMatchObject({ onset: { date: '2025-01', approximate: true, how: 'After lifting a heavy box at work' }, character: ['aching', 'shooting'] });
  });

  it('without If-Match is 428; a stale If-Match is 412; neither changes anything', async () => {
    expectError(await patient.send('PUT', `/api/v1/intakes/${intake.id}/pages/where`, { value: PAGES.where }), 428, 'conflict.if-match-required');
    expectError(await put(patient, { id: intake.id, version: 1 }, 'where', PAGES.where), 412, 'conflict.stale-version');
    const row = (await t.ctx.db.select().from(intakes).where(eq(intakes.id, intake.id)))[0];
    expect(row?.version).toBe(intake.version);
    expect(row?.savedPages).toEqual(['onset', 'feel']);
  });

  it('an invalid page is 400 listing every bad field with its path under value, and nothing is saved', async () => {
    const bad = expectError(await put(patient, intake, 'where', { regions: ['elbow-of-doom', 'lower-back', 'moon'], colour: 'red' }), 400, 'validation');
    expect(detailPaths(bad)).toEqual(['value.colour', 'value.regions[0]', 'value.regions[2]']);
    const onset = expectError(await put(patient, intake, 'onset', { date: '2025-13', approximate: 'yes', how: 5 }), 400, 'validation');
    expect(detailPaths(onset)).toEqual(['value.approximate', 'value.date', 'value.how']);
    const peg = expectError(await put(patient, intake, 'peg', { 'peg.1': 11, 'peg.2': 'six', 'peg.9': 1 }), 400, 'validation');
    expect(detailPaths(peg)).toEqual(['value.peg.1', 'value.peg.2', 'value.peg.9']);
    const after = ok<Intake>(await patient.get(`/api/v1/intakes/${intake.id}`));
    expect(after.version).toBe(intake.version);
    expect(after.story.regions).toBeUndefined();
    expect(after.instruments.peg).toBeUndefined();
    expect(await t.ctx.db.select().from(questionnaireResponses).where(eq(questionnaireResponses.intakeId, intake.id))).toHaveLength(0);
  });

  it('a page the intake does not have (yet) is 404', async () => {
    expectError(await put(patient, intake, 'phq9', PAGES.phq9), 404, 'intake.page-not-found');
    expectError(await put(patient, intake, 'favourite-colour', {}), 404, 'intake.page-not-found');
  });

  it('back pain adds the STarT Back page; a positive PHQ-2 adds the PHQ-9 with its first two answers carried over', async () => {
    intake = await save(patient, intake, 'where');
    expect(intake.pages).toContain('startback');
    expect(intake.pages.indexOf('startback')).toBeGreaterThan(intake.pages.indexOf('psfs'));
    intake = await save(patient, intake, 'phq2', { 'phq2.1': 2, 'phq2.2': 2 });
    expect(intake.pages.slice(intake.pages.indexOf('phq2'), intake.pages.indexOf('phq2') + 2)).toEqual(['phq2', 'phq9']);
    expect(intake.currentPage).toBe('phq9');
    expect(intake.instruments.phq9?.answers).toEqual({ 'phq9.1': 2, 'phq9.2': 2 });
    expect(intake.instruments.phq2?.score).toMatchObject({ total: 4, complete: true });
  });

  it('submitting with pages missing is 409 listing them', async () => {
    const err = expectError(await patient.send('POST', `/api/v1/intakes/${intake.id}/submit`), 409, 'intake.pages-missing');
    expect(err.missingPages).toEqual(['impact', 'tried', 'hopes', 'peg', 'phq9', 'gad7', 'psfs', 'startback', 'red-flags']);
    expect(detailPaths(err)).toContain('pages.phq9');
  });

  it('PHQ-9 item 9 > 0 raises ONE same-day safety task for the care team in the page save, and the answer carries crisis resources', async () => {
    const before = await tasksOf(clinic.patientA.id, 'safety');
    const phq9 = { ...(PAGES.phq9 as Record<string, number>), 'phq9.9': 1 };
    intake = await save(patient, intake, 'phq9', phq9);
    expect(intake.crisis).toMatchObject({ show: true, call: '988' });
    expect(intake.crisis?.text).toMatch(/988/);
    const created = (await tasksOf(clinic.patientA.id, 'safety')).filter((x) => !before.some((b) => b.id === x.id));
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      priority: 'urgent',
      source: 'intake',
      status: 'open',
      careTeamId: clinic.teamA.id,
      dueAt: new Date('2026-11-22T23:59:59.999Z'),
    });
    expect(created[0]?.details).toMatch(/item 9/);
    expect(created[0]?.details).toMatch(/"Several days" \(1\)/);
    // Re-saving (even with a higher answer) never raises it again; the crisis resources stay.
    intake = await save(patient, intake, 'phq9', { ...phq9, 'phq9.9': 2 });
    expect(intake.crisis?.call).toBe('988');
    expect((await tasksOf(clinic.patientA.id, 'safety')).length).toBe(before.length + 1);
    // The task appears in the care team's inbox.
    const inbox = ok<{ items: { type: string; title: string }[] }>(await doc.get('/api/v1/tasks?view=team'));
    expect(inbox.items.some((i) => i.type === 'safety' && /PHQ-9 item 9/.test(i.title))).toBe(true);
  });

  it('a red-flag yes raises an urgent task naming the condition and urgency (cauda equina: emergency, due now), once per condition', async () => {
    intake = await save(patient, intake, 'red-flags', { 'cauda-equina.bladder': true });
    let flags = await tasksOf(clinic.patientA.id, 'red-flag');
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ priority: 'urgent', source: 'intake', careTeamId: clinic.teamA.id, dueAt: t.clock.now });
    expect(flags[0]?.title).toMatch(/cauda equina/i);
    expect(flags[0]?.title).toMatch(/emergency/);
    intake = await save(patient, intake, 'red-flags', { 'cauda-equina.saddle': true, 'cancer.history': true });
    flags = await tasksOf(clinic.patientA.id, 'red-flag');
    expect(flags).toHaveLength(2);
    const cancer = flags.find((f) => /cancer/i.test(f.title));
    expect(cancer).toMatchObject({ priority: 'urgent', dueAt: new Date('2026-11-22T23:59:59.999Z') });
    expect(cancer?.title).toMatch(/urgent/);
    expect(intake.redFlags).toMatchObject({ 'cauda-equina.bladder': true, 'cauda-equina.saddle': true, 'cancer.history': true });
  });

  it('submit stores a completed QuestionnaireResponse with a score per instrument; then the intake is closed', async () => {
    for (const page of ['impact', 'tried', 'hopes', 'peg', 'gad7', 'psfs', 'startback']) intake = await save(patient, intake, page);
    expect(intake.currentPage).toBe('red-flags');
    const submitted = ok<Intake>(await patient.send('POST', `/api/v1/intakes/${intake.id}/submit`));
    expect(submitted.status).toBe('submitted');
    const rows = await t.ctx.db.select().from(questionnaireResponses).where(eq(questionnaireResponses.intakeId, intake.id));
    expect(rows.map((r) => r.instrumentId).sort()).toEqual(['gad7', 'peg', 'phq2', 'phq9', 'psfs', 'startback']);
    for (const r of rows) {
      expect(r.status).toBe('completed');
      expect((r.score as { complete: boolean; total: number }).complete).toBe(true);
      expect(r.authoredAt).toEqual(t.clock.now);
    }
    expect((rows.find((r) => r.instrumentId === 'peg')?.score as { total: number }).total).toBe(6.7);
    expectError(await save_raw(submitted, 'peg'), 409, 'intake.submitted');
    expectError(await patient.send('POST', `/api/v1/intakes/${intake.id}/submit`), 409, 'intake.submitted');
    const todos = ok<{ items: unknown[] }>(await patient.get('/api/v1/me/todos'));
    expect(todos.items).toEqual([]);
  });

  function save_raw(i: Intake, page: string): Promise<LightMyRequestResponse> {
    return put(patient, i, page, PAGES[page]);
  }
});

describe('the safety task and the page are one transaction', () => {
  it('an invalid PHQ-9 page with item 9 > 0 raises no task and saves nothing', async () => {
    const { agent, patientId, intake } = await freshPatient();
    let current = await save(agent, intake, 'phq2', { 'phq2.1': 3, 'phq2.2': 3 });
    const err = expectError(await put(agent, current, 'phq9', { 'phq9.9': 2, 'phq9.1': 7 }), 400, 'validation');
    expect(detailPaths(err)).toEqual(['value.phq9.1']);
    expect(await tasksOf(patientId, 'safety')).toHaveLength(0);
    current = ok<Intake>(await agent.get(`/api/v1/intakes/${intake.id}`));
    expect(current.instruments.phq9?.answers['phq9.9']).toBeUndefined();
  });

  it('two saves racing with the same If-Match: one wins, the other gets 412, and exactly one safety task exists', async () => {
    const { agent, patientId, intake } = await freshPatient();
    const current = await save(agent, intake, 'phq2', { 'phq2.1': 3, 'phq2.2': 2 });
    const value = { ...(PAGES.phq9 as Record<string, number>), 'phq9.9': 3 };
    const results = await Promise.all([put(agent, current, 'phq9', value), put(agent, current, 'phq9', value)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
    expect(await tasksOf(patientId, 'safety')).toHaveLength(1);
  });

  it('a person with no care team gets the task through their coordinator', async () => {
    const p = await buildPatient(t.ctx.db, { orgId: clinic.org.id, careTeamId: null, coordinatorUserId: clinic.coordinator.id });
    const u = await buildUser(t.ctx.db, { orgId: clinic.org.id, role: 'patient', patientId: p.id });
    const coordinator = await signIn(t.app, clinic.coordinator.email, TEST_PASSWORD);
    const agent = await signIn(t.app, u.email, TEST_PASSWORD);
    let intake = await send(p.id, coordinator);
    intake = await save(agent, intake, 'phq2', { 'phq2.1': 3, 'phq2.2': 3 });
    await save(agent, intake, 'phq9', { 'phq9.9': 1 });
    expect(await tasksOf(p.id, 'safety')).toEqual([expect.objectContaining({ assigneeUserId: clinic.coordinator.id, careTeamId: null })]);
  });
});

describe('who may see and fill in an intake', () => {
  let intake: Intake;
  beforeAll(async () => {
    const p = await buildPatient(t.ctx.db, { orgId: clinic.org.id, careTeamId: clinic.teamA.id });
    await buildConsent(t.ctx.db, { orgId: clinic.org.id, patientId: p.id, caregiverUserId: helper.user.id, scopes: ['check-ins'] });
    intake = await send(p.id);
  });

  it('a caregiver with check-ins sees the to-do and can fill in a page; one without it cannot', async () => {
    const todos = ok<{ items: { id: string; patientId: string }[] }>(await helper.get('/api/v1/me/todos'));
    expect(todos.items.map((i) => i.id)).toContain(intake.id);
    intake = await save(helper, intake, 'onset');
    expect(intake.savedPages).toEqual(['onset']);
    expectError(await nosy.get(`/api/v1/intakes/${intake.id}`), 403, 'access.no-consent');
  });

  it('staff on the team can read it but not fill it in; staff on another team and other patients cannot read it', async () => {
    ok<Intake>(await doc.get(`/api/v1/intakes/${intake.id}`));
    expectError(await put(doc, intake, 'where', PAGES.where), 403, 'intake.patient-only');
    expectError(await otherTeam.get(`/api/v1/intakes/${intake.id}`), 403, 'access.not-on-care-team');
    expectError(await patient.get(`/api/v1/intakes/${intake.id}`), 403, 'access.not-self');
    expectError(await patient.get(`/api/v1/me/todos?patientId=${intake.patientId}`), 403, 'access.not-self');
  });

  it('a caregiver with demographics only is refused a person they do not help with check-ins', async () => {
    expectError(await nosy.get(`/api/v1/me/todos?patientId=${clinic.patientA.id}`), 403, 'access.scope-not-consented');
  });

  it('every read and write is audited, denied attempts too', async () => {
    const events = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.resourceId, intake.id));
    const actions = events.map((e) => `${e.action}:${e.resourceType}`);
    expect(actions).toEqual(expect.arrayContaining(['create:Intake', 'update:Intake', 'read:Intake']));
    const denied = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.patientId, intake.patientId), eq(auditEvents.action, 'access-denied')));
    expect(denied.length).toBeGreaterThanOrEqual(2);
    const todoReads = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.patientId, intake.patientId), eq(auditEvents.resourceType, 'TodoList')));
    expect(todoReads.length).toBeGreaterThan(0);
  });
});

describe('intake templates', () => {
  it('the clinic lead hides a section with If-Match; PEG, PHQ-2 and red flags cannot be hidden; new intakes follow the template', async () => {
    const list = await lead.get('/api/v1/intake-templates');
    expect(list.headers.etag).toBe('W/"1"');
    expect(ok<{ current: { templateVersion: number; hidden: string[] } }>(list).current).toMatchObject({ templateVersion: 1, hidden: [] });
    expectError(await doc.get('/api/v1/intake-templates'), 403, 'auth.role');
    const bad = expectError(await lead.send('PUT', '/api/v1/intake-templates/current', { hidden: ['peg', 'red-flags', 'nope'] }, { 'if-match': 'W/"1"' }), 400, 'validation');
    expect(detailPaths(bad)).toEqual(['body.hidden[0]', 'body.hidden[1]', 'body.hidden[2]']);
    expectError(await lead.send('PUT', '/api/v1/intake-templates/current', { hidden: ['gad7'] }), 428, 'conflict.if-match-required');
    const saved = await lead.send('PUT', '/api/v1/intake-templates/current', { hidden: ['gad7'] }, { 'if-match': 'W/"1"' });
    expect(ok<{ templateVersion: number; hidden: string[] }>(saved)).toMatchObject({ templateVersion: 2, hidden: ['gad7'] });
    expect(saved.headers.etag).toBe('W/"2"');
    expectError(await lead.send('PUT', '/api/v1/intake-templates/current', { hidden: [] }, { 'if-match': 'W/"1"' }), 412, 'conflict.stale-version');
    const p = await buildPatient(t.ctx.db, { orgId: clinic.org.id, careTeamId: clinic.teamA.id });
    const intake = await send(p.id);
    expect(intake.templateVersion).toBe(2);
    expect(intake.pages).not.toContain('gad7');
    // Put it back for the other tests.
    ok(await lead.send('PUT', '/api/v1/intake-templates/current', { hidden: [] }, { 'if-match': 'W/"2"' }));
  });
});
