/**
 * The huddle's plateau and concern sources through the real API: a care plan whose stored sessions make the
 * progression engine call a plateau, and concerns recorded, worked and closed through the concern routes.
 * Both appear on /huddle/due with their kinds and details, the concern's free text never does (whether or not
 * the reader may see restricted records), a closed concern drops off and a reopened one comes back, and
 * another team sees none of it.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type Agent, type TestApp } from './support/app';
import { buildCarePlanBody, buildClinic, buildPatient, TEST_PASSWORD } from './support/builders';

let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;
let doc: Agent;
let coordinator: Agent;
let otherTeam: Agent;
let withConcern: { id: string };
let withClosedConcern: { id: string };

interface Due {
  sources: string[];
  items: { patientId: string; reasons: { kind: string; detail: string }[] }[];
}

const CONCERN_TEXT = 'Urine test showed a substance not on the medication list; she mentioned counselling elsewhere.';
const CLOSED_TEXT = 'Asked for a refill four days early after a trip.';

function ok<T>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}

const reasonsOf = (due: Due, patientId: string): { kind: string; detail: string }[] | undefined => due.items.find((i) => i.patientId === patientId)?.reasons;

const plan = () =>
  buildCarePlanBody({ ownerUserId: clinic.prescriberA.id, title: 'Walking the dog again', activity: 'Walking', goal: 'Walk the dog for 20 minutes', targetDate: '2027-02-28', intervention: 'Manual therapy weekly', criterion: 'Walks the dog 20 minutes most days' });

beforeAll(async () => {
  t = await buildTestApp({ loginRateLimitPerMinute: 1000 });
  clinic = await buildClinic(t.ctx.db);
  withConcern = await buildPatient(t.ctx.db, { orgId: clinic.org.id, careTeamId: clinic.teamA.id, coordinatorUserId: clinic.coordinator.id, givenName: 'Chen', familyName: 'Wei', mrn: 'C-1' });
  withClosedConcern = await buildPatient(t.ctx.db, { orgId: clinic.org.id, careTeamId: clinic.teamA.id, coordinatorUserId: clinic.coordinator.id, givenName: 'Dana', familyName: 'Moss', mrn: 'D-1' });
  // The concerns are recorded three days before the huddle (clock 2026-11-19), the plan and its sessions by 2026-11-22.
  t.clock.now = new Date('2026-11-19T15:00:00.000Z');
  doc = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
  // Chen: an open concern with a conversation and no plan yet. Dana: a concern worked through and closed.
  const open = ok<{ id: string; version: number }>(await doc.send('POST', `/api/v1/patients/${withConcern.id}/concerns`, { kind: 'unexpected-urine-test-result', occurredOn: '2026-11-15', details: CONCERN_TEXT }), 201);
  ok(await doc.send('POST', `/api/v1/concerns/${open.id}/conversations`, { heldOn: '2026-11-16', withWhom: 'Chen Wei and Dr. Team A', summary: 'Talked it through together.' }, { 'if-match': `W/"${open.version}"` }));
  const closed = ok<{ id: string; version: number }>(await doc.send('POST', `/api/v1/patients/${withClosedConcern.id}/concerns`, { kind: 'early-refill-request', occurredOn: '2026-11-01', details: CLOSED_TEXT }), 201);
  const talked = ok<{ version: number }>(await doc.send('POST', `/api/v1/concerns/${closed.id}/conversations`, { heldOn: '2026-11-02', withWhom: 'Dana Moss and Dr. Team A', summary: 'Planned fills around travel.' }, { 'if-match': `W/"${closed.version}"` }));
  const planned = ok<{ version: number }>(await doc.send('PUT', `/api/v1/concerns/${closed.id}/plan`, { actions: ['pharmacy-support'], details: 'Fills timed with trips.' }, { 'if-match': `W/"${talked.version}"` }));
  ok(await doc.send('POST', `/api/v1/concerns/${closed.id}/close`, {}, { 'if-match': `W/"${planned.version}"` }));

  t.clock.now = new Date('2026-11-22T15:00:00.000Z');
  doc = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
  coordinator = await signIn(t.app, clinic.coordinator.email, TEST_PASSWORD);
  otherTeam = await signIn(t.app, clinic.therapistB.email, TEST_PASSWORD);
  ok(await otherTeam.send('POST', `/api/v1/patients/${clinic.patientB.id}/concerns`, { kind: 'missed-visit', occurredOn: '2026-11-21', details: 'Missed the Friday session; the bus was cancelled.' }), 201);

  // Patient A: a response (relief of two days), then four weekly sessions in the last 28 days with the goal flat
  // at its prior best and no cause recorded: the engine's plateau. A checkpoint decision recorded on 2026-11-20.
  const url = `/api/v1/patients/${clinic.patientA.id}/care-plan`;
  ok(await doc.send('POST', url, plan()), 201);
  for (const [date, relief, score] of [['2026-10-01', null, 3], ['2026-10-08', 2, 4], ['2026-10-28', 2, 4], ['2026-11-04', 2, 4], ['2026-11-11', 2, 3.5], ['2026-11-18', 2, 4]] as const) {
    ok(await doc.send('POST', `${url}/sessions`, { date, modalities: ['manual-therapy'], passivePercent: 100, soreness: null, reliefWindowDaysReported: relief, goalScores: [{ goalId: 'g1', score }], symptomScore: 5, precipitatingEvent: null, note: null }), 201);
  }
  const view = ok<{ checkpoints: { id: string; status: string; version: number }[]; progression: { plateau: { plateau: boolean } } }>(await doc.get(url));
  expect(view.progression.plateau.plateau).toBe(true);
  const cp = view.checkpoints.find((c) => c.status === 'due');
  ok(await doc.send('POST', `/api/v1/care-plan/checkpoints/${cp?.id ?? ''}/decision`, { decision: 'adjust', date: '2026-11-20', rationale: 'Flat for a month; try more loading.', discussedWithPatient: true, changes: 'Add a walking programme' }, { 'if-match': `W/"${cp?.version ?? 0}"` }));
});
afterAll(async () => t?.close());

describe('huddle: plateau and concern sources', () => {
  it('lists the plateau and the open concern with their kinds and details; the closed concern is not listed', async () => {
    const due = ok<Due>(await doc.get('/api/v1/huddle/due'));
    expect(due.sources).toEqual(expect.arrayContaining(['care-plan plateaus', 'open concerns']));
    const plateau = reasonsOf(due, clinic.patientA.id)?.find((r) => r.kind === 'plateau');
    expect(plateau?.detail).toBe(
      'Plateau in the 28 days to 2026-11-22: 4 sessions, goal activities at best 4/10 against a prior best of 4/10, no precipitating cause. Last checkpoint decision: adjust the plan (2026-11-20).',
    );
    expect(reasonsOf(due, withConcern.id)).toEqual([{ kind: 'concern', detail: 'Unexpected urine test result (2026-11-15), open 3 days; still needed: a plan.' }]);
    expect(reasonsOf(due, withClosedConcern.id)).toBeUndefined();
  });

  it('never copies the concern’s free text: not for a reader of restricted records, not for one who may not read them', async () => {
    const forDoc = await doc.get('/api/v1/huddle/due');
    const forCoordinator = await coordinator.get('/api/v1/huddle/due');
    for (const res of [forDoc, forCoordinator]) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).not.toContain('counselling');
      expect(res.body).not.toContain('substance');
      expect(res.body).not.toContain(CLOSED_TEXT);
    }
    // The care coordinator (not in restrictedCategoryRoles by default) still sees that a concern is open, in neutral words.
    expect(reasonsOf(forCoordinator.json<Due>(), withConcern.id)?.map((r) => r.kind)).toEqual(['concern']);
  });

  it('another team sees its own patient’s concern and neither of team A’s patients', async () => {
    const due = ok<Due>(await otherTeam.get('/api/v1/huddle/due'));
    expect(reasonsOf(due, clinic.patientB.id)?.map((r) => r.kind)).toEqual(['concern']);
    expect(reasonsOf(ok<Due>(await doc.get('/api/v1/huddle/due')), clinic.patientB.id)).toBeUndefined();
    expect(reasonsOf(due, clinic.patientA.id)).toBeUndefined();
    expect(reasonsOf(due, withConcern.id)).toBeUndefined();
  });

  it('a reopened concern comes back; its age counts from when it was recorded', async () => {
    const list = ok<{ items: { id: string; version: number; status: string }[] }>(await doc.get(`/api/v1/patients/${withClosedConcern.id}/concerns`));
    const closed = list.items.find((c) => c.status === 'closed');
    ok(await doc.send('POST', `/api/v1/concerns/${closed?.id ?? ''}/reopen`, {}, { 'if-match': `W/"${closed?.version ?? 0}"` }));
    const due = ok<Due>(await doc.get('/api/v1/huddle/due'));
    expect(reasonsOf(due, withClosedConcern.id)).toEqual([{ kind: 'concern', detail: 'Early refill request (2026-11-01), open 3 days; conversation and plan recorded; it can be closed.' }]);
  });
});
