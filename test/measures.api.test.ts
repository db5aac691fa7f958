/**
 * Outcome measures through the API: the instrument catalogue (licence notes only for the clinic lead and
 * administrator), the anonymous calculator (stores nothing, lists every invalid answer), instrument requests
 * answered by the patient (PHQ-9 item 9 → safety task and crisis resources), 100-point trajectories with
 * change labels, assessments, access rules and audit.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrajectory } from '../src/domain/measures/change';
import { scoreInstrument, type Answers, type InstrumentScore } from '../src/domain/measures/score';
import { seedDemoClinic } from '../src/db/seed/demo';
import { insertResponse } from '../src/db/repositories/measures.repository';
import { assessments, auditEvents, intakes, instrumentRequests, patients, questionnaireResponses, tasks } from '../src/db/schema';
import { buildTestApp, signIn, type Agent, type TestApp } from './support/app';
import { buildClinic, buildConsent, buildPatient, buildUser, TEST_PASSWORD } from './support/builders';
import { createTestDatabase } from './support/database';
import { detailPaths, expectError } from './support/http';

const WEEK_MS = 7 * 86_400_000;

let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;
let doc: Agent;
let otherTeam: Agent;
let patient: Agent;
let lead: Agent;
let admin: Agent;
let helper: Agent;
let coordinator: Agent;

beforeAll(async () => {
  t = await buildTestApp({ loginRateLimitPerMinute: 1000 });
  clinic = await buildClinic(t.ctx.db);
  const cg = await buildUser(t.ctx.db, { orgId: clinic.org.id, role: 'caregiver' });
  await buildConsent(t.ctx.db, { orgId: clinic.org.id, patientId: clinic.patientA.id, caregiverUserId: cg.id, scopes: ['check-ins'] });
  doc = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
  otherTeam = await signIn(t.app, clinic.therapistB.email, TEST_PASSWORD);
  patient = await signIn(t.app, clinic.patientUser.email, TEST_PASSWORD);
  lead = await signIn(t.app, clinic.lead.email, TEST_PASSWORD);
  admin = await signIn(t.app, clinic.admin.email, TEST_PASSWORD);
  helper = await signIn(t.app, cg.email, TEST_PASSWORD);
  coordinator = await signIn(t.app, clinic.coordinator.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

function ok<T>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}

const phq9 = (item9: number, others = 1): Answers => Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9.${i + 1}`, i === 8 ? item9 : others]));

/** Row counts of every table in the database (the audit log included). */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await t.ctx.database.sql.executeSql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", []);
  const counts: Record<string, number> = {};
  for (const row of tables.rows) {
    const name = String(row.tablename);
    const r = await t.ctx.database.sql.executeSql(`SELECT count(*)::int AS n FROM "${name}"`, []);
    counts[name] = Number(r.rows[0]?.n);
  }
  return counts;
}

describe('the instrument catalogue', () => {
  it('lists every instrument with items, bands, LOINC and source; licence notes only for the clinic lead and administrator', async () => {
    const staff = ok<{ items: { id: string; licence?: unknown; items: unknown[]; source: string }[] }>(await doc.get('/api/v1/instruments'));
    expect(staff.items.map((i) => i.id)).toEqual(['peg', 'phq2', 'phq9', 'gad7', 'psfs', 'startback', 'ort', 'ort-oud']);
    expect(staff.items.every((i) => i.licence === undefined && i.items.length > 0 && i.source.length > 0)).toBe(true);
    for (const agent of [lead, admin]) {
      const full = ok<{ items: { id: string; licence?: { text: string; restricted: boolean } }[] }>(await agent.get('/api/v1/instruments'));
      expect(full.items.every((i) => typeof i.licence?.text === 'string')).toBe(true);
      expect(full.items.find((i) => i.id === 'startback')?.licence?.restricted).toBe(true);
    }
    const phq = staff.items.find((i) => i.id === 'phq9') as unknown as { loinc: { total: string }; bands: unknown[] };
    expect(phq.loinc.total).toBe('44261-6');
    expect(phq.bands).toHaveLength(5);
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/instruments' }), 401, 'auth.required');
  });
});

