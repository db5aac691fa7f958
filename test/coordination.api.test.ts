/**
 * Care coordination through the API: referrals (every field checked at once, the bridge plan a wait
 * requires, dated steps with If-Match, step tasks opened and closed), restricted referrals, the portal view,
 * service waits (entered and learned), social needs, the workspace, huddles (decisions → tasks, all or
 * nothing) and FHIR ServiceRequest.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, huddleNotes, referralEvents, referrals, tasks } from '../src/db/schema';
import { buildTestApp, signIn, type Agent, type TestApp } from './support/app';
import { buildClinic, TEST_PASSWORD } from './support/builders';
import { detailPaths, expectError } from './support/http';

let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;
let doc: Agent;
let coordinator: Agent;
let patient: Agent;
let caregiver: Agent;
let otherTeam: Agent;

/** Sessions expire as the test clock moves: sign everyone in again. */
async function signInAll(): Promise<void> {
  doc = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
  coordinator = await signIn(t.app, clinic.coordinator.email, TEST_PASSWORD);
  patient = await signIn(t.app, clinic.patientUser.email, TEST_PASSWORD);
  caregiver = await signIn(t.app, clinic.caregiver.email, TEST_PASSWORD);
  otherTeam = await signIn(t.app, clinic.therapistB.email, TEST_PASSWORD);
}

