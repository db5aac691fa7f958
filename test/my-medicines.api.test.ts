/**
 * "My medicines" through the API (GET /api/v1/patients/:id/my-medicines): the person sees their own active
 * orders in words and nobody else's; drafts, stopped and future orders are left out; a caregiver with the
 * 'medications' consent sees the list without orders for opioid use disorder, one without it is refused;
 * staff are sent to the Medications page; every read is audited; a saved taper plan's next steps (pauses
 * too) come from the plan as saved. Runs on the embedded database, and on PostgreSQL with DATABASE_URL.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/schema';
import { buildTestApp, signIn, type Agent, type TestApp } from './support/app';
import { buildClinic, buildConsent, buildPatient, buildUser, TEST_PASSWORD } from './support/builders';
import { expectError } from './support/http';

let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;
let doc: Agent;
let patient: Agent;

// The test clock reads 2026-11-22.
const TODAY = '2026-11-22';

interface MyMedicine { id: string; name: string; directions: string; onlyWhenNeeded: boolean; mostPerDay: string | null; prescriber: string | null; since: string | null; rescue: boolean }
interface MyMedicines { asOf: string; medicines: MyMedicine[]; naloxoneOnList: boolean; taper: { startDate: string; steps: { startsOn: string; kind: string; current: boolean; words: string }[] } | null }

function ok<T>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}

const tablet = (code: string, name: string, amount: number, dosage: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  ingredients: [{ code, name, strength: { amount, unit: 'mg' } }],
  form: 'tablet',
  dosage: { dose: { low: 1, high: 1, unit: 'tablet' }, route: 'oral', asNeeded: false, ...dosage },
  prescriber: 'Dr. Team A',
  start: '2024-06-01',
  ...extra,
});
const daily = (count: number) => ({ frequency: { count, period: 1, periodUnit: 'd' } });
const naloxoneSpray = {
  ingredients: [{ code: '7242', name: 'naloxone', strength: { amount: 4, unit: 'mg' } }],
  form: 'spray',
  dosage: { dose: { low: 1, high: 1, unit: 'actuation' }, route: 'nasal', asNeeded: true, asNeededFor: 'suspected overdose' },
  prescriber: 'Dr. Team A',
  start: '2026-10-01',
};
const buprenorphineForOud = {
  ingredients: [{ code: '1819', name: 'buprenorphine', strength: { amount: 8, unit: 'mg' } }, { code: '7242', name: 'naloxone', strength: { amount: 2, unit: 'mg' } }],
  form: 'film',
  dosage: { dose: { low: 1, high: 1, unit: 'film' }, route: 'sublingual', asNeeded: false, ...daily(2) },
  prescriber: 'Dr. Team A',
  start: '2025-03-01',
  indication: 'oud',
};

beforeAll(async () => {
  t = await buildTestApp({ loginRateLimitPerMinute: 1000 });
  clinic = await buildClinic(t.ctx.db);
  doc = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
  patient = await signIn(t.app, clinic.patientUser.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

describe('my medicines: the list', () => {
  const url = (): string => `/api/v1/patients/${clinic.patientA.id}/my-medicines`;

  beforeAll(async () => {
    const add = async (body: unknown): Promise<string> => ok<{ order: { id: string } }>(await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/medications`, body), 201).order.id;
    await add(tablet('7804', 'oxycodone', 5, daily(3), { prescriber: 'Dr. Lena Hoang', start: '2025-01-15' }));
    await add(tablet('161', 'acetaminophen', 500, { dose: { low: 1, high: 2, unit: 'tablet' }, frequency: { count: 1, period: 6, periodUnit: 'h' }, asNeeded: true, asNeededFor: 'pain', maxPerDay: { amount: 6, unit: 'tablet' } }));
    await add(naloxoneSpray);
    await add(buprenorphineForOud);
    await add(tablet('6470', 'lorazepam', 0.5, daily(1), { status: 'draft' }));
    await add(tablet('25480', 'gabapentin', 300, daily(3), { start: '2027-01-10' }));
    const stopped = await add(tablet('5640', 'ibuprofen', 400, daily(3)));
    ok(await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/medications/${stopped}/stop`, { reason: 'Stomach upset', end: '2026-11-01' }, { 'if-match': 'W/"1"' }));
    ok(await doc.send('POST', `/api/v1/patients/${clinic.patientB.id}/medications`, tablet('8640', 'prednisone', 5, daily(1))), 403);
  });

  it('the person sees each active order in words, with who prescribed it and since when; drafts, stopped and future orders are left out', async () => {
    const view = ok<MyMedicines>(await patient.get(url()));
    expect(view.asOf).toBe(TODAY);
    const names = view.medicines.map((m) => m.name);
    expect(names).toHaveLength(4);
    expect(names.join(' | ')).not.toMatch(/lorazepam|gabapentin|ibuprofen/);
    const oxy = view.medicines.find((m) => m.name.startsWith('oxycodone'));
    expect(oxy).toMatchObject({ name: 'oxycodone 5 mg tablet', directions: '1 tablet by mouth 3 times a day', onlyWhenNeeded: false, mostPerDay: null, prescriber: 'Dr. Lena Hoang', since: '2025-01-15', rescue: false });
    const prn = view.medicines.find((m) => m.name.startsWith('acetaminophen'));
    expect(prn).toMatchObject({ onlyWhenNeeded: true, mostPerDay: '6 tablets' });
    expect(prn?.directions).toContain('as needed for pain');
    expect(view.medicines.find((m) => m.name.startsWith('naloxone'))?.rescue).toBe(true);
    expect(view.naloxoneOnList).toBe(true);
    expect(names.some((n) => n.startsWith('buprenorphine'))).toBe(true);
    expect(JSON.stringify(view)).not.toMatch(/MME|risk/i);
    expect(view.taper).toBeNull();
  });

  it('the person cannot read someone else\u2019s list', async () => {
    expectError(await patient.get(`/api/v1/patients/${clinic.patientB.id}/my-medicines`), 403, 'access.not-self');
    expectError(await patient.get('/api/v1/patients/00000000-0000-4000-8000-000000000000/my-medicines'), 404, 'not-found');
  });

  it('a caregiver with the medications consent sees the list without orders for opioid use disorder; one without it is refused', async () => {
    const helper = await buildUser(t.ctx.db, { orgId: clinic.org.id, role: 'caregiver', email: 'meds.helper@test.example' });
    await buildConsent(t.ctx.db, { orgId: clinic.org.id, patientId: clinic.patientA.id, caregiverUserId: helper.id, scopes: ['demographics', 'medications'] });
    const caregiver = await signIn(t.app, helper.email, TEST_PASSWORD);
    const view = ok<MyMedicines>(await caregiver.get(url()));
    expect(view.medicines.map((m) => m.name.split(' ')[0]).sort()).toEqual(['acetaminophen', 'naloxone', 'oxycodone']);
    expect(JSON.stringify(view)).not.toContain('buprenorphine');
    expect(view.naloxoneOnList).toBe(true);

    const without = await signIn(t.app, clinic.caregiver.email, TEST_PASSWORD);
    expectError(await without.get(url()), 403, 'access.scope-not-consented');
  });

  it('staff are sent to the Medications page', async () => {
    const error = expectError(await doc.get(url()), 403, 'access.my-medicines-portal-only');
    expect(error.message).toContain('Medications page');
    const offTeam = await signIn(t.app, clinic.therapistB.email, TEST_PASSWORD);
    expectError(await offTeam.get(url()), 403, 'access.not-on-care-team');
  });

  it('each read is audited, and a refused one too', async () => {
    await t.ctx.audit.flush();
    const before = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.patientId, clinic.patientA.id), eq(auditEvents.actorId, clinic.patientUser.id), eq(auditEvents.resourceType, 'MedicationRequest'), eq(auditEvents.action, 'read')));
    ok(await patient.get(url()));
    await t.ctx.audit.flush();
    const after = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.patientId, clinic.patientA.id), eq(auditEvents.actorId, clinic.patientUser.id), eq(auditEvents.resourceType, 'MedicationRequest'), eq(auditEvents.action, 'read')));
    expect(after.length).toBe(before.length + 1);
    const refused = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.patientId, clinic.patientA.id), eq(auditEvents.reason, 'access.my-medicines-portal-only')));
    expect(refused.length).toBeGreaterThanOrEqual(1);
  });
});

describe('my medicines: a taper plan', () => {
  it('shows the step in effect today and the steps still to come, pauses included, from the saved plan', async () => {
    const p = await buildPatient(t.ctx.db, { orgId: clinic.org.id, careTeamId: clinic.teamA.id, givenName: 'Tomas', familyName: 'Reyes', mrn: 'A-9' });
    const account = await buildUser(t.ctx.db, { orgId: clinic.org.id, role: 'patient', patientId: p.id, email: 'tomas.reyes@test.example' });
    ok(await doc.send('POST', `/api/v1/patients/${p.id}/medications`, tablet('7804', 'oxycodone', 10, daily(4))), 201);
    const saved = ok<{ id: string }>(
      await doc.send('POST', `/api/v1/patients/${p.id}/medications/taper-plans`, { startDate: '2026-10-01', pauses: [{ afterStep: 3, days: 28 }], patientAgreement: 'Slowly, and we talk before each step.', naloxoneOffered: true }),
      201,
    );
    const plan = ok<{ plan: { steps: { startsOn: string; kind: string; pauseDays?: number; doses: { name: string; mgPerDay: number }[] }[] } }>(await doc.get(`/api/v1/patients/${p.id}/medications/taper-plans/${saved.id}`)).plan;

    const me = await signIn(t.app, account.email, TEST_PASSWORD);
    const view = ok<MyMedicines>(await me.get(`/api/v1/patients/${p.id}/my-medicines`));
    expect(view.taper?.startDate).toBe('2026-10-01');
    const steps = view.taper?.steps ?? [];
    const started = plan.steps.filter((s) => s.startsOn <= TODAY);
    const toCome = plan.steps.filter((s) => s.startsOn > TODAY);
    expect(toCome.length).toBeGreaterThan(2);
    expect(steps.map((s) => s.startsOn)).toEqual([started[started.length - 1]?.startsOn, ...toCome.map((s) => s.startsOn)]);
    expect(steps.map((s) => s.current)).toEqual([true, ...toCome.map(() => false)]);
    const firstDose = plan.steps.find((s) => s.kind === 'reduce')?.doses[0];
    const reduce = steps.find((s, i) => i > 0 && s.kind === 'reduce');
    // The daily amount, never a tablet count that may not match the tablets the person holds.
    expect(reduce?.words).toMatch(/^Oxycodone \d+(\.\d+)? mg a day in all\.$/);
    expect(firstDose?.name).toBe('Oxycodone');
    const pause = steps.find((s) => s.kind === 'pause');
    expect(pause?.words).toBe('Stay on the same dose for 28 more days.');
    expect(steps[steps.length - 1]?.words).toBe('Stop taking Oxycodone.');
    expect(JSON.stringify(view)).not.toMatch(/MME/i);
  });
});

describe('my medicines: the OpenAPI document', () => {
  it('lists the route with its parameter and a typed 200 answer', async () => {
    const doc = ok<{ paths: Record<string, { get?: { parameters?: { name: string; in: string }[]; responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }> } }> }>(
      await t.app.inject({ method: 'GET', url: '/api/openapi.json' }),
    );
    const get = doc.paths['/api/v1/patients/{id}/my-medicines']?.get;
    expect(get?.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(['path:id']);
    expect(Object.keys(get?.responses['200']?.content?.['application/json']?.schema.properties ?? {}).sort()).toEqual(['asOf', 'medicines', 'naloxoneOnList', 'taper']);
    expect(Object.keys(get?.responses ?? {})).toEqual(expect.arrayContaining(['200', '403', '404']));
  });
});