describe('the calculator', () => {
  it('scores without sign-in and stores nothing (every table counted before and after)', async () => {
    const before = await rowCounts();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/calculators/instruments/phq9/score', payload: { answers: phq9(0, 2) } });
    expect(ok<{ total: number; band: { code: string }; complete: boolean }>(res)).toMatchObject({ total: 16, complete: true, band: { code: 'moderately-severe' } });
    const peg = ok<{ total: number }>(await t.app.inject({ method: 'POST', url: '/api/v1/calculators/instruments/peg/score', payload: { answers: { 'peg.1': 7, 'peg.2': 6, 'peg.3': 6 } } }));
    expect(peg.total).toBe(6.3);
    const partial = ok<{ total: null; complete: boolean; flags: { code: string }[] }>(
      await t.app.inject({ method: 'POST', url: '/api/v1/calculators/instruments/phq9/score', payload: { answers: { 'phq9.9': 1 } } }),
    );
    expect(partial).toMatchObject({ total: null, complete: false, flags: [{ code: 'phq9.item9-positive' }] });
    const ort = ok<{ total: number }>(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/calculators/instruments/ort/score',
        payload: { answers: { 'ort.family-alcohol': true, 'ort.family-illegal-drugs': false, 'ort.family-prescription-drugs': false, 'ort.personal-alcohol': false, 'ort.personal-illegal-drugs': false, 'ort.personal-prescription-drugs': false, 'ort.preadolescent-sexual-abuse': false, 'ort.psychological-disease': false, 'ort.depression': false }, context: { sex: 'female', ageYears: 30 } },
      }),
    );
    expect(typeof ort.total).toBe('number');
    expect(await rowCounts()).toEqual(before);
  });

  it('lists every invalid answer with its path; an unknown instrument is 404', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calculators/instruments/phq9/score',
      payload: { answers: { 'phq9.1': 4, 'phq9.2': 'often', 'phq9.3': 1.5, 'phq9.10': 1 } },
    });
    const err = expectError(res, 400, 'validation');
    expect(detailPaths(err)).toEqual(['body.answers.phq9.1', 'body.answers.phq9.10', 'body.answers.phq9.2', 'body.answers.phq9.3']);
    const psfs = expectError(
      await t.app.inject({ method: 'POST', url: '/api/v1/calculators/instruments/psfs/score', payload: { answers: { 'psfs.activities': [{ name: '', score: 11 }] } } }),
      400,
      'validation',
    );
    expect(detailPaths(psfs)).toEqual(['body.answers.psfs.activities[0].name', 'body.answers.psfs.activities[0].score']);
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/calculators/instruments/kessler/score', payload: { answers: {} } }), 404, 'instrument.not-found');
    const body = expectError(await t.app.inject({ method: 'POST', url: '/api/v1/calculators/instruments/peg/score', payload: { answers: {}, extra: 1 } }), 400, 'validation');
    expect(detailPaths(body)).toEqual(['body.extra']);
  });
});