beforeAll(async () => {
  t = await buildTestApp({ loginRateLimitPerMinute: 1000 });
  clinic = await buildClinic(t.ctx.db);
  doc = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
  coordinator = await signIn(t.app, clinic.coordinator.email, TEST_PASSWORD);
  patient = await signIn(t.app, clinic.patientUser.email, TEST_PASSWORD);
  caregiver = await signIn(t.app, clinic.caregiver.email, TEST_PASSWORD);
  otherTeam = await signIn(t.app, clinic.therapistB.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

function ok<T>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}

interface Referral {
  id: string;
  status: string;
  version: number;
  expectedWaitDays: number | null;
  expectedWaitSource: string;
  step: { step: string; dueDate: string; overdue: boolean; daysInStep: number } | null;
  bridgePlan: { items: { kind: string; text: string }[]; callUsIf: string } | null;
  history: { status: string; date: string }[];
  attachments: { kind: string; href: string | null }[];
  handoffState: { referringActive: boolean; receivingActive: boolean; complete: boolean };
}

const PLAN = { items: [{ kind: 'activity', text: 'Walk 10 minutes twice a day' }, { kind: 'sleep', text: 'Same bedtime every night' }], callUsIf: 'Pain wakes you every night or you have new numbness' };
const today = (): string => t.clock.now.toISOString().slice(0, 10);
const referralBody = (o: Record<string, unknown> = {}) => ({ service: 'physical-therapy', urgency: 'routine', reason: 'Chronic low back pain, deconditioned', question: 'Graded activity plan to walk 30 minutes?', sentDate: today(), ...o });

describe('service waits', () => {
  it('the coordinator enters a wait; it becomes the current wait and says a bridge plan is needed', async () => {
    const w = ok<{ current: { days: number; source: string }; bridgePlan: { required: boolean } }>(await coordinator.send('PUT', '/api/v1/service-waits/physical-therapy', { waitDays: 21, note: 'Riverside PT, called today' }));
    expect(w.current).toMatchObject({ days: 21, source: 'entered' });
    expect(w.bridgePlan.required).toBe(true);
    expectError(await coordinator.send('PUT', '/api/v1/service-waits/astrology', { waitDays: -1 }), 400, 'validation');
    expectError(await patient.send('PUT', '/api/v1/service-waits/sleep', { waitDays: 3 }), 403, 'auth.staff-only');
  });
});

describe('referrals', () => {
  let ref: Referral;

  it('lists every bad field at once (schema and rules together)', async () => {
    const e = expectError(await coordinator.send('POST', `/api/v1/patients/${clinic.patientA.id}/referrals`, { service: 'physical-therapy', urgency: 'whenever', reason: '', question: 'x', sentDate: '2099-01-01', colour: 'red' }), 400, 'validation');
    expect(detailPaths(e)).toEqual(['body.bridgePlan', 'body.colour', 'body.question', 'body.reason', 'body.sentDate', 'body.urgency']);
  });

  it('a service with a wait needs a bridge plan', async () => {
    const e = expectError(await coordinator.send('POST', `/api/v1/patients/${clinic.patientA.id}/referrals`, referralBody()), 400, 'validation');
    expect(e.details.map((d) => d.code)).toEqual(['referral.bridge-plan-required']);
    const bad = expectError(await coordinator.send('POST', `/api/v1/patients/${clinic.patientA.id}/referrals`, referralBody({ bridgePlan: { items: [], callUsIf: '' } })), 400, 'validation');
    expect(detailPaths(bad)).toEqual(['body.bridgePlan.callUsIf', 'body.bridgePlan.items']);
  });

  it('attachments must be this patient’s own record', async () => {
    const e = expectError(
      await coordinator.send('POST', `/api/v1/patients/${clinic.patientA.id}/referrals`, referralBody({ bridgePlan: PLAN, attachments: [{ kind: 'summary', ref: clinic.patientB.id, label: 'Summary' }, { kind: 'measure', ref: clinic.patientB.id, label: 'PEG' }] })),
      400,
      'validation',
    );
    expect(detailPaths(e)).toEqual(['body.attachments.0.ref', 'body.attachments.1.ref']);
  });

  it('sends a referral with the wait, the plan, the summary attached and a step task for the coordinator', async () => {
    const before = (await t.ctx.db.select().from(tasks).where(eq(tasks.patientId, clinic.patientA.id))).length;
    ref = ok<Referral>(await coordinator.send('POST', `/api/v1/patients/${clinic.patientA.id}/referrals`, referralBody({ bridgePlan: PLAN, attachments: [{ kind: 'summary', ref: clinic.patientA.id, label: 'Pre-visit summary' }] })), 201);
    expect(ref).toMatchObject({ status: 'sent', version: 2, expectedWaitDays: 21, expectedWaitSource: 'entered' });
    expect(ref.step).toMatchObject({ step: 'acceptance', overdue: false });
    expect(ref.attachments[0]?.href).toBe(`/patients/${clinic.patientA.id}/summary`);
    const rows = await t.ctx.db.select().from(tasks).where(and(eq(tasks.patientId, clinic.patientA.id), eq(tasks.source, 'referral-step')));
    expect(rows.length).toBe(1);
    expect(rows[0]).toMatchObject({ assigneeUserId: clinic.coordinator.id, status: 'open' });
    expect(rows[0]?.title).toMatch(/Physical therapy: waiting for the service to accept/);
    expect((await t.ctx.db.select().from(tasks).where(eq(tasks.patientId, clinic.patientA.id))).length).toBe(before + 1);
    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.resourceType, 'Referral'), eq(auditEvents.action, 'create')));
    expect(audit.length).toBe(1);
  });

  it('a step past its deadline is overdue and its task too', async () => {
    t.clock.advance(8 * 86_400_000);
    await signInAll();
    const list = ok<{ items: Referral[] }>(await coordinator.get(`/api/v1/patients/${clinic.patientA.id}/referrals`));
    expect(list.items[0]?.step).toMatchObject({ overdue: true, daysInStep: 8 });
    const inbox = ok<{ items: { title: string; overdue: boolean }[] }>(await coordinator.get('/api/v1/tasks'));
    expect(inbox.items.find((i) => /Physical therapy/.test(i.title))?.overdue).toBe(true);
  });

  it('status changes need If-Match; a stale one changes nothing', async () => {
    expectError(await coordinator.send('POST', `/api/v1/referrals/${ref.id}/status`, { status: 'accepted', date: today() }), 428, 'conflict.if-match-required');
    expectError(await coordinator.send('POST', `/api/v1/referrals/${ref.id}/status`, { status: 'accepted', date: today() }, { 'if-match': 'W/"1"' }), 412, 'conflict.stale-version');
    const e = expectError(await coordinator.send('POST', `/api/v1/referrals/${ref.id}/status`, { status: 'seen', date: '2020-01-01' }, { 'if-match': `W/"${ref.version}"` }), 400, 'validation');
    expect(detailPaths(e)).toEqual(['body.date', 'body.status']);
  });

  it('records scheduled then seen; each step is dated, the old step task closes and a new one opens', async () => {
    const scheduled = ok<Referral>(await coordinator.send('POST', `/api/v1/referrals/${ref.id}/status`, { status: 'scheduled', date: today(), appointmentDate: '2026-12-10' }, { 'if-match': `W/"${ref.version}"` }));
    expect(scheduled.status).toBe('scheduled');
    expect(scheduled.step).toMatchObject({ step: 'visit', dueDate: '2026-12-11' });
    expect(scheduled.handoffState).toMatchObject({ referringActive: true, receivingActive: true, complete: false });
    const stepTasks = await t.ctx.db.select().from(tasks).where(and(eq(tasks.patientId, clinic.patientA.id), eq(tasks.source, 'referral-step')));
    expect(stepTasks.map((s) => s.status).sort()).toEqual(['done', 'open']);
    t.clock.now = new Date('2026-12-10T18:00:00Z');
    await signInAll();
    const seen = ok<Referral>(await coordinator.send('POST', `/api/v1/referrals/${ref.id}/status`, { status: 'seen', date: '2026-12-10' }, { 'if-match': `W/"${scheduled.version}"` }));
    expect(seen.history.map((h) => `${h.status}@${h.date}`)).toEqual(['sent@2026-11-22', 'scheduled@2026-11-30', 'seen@2026-12-10']);
    expect(seen.step?.step).toBe('report');
    const events = await t.ctx.db.select().from(referralEvents).where(eq(referralEvents.referralId, ref.id));
    expect(events.length).toBe(3);
    ref = seen;
  });

  it('the patient sees their referral and bridge plan; a caregiver with the appointments scope too; other teams do not', async () => {
    const mine = ok<{ items: Referral[] }>(await patient.get(`/api/v1/patients/${clinic.patientA.id}/referrals`));
    expect(mine.items[0]?.bridgePlan?.callUsIf).toBe(PLAN.callUsIf);
    ok(await caregiver.get(`/api/v1/patients/${clinic.patientA.id}/referrals`));
    expectError(await otherTeam.get(`/api/v1/patients/${clinic.patientA.id}/referrals`), 403, 'access.not-on-care-team');
    expectError(await patient.send('POST', `/api/v1/referrals/${ref.id}/status`, { status: 'report-received', date: '2026-12-10' }, { 'if-match': `W/"${ref.version}"` }), 403, 'auth.staff-only');
  });

  it('restricted services are hidden from roles outside restrictedCategoryRoles', async () => {
    ok(await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/referrals`, referralBody({ service: 'behavioural-health', sentDate: '2026-12-10', bridgePlan: PLAN })), 201);
    const forCoordinator = ok<{ items: Referral[]; hiddenRestricted: number }>(await coordinator.get(`/api/v1/patients/${clinic.patientA.id}/referrals`));
    expect(forCoordinator.hiddenRestricted).toBe(1);
    expect(forCoordinator.items.length).toBe(1);
    expect(ok<{ items: Referral[] }>(await doc.get(`/api/v1/patients/${clinic.patientA.id}/referrals`)).items.length).toBe(2);
    expectError(await coordinator.send('POST', `/api/v1/patients/${clinic.patientA.id}/referrals`, referralBody({ service: 'substance-use-treatment', bridgePlan: PLAN, sentDate: '2026-12-10' })), 403, 'access.restricted-category');
  });

  it('the bridge plan can be changed with If-Match, and not removed while the wait needs one', async () => {
    expectError(await coordinator.send('PUT', `/api/v1/referrals/${ref.id}/bridge-plan`, { bridgePlan: null }, { 'if-match': `W/"${ref.version}"` }), 400, 'validation');
    const changed = ok<Referral>(await coordinator.send('PUT', `/api/v1/referrals/${ref.id}/bridge-plan`, { bridgePlan: { ...PLAN, callUsIf: 'New weakness in a leg' } }, { 'if-match': `W/"${ref.version}"` }));
    expect(changed.bridgePlan?.callUsIf).toBe('New weakness in a leg');
    ref = changed;
  });

  it('learns a wait from past referrals once three reached a first visit', async () => {
    const w = ok<{ items: { service: string; learned: { days: number | null; samples: number } }[] }>(await coordinator.get('/api/v1/service-waits'));
    expect(w.items.find((i) => i.service === 'physical-therapy')?.learned).toMatchObject({ days: null, samples: 1 });
  });
});

describe('social needs', () => {
  it('records a need, suggests telehealth for transport, and needs If-Match to change it', async () => {
    const created = ok<{ version: number }>(await coordinator.send('PUT', `/api/v1/patients/${clinic.patientA.id}/social-needs/transport`, { active: true, note: 'No car; bus takes 90 minutes' }), 201);
    const list = ok<{ items: { kind: string }[]; suggestions: { code: string }[] }>(await coordinator.get(`/api/v1/patients/${clinic.patientA.id}/social-needs`));
    expect(list.suggestions.map((s) => s.code)).toContain('need.transport.telehealth');
    expectError(await coordinator.send('PUT', `/api/v1/patients/${clinic.patientA.id}/social-needs/transport`, { active: false }), 428, 'conflict.if-match-required');
    ok(await coordinator.send('PUT', `/api/v1/patients/${clinic.patientA.id}/social-needs/transport`, { active: false }, { 'if-match': `W/"${created.version}"` }));
    expectError(await coordinator.send('PUT', `/api/v1/patients/${clinic.patientA.id}/social-needs/transport`, { active: true }, { 'if-match': `W/"${created.version}"` }), 412, 'conflict.stale-version');
    expectError(await otherTeam.send('PUT', `/api/v1/patients/${clinic.patientA.id}/social-needs/cost`, { active: true }), 403, 'access.not-on-care-team');
  });
});

describe('workspace and huddle', () => {
  it('the workspace lists the coordinator’s patients with what waits on whom', async () => {
    const ws = ok<{ counts: { patients: number; openReferrals: number }; rows: { patient: { id: string }; items: { kind: string; waitingOn: string }[] }[] }>(await coordinator.get('/api/v1/coordination/workspace?noContactWeeks=4'));
    expect(ws.counts.patients).toBe(1);
    expect(ws.counts.openReferrals).toBe(1);
    const row = ws.rows.find((r) => r.patient.id === clinic.patientA.id);
    expect(row?.items.find((i) => i.kind === 'referral')?.waitingOn).toBe('Physical therapy');
    expectError(await patient.get('/api/v1/coordination/workspace'), 403, 'auth.staff-only');
  });

  it('patients with an overdue step are due for discussion; decisions become tasks with owners, all or nothing', async () => {
    t.clock.now = new Date('2027-01-20T12:00:00Z');
    await signInAll();
    const due = ok<{ items: { patientId: string; reasons: { kind: string }[] }[] }>(await doc.get('/api/v1/huddle/due'));
    expect(due.items.find((d) => d.patientId === clinic.patientA.id)?.reasons.map((r) => r.kind)).toContain('overdue-referral');
    const h = ok<{ id: string }>(await coordinator.send('POST', '/api/v1/huddles', { title: 'Monday huddle', heldOn: '2027-01-20' }), 201);
    const notesBefore = (await t.ctx.db.select().from(huddleNotes)).length;
    const tasksBefore = (await t.ctx.db.select().from(tasks)).length;
    const bad = expectError(await coordinator.send('POST', `/api/v1/huddles/${h.id}/notes`, { patientId: clinic.patientA.id, note: 'Report still missing', decisions: [{ text: 'Call PT for the report', assigneeUserId: clinic.coordinator.id }, { text: 'Review plan', assigneeUserId: clinic.patientUser.id }] }), 400, 'validation');
    expect(detailPaths(bad)).toEqual(['body.decisions.1.assigneeUserId']);
    expect((await t.ctx.db.select().from(huddleNotes)).length).toBe(notesBefore);
    expect((await t.ctx.db.select().from(tasks)).length).toBe(tasksBefore);
    const created = ok<{ taskIds: string[] }>(await coordinator.send('POST', `/api/v1/huddles/${h.id}/notes`, { patientId: clinic.patientA.id, note: 'Report still missing', decisions: [{ text: 'Call PT for the report', assigneeUserId: clinic.coordinator.id, dueDate: '2027-01-22' }] }), 201);
    expect(created.taskIds.length).toBe(1);
    const detail = ok<{ notes: { decisions: { assigneeName: string | null; status: string }[] }[] }>(await coordinator.get(`/api/v1/huddles/${h.id}`));
    expect(detail.notes[0]?.decisions[0]).toMatchObject({ status: 'open' });
    expect(ok<{ hiddenNotes: number }>(await otherTeam.get(`/api/v1/huddles/${h.id}`)).hiddenNotes).toBe(1);
  });
});

describe('FHIR ServiceRequest', () => {
  it('reads and searches by patient, with restricted referrals only for those allowed', async () => {
    const [row] = await t.ctx.db.select().from(referrals).where(eq(referrals.service, 'physical-therapy'));
    const res = await coordinator.get(`/fhir/ServiceRequest/${row?.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ resourceType: 'ServiceRequest', status: 'active', subject: { reference: `Patient/${clinic.patientA.id}` } });
    const bundle = (await coordinator.get(`/fhir/ServiceRequest?patient=Patient/${clinic.patientA.id}`)).json<{ total: number }>();
    expect(bundle.total).toBe(1);
    expect((await doc.get(`/fhir/ServiceRequest?patient=${clinic.patientA.id}`)).json<{ total: number }>().total).toBe(2);
    expect((await coordinator.get('/fhir/ServiceRequest')).statusCode).toBe(400);
    expect((await otherTeam.get(`/fhir/ServiceRequest/${row?.id}`)).statusCode).toBe(403);
    const meta = (await coordinator.get('/fhir/metadata')).json<{ rest: { resource: { type: string }[] }[] }>();
    expect(meta.rest[0]?.resource.map((r) => r.type)).toContain('ServiceRequest');
  });
});

