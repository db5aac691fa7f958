/**
 * Clinic settings through the API on a real database: the coverage settings (defaults, a clinic lead's
 * change with If-Match, stale versions, roles, every bad field in one 400, the audit event) and their effect
 * on a patient's coverage view, visit answer, warnings and bundling suggestions; and the factor set the Admin
 * page saves.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, clinicCoverageSettings } from '../src/db/schema';
import { listCoverageWarnings } from '../src/server/coverage/coverage-warnings';
import { buildTestApp, clockDate, isoDaysAfter, signIn, type Agent, type TestApp } from './support/app';
import { buildClinic, TEST_PASSWORD } from './support/builders';
import { detailPaths, expectError } from './support/http';

let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;
let other: Awaited<ReturnType<typeof buildClinic>>;
let lead: Agent;
let admin: Agent;
let coordinator: Agent;
let prescriber: Agent;
let otherLead: Agent;
const URL = '/api/v1/clinic/coverage-settings';

interface SettingsView {
  values: Record<string, unknown>;
  defaults: Record<string, unknown>;
  changed: string[];
  settings: { coverage: Record<string, unknown>; bundling: Record<string, unknown> };
  version: number;
  updatedBy: string | null;
}

beforeAll(async () => {
  t = await buildTestApp({ loginRateLimitPerMinute: 1000 });
  clinic = await buildClinic(t.ctx.db);
  other = await buildClinic(t.ctx.db);
  const sign = (u: { email: string }): Promise<Agent> => signIn(t.app, u.email, TEST_PASSWORD);
  lead = await sign(clinic.lead);
  admin = await sign(clinic.admin);
  coordinator = await sign(clinic.coordinator);
  prescriber = await sign(clinic.prescriberA);
  otherLead = await sign(other.lead);
});
afterAll(async () => {
  await t?.close();
});

const isoDaysFromNow = (days: number, hour = 15): string => isoDaysAfter(t.clock, days, hour);
const today = (): string => clockDate(t.clock);
const DEFAULTS = { ncdYearWindow: 'rolling-365-days', ncdInitialAnchor: 'first-visit', warnAtRemainingVisits: 2, authEndWarningDays: 14, bundlingWindowDays: 3 };

describe('coverage settings', () => {
  it('nothing stored: any staff member reads the reference defaults, version 0', async () => {
    const res = await coordinator.get(URL);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('W/"0"');
    const view = res.json<SettingsView>();
    expect(view).toMatchObject({ values: DEFAULTS, defaults: DEFAULTS, changed: [], version: 0, updatedBy: null });
    expect(view.settings.coverage).toMatchObject({ id: 'coverage-settings', version: 1, warnAtRemainingVisits: 2 });
    expect(view.settings.bundling).toEqual({ id: 'bundling-settings', version: 1, bundlingWindowDays: 3 });
  });

  describe('a patient whose warnings depend on the settings', () => {
    beforeAll(async () => {
      const payer = await lead.send('POST', '/api/v1/coverage/payers', { name: 'Medicare', kind: 'medicare' });
      const plan = await lead.send('POST', '/api/v1/coverage/plans', { payerId: payer.json().id, name: 'Part B' });
      const rule = await lead.send('POST', `/api/v1/coverage/plans/${plan.json().id}/rules`, { service: 'physical-therapy', kind: 'custom', visitLimit: 10, periodKind: 'calendar-year', periodDays: null, priorAuthRequired: false, copayNote: null });
      expect(rule.statusCode, rule.body).toBe(201);
      const coverage = await coordinator.send('POST', `/api/v1/patients/${clinic.patientA.id}/coverages`, { planId: plan.json().id, startDate: '2026-01-01' });
      expect(coverage.statusCode, coverage.body).toBe(201);
      // Six attended visits of ten: four remain.
      for (const days of [-60, -50, -40, -30, -20, -10]) {
        const booked = await coordinator.send('POST', `/api/v1/patients/${clinic.patientA.id}/appointments`, { visitType: 'physical-therapy', providerName: 'Sam Lee, PT', location: 'Clinic gym', telehealth: false, startsAt: isoDaysFromNow(days), durationMinutes: 45 });
        expect(booked.statusCode, booked.body).toBe(201);
        const done = await coordinator.send('PATCH', `/api/v1/appointments/${booked.json().id}`, { status: 'attended' }, { 'if-match': booked.headers.etag as string });
        expect(done.statusCode, done.body).toBe(200);
      }
      // Two in-person visits four days apart: outside the default three-day bundling window.
      for (const days of [5, 9]) {
        const booked = await coordinator.send('POST', `/api/v1/patients/${clinic.patientA.id}/appointments`, { visitType: 'physical-therapy', providerName: 'Sam Lee, PT', location: 'Clinic gym', telehealth: false, startsAt: isoDaysFromNow(days), durationMinutes: 45 });
        expect(booked.statusCode, booked.body).toBe(201);
      }
    });

    it('under the defaults: no warning with four visits left, no bundling suggestion', async () => {
      const view = (await coordinator.get(`/api/v1/patients/${clinic.patientA.id}/coverage`)).json();
      expect(view.rules[0].usage).toMatchObject({ used: 6, limit: 10, remaining: 4 });
      expect(view.warnings.map((w: { code: string }) => w.code)).not.toContain('coverage.visit-cap-near');
      expect(view.settings.warnAtRemainingVisits).toBe(2);
      const listed = await listCoverageWarnings(t.ctx.db, clinic.org.id, [clinic.patientA.id], t.clock.now);
      expect(listed.map((w) => w.code)).not.toContain('coverage.visit-cap-near');
      const appts = (await coordinator.get(`/api/v1/patients/${clinic.patientA.id}/appointments`)).json();
      expect(appts.bundling).toEqual([]);
    });

    it('a clinic lead saves new settings with W/"0"; the version goes up; the answers name the new settings', async () => {
      const res = await lead.send('PUT', URL, { ...DEFAULTS, ncdYearWindow: 'calendar-year', warnAtRemainingVisits: 5, bundlingWindowDays: 5 }, { 'if-match': 'W/"0"' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers.etag).toBe('W/"1"');
      const saved = res.json<SettingsView>();
      expect(saved).toMatchObject({ version: 1, updatedBy: clinic.lead.id, changed: ['ncdYearWindow', 'warnAtRemainingVisits', 'bundlingWindowDays'] });
      expect(saved.values).toEqual({ ...DEFAULTS, ncdYearWindow: 'calendar-year', warnAtRemainingVisits: 5, bundlingWindowDays: 5 });
      // Only the changed values are stored, so a kept default follows the reference.
      const [row] = await t.ctx.db.select().from(clinicCoverageSettings).where(eq(clinicCoverageSettings.orgId, clinic.org.id));
      expect(row?.settings).toEqual({ ncdYearWindow: 'calendar-year', warnAtRemainingVisits: 5, bundlingWindowDays: 5 });

      const view = (await coordinator.get(`/api/v1/patients/${clinic.patientA.id}/coverage`)).json();
      expect(view.settings).toMatchObject({ id: 'coverage-settings', ncdYearWindow: 'calendar-year', warnAtRemainingVisits: 5 });
      expect(view.warnings.filter((w: { code: string }) => w.code === 'coverage.visit-cap-near').map((w: { remaining: number }) => w.remaining)).toEqual([4]);
      const listed = await listCoverageWarnings(t.ctx.db, clinic.org.id, [clinic.patientA.id], t.clock.now);
      expect(listed.filter((w) => w.code === 'coverage.visit-cap-near').map((w) => w.remaining)).toEqual([4]);
      const answer = (await coordinator.get(`/api/v1/patients/${clinic.patientA.id}/visit-coverage?service=physical-therapy&date=${today()}`)).json();
      expect(answer.settings).toMatchObject({ ncdYearWindow: 'calendar-year', warnAtRemainingVisits: 5 });
      const appts = (await coordinator.get(`/api/v1/patients/${clinic.patientA.id}/appointments`)).json();
      expect(appts.bundling).toHaveLength(1);
      expect(appts.bundling[0].settings).toEqual({ id: 'bundling-settings', version: 1, bundlingWindowDays: 5 });

      // Another clinic keeps its own (default) settings.
      expect((await otherLead.get(URL)).json()).toMatchObject({ version: 0, values: DEFAULTS });
    });

    it('the change is audited with what changed', async () => {
      const audited = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.resourceType, 'ClinicCoverageSettings'), eq(auditEvents.orgId, clinic.org.id)));
      expect(audited.map((a) => [a.action, a.resourceId, a.actorId, a.reason])).toEqual([['update', clinic.org.id, clinic.lead.id, 'ncdYearWindow=calendar-year, warnAtRemainingVisits=5, bundlingWindowDays=5']]);
    });

    it('a stale If-Match is 412, a missing one 428, and a prescriber gets 403; nothing changes', async () => {
      expectError(await admin.send('PUT', URL, { warnAtRemainingVisits: 3 }, { 'if-match': 'W/"0"' }), 412, 'conflict.stale-version');
      expectError(await admin.send('PUT', URL, { warnAtRemainingVisits: 3 }), 428, 'conflict.if-match-required');
      expectError(await prescriber.send('PUT', URL, { warnAtRemainingVisits: 3 }, { 'if-match': 'W/"1"' }), 403, 'auth.clinic-lead-only');
      expect((await prescriber.get(URL)).json()).toMatchObject({ version: 1, values: { warnAtRemainingVisits: 5 } });
    });

    it('bad values are all listed in one 400 and nothing is stored', async () => {
      const res = await lead.send('PUT', URL, { ncdYearWindow: 'fiscal-year', ncdInitialAnchor: 'last-visit', warnAtRemainingVisits: 21, authEndWarningDays: -1, bundlingWindowDays: 2.5, colour: 'blue' }, { 'if-match': 'W/"1"' });
      const err = expectError(res, 400, 'validation');
      expect([...new Set(detailPaths(err))].sort()).toEqual(['body.authEndWarningDays', 'body.bundlingWindowDays', 'body.colour', 'body.ncdInitialAnchor', 'body.ncdYearWindow', 'body.warnAtRemainingVisits']);
      const after = (await lead.get(URL)).json<SettingsView>();
      expect(after).toMatchObject({ version: 1, values: { ...DEFAULTS, ncdYearWindow: 'calendar-year', warnAtRemainingVisits: 5, bundlingWindowDays: 5 } });
      const audited = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.resourceType, 'ClinicCoverageSettings'));
      expect(audited).toHaveLength(1);
    });

    it('an administrator puts every setting back to its default with the current version', async () => {
      const res = await admin.send('PUT', URL, DEFAULTS, { 'if-match': 'W/"1"' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ version: 2, changed: [], values: DEFAULTS });
      const view = (await coordinator.get(`/api/v1/patients/${clinic.patientA.id}/coverage`)).json();
      expect(view.warnings.map((w: { code: string }) => w.code)).not.toContain('coverage.visit-cap-near');
      const [audit] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.resourceType, 'ClinicCoverageSettings'), eq(auditEvents.actorId, clinic.admin.id)));
      expect(audit?.reason).toBe('all reference defaults');
    });
  });

  it('the settings are in the OpenAPI document', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(Object.keys(api.json().paths)).toEqual(expect.arrayContaining(['/api/v1/clinic/coverage-settings', '/api/v1/clinic/opioid-settings']));
  });
});

describe('the factor set, as the Admin page saves it', () => {
  it('reads the version from the ETag, saves CDC 2016 with it, and the stale version is 412', async () => {
    const first = await lead.get('/api/v1/clinic/opioid-settings');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ settings: { factorSet: 'cdc-2022' }, version: 0 });
    const saved = await lead.send('PUT', '/api/v1/clinic/opioid-settings', { factorSet: 'cdc-2016' }, { 'if-match': first.headers.etag as string });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.headers.etag).toBe('W/"1"');
    expect((await prescriber.get('/api/v1/clinic/opioid-settings')).json()).toMatchObject({ settings: { factorSet: 'cdc-2016' }, version: 1 });
    expectError(await admin.send('PUT', '/api/v1/clinic/opioid-settings', { factorSet: 'cdc-2022' }, { 'if-match': first.headers.etag as string }), 412, 'conflict.stale-version');
    expectError(await prescriber.send('PUT', '/api/v1/clinic/opioid-settings', { factorSet: 'cdc-2022' }, { 'if-match': 'W/"1"' }), 403, 'auth.clinic-lead-only');
    const audited = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.resourceType, 'ClinicOpioidSettings'), eq(auditEvents.orgId, clinic.org.id)));
    expect(audited.map((a) => a.reason)).toEqual(['factorSet=cdc-2016']);
  });
});
