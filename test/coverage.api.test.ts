/**
 * Coverage and appointments through the API on a real database: the catalogue (payers, plans, rules), a
 * patient's plan, visits counted with warnings, prior authorisations through every transition, NCD 30.3.3,
 * the stateless calculator, appointments with reminders, the calendar file and FHIR Appointment.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, tasks } from '../src/db/schema';
import { listCoverageWarnings } from '../src/server/coverage/coverage-warnings';
import { listUpcomingAppointments } from '../src/server/appointments/upcoming-appointments';
import { buildTestApp, clockDate, isoDaysAfter, signIn, type Agent, type TestApp } from './support/app';
import { buildClinic, TEST_PASSWORD } from './support/builders';
import { detailPaths, expectError } from './support/http';
import { readIcs } from './support/ics-reader';

let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;
let lead: Agent;
let coordinator: Agent; // patient A's coordinator
let therapistB: Agent; // not on patient A's team
let patient: Agent; // patient A
let caregiver: Agent; // consent: demographics, appointments
let planId: string;
let ptRuleId: string;
let coverageId: string;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await buildTestApp({ loginRateLimitPerMinute: 1000 });
  clinic = await buildClinic(t.ctx.db);
  const sign = (u: { email: string }): Promise<Agent> => signIn(t.app, u.email, TEST_PASSWORD);
  lead = await sign(clinic.lead);
  coordinator = await sign(clinic.coordinator);
  therapistB = await sign(clinic.therapistB);
  patient = await sign(clinic.patientUser);
  caregiver = await sign(clinic.caregiver);
});
afterAll(async () => {
  await t?.close();
});

const isoDaysFromNow = (days: number, hour = 15): string => isoDaysAfter(t.clock, days, hour);
const today = (): string => clockDate(t.clock);

describe('catalogue: payers, plans, benefit rules', () => {
  it('a clinic lead adds a payer, a plan and rules; a therapist may read but not change them', async () => {
    const payer = await lead.send('POST', '/api/v1/coverage/payers', { name: 'Medicare', kind: 'medicare' });
    expect(payer.statusCode, payer.body).toBe(201);
    const plan = await lead.send('POST', '/api/v1/coverage/plans', { payerId: payer.json().id, name: 'Medicare Part B' });
    expect(plan.statusCode, plan.body).toBe(201);
    planId = plan.json().id;
    const pt = await lead.send('POST', `/api/v1/coverage/plans/${planId}/rules`, { service: 'physical-therapy', kind: 'custom', visitLimit: 4, periodKind: 'calendar-year', periodDays: null, priorAuthRequired: true, copayNote: '20% after deductible' });
    expect(pt.statusCode, pt.body).toBe(201);
    ptRuleId = pt.json().id;
    const acu = await lead.send('POST', `/api/v1/coverage/plans/${planId}/rules`, { service: 'acupuncture', kind: 'ncd-30.3.3', visitLimit: null, periodKind: 'none', periodDays: null, priorAuthRequired: false, copayNote: null });
    expect(acu.statusCode, acu.body).toBe(201);
    expectError(await therapistB.send('POST', '/api/v1/coverage/payers', { name: 'X', kind: 'other' }), 403, 'auth.role');
    const cat = await therapistB.get('/api/v1/coverage/catalogue');
    expect(cat.json().rules).toHaveLength(2);
    expectError(await patient.get('/api/v1/coverage/catalogue'), 403, 'auth.staff-only');
  });

  it('a bad rule is one 400 listing every field (schema and domain)', async () => {
    const res = await lead.send('POST', `/api/v1/coverage/plans/${planId}/rules`, { service: 'massage', kind: 'custom', visitLimit: -1, periodKind: 'rolling-days', periodDays: null, priorAuthRequired: 'yes', copayNote: null, extra: 1 });
    const err = expectError(res, 400, 'validation');
    expect(detailPaths(err)).toEqual(expect.arrayContaining(['body.service', 'body.visitLimit', 'body.priorAuthRequired']));
    const domain = await lead.send('POST', `/api/v1/coverage/plans/${planId}/rules`, { service: 'physical-therapy', kind: 'ncd-30.3.3', visitLimit: null, periodKind: 'rolling-days', periodDays: null, priorAuthRequired: false, copayNote: null });
    expect(detailPaths(expectError(domain, 400, 'validation'))).toEqual(['body.periodDays', 'body.service']);
  });

  it('changing a rule needs If-Match: 428 without, 412 when stale, 200 with the version', async () => {
    expectError(await lead.send('PATCH', `/api/v1/coverage/rules/${ptRuleId}`, { copayNote: 'x' }), 428, 'conflict.if-match-required');
    expectError(await lead.send('PATCH', `/api/v1/coverage/rules/${ptRuleId}`, { copayNote: 'x' }, { 'if-match': 'W/"9"' }), 412, 'conflict.stale-version');
    const ok = await lead.send('PATCH', `/api/v1/coverage/rules/${ptRuleId}`, { copayNote: '20% coinsurance' }, { 'if-match': 'W/"1"' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).toBe('W/"2"');
  });
});

describe("a patient's coverage, visits and warnings", () => {
  it('only the care team records a plan; the plan is audited with the patient', async () => {
    const body = { planId, memberId: '1EG4-TE5-MK72', startDate: '2026-01-01' };
    expectError(await therapistB.send('POST', `/api/v1/patients/${clinic.patientA.id}/coverages`, body), 403, 'access.not-on-care-team');
    const res = await coordinator.send('POST', `/api/v1/patients/${clinic.patientA.id}/coverages`, body);
    expect(res.statusCode, res.body).toBe(201);
    coverageId = res.json().id;
    const audited = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.resourceType, 'Coverage'), eq(auditEvents.action, 'create')));
    expect(audited.map((a) => a.patientId)).toEqual([clinic.patientA.id]);
  });

  it('three attended physical-therapy visits of four: the page warns before the cap, and so does listCoverageWarnings', async () => {
    for (const days of [-30, -20, -10]) {
      const booked = await coordinator.send('POST', `/api/v1/patients/${clinic.patientA.id}/appointments`, { visitType: 'physical-therapy', providerName: 'Sam Lee, PT', location: 'Clinic gym', telehealth: false, startsAt: isoDaysFromNow(days), durationMinutes: 45 });
      expect(booked.statusCode, booked.body).toBe(201);
      const done = await coordinator.send('PATCH', `/api/v1/appointments/${booked.json().id}`, { status: 'attended' }, { 'if-match': booked.headers.etag as string });
      expect(done.statusCode, done.body).toBe(200);
    }
    const view = await coordinator.get(`/api/v1/patients/${clinic.patientA.id}/coverage`);
    expect(view.statusCode, view.body).toBe(200);
    const pt = view.json().rules.find((r: { service: string }) => r.service === 'physical-therapy');
    expect(pt.usage).toMatchObject({ used: 3, limit: 4, remaining: 1 });
    expect(view.json().warnings.map((w: { code: string }) => w.code)).toContain('coverage.visit-cap-near');
    const warnings = await listCoverageWarnings(t.ctx.db, clinic.org.id, [clinic.patientA.id, clinic.patientB.id], t.clock.now);
    expect(warnings.filter((w) => w.code === 'coverage.visit-cap-near').map((w) => [w.patientId, w.service, w.remaining])).toEqual([[clinic.patientA.id, 'physical-therapy', 1]]);
  });

  it('a visit cannot be marked attended before it starts; a booked visit raises a reminder task the day before', async () => {
    const res = await coordinator.send('POST', `/api/v1/patients/${clinic.patientA.id}/appointments`, { visitType: 'physical-therapy', providerName: 'Sam Lee, PT', location: 'Clinic gym', telehealth: false, startsAt: isoDaysFromNow(5), durationMinutes: 45 });
    expect(res.statusCode, res.body).toBe(201);
    const appt = res.json();
    expect(appt.coverage.answer).toBe('not-covered'); // prior authorisation is required and none is approved
    expect(appt.coverage.reasons.map((r: { code: string; met: boolean }) => `${r.code}:${r.met}`)).toEqual(['coverage.membership:true', 'coverage.visit-limit:true', 'coverage.prior-auth-missing:false']);
    const [task] = await t.ctx.db.select().from(tasks).where(eq(tasks.id, appt.reminderTaskId));
    expect(task).toMatchObject({ assigneeUserId: clinic.coordinator.id, source: 'appointment-reminder', status: 'open' });
    expect(task?.dueAt?.toISOString()).toBe(isoDaysFromNow(4));
    const early = await coordinator.send('PATCH', `/api/v1/appointments/${appt.id}`, { status: 'attended' }, { 'if-match': res.headers.etag as string });
    expect(detailPaths(expectError(early, 400, 'validation'))).toEqual(['body.status']);
    const upcoming = await listUpcomingAppointments(t.ctx.db, clinic.org.id, [clinic.patientA.id], t.clock.now);
    expect(upcoming.map((a) => a.id)).toEqual([appt.id]);
    // Moving the visit cancels the old reminder and raises a new one for the new day.
    const moved = await coordinator.send('PATCH', `/api/v1/appointments/${appt.id}`, { startsAt: isoDaysFromNow(6) }, { 'if-match': res.headers.etag as string });
    expect(moved.statusCode, moved.body).toBe(200);
    const [old] = await t.ctx.db.select().from(tasks).where(eq(tasks.id, appt.reminderTaskId));
    expect(old?.status).toBe('cancelled');
    const [fresh] = await t.ctx.db.select().from(tasks).where(eq(tasks.id, moved.json().reminderTaskId));
    expect(fresh?.dueAt?.toISOString()).toBe(isoDaysFromNow(5));
    expect(fresh?.status).toBe('open');
  });

  it('prior authorisation: requested → denied → appealed → approved; invalid moves and missing fields are 400; ending soon warns', async () => {
    const created = await coordinator.send('POST', `/api/v1/patients/${clinic.patientA.id}/prior-authorisations`, { coverageId, service: 'physical-therapy', date: today(), requestedUnits: 8, documents: [{ title: 'Plan of care', reference: 'POC-2026-11' }] });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const move = (body: Record<string, unknown>, version: number) => coordinator.send('POST', `/api/v1/prior-authorisations/${id}/transitions`, { date: today(), ...body }, { 'if-match': `W/"${version}"` });
    expect(detailPaths(expectError(await move({ to: 'appealed' }, 1), 400, 'validation'))).toEqual(['body.to']);
    expect(detailPaths(expectError(await move({ to: 'denied' }, 1), 400, 'validation'))).toEqual(['body.note']);
    expect((await move({ to: 'denied', note: 'Plan of care missing goals' }, 1)).statusCode).toBe(200);
    expectError(await move({ to: 'appealed' }, 1), 412, 'conflict.stale-version');
    expect((await move({ to: 'appealed', documents: [{ title: 'Appeal letter', reference: 'AP-1' }] }, 2)).statusCode).toBe(200);
    expect(detailPaths(expectError(await move({ to: 'approved' }, 3), 400, 'validation'))).toEqual(['body.authorisedUnits', 'body.endDate', 'body.startDate']);
    const endDate = new Date(t.clock.now.getTime() + 10 * DAY).toISOString().slice(0, 10);
    const approved = await move({ to: 'approved', authorisedUnits: 6, startDate: today(), endDate }, 3);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', allowedNext: [], authorisedUnits: 6 });
    expect(approved.json().history.map((h: { status: string }) => h.status)).toEqual(['requested', 'denied', 'appealed', 'approved']);
    expect(detailPaths(expectError(await move({ to: 'denied', note: 'x' }, 4), 400, 'validation'))).toEqual(['body.to']);
    const warnings = await listCoverageWarnings(t.ctx.db, clinic.org.id, [clinic.patientA.id], t.clock.now);
    expect(warnings.find((w) => w.code === 'coverage.auth-ending')).toMatchObject({ endDate, authorisationId: id });
    const check = await coordinator.get(`/api/v1/patients/${clinic.patientA.id}/visit-coverage?service=physical-therapy&date=${today()}`);
    expect(check.json().answer).toBe('covered');
  });

  it('NCD 30.3.3: not covered until the four conditions are recorded; then covered as visit 1 of 12', async () => {
    const before = await coordinator.get(`/api/v1/patients/${clinic.patientA.id}/visit-coverage?service=acupuncture&date=${today()}`);
    expect(before.json().reasons.filter((r: { met: boolean }) => !r.met).map((r: { code: string }) => r.code)).toEqual(['ncd.duration', 'ncd.nonspecific', 'ncd.not-surgical', 'ncd.not-pregnancy']);
    const put = await coordinator.send('PUT', `/api/v1/patients/${clinic.patientA.id}/acupuncture-eligibility`, { painOnsetDate: '2025-06-01', nonspecific: true, associatedWithSurgery: false, associatedWithPregnancy: false });
    expect(put.statusCode, put.body).toBe(200);
    expectError(await coordinator.send('POST', `/api/v1/patients/${clinic.patientA.id}/acupuncture-eligibility/reviews`, { date: today(), outcome: 'improving' }), 428, 'conflict.if-match-required');
    const after = await coordinator.get(`/api/v1/patients/${clinic.patientA.id}/visit-coverage?service=acupuncture&date=${today()}`);
    expect(after.json()).toMatchObject({ answer: 'covered', ncd: { visitNumberInYear: 1, phase: 'initial', settings: { ncdYearWindow: 'rolling-365-days', ncdInitialAnchor: 'first-visit' } } });
  });
});

describe('stateless calculator', () => {
  const body = {
    service: 'physical-therapy',
    date: '2026-03-10',
    membership: { startDate: '2026-01-01', endDate: null },
    rules: [{ id: 'pt', service: 'physical-therapy', kind: 'custom', visitLimit: 2, periodKind: 'rolling-days', periodDays: 30, priorAuthRequired: false, copayNote: null }],
    visits: [
      { date: '2026-02-08', service: 'physical-therapy', status: 'attended' },
      { date: '2026-02-09', service: 'physical-therapy', status: 'attended' },
    ],
    authorisations: [],
    ncdFacts: null,
  };
  it('answers with every reason and stores nothing', async () => {
    const auditBefore = (await t.ctx.db.select().from(auditEvents)).length;
    await t.ctx.audit.flush();
    const res = await therapistB.send('POST', '/api/v1/calculators/coverage', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ answer: 'covered', reasons: [{ code: 'coverage.membership', met: true }, { code: 'coverage.visit-limit', met: true, message: expect.stringContaining('Visit 2 of 2') }] });
    const tighter = await therapistB.send('POST', '/api/v1/calculators/coverage', { ...body, date: '2026-03-09' });
    expect(tighter.json().answer).toBe('not-covered');
    await t.ctx.audit.flush();
    expect((await t.ctx.db.select().from(auditEvents)).length).toBe(auditBefore);
  });
  it('bad input is one 400 listing every field; it is in the OpenAPI document', async () => {
    const res = await therapistB.send('POST', '/api/v1/calculators/coverage', { ...body, date: 'March', rules: [{ ...body.rules[0], periodDays: null }], extra: true });
    const paths = detailPaths(expectError(res, 400, 'validation'));
    expect(paths).toEqual(expect.arrayContaining(['body.date']));
    const api = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(Object.keys(api.json().paths)).toEqual(expect.arrayContaining(['/api/v1/calculators/coverage', '/api/v1/patients/{id}/appointments.ics']));
  });
});

describe('calendar file, portal access and FHIR', () => {
  it('the patient downloads an RFC 5545 calendar of their visits', async () => {
    await coordinator.send('POST', `/api/v1/patients/${clinic.patientA.id}/appointments`, { visitType: 'acupuncture', providerName: 'Lin Wu, LAc; MD supervising', location: null, telehealth: true, startsAt: isoDaysFromNow(7), durationMinutes: 30, notes: 'Wear loose clothing, please' });
    const res = await patient.get(`/api/v1/patients/${clinic.patientA.id}/appointments.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('attachment');
    const ics = readIcs(res.body);
    expect(ics.problems).toEqual([]);
    expect(ics.events).toHaveLength(2);
    const acu = ics.events.find((e) => e.SUMMARY?.startsWith('Acupuncture'));
    expect(acu).toMatchObject({ SUMMARY: 'Acupuncture with Lin Wu\\, LAc\\; MD supervising', LOCATION: 'Telehealth', STATUS: 'CONFIRMED', DTSTART: isoDaysFromNow(7).replace(/[-:]/g, '').replace('.000', '') });
    expect(acu?.UID).toMatch(/@painpath$/);
    expect(acu?.DTSTAMP).toBe('20261122T150000Z');
  });
  it('a caregiver with the appointments scope reads the list; another patient cannot', async () => {
    expect((await caregiver.get(`/api/v1/patients/${clinic.patientA.id}/appointments`)).statusCode).toBe(200);
    expectError(await patient.get(`/api/v1/patients/${clinic.patientB.id}/appointments.ics`), 403, 'access.not-self');
    expectError(await patient.send('POST', `/api/v1/patients/${clinic.patientA.id}/appointments`, { visitType: 'acupuncture', providerName: 'x', telehealth: true, startsAt: isoDaysFromNow(3), durationMinutes: 30 }), 403, 'auth.staff-only');
  });
  it('bundling: two in-person visits two days apart are suggested for one day', async () => {
    await coordinator.send('POST', `/api/v1/patients/${clinic.patientA.id}/appointments`, { visitType: 'pain-medicine', providerName: 'Dr. Team A', location: 'Clinic', telehealth: false, startsAt: isoDaysFromNow(3), durationMinutes: 20 });
    const list = await coordinator.get(`/api/v1/patients/${clinic.patientA.id}/appointments`);
    expect(list.json().bundling).toHaveLength(1);
    expect(list.json().bundling[0]).toMatchObject({ journeysSaved: 1 });
  });
  it('FHIR Appointment: search by patient and read', async () => {
    const search = await coordinator.get(`/fhir/Appointment?patient=Patient/${clinic.patientA.id}`);
    expect(search.statusCode, search.body).toBe(200);
    const bundle = search.json();
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.total).toBe(6);
    const first = bundle.entry[0].resource;
    const read = await coordinator.get(`/fhir/Appointment/${first.id}`);
    expect(read.json()).toMatchObject({ resourceType: 'Appointment', status: 'fulfilled' });
    expect((await coordinator.get('/fhir/Appointment')).statusCode).toBe(400);
    expect((await therapistB.get(`/fhir/Appointment/${first.id}`)).statusCode).toBe(403);
    const meta = await coordinator.get('/fhir/metadata');
    expect(meta.json().rest[0].resource.map((r: { type: string }) => r.type)).toContain('Appointment');
  });
});