describe('demo coordination data', () => {
  it('seeds referrals in several states with dated steps, step tasks, learned waits, social needs and a huddle', async () => {
    const { seedDemoClinic } = await import('../src/db/seed/demo');
    const { createTestDatabase } = await import('./support/database');
    const { hashPassword } = await import('../src/server/auth/password');
    const { allServiceWaits } = await import('../src/server/referrals/service-waits.service');
    const { huddles, socialNeeds } = await import('../src/db/schema');
    const db2 = await createTestDatabase();
    try {
      const asOf = new Date('2026-11-22T15:00:00Z');
      const { orgId } = await seedDemoClinic(db2.database.db, { hashPassword, asOf });
      const rows = await db2.database.db.select().from(referrals).where(eq(referrals.orgId, orgId));
      expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['accepted', 'sent', 'scheduled', 'report-received', 'declined']));
      expect(rows.filter((r) => r.bridgePlan !== null).length).toBe(rows.length);
      for (const r of rows.filter((x) => x.status !== 'report-received' && x.status !== 'declined')) {
        const [task] = await db2.database.db.select().from(tasks).where(eq(tasks.id, r.stepTaskId ?? ''));
        expect(task?.status, r.service).toBe('open');
      }
      const events = await db2.database.db.select().from(referralEvents).where(eq(referralEvents.orgId, orgId));
      expect(events.length).toBeGreaterThan(rows.length);
      const pt = (await allServiceWaits(db2.database.db, orgId, asOf)).find((w) => w.service === 'physical-therapy');
      expect(pt?.learned).toMatchObject({ days: 20, samples: 3 });
      expect((await db2.database.db.select().from(socialNeeds).where(eq(socialNeeds.orgId, orgId))).length).toBeGreaterThanOrEqual(5);
      expect((await db2.database.db.select().from(huddles).where(eq(huddles.orgId, orgId))).length).toBe(1);
    } finally {
      await db2.drop();
    }
  });
});