describe('instrument requests', () => {
  it('staff send any instrument (again); the patient sees a to-do; answering stores the response and closes it', async () => {
    const sent = ok<{ id: string; status: string; instrumentId: string }>(await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/instrument-requests`, { instrumentId: 'peg' }), 201);
    expect(sent).toMatchObject({ status: 'open', instrumentId: 'peg' });
    const again = ok<{ id: string }>(await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/instrument-requests`, { instrumentId: 'peg' }), 201);
    const todos = ok<{ items: { kind: string; id: string; title: string }[] }>(await patient.get('/api/v1/me/todos'));
    expect(todos.items.filter((i) => i.kind === 'instrument').map((i) => i.id)).toEqual([sent.id, again.id]);
    const answered = ok<{ response: { id: string; score: { total: number } }; request: { status: string; responseId: string }; crisis?: unknown }>(
      await patient.send('POST', `/api/v1/instrument-requests/${sent.id}/response`, { answers: { 'peg.1': 5, 'peg.2': 4, 'peg.3': 4 } }),
      201,
    );
    expect(answered.response.score.total).toBe(4.3);
    expect(answered.request).toMatchObject({ status: 'completed', responseId: answered.response.id });
    expect(answered.crisis).toBeUndefined();
    const stored = await t.ctx.db.select().from(questionnaireResponses).where(eq(questionnaireResponses.id, answered.response.id));
    expect(stored[0]).toMatchObject({ status: 'completed', requestId: sent.id, instrumentId: 'peg', patientId: clinic.patientA.id });
    expectError(await patient.send('POST', `/api/v1/instrument-requests/${sent.id}/response`, { answers: { 'peg.1': 1, 'peg.2': 1, 'peg.3': 1 } }), 409, 'instrument-request.completed');
    const after = ok<{ items: { id: string }[] }>(await patient.get('/api/v1/me/todos'));
    expect(after.items.map((i) => i.id)).toEqual([again.id]);
  });

  it('a caregiver with check-ins can answer a to-do; incomplete or invalid answers are 400 and store nothing', async () => {
    const req = ok<{ id: string }>(await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/instrument-requests`, { instrumentId: 'gad7' }), 201);
    const missing = expectError(await helper.send('POST', `/api/v1/instrument-requests/${req.id}/response`, { answers: { 'gad7.1': 1, 'gad7.2': 9 } }), 400, 'validation');
    expect(detailPaths(missing)).toEqual(['body.answers.gad7.2']);
    const incomplete = expectError(await helper.send('POST', `/api/v1/instrument-requests/${req.id}/response`, { answers: { 'gad7.1': 1 } }), 400, 'validation');
    expect(detailPaths(incomplete)).toEqual(['body.answers.gad7.2', 'body.answers.gad7.3', 'body.answers.gad7.4', 'body.answers.gad7.5', 'body.answers.gad7.6', 'body.answers.gad7.7']);
    expect(await t.ctx.db.select().from(questionnaireResponses).where(eq(questionnaireResponses.requestId, req.id))).toHaveLength(0);
    const all = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`gad7.${i + 1}`, 2]));
    ok(await helper.send('POST', `/api/v1/instrument-requests/${req.id}/response`, { answers: all }), 201);
  });

  it('a standalone PHQ-9 with item 9 > 0 raises the same-day safety task and returns crisis resources', async () => {
    const req = ok<{ id: string }>(await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/instrument-requests`, { instrumentId: 'phq9' }), 201);
    const res = ok<{ crisis: { call: string } }>(await patient.send('POST', `/api/v1/instrument-requests/${req.id}/response`, { answers: phq9(2, 0) }), 201);
    expect(res.crisis.call).toBe('988');
    const safety = await t.ctx.db.select().from(tasks).where(and(eq(tasks.patientId, clinic.patientA.id), eq(tasks.type, 'safety')));
    expect(safety).toHaveLength(1);
    expect(safety[0]).toMatchObject({ priority: 'urgent', source: 'instrument-request', careTeamId: clinic.teamA.id, dueAt: new Date('2026-11-22T23:59:59.999Z') });
    expect(safety[0]?.details).toMatch(/"More than half the days" \(2\)/);
  });

  it('only staff on the team send or cancel; the patient cannot send; an unknown instrument is 400', async () => {
    expectError(await otherTeam.send('POST', `/api/v1/patients/${clinic.patientA.id}/instrument-requests`, { instrumentId: 'peg' }), 403, 'access.not-on-care-team');
    expectError(await patient.send('POST', `/api/v1/patients/${clinic.patientA.id}/instrument-requests`, { instrumentId: 'peg' }), 403, 'auth.staff-only');
    const bad = expectError(await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/instrument-requests`, { instrumentId: 'kessler' }), 400, 'validation');
    expect(detailPaths(bad)).toEqual(['body.instrumentId']);
    const req = ok<{ id: string }>(await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/instrument-requests`, { instrumentId: 'psfs' }), 201);
    expect(ok<{ status: string }>(await doc.send('POST', `/api/v1/instrument-requests/${req.id}/cancel`)).status).toBe('cancelled');
    expectError(await patient.send('POST', `/api/v1/instrument-requests/${req.id}/response`, { answers: { 'psfs.activities': [{ name: 'Walk', score: 3 }] } }), 409, 'instrument-request.cancelled');
    const rows = await t.ctx.db.select().from(instrumentRequests).where(eq(instrumentRequests.id, req.id));
    expect(rows[0]?.responseId).toBeNull();
  });
});

