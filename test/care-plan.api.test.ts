/**
 * Care plans through the API, on PGlite and (with DATABASE_URL) PostgreSQL: goals suggested from the PSFS,
 * one 400 listing every bad field (schema and domain together), versions with If-Match (428/412) and a
 * history, the first checkpoint task, access (care team, other team, patient self, caregiver), audit in the
 * same transaction (nothing half-stored), sessions that move the engine's phase, and the patient's own report.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreInstrument } from '../src/domain/measures/score';
import { insertResponse } from '../src/db/repositories/measures.repository';
import { auditEvents, carePlanVersions, tasks } from '../src/db/schema';
import { buildTestApp, signIn, type Agent, type TestApp } from './support/app';
import { buildClinic, buildConsent, buildUser, TEST_PASSWORD } from './support/builders';
import { detailPaths, expectError } from './support/http';

let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;
let doc: Agent;
let otherTeam: Agent;
let patient: Agent;
let helper: Agent;
let url: string;

interface View {
  plan: null | { id: string; version: number; phase: string; goals: { id: string }[] };
  progression: null | { suggestedPhase: string; phaseReasons: { code: string; message: string; settings: string[] }[]; statements: { code: string }[]; settingsVersion: string };
  suggestedGoals: { activity: string; baselineScore: number }[];
  sessions: unknown[];
  reports: { reportedBy: string; reliefWindowDays: number | null; afterSessionId: string | null }[];
  checkpoints: { id: string; status: string; dueOn: string; taskId: string | null; version: number }[];
}

function ok<T>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}

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

function planBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Back to walking and lifting',
    status: 'active',
    startDate: '2026-10-01',
    phase: 'establishing-response',
    ongoingCare: null,
    baselineSymptomScore: 7,
    goals: [
      { id: 'goal-1', activity: 'Walking', statement: 'Walk 30 minutes with my sister', baselineScore: 3, targetScore: 8, targetDate: '2027-02-28', status: 'active' },
      { id: 'goal-2', activity: 'Lifting', statement: 'Lift my granddaughter without pain the next day', baselineScore: 2, targetScore: 7, targetDate: '2027-03-31', status: 'active' },
    ],
    interventions: [
      { id: 'iv-1', domain: 'rehabilitation', description: 'Dry needling and manual therapy, weekly', ownerUserId: clinic.prescriberA.id, ownerRole: null, status: 'active', expectedStartDate: null, expectedWaitDays: null, bridgePlan: null },
      {
        id: 'iv-2', domain: 'behavioural-health', description: 'Pain psychology: fear of movement', ownerUserId: clinic.bhA.id, ownerRole: null, status: 'waiting', expectedStartDate: '2027-01-10', expectedWaitDays: 49,
        bridgePlan: { text: 'Daily 10-minute walk; the pain education videos; call the clinic if the pain keeps you from sleeping.', ownerUserId: clinic.coordinator.id },
      },
    ],
    checkpointSchedule: { firstDate: '2026-12-06', intervalDays: 14 },
    graduationCriteria: [{ id: 'gc-1', statement: 'Walks 30 minutes three times a week', goalId: 'goal-1' }],
    patientSummary: 'We start with needling to calm the pain, then add movement when the relief lasts about a week.',
    ...overrides,
  };
}

beforeAll(async () => {
  t = await buildTestApp({ loginRateLimitPerMinute: 1000 });
  clinic = await buildClinic(t.ctx.db);
  const cg = await buildUser(t.ctx.db, { orgId: clinic.org.id, role: 'caregiver' });
  await buildConsent(t.ctx.db, { orgId: clinic.org.id, patientId: clinic.patientA.id, caregiverUserId: cg.id, scopes: ['check-ins', 'demographics'] });
  doc = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
  otherTeam = await signIn(t.app, clinic.therapistB.email, TEST_PASSWORD);
  patient = await signIn(t.app, clinic.patientUser.email, TEST_PASSWORD);
  helper = await signIn(t.app, cg.email, TEST_PASSWORD);
  url = `/api/v1/patients/${clinic.patientA.id}/care-plan`;
  const answers = { 'psfs.activities': [{ name: 'Walking', score: 3 }, { name: 'Lifting', score: 2 }] };
  await insertResponse(t.ctx.db, {
    orgId: clinic.org.id, patientId: clinic.patientA.id, intakeId: null, requestId: null, instrumentId: 'psfs', instrumentVersion: '1995',
    answers, score: scoreInstrument('psfs', answers), status: 'completed', authoredAt: new Date('2026-11-20T10:00:00Z'), createdBy: clinic.patientUser.id,
  });
});
afterAll(async () => t?.close());

describe('making the plan', () => {
  it('before a plan: no plan, goals suggested from the PSFS activities', async () => {
    const view = ok<View>(await doc.get(url));
    expect(view.plan).toBeNull();
    expect(view.suggestedGoals).toEqual([{ activity: 'Walking', baselineScore: 3, measuredAt: '2026-11-20T10:00:00.000Z' }, { activity: 'Lifting', baselineScore: 2, measuredAt: '2026-11-20T10:00:00.000Z' }]);
  });

  it('lists every bad field at once (schema and meaning) and stores nothing', async () => {
    const before = await rowCounts();
    const bad = planBody({
      startDate: '2026-02-30',
      colour: 'blue',
      goals: [{ id: 'goal-1', activity: 'Walking', statement: 'Walk', baselineScore: 6, targetScore: 4, targetDate: '2027-02-28', status: 'active' }],
      interventions: [
        { id: 'iv-1', domain: 'surgery', description: 'x', ownerUserId: clinic.therapistB.id, ownerRole: null, status: 'waiting', expectedStartDate: null, expectedWaitDays: 30, bridgePlan: null },
      ],
    });
    const err = expectError(await doc.send('POST', url, bad), 400, 'validation');
    const paths = detailPaths(err);
    expect(paths).toEqual(expect.arrayContaining(['body.colour', 'body.interventions.0.domain', 'body.interventions[0].ownerUserId']));
    expect(paths.some((p) => p.includes('startDate'))).toBe(true);
    expect(paths.some((p) => /goals\[0\]\.targetScore/.test(p))).toBe(true);
    expect(paths.some((p) => /interventions\[0\]\.bridgePlan/.test(p))).toBe(true);
    expect(await rowCounts()).toEqual(before);
  });

  it('creates version 1 with its audit event and the first checkpoint task, in one go', async () => {
    const res = await doc.send('POST', url, planBody());
    const view = ok<View>(res, 201);
    expect(res.headers.etag).toBe('W/"1"');
    expect(view.plan?.version).toBe(1);
    expect(view.progression?.suggestedPhase).toBe('establishing-response');
    expect(view.progression?.settingsVersion).toMatch(/v1/);
    expect(view.checkpoints).toHaveLength(1);
    expect(view.checkpoints[0]).toMatchObject({ status: 'due', dueOn: '2026-12-06' });
    const [task] = await t.ctx.db.select().from(tasks).where(eq(tasks.id, view.checkpoints[0]?.taskId ?? ''));
    expect(task).toMatchObject({ type: 'checkpoint', status: 'open', careTeamId: clinic.teamA.id, patientId: clinic.patientA.id });
    expect(task?.dueAt?.toISOString()).toBe('2026-12-06T23:59:59.999Z');
    const events = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.patientId, clinic.patientA.id), eq(auditEvents.resourceType, 'CarePlan'), eq(auditEvents.action, 'create')));
    expect(events).toHaveLength(1);
    expectError(await doc.send('POST', url, planBody()), 409, 'care-plan.exists');
  });

  it('each change is a new version: If-Match required (428), a stale one refused (412), history kept', async () => {
    const body = planBody({ title: 'Walking, lifting and sleep', changeNote: 'Added the sleep goal wording' });
    expectError(await doc.send('PUT', url, body), 428, 'conflict.if-match-required');
    const stale = expectError(await doc.send('PUT', url, body, { 'if-match': 'W/"7"' }), 412, 'conflict.stale-version');
    expect(stale.currentVersion).toBe(1);
    const res = await doc.send('PUT', url, body, { 'if-match': 'W/"1"' });
    expect(ok<View>(res).plan?.version).toBe(2);
    expect(res.headers.etag).toBe('W/"2"');
    expectError(await doc.send('PUT', url, body, { 'if-match': 'W/"1"' }), 412, 'conflict.stale-version');
    const history = ok<{ items: { version: number; changeNote: string | null; plan: { title: string } }[] }>(await doc.get(`${url}/versions`));
    expect(history.items.map((v) => [v.version, v.plan.title, v.changeNote])).toEqual([
      [2, 'Walking, lifting and sleep', 'Added the sleep goal wording'],
      [1, 'Back to walking and lifting', 'Plan created'],
    ]);
    expect(await t.ctx.db.select().from(carePlanVersions)).toHaveLength(2);
  });
});

describe('access', () => {
  it('another team is refused (and it is audited); the patient reads but cannot change; caregivers are refused', async () => {
    expectError(await otherTeam.get(url), 403, 'access.not-on-care-team');
    const me = ok<View>(await patient.get(url));
    expect(me.plan?.version).toBe(2);
    expectError(await patient.send('PUT', url, planBody(), { 'if-match': 'W/"2"' }), 403, 'access.patient-read-only');
    expectError(await patient.send('POST', `${url}/sessions`, { date: '2026-11-23', modalities: ['needling'], passivePercent: 100, soreness: null, reliefWindowDaysReported: null, goalScores: [], symptomScore: null, precipitatingEvent: null, note: null }), 403, 'auth.staff-only');
    expectError(await helper.get(url), 403, 'access.caregiver-care-plan');
    const denied = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.patientId, clinic.patientA.id), eq(auditEvents.action, 'access-denied')));
    expect(denied.map((e) => e.reason)).toEqual(expect.arrayContaining(['access.not-on-care-team', 'access.patient-read-only', 'access.caregiver-care-plan']));
    expectError(await t.app.inject({ method: 'GET', url }), 401, 'auth.required');
  });
});

describe('sessions and the engine', () => {
  const session = (date: string, relief: number | null, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    date, modalities: ['needling', 'manual-therapy'], passivePercent: 100, soreness: null, reliefWindowDaysReported: relief, goalScores: [], symptomScore: null, precipitatingEvent: null, note: null, ...extra,
  });

  it('a session body with several problems gets them all listed, nothing stored', async () => {
    const before = await rowCounts();
    const err = expectError(await doc.send('POST', `${url}/sessions`, session('2026-11-31', 200, { modalities: ['needling', 'graded-activity'], passivePercent: 100, goalScores: [{ goalId: 'goal-9', score: 4 }], extra: 1 })), 400, 'validation');
    const paths = detailPaths(err);
    expect(paths).toEqual(expect.arrayContaining(['body.extra', 'body.reliefWindowDaysReported', 'body.passivePercent', 'body.goalScores[0].goalId']));
    expect(detailPaths(expectError(await doc.send('POST', `${url}/sessions`, session('2026-11-24', null)), 400, 'validation'))).toEqual(['body.date']);
    expect(paths.some((p) => p.includes('date'))).toBe(true);
    expect(await rowCounts()).toEqual(before);
  });

  it('replays a response: no window → 1 day → 3 days → a week held → movement entry, with reasons and settings', async () => {
    const phases: string[] = [];
    const steps: [string, number | null][] = [['2026-10-06', null], ['2026-10-13', 0], ['2026-10-20', 1], ['2026-10-27', 3], ['2026-11-03', 7], ['2026-11-10', 7]];
    for (const [date, relief] of steps) {
      const res = await doc.send('POST', `${url}/sessions`, session(date, relief, { goalScores: [{ goalId: 'goal-1', score: 3 + phases.length / 2 }] }));
      ok(res, 201);
      const view = ok<View>(await doc.get(url));
      phases.push(view.progression?.suggestedPhase ?? '');
    }
    expect(phases).toEqual(['establishing-response', 'establishing-response', 'extending-window', 'extending-window', 'extending-window', 'movement-entry']);
    const view = ok<View>(await doc.get(url));
    expect(view.progression?.phaseReasons[0]?.code).toBe('phase.window-held');
    expect(view.progression?.phaseReasons[0]?.settings.join(' ')).toMatch(/movementEntryReliefDays=7/);
    expect(view.progression?.statements.map((s) => s.code)).toContain('progression.movement-entry-ready');
    const created = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.resourceType, 'TherapySession'), eq(auditEvents.action, 'create')));
    expect(created).toHaveLength(6);
  });
});

describe('the patient reports from the portal', () => {
  it('reports relief and goal activities for their own plan (linked to the latest session), audited as self access', async () => {
    expectError(await patient.send('POST', `${url}/reports`, { reportedOn: '2026-11-24', afterSessionId: null, reliefWindowDays: 2, goalScores: [], symptomScore: null, note: null }), 400, 'validation');
    const res = await patient.send('POST', `${url}/reports`, { reportedOn: '2026-11-20', afterSessionId: null, reliefWindowDays: 5.5, goalScores: [{ goalId: 'goal-1', score: 6 }], symptomScore: 4, note: 'Walked to the shop twice' });
    const report = ok<{ id: string; reportedBy: string; afterSessionId: string | null }>(res, 201);
    expect(report.reportedBy).toBe(clinic.patientUser.id);
    expect(report.afterSessionId).not.toBeNull();
    const [event] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.resourceType, 'ProgressReport'), eq(auditEvents.resourceId, report.id)));
    expect(event).toMatchObject({ action: 'create', patientId: clinic.patientA.id, actorId: clinic.patientUser.id, reason: 'self' });
    const view = ok<View>(await doc.get(url));
    expect(view.reports.map((r) => r.reliefWindowDays)).toEqual([5.5]);
  });

  it('an empty or bad report is refused with every field listed; another patient is not reachable', async () => {
    const err = expectError(await patient.send('POST', `${url}/reports`, { reportedOn: '2027-13-01', afterSessionId: null, reliefWindowDays: 0.3, goalScores: [{ goalId: 'nope', score: 11 }], symptomScore: null, note: null }), 400, 'validation');
    const paths = detailPaths(err);
    expect(paths.some((p) => p.includes('reportedOn'))).toBe(true);
    expect(paths).toEqual(expect.arrayContaining(['body.reliefWindowDays', 'body.goalScores[0].goalId']));
    expect(paths.some((p) => p.includes('goalScores') && p.includes('score'))).toBe(true);
    expectError(await patient.send('POST', `/api/v1/patients/${clinic.patientB.id}/care-plan/reports`, { reportedOn: '2026-11-20', afterSessionId: null, reliefWindowDays: 2, goalScores: [], symptomScore: null, note: null }), 403, 'access.not-self');
  });
});
