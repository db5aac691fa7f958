import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculateMme } from '../src/domain/opioids';
import {
  getClinicOpioidSettings,
  insertMedicationOrder,
  latestPdmpCheck,
  latestUrineTest,
  listActiveMedicationOrders,
  saveClinicOpioidSettings,
} from '../src/db/repositories/medications.repository';
import { insertPdmpCheck, insertUrineTest } from '../src/db/repositories/opioid-monitoring.repository';
import { buildTestApp, type TestApp } from './support/app';
import { buildClinic } from './support/builders';

let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;
const asOf = new Date('2026-11-22T15:00:00Z');

const oxycodone = (status: string, startDate: string | null, endDate: string | null) => ({
  orgId: clinic.org.id,
  patientId: clinic.patientA.id,
  ingredientCode: '7804',
  ingredientName: 'oxycodone',
  ingredients: [{ ingredient: { code: '7804', name: 'oxycodone' }, strength: { amount: 10, unit: 'mg' } }],
  form: 'tablet',
  route: 'oral',
  dosage: { dose: { low: 1, high: 1, unit: 'tablet' }, route: 'oral', frequency: { count: 1, period: 6, periodUnit: 'h' }, asNeeded: false },
  directionsText: '1 tab po q6h',
  status,
  startDate,
  endDate,
  source: 'entered',
  createdBy: 'test',
});

beforeAll(async () => {
  t = await buildTestApp();
  clinic = await buildClinic(t.ctx.db);
});
afterAll(async () => t.close());

describe('medications repository', () => {
  it('lists only orders in effect on the day, as domain orders the MME calculation reads', async () => {
    const db = t.ctx.db;
    await insertMedicationOrder(db, oxycodone('active', '2026-01-01', null), asOf);
    await insertMedicationOrder(db, oxycodone('active', '2026-01-01', '2026-11-21'), asOf);
    await insertMedicationOrder(db, oxycodone('stopped', '2026-01-01', null), asOf);
    await insertMedicationOrder(db, oxycodone('active', '2026-12-01', null), asOf);
    const orders = await listActiveMedicationOrders(db, clinic.org.id, clinic.patientA.id, asOf);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ form: 'tablet', start: '2026-01-01', status: 'active', text: '1 tab po q6h' });
    expect(orders[0]).not.toHaveProperty('end');
    expect(calculateMme(orders, { factorSet: 'cdc-2022' }).totalMmePerDay).toBe(60);
    expect(await listActiveMedicationOrders(db, clinic.org.id, clinic.patientB.id, asOf)).toEqual([]);
  });

  it('returns the latest PDMP check and urine test, or null', async () => {
    const db = t.ctx.db;
    expect(await latestPdmpCheck(db, clinic.org.id, clinic.patientA.id)).toBeNull();
    expect(await latestUrineTest(db, clinic.org.id, clinic.patientA.id)).toBeNull();
    const base = { orgId: clinic.org.id, patientId: clinic.patientA.id, checkedBy: 'u', checkedByName: 'Dr. A', needsDiscussion: false };
    await insertPdmpCheck(db, { ...base, checkedOn: '2026-10-01', findings: 'One prescriber' }, asOf);
    await insertPdmpCheck(db, { ...base, checkedOn: '2026-08-01', findings: 'Older' }, asOf);
    expect((await latestPdmpCheck(db, clinic.org.id, clinic.patientA.id))?.checkedOn).toBe('2026-10-01');
    const uds = { orgId: clinic.org.id, patientId: clinic.patientA.id, method: 'screen', reconciliation: { lines: [], needsConversation: false, issues: [] }, enteredBy: 'u' };
    await insertUrineTest(db, { ...uds, collectedOn: '2026-09-01', results: [{ substance: 'oxycodone', result: 'positive', collectedOn: '2026-09-01' }] }, asOf);
    expect((await latestUrineTest(db, clinic.org.id, clinic.patientA.id))?.results[0]?.substance).toBe('oxycodone');
  });

  it('reads the clinic factor set with CDC 2022 as the default and saves a change with its version', async () => {
    const db = t.ctx.db;
    expect((await getClinicOpioidSettings(db, clinic.org.id)).settings.factorSet).toBe('cdc-2022');
    expect(await saveClinicOpioidSettings(db, clinic.org.id, { factorSet: 'cdc-2016' }, 0, 'u', asOf)).toBe(1);
    expect(await saveClinicOpioidSettings(db, clinic.org.id, { factorSet: 'cdc-2016' }, 0, 'u', asOf)).toBeUndefined();
    expect((await getClinicOpioidSettings(db, clinic.org.id)).settings.factorSet).toBe('cdc-2016');
  });
});