describe('trajectories', () => {
  let personId: string;
  beforeAll(async () => {
    const p = await buildPatient(t.ctx.db, { orgId: clinic.org.id, careTeamId: clinic.teamA.id });
    personId = p.id;
    // 100 weekly PEG and PHQ-9 responses, inserted in shuffled order; PEG falls from 8 to about 3.
    const weeks = Array.from({ length: 100 }, (_, i) => i).sort((a, b) => ((a * 37) % 100) - ((b * 37) % 100));
    const start = t.clock.now.getTime() - 100 * WEEK_MS;
    for (const w of weeks) {
      const authoredAt = new Date(start + w * WEEK_MS);
      const level = Math.max(2, 8 - Math.floor(w / 20));
      const peg = scoreInstrument('peg', { 'peg.1': level, 'peg.2': level, 'peg.3': level });
      const mood = scoreInstrument('phq9', phq9(0, Math.max(0, 2 - Math.floor(w / 40))));
      for (const [instrumentId, score] of [['peg', peg], ['phq9', mood]] as const) {
        await insertResponse(t.ctx.db, { orgId: clinic.org.id, patientId: p.id, intakeId: null, requestId: null, instrumentId, instrumentVersion: score.instrumentVersion, answers: {}, score, status: 'completed', authoredAt, createdBy: 'test' });
      }
    }
  });

  it('100 weekly PEG and PHQ-9 responses come back in date order, each labelled against the previous and the baseline', async () => {
    const res = ok<{ series: { instrumentId: string; direction: string; points: { at: string; score: { total: number }; change: { label: string; text: string } | null; changeFromBaseline: { label: string; threshold: string } | null }[] }[] }>(
      await doc.get(`/api/v1/patients/${personId}/measures`),
    );
    expect(res.series.map((s) => s.instrumentId)).toEqual(['peg', 'phq9']);
    for (const series of res.series) {
      expect(series.points).toHaveLength(100);
      const times = series.points.map((p) => Date.parse(p.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(series.points[0]?.change).toBeNull();
      expect(series.points.slice(1).every((p) => p.change !== null && p.changeFromBaseline !== null)).toBe(true);
    }
    const peg = res.series[0]!;
    expect(peg.direction).toBe('lower-is-better');
    expect(peg.points[20]?.change).toMatchObject({ label: 'no-meaningful-change' }); // 8 → 7 is 12.5 %
    expect(peg.points[99]?.changeFromBaseline).toMatchObject({ label: 'meaningful-improvement' });
    expect(peg.points[99]?.changeFromBaseline?.threshold).toMatch(/30/);
    const only = ok<{ series: { instrumentId: string }[] }>(await doc.get(`/api/v1/patients/${personId}/measures?instrumentId=phq9`));
    expect(only.series.map((s) => s.instrumentId)).toEqual(['phq9']);
    expectError(await doc.get(`/api/v1/patients/${personId}/measures?instrumentId=kessler`), 400, 'validation');
  });

  it('only the patient, staff on the team or with break-glass see measures; caregivers never do; reads are audited', async () => {
    ok(await patient.get(`/api/v1/patients/${clinic.patientA.id}/measures`));
    expectError(await otherTeam.get(`/api/v1/patients/${personId}/measures`), 403, 'access.not-on-care-team');
    expectError(await helper.get(`/api/v1/patients/${clinic.patientA.id}/measures`), 403, 'access.caregiver-scores');
    const mrn = (await t.ctx.db.select({ mrn: patients.mrn }).from(patients).where(eq(patients.id, personId)))[0]?.mrn as string;
    ok(await otherTeam.send('POST', '/api/v1/break-glass', { mrn, reason: 'Covering the clinic on call tonight' }), 201);
    ok(await otherTeam.get(`/api/v1/patients/${personId}/measures`));
    const reads = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.patientId, personId), eq(auditEvents.resourceType, 'Measures'))).orderBy(auditEvents.seq);
    // Two reads by the team in the test above, then the break-glass read, which says so.
    expect(reads.map((r) => r.action)).toEqual(['read', 'read', 'read']);
    expect(reads.map((r) => r.reason)).toEqual(['all instruments', 'phq9', 'all instruments; emergency access (break the glass)']);
    const denied = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.patientId, clinic.patientA.id), eq(auditEvents.reason, 'access.caregiver-scores')));
    expect(denied).toHaveLength(1);
  });
});

