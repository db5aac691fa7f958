/**
 * Medications through the API: orders (validation listing every bad field, If-Match, access, audit),
 * directions read for confirmation, the panels, PDMP checks, urine tests raising a conversation task,
 * abrupt changes needing a documented reason, taper plans, and nothing half-stored when a write fails.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, medicationOrders, opioidAbruptChanges, tasks } from '../src/db/schema';
import { buildTestApp, signIn, type Agent, type TestApp } from './support/app';
import { buildClinic, buildConsent, buildPatient, buildUser, TEST_PASSWORD } from './support/builders';
import { detailPaths, expectError } from './support/http';

let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;
let doc: Agent;
let otherTeam: Agent;
let patient: Agent;
let lead: Agent;

beforeAll(async () => {
  t = await buildTestApp({ loginRateLimitPerMinute: 1000 });
  clinic = await buildClinic(t.ctx.db);
  doc = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
  otherTeam = await signIn(t.app, clinic.therapistB.email, TEST_PASSWORD);
  patient = await signIn(t.app, clinic.patientUser.email, TEST_PASSWORD);
  lead = await signIn(t.app, clinic.lead.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

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

const oxycodone = (tabletsPerDay: number, extra: Record<string, unknown> = {}) => ({
  ingredients: [{ code: '7804', name: 'oxycodone', strength: { amount: 10, unit: 'mg' } }],
  form: 'tablet',
  dosage: { dose: { low: 1, high: 1, unit: 'tablet' }, route: 'oral', frequency: { count: tabletsPerDay, period: 1, periodUnit: 'd' }, asNeeded: false },
  directionsText: `1 tab po ${tabletsPerDay} times daily`,
  prescriber: 'Dr. Team A',
  start: '2024-06-01',
  ...extra,
});
const alprazolam = {
  ingredients: [{ code: '596', name: 'alprazolam', strength: { amount: 0.5, unit: 'mg' } }],
  form: 'tablet',
  dosage: { dose: { low: 1, high: 1, unit: 'tablet' }, frequency: { count: 1, period: 1, periodUnit: 'd' }, asNeeded: false },
  start: '2025-01-01',
};

interface OrderWrite { order: { id: string; version: number; status: string; directionsSummary: string }; abruptChange: { flagged: boolean } | null }
interface Overview {
  orders: { id: string }[];
  mme: { totalMmePerDay: number; factorSet: { label: string }; rounding: string; lines: { status: string; reason: string | null }[] };
  risk: { findings: { code: string }[]; naloxone: { onList: boolean } };
  monitoring: { items: { kind: string; status: string }[] };
  reconciliation: { code: string }[];
  factorSet: { id: string };
}

describe('medication orders', () => {
  let patientId: string;
  let orderId: string;

  beforeAll(async () => {
    patientId = clinic.patientA.id;
  });

  it('reads free-text directions for confirmation and asks rather than guesses', async () => {
    const read = ok<{ dosage: { dose: { low: number; high: number } }; summary: string; confirmable: boolean }>(
      await doc.send('POST', '/api/v1/medications/parse-directions', { text: '1-2 tablets every 4-6 hours as needed' }),
    );
    expect(read.dosage.dose).toMatchObject({ low: 1, high: 2 });
    expect(read.summary).toContain('every 4–6 hours');
    expect(read.confirmable).toBe(true);
    const vague = ok<{ confirmable: boolean; questions: string[] }>(await doc.send('POST', '/api/v1/medications/parse-directions', { text: 'take as directed' }));
    expect(vague.confirmable).toBe(false);
    expect(vague.questions.length).toBeGreaterThan(0);
  });

  it('lists every bad field at once, schema and clinical checks together, and stores nothing', async () => {
    const before = await rowCounts();
    const bad = { ...oxycodone(4), form: 'pill', daysSupply: 0, ingredients: [{ code: 'x', name: '', strength: { amount: -1, unit: 'mg' } }], extra: 1 };
    const error = expectError(await doc.send('POST', `/api/v1/patients/${patientId}/medications`, bad), 400, 'validation');
    expect(detailPaths(error)).toEqual(expect.arrayContaining(['body.form', 'body.daysSupply', 'body.ingredients.0.code', 'body.ingredients.0.name', 'body.ingredients.0.strength.amount']));
    const clinical = { ...oxycodone(4), end: '2024-01-01', dosage: { dose: { low: 2, high: 1, unit: 'tablet' }, frequency: { count: 1, period: 6, periodMax: 4, periodUnit: 'h' }, asNeeded: false } };
    const error2 = expectError(await doc.send('POST', `/api/v1/patients/${patientId}/medications`, clinical), 400, 'validation');
    expect(detailPaths(error2)).toEqual(['body.dosage.dose.low', 'body.dosage.frequency.periodMax', 'body.end']);
    expect(await rowCounts()).toEqual(before);
  });

  it('creates orders, audits them, and shows MME, risk, reconciliation and monitoring', async () => {
    const created = ok<OrderWrite>(await doc.send('POST', `/api/v1/patients/${patientId}/medications`, oxycodone(4)), 201);
    orderId = created.order.id;
    expect(created.order.version).toBe(1);
    expect(created.order.directionsSummary).toBe('1 tablet by mouth 4 times a day');
    ok(await doc.send('POST', `/api/v1/patients/${patientId}/medications`, alprazolam), 201);
    ok(await doc.send('POST', `/api/v1/patients/${patientId}/medications`, oxycodone(1, { prescriber: 'Dr. Elsewhere', start: '2026-01-01' })), 201);
    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.resourceType, 'MedicationRequest'), eq(auditEvents.resourceId, orderId)));
    expect(audit.map((a) => a.action)).toEqual(['create']);

    const view = ok<Overview>(await doc.get(`/api/v1/patients/${patientId}/medications`));
    expect(view.orders).toHaveLength(3);
    expect(view.mme.totalMmePerDay).toBe(75);
    expect(view.mme.factorSet.label).toContain('CDC 2022');
    expect(view.mme.rounding).toContain('one decimal');
    const codes = view.risk.findings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['risk.opioid-with-benzodiazepine']));
    expect(view.risk.naloxone.onList).toBe(false);
    expect(view.reconciliation.map((r) => r.code)).toEqual(['reconcile.same-ingredient-two-prescribers']);
    expect(view.monitoring.items.find((i) => i.kind === 'pdmp-check')?.status).toBe('due');
  });

  it('needs If-Match to change an order and refuses a stale version', async () => {
    expectError(await doc.send('PATCH', `/api/v1/patients/${patientId}/medications/${orderId}`, { pharmacy: 'Main St' }), 428, 'conflict.if-match-required');
    expectError(await doc.send('PATCH', `/api/v1/patients/${patientId}/medications/${orderId}`, { pharmacy: 'Main St' }, { 'if-match': 'W/"7"' }), 412, 'conflict.stale-version');
    const changed = ok<OrderWrite>(await doc.send('PATCH', `/api/v1/patients/${patientId}/medications/${orderId}`, { pharmacy: 'Main St' }, { 'if-match': 'W/"1"' }));
    expect(changed.order.version).toBe(2);
    expect(changed.abruptChange).toBeNull();
  });

  it('asks for a documented life-threatening reason before an abrupt stop, then records the flag', async () => {
    const before = await rowCounts();
    const error = expectError(await doc.send('POST', `/api/v1/patients/${patientId}/medications/${orderId}/stop`, { reason: 'Stopping' }, { 'if-match': 'W/"2"' }), 400, 'validation');
    expect(detailPaths(error)).toEqual(['body.lifeThreateningReason']);
    expect(await rowCounts()).toEqual(before);
    const stopped = ok<OrderWrite>(
      await doc.send('POST', `/api/v1/patients/${patientId}/medications/${orderId}/stop`, { reason: 'Overdose last night', lifeThreateningReason: 'Overdose requiring naloxone last night' }, { 'if-match': 'W/"2"' }),
    );
    expect(stopped.order.status).toBe('stopped');
    expect(stopped.abruptChange?.flagged).toBe(true);
    const flags = await t.ctx.db.select().from(opioidAbruptChanges).where(eq(opioidAbruptChanges.orderId, orderId));
    expect(flags).toHaveLength(1);
    expect(flags[0]?.reason).toBe('Overdose requiring naloxone last night');
  });

  it('marking an order entered in error is not an abrupt change', async () => {
    const created = ok<OrderWrite>(await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/medications`, oxycodone(2, { start: '2023-01-01' })), 201);
    const res = ok<OrderWrite>(await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/medications/${created.order.id}/stop`, { reason: 'Entered twice', enteredInError: true }, { 'if-match': 'W/"1"' }));
    expect(res.order.status).toBe('entered-in-error');
    expect(res.abruptChange).toBeNull();
  });

  it('only the care team (or break-glass) sees and changes the list; patients and other teams do not', async () => {
    expectError(await otherTeam.get(`/api/v1/patients/${patientId}/medications`), 403, 'access.not-on-care-team');
    expectError(await otherTeam.send('POST', `/api/v1/patients/${patientId}/medications`, oxycodone(1)), 403, 'access.not-on-care-team');
    expectError(await patient.get(`/api/v1/patients/${patientId}/medications`), 403, 'access.medications-staff-only');
    await t.ctx.audit.flush();
    const denied = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.patientId, patientId), eq(auditEvents.action, 'access-denied')));
    expect(denied.length).toBeGreaterThanOrEqual(3);
  });
});

describe('monitoring', () => {
  let patientId: string;
  beforeAll(async () => {
    const p = await buildPatient(t.ctx.db, { orgId: clinic.org.id, careTeamId: clinic.teamA.id, givenName: 'Rosa', familyName: 'Diaz', mrn: 'A-2' });
    patientId = p.id;
    ok(await doc.send('POST', `/api/v1/patients/${patientId}/medications`, oxycodone(3)), 201);
  });

  it('records a PDMP check and the PDMP item is no longer due', async () => {
    const error = expectError(await doc.send('POST', `/api/v1/patients/${patientId}/medications/pdmp-checks`, { checkedOn: '2026-13-01', findings: '' }), 400, 'validation');
    expect(detailPaths(error)).toEqual(['body.checkedOn', 'body.findings']);
    ok(await doc.send('POST', `/api/v1/patients/${patientId}/medications/pdmp-checks`, { checkedOn: '2026-11-20', findings: 'One prescriber, one pharmacy' }), 201);
    const view = ok<Overview>(await doc.get(`/api/v1/patients/${patientId}/medications`));
    expect(view.monitoring.items.find((i) => i.kind === 'pdmp-check')?.status).toBe('upcoming');
  });

  it('a urine test with an unexpected result raises one conversation task, never a consequence; an expected one raises none', async () => {
    const expected = ok<{ conversationTaskId: string | null; reconciliation: { lines: { status: string }[] } }>(
      await doc.send('POST', `/api/v1/patients/${patientId}/medications/urine-tests`, { collectedOn: '2026-11-01', method: 'screen', results: [{ substance: 'oxycodone', result: 'positive' }] }),
      201,
    );
    expect(expected.conversationTaskId).toBeNull();
    expect(expected.reconciliation.lines.map((l) => l.status)).toEqual(['expected-found']);
    const unexpected = ok<{ conversationTaskId: string | null; reconciliation: { lines: { status: string }[] } }>(
      await doc.send('POST', `/api/v1/patients/${patientId}/medications/urine-tests`, {
        collectedOn: '2026-11-20',
        method: 'screen',
        results: [{ substance: 'oxycodone', result: 'negative' }, { substance: 'cocaine', result: 'positive' }],
      }),
      201,
    );
    expect(unexpected.reconciliation.lines.map((l) => l.status).sort()).toEqual(['expected-absent', 'unexpected']);
    const task = (await t.ctx.db.select().from(tasks).where(eq(tasks.id, unexpected.conversationTaskId ?? '')))[0];
    expect(task?.title).toContain('Talk with Rosa');
    expect(task?.details).toContain('starting point for a conversation');
    expect(task?.status).toBe('open');
    const orders = await t.ctx.db.select().from(medicationOrders).where(eq(medicationOrders.patientId, patientId));
    expect(orders.every((o) => o.status === 'active')).toBe(true);
  });

  it('lists a substance entered twice', async () => {
    const error = expectError(
      await doc.send('POST', `/api/v1/patients/${patientId}/medications/urine-tests`, { collectedOn: '2026-11-20', method: 'screen', results: [{ substance: 'THC', result: 'positive' }, { substance: 'thc', result: 'negative' }] }),
      400,
      'validation',
    );
    expect(detailPaths(error)).toEqual(['body.results.1.substance']);
  });

  it('records risk factors with If-Match, and the clinic lead switches the factor set', async () => {
    ok(await doc.send('PUT', `/api/v1/patients/${patientId}/medications/risk-factors`, { sleepDisorderedBreathing: true }, { 'if-match': 'W/"0"' }));
    expectError(await doc.send('PUT', `/api/v1/patients/${patientId}/medications/risk-factors`, { sleepDisorderedBreathing: true }, { 'if-match': 'W/"0"' }), 412, 'conflict.stale-version');
    expectError(await doc.send('PUT', '/api/v1/clinic/opioid-settings', { factorSet: 'cdc-2016' }, { 'if-match': 'W/"0"' }), 403, 'auth.clinic-lead-only');
    ok(await lead.send('PUT', '/api/v1/clinic/opioid-settings', { factorSet: 'cdc-2016' }, { 'if-match': 'W/"0"' }));
    const view = ok<Overview>(await doc.get(`/api/v1/patients/${patientId}/medications`));
    expect(view.factorSet.id).toBe('cdc-2016');
    expect(view.mme.factorSet.label).toContain('2016');
    ok(await lead.send('PUT', '/api/v1/clinic/opioid-settings', { factorSet: 'cdc-2022' }, { 'if-match': 'W/"1"' }));
  });
});

describe('taper plans', () => {
  let patientId: string;
  beforeAll(async () => {
    const p = await buildPatient(t.ctx.db, { orgId: clinic.org.id, careTeamId: clinic.teamA.id, givenName: 'Sam', familyName: 'Lee', mrn: 'A-3' });
    patientId = p.id;
    ok(await doc.send('POST', `/api/v1/patients/${patientId}/medications`, oxycodone(6)), 201);
  });

  it('previews the reference schedule, then saves it with the agreement and monthly follow-up tasks', async () => {
    const plan = ok<{ steps: { mmePerDay: number }[]; followUps: string[]; naloxone: { offer: boolean }; pace: { id: string } }>(
      await doc.send('POST', `/api/v1/patients/${patientId}/medications/taper-plans/preview`, { startDate: '2026-12-01' }),
    );
    expect(plan.pace.id).toBe('cdc-2022-monthly');
    expect(plan.steps.length).toBeGreaterThan(5);
    expect(plan.naloxone.offer).toBe(true);
    const missing = expectError(await doc.send('POST', `/api/v1/patients/${patientId}/medications/taper-plans`, { startDate: '2026-12-01' }), 400, 'validation');
    expect(detailPaths(missing)).toEqual(['body.naloxoneOffered', 'body.patientAgreement']);
    const saved = ok<{ id: string; patientAgreement: string }>(
      await doc.send('POST', `/api/v1/patients/${patientId}/medications/taper-plans`, { startDate: '2026-12-01', patientAgreement: 'I want to try going slowly, and stop if my sleep gets bad.', naloxoneOffered: true }),
      201,
    );
    expect(saved.patientAgreement).toContain('going slowly');
    const followUps = await t.ctx.db.select().from(tasks).where(and(eq(tasks.patientId, patientId), eq(tasks.source, 'medications.taper')));
    expect(followUps.length).toBe(plan.followUps.length);
    ok(await doc.send('POST', `/api/v1/patients/${patientId}/medications/taper-plans/${saved.id}/actual-doses`, { takenOn: '2026-11-22', mmePerDay: 90 }), 201);
    const read = ok<{ actualDoses: { mmePerDay: number }[] }>(await doc.get(`/api/v1/patients/${patientId}/medications/taper-plans/${saved.id}`));
    expect(read.actualDoses.map((d) => d.mmePerDay)).toEqual([90]);
  });

  it('a plan faster than the reference bounds needs the documented reason and is flagged', async () => {
    const fast = { startDate: '2026-12-01', pace: { every: { days: 7 }, cut: { percent: 50, of: 'original' } }, patientAgreement: 'Agreed.', naloxoneOffered: true };
    const before = await rowCounts();
    const error = expectError(await doc.send('POST', `/api/v1/patients/${patientId}/medications/taper-plans`, fast), 400, 'validation');
    expect(detailPaths(error)).toEqual(['body.lifeThreateningReason']);
    expect(await rowCounts()).toEqual(before);
    const saved = ok<{ id: string }>(await doc.send('POST', `/api/v1/patients/${patientId}/medications/taper-plans`, { ...fast, lifeThreateningReason: 'Respiratory depression on the current dose' }), 201);
    const flags = await t.ctx.db.select().from(opioidAbruptChanges).where(eq(opioidAbruptChanges.taperPlanId, saved.id));
    expect(flags).toHaveLength(1);
  });

  it('a caregiver account never sees the plans', async () => {
    const cg = await buildUser(t.ctx.db, { orgId: clinic.org.id, role: 'caregiver' });
    await buildConsent(t.ctx.db, { orgId: clinic.org.id, patientId, caregiverUserId: cg.id, scopes: ['check-ins', 'demographics'] });
    const agent = await signIn(t.app, cg.email, TEST_PASSWORD);
    expectError(await agent.get(`/api/v1/patients/${patientId}/medications/taper-plans`), 403, 'access.medications-staff-only');
  });
});

describe('FHIR', () => {
  let patientId: string;
  beforeAll(async () => {
    const p = await buildPatient(t.ctx.db, { orgId: clinic.org.id, careTeamId: clinic.teamA.id, givenName: 'Ines', familyName: 'Moreau', mrn: 'A-4' });
    patientId = p.id;
  });

  const fentanylRequest = (id: string) => ({
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    subject: { reference: `Patient/${patientId}` },
    authoredOn: '2026-10-01',
    requester: { display: 'Dr. Outside' },
    medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '245134', display: 'fentanyl 25 MCG/HR Transdermal System' }], text: 'fentanyl 25 MCG/HR Transdermal System' },
    dosageInstruction: [{ text: 'apply 1 patch every 72 hours', timing: { repeat: { frequency: 1, period: 72, periodUnit: 'h' } }, doseAndRate: [{ doseQuantity: { value: 1, unit: 'patch' } }] }],
  });

  it('imports MedicationRequests (preview first), skips what it cannot read or already has, and serves them back as FHIR', async () => {
    const unreadable = { resourceType: 'MedicationRequest', id: 'x', status: 'active', intent: 'order', dosageInstruction: [{ text: 'one daily' }] };
    const preview = ok<{ entries: { outcome: string }[] }>(await doc.send('POST', `/api/v1/patients/${patientId}/medications/import`, { resources: [fentanylRequest('ext-1'), unreadable], dryRun: true }));
    expect(preview.entries.map((e) => e.outcome)).toEqual(['would-import', 'skipped']);
    const done = ok<{ entries: { outcome: string; order: { id: string; prescriber: string; source: string } | null; issues: { path?: string }[] }[] }>(
      await doc.send('POST', `/api/v1/patients/${patientId}/medications/import`, { resources: [fentanylRequest('ext-1'), unreadable] }),
    );
    expect(done.entries.map((e) => e.outcome)).toEqual(['imported', 'skipped']);
    expect(done.entries[1]?.issues.every((i) => i.path?.startsWith('body.resources.1'))).toBe(true);
    const imported = done.entries[0]?.order;
    expect(imported).toMatchObject({ prescriber: 'Dr. Outside', source: 'imported-fhir' });
    const again = ok<{ entries: { outcome: string; reason: string }[] }>(await doc.send('POST', `/api/v1/patients/${patientId}/medications/import`, { resources: [fentanylRequest('ext-1')] }));
    expect(again.entries[0]).toMatchObject({ outcome: 'skipped', reason: 'Already imported.' });
    const view = ok<Overview>(await doc.get(`/api/v1/patients/${patientId}/medications`));
    expect(view.mme.totalMmePerDay).toBe(60);

    const read = ok<{ resourceType: string; medicationCodeableConcept: { coding: { code: string }[] } }>(await doc.get(`/fhir/MedicationRequest/${imported?.id ?? ''}`));
    expect(read.resourceType).toBe('MedicationRequest');
    const bundle = ok<{ total: number; entry: { resource: { id: string } }[] }>(await doc.get(`/fhir/MedicationRequest?patient=Patient/${patientId}`));
    expect(bundle.total).toBe(1);
    expect((await doc.get('/fhir/MedicationRequest')).statusCode).toBe(400);
    expect((await otherTeam.get(`/fhir/MedicationRequest?patient=${patientId}`)).statusCode).toBe(403);
    const metadata = ok<{ rest: { resource: { type: string }[] }[] }>(await doc.get('/fhir/metadata'));
    expect(metadata.rest[0]?.resource.map((r) => r.type)).toContain('MedicationRequest');
  });

  it('lists a body that is not MedicationRequests', async () => {
    const error = expectError(await doc.send('POST', `/api/v1/patients/${patientId}/medications/import`, { resources: [{ resourceType: 'Patient' }], extra: true }), 400, 'validation');
    expect(detailPaths(error)).toEqual(expect.arrayContaining(['body.extra', 'body.resources.0.resourceType']));
  });
});
