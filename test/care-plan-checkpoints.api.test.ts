/**
 * Checkpoints, flares and FHIR for care plans: decisions with every missing field listed, If-Match, the
 * honest summary stored with the decision, the task closed and the next one opened, a new plan version when
 * the decision changes the phase; flares settled with If-Match; CarePlan, Goal and Procedure at /fhir with
 * the checkpoint outcome as a CarePlan activity, and the CapabilityStatement listing them.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, tasks } from '../src/db/schema';
import { buildTestApp, signIn, type Agent, type TestApp } from './support/app';
import { buildCarePlanBody, buildClinic, TEST_PASSWORD } from './support/builders';
import { detailPaths, expectError } from './support/http';

let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;
let doc: Agent;
let patient: Agent;
let otherTeam: Agent;
let url: string;

interface Checkpoint { id: string; status: string; dueOn: string; taskId: string | null; version: number; decision: { decision: string } | null; summary: { honestSummary: { text: string } } | null; planVersion: number | null }
interface View {
  plan: { id: string; version: number; phase: string; status: string; ongoingCare: unknown };
  progression: { flares: { flareId: string; classification: string }[]; checkpoint: { text: string } };
  flares: { id: string; version: number; settledAt: string | null }[];
  sessions: { id: string }[];
  checkpoints: Checkpoint[];
}

function ok<T>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}

const plan = () =>
  buildCarePlanBody({ ownerUserId: clinic.prescriberA.id, title: 'Cycling again', activity: 'Cycling', goal: 'Cycle 20 minutes on the flat', targetDate: '2027-01-31', intervention: 'Needling weekly', criterion: 'Cycles 20 minutes twice a week' });

beforeAll(async () => {
  t = await buildTestApp({ loginRateLimitPerMinute: 1000 });
  clinic = await buildClinic(t.ctx.db);
  doc = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
  patient = await signIn(t.app, clinic.patientUser.email, TEST_PASSWORD);
  otherTeam = await signIn(t.app, clinic.therapistB.email, TEST_PASSWORD);
  url = `/api/v1/patients/${clinic.patientA.id}/care-plan`;
  ok(await doc.send('POST', url, plan()), 201);
  for (const [date, relief, score] of [['2026-10-01', null, 2], ['2026-10-08', 1, 3], ['2026-10-15', 2, 3]] as const) {
    ok(await doc.send('POST', `${url}/sessions`, { date, modalities: ['needling'], passivePercent: 100, soreness: null, reliefWindowDaysReported: relief, goalScores: [{ goalId: 'g1', score }], symptomScore: 5, precipitatingEvent: null, note: null }), 201);
  }
});
afterAll(async () => t?.close());

describe('flares', () => {
  it('records a flare, lists every bad field, and settles it with If-Match; the engine classifies it', async () => {
    const bad = expectError(await doc.send('POST', `${url}/flares`, { startedAt: '2026-10-16T08:00:00Z', baselineSymptomScore: 5, peakSymptomScore: 4, settledAt: null, symptomScoreAfter: 3, trigger: null, reportedBy: 'neighbour' }), 400, 'validation');
    expect(detailPaths(bad)).toEqual(expect.arrayContaining(['body.reportedBy', 'body.peakSymptomScore', 'body.settledAt']));
    const flare = ok<{ id: string; version: number }>(await doc.send('POST', `${url}/flares`, { startedAt: '2026-10-16T08:00:00Z', baselineSymptomScore: 5, peakSymptomScore: 8, settledAt: null, symptomScoreAfter: null, trigger: 'More tissue treated', reportedBy: 'patient' }), 201);
    const settle = { settledAt: '2026-10-18T08:00:00Z', symptomScoreAfter: 5 };
    expectError(await doc.send('PATCH', `/api/v1/care-plan/flares/${flare.id}`, settle), 428, 'conflict.if-match-required');
    expectError(await doc.send('PATCH', `/api/v1/care-plan/flares/${flare.id}`, settle, { 'if-match': 'W/"5"' }), 412, 'conflict.stale-version');
    expectError(await otherTeam.send('PATCH', `/api/v1/care-plan/flares/${flare.id}`, settle, { 'if-match': 'W/"1"' }), 403, 'access.not-on-care-team');
    expect(ok<{ version: number }>(await doc.send('PATCH', `/api/v1/care-plan/flares/${flare.id}`, settle, { 'if-match': 'W/"1"' })).version).toBe(2);
    const view = ok<View>(await doc.get(url));
    expect(view.progression.flares).toEqual([expect.objectContaining({ flareId: flare.id, classification: 'settled-expected' })]);
  });
});

describe('checkpoint decisions', () => {
  it('refuses a decision missing what it needs (every field listed), needs If-Match, and stores nothing', async () => {
    const view = ok<View>(await doc.get(url));
    const cp = view.checkpoints.find((c) => c.status === 'due') as Checkpoint;
    const path = `/api/v1/care-plan/checkpoints/${cp.id}/decision`;
    const missing = expectError(await doc.send('POST', path, { decision: 'refer', date: '2026-11-22', rationale: '', discussedWithPatient: true, changes: 'x' }, { 'if-match': `W/"${cp.version}"` }), 400, 'validation');
    expect(detailPaths(missing)).toEqual(expect.arrayContaining(['body.referral', 'body.changes', 'body.rationale']));
    const overlap = expectError(await doc.send('POST', path, { decision: 'refer', date: '2026-11-22', rationale: 'Plateau', discussedWithPatient: true, referral: { to: 'Sports rehab', reason: 'Load capacity', overlapStartDate: '2026-12-01', overlapEndDate: '2026-11-30' } }, { 'if-match': `W/"${cp.version}"` }), 400, 'validation');
    expect(detailPaths(overlap)).toEqual(['body.referral.overlapEndDate']);
    expectError(await doc.send('POST', path, { decision: 'adjust', date: '2026-11-22', rationale: 'r', discussedWithPatient: true, changes: 'c' }), 428, 'conflict.if-match-required');
    expectError(await patient.send('POST', path, { decision: 'adjust', date: '2026-11-22', rationale: 'r', discussedWithPatient: true, changes: 'c' }, { 'if-match': `W/"${cp.version}"` }), 403, 'access.patient-read-only');
    expect(ok<View>(await doc.get(url)).checkpoints.filter((c) => c.status === 'decided')).toHaveLength(0);
  });

  it('refer with an overlap: the honest summary is kept, the task closed, the next checkpoint and task opened', async () => {
    const view = ok<View>(await doc.get(url));
    const cp = view.checkpoints.find((c) => c.status === 'due') as Checkpoint;
    const body = { decision: 'refer', date: '2026-11-22', rationale: 'The window has not grown past two days in six weeks.', discussedWithPatient: true, referral: { to: 'Riverside sports rehabilitation', reason: 'Progressive loading', overlapStartDate: '2026-11-24', overlapEndDate: '2026-12-22' } };
    const res = ok<{ checkpoint: Checkpoint; nextCheckpointTaskId: string }>(await doc.send('POST', `/api/v1/care-plan/checkpoints/${cp.id}/decision`, body, { 'if-match': `W/"${cp.version}"` }));
    expect(res.checkpoint).toMatchObject({ status: 'decided', version: cp.version + 1, planVersion: 1, decision: expect.objectContaining({ decision: 'refer' }) });
    expect(res.checkpoint.summary?.honestSummary.text.length).toBeGreaterThan(20);
    const [oldTask] = await t.ctx.db.select().from(tasks).where(eq(tasks.id, cp.taskId ?? ''));
    expect(oldTask?.status).toBe('done');
    const [nextTask] = await t.ctx.db.select().from(tasks).where(eq(tasks.id, res.nextCheckpointTaskId));
    expect(nextTask).toMatchObject({ type: 'checkpoint', status: 'open' });
    // The next date on the schedule after the decision (11-20 + 14 days), the engine's rule too.
    expect(nextTask?.dueAt?.toISOString()).toBe('2026-12-04T23:59:59.999Z');
    expectError(await doc.send('POST', `/api/v1/care-plan/checkpoints/${cp.id}/decision`, body, { 'if-match': `W/"${cp.version + 1}"` }), 409, 'checkpoint.decided');
    const events = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.resourceType, 'CarePlanCheckpoint'), eq(auditEvents.resourceId, cp.id), eq(auditEvents.action, 'update')));
    expect(events.map((e) => e.reason)).toEqual(['decision: refer']);
  });

  it('ongoing care on purpose: a new plan version with the phase and review date; checkpoints keep their rhythm', async () => {
    const view = ok<View>(await doc.get(url));
    const cp = view.checkpoints.find((c) => c.status === 'due') as Checkpoint;
    const body = { decision: 'ongoing-care', date: '2026-11-22', rationale: 'Management rather than resolution, chosen together.', discussedWithPatient: true, ongoingCare: { reason: 'Complex widespread pain; monthly needling keeps her working.', reviewDate: '2027-02-22' } };
    const res = ok<{ checkpoint: Checkpoint }>(await doc.send('POST', `/api/v1/care-plan/checkpoints/${cp.id}/decision`, body, { 'if-match': `W/"${cp.version}"` }));
    expect(res.checkpoint.planVersion).toBe(2);
    const after = ok<View>(await doc.get(url));
    expect(after.plan).toMatchObject({ version: 2, phase: 'ongoing-care', ongoingCare: body.ongoingCare });
    expect(after.checkpoints.find((c) => c.status === 'due')?.dueOn).toBe('2026-12-04');
  });
});

describe('FHIR', () => {
  it('CarePlan read and search carry interventions and the checkpoint outcomes; Goal and Procedure by patient', async () => {
    const view = ok<View>(await doc.get(url));
    const carePlan = ok<{ resourceType: string; meta: { versionId: string }; intent: string; activity: { outcomeCodeableConcept?: { coding: { code: string }[] }[]; detail: { code: { coding: { code: string }[] } } }[]; goal: { reference: string }[]; note: { text: string }[] }>(await doc.get(`/fhir/CarePlan/${view.plan.id}`));
    expect(carePlan).toMatchObject({ resourceType: 'CarePlan', intent: 'plan', meta: { versionId: '2' } });
    const outcomes = carePlan.activity.flatMap((a) => a.outcomeCodeableConcept?.flatMap((c) => c.coding.map((x) => x.code)) ?? []);
    expect(outcomes).toEqual(['refer', 'ongoing-care']);
    expect(carePlan.activity.filter((a) => a.detail.code.coding[0]?.code === 'rehabilitation')).toHaveLength(1);
    expect(carePlan.note.some((n) => n.text.startsWith('Decision support'))).toBe(true);
    expect(carePlan.goal).toEqual([{ reference: `Goal/${view.plan.id}.g1` }]);

    const goal = ok<{ resourceType: string; target: { dueDate: string; detailQuantity: { value: number } }[] }>(await doc.get(`/fhir/Goal/${view.plan.id}.g1`));
    expect(goal.target[0]).toMatchObject({ dueDate: '2027-01-31', detailQuantity: { value: 7 } });
    const goals = ok<{ total: number }>(await doc.get(`/fhir/Goal?patient=Patient/${clinic.patientA.id}`));
    expect(goals.total).toBe(1);

    const procedures = ok<{ total: number; entry: { resource: { resourceType: string; performedDateTime: string; code: { coding: { code: string }[] } } }[] }>(await doc.get(`/fhir/Procedure?patient=${clinic.patientA.id}`));
    expect(procedures.total).toBe(3);
    expect(procedures.entry.map((e) => e.resource.performedDateTime)).toEqual(['2026-10-01', '2026-10-08', '2026-10-15']);
    ok(await doc.get(`/fhir/Procedure/${view.sessions[0]?.id ?? ''}`));
    const plans = ok<{ total: number }>(await patient.get(`/fhir/CarePlan?patient=${clinic.patientA.id}`));
    expect(plans.total).toBe(1);

    expect((await doc.get('/fhir/CarePlan')).statusCode).toBe(400);
    expect((await otherTeam.get(`/fhir/CarePlan/${view.plan.id}`)).statusCode).toBe(403);
    expect((await doc.get('/fhir/Goal/not-a-goal')).statusCode).toBe(404);
    const searches = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.patientId, clinic.patientA.id), eq(auditEvents.action, 'search'), eq(auditEvents.resourceType, 'Procedure')));
    expect(searches).toHaveLength(1);
  });

  it('the CapabilityStatement lists CarePlan, Goal and Procedure with patient search', async () => {
    const cs = ok<{ rest: { resource: { type: string; searchParam?: { name: string }[] }[] }[] }>(await doc.get('/fhir/metadata'));
    const byType = new Map(cs.rest[0]?.resource.map((r) => [r.type, r]));
    for (const type of ['CarePlan', 'Goal', 'Procedure']) expect(byType.get(type)?.searchParam?.map((p) => p.name)).toEqual(['patient']);
  });
});