describe('assessments', () => {
  it('a prescriber on the team records mechanism, irritability, comorbidities and onset; staff on the team read them', async () => {
    const created = ok<{ id: string; mechanism: string; assessedByName: string }>(
      await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/assessments`, { mechanism: 'nociplastic', irritability: 'moderate', comorbidities: ['Poor sleep', ' Depression '], onsetDate: '2024-02-10', notes: 'Widespread pain, sleep the main driver.' }),
      201,
    );
    expect(created).toMatchObject({ mechanism: 'nociplastic', assessedByName: 'Dr. Team A' });
    const list = ok<{ items: { id: string; comorbidities: string[] }[]; mechanisms: string[]; irritabilityCriteria: Record<string, string[]> }>(
      await coordinator.get(`/api/v1/patients/${clinic.patientA.id}/assessments`),
    );
    expect(list.items[0]).toMatchObject({ id: created.id, comorbidities: ['Poor sleep', 'Depression'] });
    expect(list.mechanisms).toEqual(['nociceptive', 'neuropathic', 'nociplastic', 'mixed']);
    expect(Object.keys(list.irritabilityCriteria).sort()).toEqual(['high', 'low', 'moderate']);
  });

  it('lists every bad field; other roles and other teams are refused', async () => {
    const bad = expectError(
      await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/assessments`, { mechanism: 'psychogenic', irritability: 'extreme', comorbidities: [], onsetDate: '2024-02-30', colour: 'red' }),
      400,
      'validation',
    );
    expect(detailPaths(bad)).toEqual(['body.colour', 'body.irritability', 'body.mechanism', 'body.onsetDate']);
    const body = { mechanism: 'mixed', irritability: 'low', comorbidities: [] };
    expectError(await coordinator.send('POST', `/api/v1/patients/${clinic.patientA.id}/assessments`, body), 403, 'auth.role');
    expectError(await otherTeam.send('POST', `/api/v1/patients/${clinic.patientA.id}/assessments`, body), 403, 'access.not-on-care-team');
    expectError(await patient.get(`/api/v1/patients/${clinic.patientA.id}/assessments`), 403, 'auth.staff-only');
  });
});

describe('demo measures (seeded with the demo clinic)', () => {
  it('gives eight people a submitted intake and months of labelled check-ins: most improve, one is flat, one worsens', async () => {
    const demo = await createTestDatabase();
    try {
      const asOf = new Date('2026-11-22T12:00:00Z');
      const { orgId } = await seedDemoClinic(demo.database.db, { hashPassword: async (p) => `test-hash$${p.length}`, asOf });
      const db = demo.database.db;
      const people = await db.select().from(patients).where(eq(patients.orgId, orgId));
      const submitted = await db.select().from(intakes).where(and(eq(intakes.orgId, orgId), eq(intakes.status, 'submitted')));
      expect(submitted).toHaveLength(8);
      const rows = await db.select().from(questionnaireResponses).where(eq(questionnaireResponses.orgId, orgId)).orderBy(questionnaireResponses.authoredAt);
      expect(rows.every((r) => r.authoredAt < asOf && r.status === 'completed')).toBe(true);
      expect(rows.filter((r) => r.instrumentId === 'phq9').every((r) => (r.answers as Answers)['phq9.9'] === 0)).toBe(true);
      const labels = new Map<string, string>();
      for (const person of people) {
        const peg = rows.filter((r) => r.patientId === person.id && r.instrumentId === 'peg');
        if (peg.length === 0) continue;
        expect(peg.length).toBeGreaterThanOrEqual(12);
        const points = buildTrajectory('peg', peg.map((r) => ({ at: r.authoredAt.toISOString(), score: r.score as InstrumentScore })));
        labels.set(person.mrn, points[points.length - 1]?.changeFromBaseline?.label ?? 'none');
        for (const id of ['phq9', 'gad7', 'psfs']) expect(rows.some((r) => r.patientId === person.id && r.instrumentId === id), `${person.mrn} ${id}`).toBe(true);
      }
      expect(labels.size).toBe(8);
      expect(labels.get('RB-100008')).toBe('no-meaningful-change');
      expect(labels.get('RB-100011')).toBe('meaningful-worsening');
      expect([...labels.values()].filter((l) => l === 'meaningful-improvement').length).toBeGreaterThanOrEqual(5);
      expect((await db.select().from(assessments).where(eq(assessments.orgId, orgId))).length).toBeGreaterThanOrEqual(4);
    } finally {
      await demo.drop();
    }
  });
});
