/**
 * Stateless opioid calculators: MME from structured orders or FHIR MedicationRequests (public worked examples
 * of reference 1.6, factor set selectable, every order counted), taper plan from a regimen and pace options,
 * clear 400s, the OpenAPI entries, and no rows written.
 */
import type { MedicationRequest } from '@medplum/fhirtypes';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MmeResult, TaperPlan } from '../src/domain/opioids';
import { buildTestApp, type TestApp } from './support/app';
import { buildClinic } from './support/builders';
import { daily, medicationRequest, q } from './support/cds-fixtures';

let t: TestApp;
const post = (url: string, body: unknown): Promise<LightMyRequestResponse> => t.app.inject({ method: 'POST', url, payload: body as Record<string, unknown> });
const MME = '/api/v1/calculators/mme';
const TAPER = '/api/v1/calculators/taper-plan';

async function mme(body: unknown): Promise<{ mme: MmeResult; issues: { code: string; path?: string }[] }> {
  const res = await post(MME, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const oxycodone = (mg: number, timesADay: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  ingredients: [{ code: '7804', name: 'oxycodone hydrochloride', strength: { amount: mg, unit: 'mg' } }],
  form: 'tablet',
  dosage: { dose: { low: 1, high: 1, unit: 'tablet' }, frequency: { count: timesADay, period: 1, periodUnit: 'd' }, asNeeded: false, route: 'oral' },
  ...extra,
});

async function rowCounts(): Promise<Record<string, number>> {
  const raw = t.ctx.database.sql;
  const tables = await raw.executeSql(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
  const out: Record<string, number> = {};
  for (const row of tables.rows) {
    const name = String(row.table_name);
    const r = await raw.executeSql(`SELECT count(*)::int AS n FROM "${name}"`);
    out[name] = Number(r.rows[0]?.n ?? 0);
  }
  return out;
}
let before: Record<string, number>;

beforeAll(async () => {
  t = await buildTestApp();
  await buildClinic(t.ctx.db);
  await t.ctx.audit.flush();
  before = await rowCounts();
});
afterAll(async () => {
  await t.close();
});

const patch = (mgPerHr: string): MedicationRequest =>
  medicationRequest('p', `72 HR fentanyl ${mgPerHr} MG/HR Transdermal System`, { value: 1, unit: 'patch' }, { frequency: 1, period: 3, periodUnit: 'd' });
const oxyEr60AsMg = (timing: MedicationRequest['dosageInstruction']): MedicationRequest => ({
  ...medicationRequest('er', '12 HR oxycodone hydrochloride 60 MG Extended Release Oral Tablet', { value: 10, unit: 'mg' }, q(12)),
  dosageInstruction: timing,
});

describe('MME: public worked examples (reference 1.6), recomputed with the factor set they state', () => {
  it.each([
    ['TestDrug_Oxycodone (structured)', { orders: [oxycodone(10, 4)] }, 60],
    ['TestDrug_Oxycodone (FHIR)', { medicationRequests: [medicationRequest('a', 'oxycodone hydrochloride 10 MG Oral Tablet', { value: 1, unit: 'tablet' }, daily(4))] }, 60],
    ['TestDrug_Oxycodone_ER', { medicationRequests: [medicationRequest('a', '12 HR oxycodone hydrochloride 30 MG Extended Release Oral Tablet', { value: 1, unit: 'tablet' }, daily(2))] }, 90],
    ['TestDrug_Fentanyl_Transdermal', { medicationRequests: [patch('0.025')] }, 60],
    ['TestDrug_Fentanyl_0375_Transdermal', { medicationRequests: [patch('0.0375')] }, 90],
    ['patient-mme-greater-than-fifty', { medicationRequests: [patch('0.075')] }, 180],
    ['TestDrug_Methadone, CDC 2016 tiers', { factorSet: 'cdc-2016', medicationRequests: [medicationRequest('m', 'methadone hydrochloride 10 MG Oral Tablet', { value: 2, unit: 'tablet' }, daily(3))] }, 600],
    ['TestDrug_Methadone, CDC 2022 (4.7)', { factorSet: 'cdc-2022', medicationRequests: [medicationRequest('m', 'methadone hydrochloride 10 MG Oral Tablet', { value: 2, unit: 'tablet' }, daily(3))] }, 282],
    ['patient-mme-less-than-fifty (dose in mg overrides strength)', { medicationRequests: [oxyEr60AsMg([{ doseAndRate: [{ doseQuantity: { value: 10, code: 'mg' } }], timing: { repeat: { frequency: 1, period: 12, periodUnit: 'h' } } }])] }, 30],
    ['patient-mme-with-timeofday', { medicationRequests: [oxyEr60AsMg([{ doseAndRate: [{ doseQuantity: { value: 10, code: 'mg' } }], timing: { repeat: { timeOfDay: ['10:00:00', '22:00:00'] } } }])] }, 30],
  ])('%s', async (_name, body, expected) => {
    const out = await mme(body);
    expect(out.mme.totalMmePerDay).toBe(expected);
    expect(out.mme.complete).toBe(true);
  });

  it('the factor set is named in the result', async () => {
    expect((await mme({ orders: [oxycodone(10, 4)] })).mme.factorSet.id).toBe('cdc-2022');
    expect((await mme({ orders: [oxycodone(10, 4)], factorSet: 'cdc-2016' })).mme.factorSet.id).toBe('cdc-2016');
  });

  it('transmucosal fentanyl (peer cases 192 and 432) is listed as not convertible, not counted as zero silently', async () => {
    const film = medicationRequest('f', 'fentanyl 1.2 MG Buccal Film', { value: 1, unit: 'tablet' }, daily(2));
    film.dosageInstruction = [{ doseAndRate: [{ doseQuantity: { value: 1, unit: 'film' } }], timing: { repeat: daily(2) } }];
    const out = await mme({ medicationRequests: [film] });
    expect(out.mme.complete).toBe(false);
    expect(out.mme.lines[0]?.status).toBe('no-factor');
  });
});

describe('MME: every order counts', () => {
  it('two identical orders count twice (the public CQL counts them once), with a note to reconcile', async () => {
    const one = await mme({ orders: [oxycodone(10, 4)] });
    const two = await mme({ orders: [oxycodone(10, 4), oxycodone(10, 4)] });
    expect(one.mme.totalMmePerDay).toBe(60);
    expect(two.mme.totalMmePerDay).toBe(120);
    expect(two.mme.issues.map((i) => i.code)).toContain('mme.possible-duplicate');
  });

  it('structured and FHIR orders together; what the FHIR mapper could not read is reported with its path', async () => {
    const odd = medicationRequest('odd', 'oxycodone hydrochloride 5 MG Oral Tablet', { value: 1, unit: 'tablet' }, { frequency: 1, period: 30, periodUnit: 'd' });
    odd.dosageInstruction = [{ doseAndRate: [{ doseQuantity: { value: 1, code: '{tbl}' } }], timing: { repeat: { frequency: 1, period: 30, periodUnit: 's' } } }];
    const out = await mme({ orders: [oxycodone(10, 4)], medicationRequests: [odd] });
    expect(out.mme.totalMmePerDay).toBe(60);
    expect(out.mme.complete).toBe(false);
    expect(out.issues).toContainEqual(expect.objectContaining({ code: 'fhir.timing-period-unit-unsupported', path: 'medicationRequests[0].dosageInstruction[0].timing.repeat.periodUnit' }));
  });

  it('asOf leaves out an order that has ended', async () => {
    const out = await mme({ orders: [oxycodone(10, 4, { end: '2026-01-31' }), oxycodone(5, 4)], asOf: '2026-03-01' });
    expect(out.mme.totalMmePerDay).toBe(30);
    expect(out.mme.excluded).toHaveLength(1);
  });
});

describe('taper plan', () => {
  it('after a year or more: about 10 % of the original dose a month, whole tablets, naloxone offered, no step flagged', async () => {
    const res = await post(TAPER, { orders: [oxycodone(10, 4)], startDate: '2026-12-01', durationOfUseDays: 800 });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json<{ plan: TaperPlan }>().plan;
    expect(plan.pace?.id).toBe('cdc-2022-monthly');
    expect(plan.steps.map((s) => s.doses[0]?.mgPerDay)).toEqual([35, 30, 25, 20, 15, 10, 5, 2.5, 0]);
    expect(plan.steps[0]?.startsOn).toBe('2027-01-01');
    expect(plan.flaggedSteps).toBe(0);
    expect(plan.naloxone.offer).toBe(true);
    expect(plan.originalMmePerDay).toBe(60);
  });

  it('a faster pace is planned as asked, with flagged steps; a pause holds the doses; FHIR regimen works too', async () => {
    const fast = await post(TAPER, { orders: [oxycodone(10, 4)], startDate: '2026-12-01', durationOfUseDays: 800, pace: { every: { days: 7 }, cut: { percent: 25, of: 'original' } } });
    expect(fast.json<{ plan: TaperPlan }>().plan.flaggedSteps).toBe(3);
    const fhir = [medicationRequest('a', 'oxycodone hydrochloride 10 MG Oral Tablet', { value: 1, unit: 'tablet' }, daily(4), { authoredOn: '2024-01-01' })];
    const paused = await post(TAPER, { medicationRequests: fhir, startDate: '2026-12-01', durationOfUseDays: 800, pauses: [{ afterStep: 1, days: 30 }] });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json<{ plan: TaperPlan }>().plan.steps.some((s) => s.kind === 'pause')).toBe(true);
  });
});

describe('bad input', () => {
  it('no orders: 400 naming the field', async () => {
    const res = await post(MME, {});
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path)).toContain('body.orders');
  });

  it('every bad field at once', async () => {
    const res = await post(TAPER, { orders: [{ ...oxycodone(10, 4), form: 'pill' }], startDate: '1 Dec', durationOfUseDays: -1, factorSet: 'cdc-1999', colour: 'red' });
    expect(res.statusCode).toBe(400);
    const paths = res.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path).join(' ');
    for (const p of ['form', 'startDate', 'durationOfUseDays', 'factorSet', 'colour']) expect(paths).toContain(p);
  });
});

describe('stateless', () => {
  it('the calculators are in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/calculators/mme', '/api/v1/calculators/taper-plan']));
  });

  it('no row is written by any of the calls above', async () => {
    await t.ctx.audit.flush();
    expect(await rowCounts()).toEqual(before);
  });
});
