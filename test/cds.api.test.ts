/**
 * CDS Hooks 2.0 opioid services: discovery, each hook with prefetch only and with stored Painpath records,
 * MME with the draft order, co-prescribing, naloxone suggestion, abrupt stop and cut, missing data, access
 * and audit, malformed requests, and the wording of every card.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMedicationOrder } from '../src/db/repositories/medications.repository';
import { insertPdmpCheck, saveRiskHistory } from '../src/db/repositories/opioid-monitoring.repository';
import { apiTokens, auditEvents } from '../src/db/schema';
import { sha256 } from '../src/server/auth/actor';
import type { CdsCard } from '../src/server/cds/cds-cards';
import { buildTestApp, signIn, type TestApp } from './support/app';
import { buildClinic, TEST_PASSWORD } from './support/builders';
import { cdsRequest, daily, ehrPatient, medicationRequest, q, searchset } from './support/cds-fixtures';
import { bearer } from './support/http';

let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;
const TOKEN = 'pp_test_cds_read_token_0123456789';
const WRITE_ONLY = 'pp_test_cds_write_token_0123456789';
const seen: CdsCard[] = [];
const SIGN = '/cds-services/painpath-opioid-order-sign';
const SELECT = '/cds-services/painpath-opioid-order-select';
const VIEW = '/cds-services/painpath-opioid-patient-view';

async function cards(url: string, body: unknown, token = TOKEN): Promise<CdsCard[]> {
  const res = await bearer(t.app, token, 'POST', url, body);
  expect(res.statusCode, res.body).toBe(200);
  const out = res.json<{ cards: CdsCard[] }>().cards;
  seen.push(...out);
  return out;
}
const topic = (list: CdsCard[], code: string): CdsCard[] => list.filter((c) => (c.source.topic as { code?: string } | undefined)?.code === code);

const oxy5q6 = medicationRequest('ehr-oxy', 'oxycodone hydrochloride 5 MG Oral Tablet', { value: 1, unit: 'tablet' }, q(6));
const morphine15q8 = medicationRequest('new-morphine', 'morphine sulfate 15 MG Oral Tablet', { value: 1, unit: 'tablet' }, q(8));
const emptyConditions = searchset([]);

beforeAll(async () => {
  t = await buildTestApp({ loginRateLimitPerMinute: 1000 });
  clinic = await buildClinic(t.ctx.db);
  await t.ctx.db.insert(apiTokens).values([
    { orgId: clinic.org.id, name: 'EHR', tokenHash: sha256(TOKEN), tokenPrefix: 'pp_test', scopes: ['patients.read'], createdBy: clinic.admin.id },
    { orgId: clinic.org.id, name: 'Writer', tokenHash: sha256(WRITE_ONLY), tokenPrefix: 'pp_test', scopes: ['patients.write'], createdBy: clinic.admin.id },
  ]);
  const asOf = t.clock.now;
  await insertMedicationOrder(
    t.ctx.db,
    {
      orgId: clinic.org.id,
      patientId: clinic.patientA.id,
      ingredientCode: '7804',
      ingredientName: 'oxycodone',
      ingredients: [{ ingredient: { code: '7804', name: 'oxycodone' }, strength: { amount: 10, unit: 'mg' } }],
      form: 'tablet',
      release: 'immediate',
      route: 'oral',
      dosage: { dose: { low: 1, high: 1, unit: 'tablet' }, frequency: { count: 1, period: 4, periodUnit: 'h' }, asNeeded: false, route: 'oral' },
      directionsText: '1 tablet every 4 hours',
      startDate: '2024-01-10',
      status: 'active',
      indication: 'pain',
      source: 'entered',
      createdBy: clinic.prescriberA.id,
    },
    asOf,
  );
  await insertPdmpCheck(t.ctx.db, { orgId: clinic.org.id, patientId: clinic.patientA.id, checkedOn: '2026-11-12', checkedBy: clinic.prescriberA.id, checkedByName: 'Dr. Team A', findings: 'One prescriber, one pharmacy.', needsDiscussion: false }, asOf);
});
afterAll(async () => {
  await t.close();
});

describe('discovery', () => {
  it('lists the three services with their prefetch templates', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/cds-services' });
    expect(res.statusCode).toBe(200);
    const services = res.json<{ services: { id: string; hook: string; prefetch: Record<string, string> }[] }>().services;
    expect(services.map((s) => [s.id, s.hook])).toEqual([
      ['painpath-opioid-patient-view', 'patient-view'],
      ['painpath-opioid-order-select', 'order-select'],
      ['painpath-opioid-order-sign', 'order-sign'],
    ]);
    for (const s of services) expect(s.prefetch).toEqual({ patient: 'Patient/{{context.patientId}}', medications: 'MedicationRequest?patient={{context.patientId}}&status=active', conditions: 'Condition?patient={{context.patientId}}' });
  });
});

describe('prefetch only', () => {
  it('an order that takes the total to 50 MME/day or more: the guidepost card, naloxone with a suggested order, PDMP due', async () => {
    const prefetch = { patient: ehrPatient('ehr-1'), medications: searchset([oxy5q6]), conditions: emptyConditions };
    const out = await cards(SIGN, cdsRequest('order-sign', 'ehr-1', { drafts: [morphine15q8], prefetch }));
    const [mme] = topic(out, 'mme');
    expect(mme?.summary).toBe('Opioids with this order: 75 MME/day (CDC 2022 factors)');
    expect(mme?.indicator).toBe('warning');
    expect(mme?.detail).toContain('pause and reassess before increasing');
    expect(mme?.detail).toContain('before: 30 MME/day');
    expect(mme?.source).toMatchObject({ label: 'CDC 2022 opioid guideline, Recommendation 4', url: 'https://www.cdc.gov/mmwr/volumes/71/rr/rr7103a1.htm' });
    const [naloxone] = topic(out, 'naloxone');
    expect(naloxone?.indicator).toBe('warning');
    expect(naloxone?.source.label).toContain('Recommendation 8');
    expect(naloxone?.selectionBehavior).toBe('at-most-one');
    const action = naloxone?.suggestions?.[0]?.actions[0];
    expect(action).toMatchObject({ type: 'create', resource: { resourceType: 'MedicationRequest', status: 'draft', subject: { reference: 'Patient/ehr-1' } } });
    expect(topic(out, 'pdmp')[0]?.summary).toBe('PDMP check due (none recorded)');
    expect(topic(out, 'urine-drug-test')).toHaveLength(1);
    for (const c of out) {
      expect(c.summary.length).toBeLessThanOrEqual(140);
      expect(c.uuid).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('an opioid below 50 MME/day: the MME card is information only', async () => {
    const out = await cards(SELECT, cdsRequest('order-select', 'ehr-1', { drafts: [oxy5q6], prefetch: { patient: ehrPatient('ehr-1'), medications: searchset([]), conditions: emptyConditions } }));
    expect(topic(out, 'mme')[0]).toMatchObject({ summary: 'Opioids with this order: 30 MME/day (CDC 2022 factors)', indicator: 'info' });
    expect(topic(out, 'naloxone')[0]?.indicator).toBe('info');
  });

  it('an opioid ordered for a person taking a benzodiazepine: co-prescribing card citing Rec 11', async () => {
    const alprazolam = medicationRequest('ehr-alp', 'alprazolam 0.5 MG Oral Tablet', { value: 1, unit: 'tablet' }, daily(2));
    const out = await cards(SIGN, cdsRequest('order-sign', 'ehr-1', { drafts: [oxy5q6], prefetch: { patient: ehrPatient('ehr-1'), medications: searchset([alprazolam]), conditions: emptyConditions } }));
    const [benzo] = topic(out, 'co-prescribing');
    expect(benzo).toMatchObject({ summary: 'Opioid with a benzodiazepine', indicator: 'warning' });
    expect(benzo?.source.label).toContain('Recommendation 11');
    expect(topic(out, 'naloxone')[0]?.indicator).toBe('warning');
  });

  it('a benzodiazepine ordered for a person taking an opioid fires too; a non-sedating, non-opioid order does not', async () => {
    const alprazolam = medicationRequest('new-alp', 'alprazolam 0.5 MG Oral Tablet', { value: 1, unit: 'tablet' }, daily(2));
    const prefetch = { patient: ehrPatient('ehr-1'), medications: searchset([oxy5q6]), conditions: emptyConditions };
    expect(topic(await cards(SIGN, cdsRequest('order-sign', 'ehr-1', { drafts: [alprazolam], prefetch })), 'co-prescribing')).toHaveLength(1);
    const ibuprofen = medicationRequest('new-ibu', 'ibuprofen 400 MG Oral Tablet', { value: 1, unit: 'tablet' }, daily(3));
    expect(await cards(SIGN, cdsRequest('order-sign', 'ehr-1', { drafts: [ibuprofen], prefetch }))).toEqual([]);
  });

  it('order-select fires for the selected draft only, and every draft counts in the regimen the cards describe', async () => {
    const ibuprofen = medicationRequest('new-ibu', 'ibuprofen 400 MG Oral Tablet', { value: 1, unit: 'tablet' }, daily(3));
    const alprazolam = medicationRequest('new-alp', 'alprazolam 0.5 MG Oral Tablet', { value: 1, unit: 'tablet' }, daily(2));
    const prefetch = { patient: ehrPatient('ehr-1'), medications: searchset([]), conditions: emptyConditions };
    const select = (selections: string[]): Promise<CdsCard[]> => cards(SELECT, cdsRequest('order-select', 'ehr-1', { drafts: [oxy5q6, ibuprofen, alprazolam], selections, prefetch }));
    // Choosing ibuprofen beside a pending oxycodone draft does not repeat the opioid cards.
    expect(await select(['MedicationRequest/new-ibu'])).toEqual([]);
    // Choosing the oxycodone: its MME, with the other drafts in the regimen (the pending alprazolam is co-prescribed).
    const oxy = await select(['MedicationRequest/ehr-oxy']);
    expect(topic(oxy, 'mme')[0]?.summary).toBe('Opioids with this order: 30 MME/day (CDC 2022 factors)');
    expect(topic(oxy, 'co-prescribing').map((c) => c.summary)).toEqual(['Opioid with a benzodiazepine']);
    // Choosing the benzodiazepine while the oxycodone is pending fires the co-prescribing card too; a full
    // reference URL names the draft as well as the relative reference does.
    const benzo = await select(['https://ehr.example/fhir/MedicationRequest/new-alp']);
    expect(topic(benzo, 'co-prescribing').map((c) => c.summary)).toEqual(['Opioid with a benzodiazepine']);
    // A selection that names no draft is reported with its path, not ignored in silence.
    const unknown = await select(['MedicationRequest/ehr-oxy', 'MedicationRequest/not-a-draft']);
    expect(topic(unknown, 'data-quality')[0]?.detail).toContain('context.selections[1]');
    expect(await select(['MedicationRequest/not-a-draft'])).toEqual([]);
  });

  it('a draft that stops a long-used opioid at once is flagged as faster than the reference bounds (Rec 5)', async () => {
    const current = medicationRequest('ehr-oxy30', 'oxycodone hydrochloride 30 MG Oral Tablet', { value: 1, unit: 'tablet' }, q(6), { authoredOn: '2024-06-01' });
    const stop = { ...current, id: 'stop-1', status: 'cancelled' as const, priorPrescription: { reference: 'MedicationRequest/ehr-oxy30' } };
    const out = await cards(SIGN, cdsRequest('order-sign', 'ehr-1', { drafts: [stop], prefetch: { patient: ehrPatient('ehr-1'), medications: searchset([current]), conditions: emptyConditions } }));
    const [abrupt] = topic(out, 'abrupt-change');
    expect(abrupt?.summary).toBe('This order stops opioids (180 MME/day) faster than the reference bounds');
    expect(abrupt).toMatchObject({ indicator: 'warning', source: { label: 'CDC 2022 opioid guideline, Recommendation 5' } });
    expect(abrupt?.detail).toContain('life-threatening reason');
  });

  it('a replacement order that cuts the dose by three quarters is flagged; a 10 % cut is not', async () => {
    const current = medicationRequest('ehr-oxy30', 'oxycodone hydrochloride 30 MG Oral Tablet', { value: 1, unit: 'tablet' }, q(6), { authoredOn: '2024-06-01' });
    const prefetch = { patient: ehrPatient('ehr-1'), medications: searchset([current]), conditions: emptyConditions };
    const sharp = medicationRequest('ehr-oxy30', 'oxycodone hydrochloride 30 MG Oral Tablet', { value: 1, unit: 'tablet' }, daily(1));
    expect(topic(await cards(SIGN, cdsRequest('order-sign', 'ehr-1', { drafts: [sharp], prefetch })), 'abrupt-change')[0]?.summary).toBe(
      'This order lowers opioids from 180 to 45 MME/day faster than the reference bounds',
    );
    const gentle = medicationRequest('new-oxy', 'oxycodone hydrochloride 27 MG Oral Tablet', { value: 1, unit: 'tablet' }, q(6), { priorPrescription: { reference: 'MedicationRequest/ehr-oxy30' } });
    expect(topic(await cards(SIGN, cdsRequest('order-sign', 'ehr-1', { drafts: [gentle], prefetch })), 'abrupt-change')).toEqual([]);
  });

  it('starting with an extended-release opioid: a Rec 3 card, and a review within 7 days (Rec 7)', async () => {
    const oxyEr = medicationRequest('new-oxy-er', 'oxycodone hydrochloride 10 MG 12HR Extended Release Oral Tablet', { value: 1, unit: 'tablet' }, q(12));
    const out = await cards(SIGN, cdsRequest('order-sign', 'ehr-1', { drafts: [oxyEr], prefetch: { patient: ehrPatient('ehr-1'), medications: searchset([]), conditions: emptyConditions } }));
    const [ir] = topic(out, 'immediate-release');
    expect(ir).toMatchObject({ summary: 'Starting opioids with an extended-release or long-acting product', indicator: 'warning' });
    expect(ir?.source.label).toBe('CDC 2022 opioid guideline, Recommendation 3');
    const [review] = topic(out, 'follow-up');
    expect(review).toMatchObject({ summary: 'Plan a benefit and risk review within 7 days', indicator: 'info' });
    expect(review?.source.label).toBe('CDC 2022 opioid guideline, Recommendation 7');
    expect(review?.detail).toContain('reviewAfterChangeHigherRiskDays=7');
    // An immediate-release start: no Rec 3 card, and the 4-week window.
    const ir5 = await cards(SIGN, cdsRequest('order-sign', 'ehr-1', { drafts: [oxy5q6], prefetch: { patient: ehrPatient('ehr-1'), medications: searchset([]), conditions: emptyConditions } }));
    expect(topic(ir5, 'immediate-release')).toEqual([]);
    expect(topic(ir5, 'follow-up')[0]?.summary).toBe('Plan a benefit and risk review within 28 days');
    // The same dose again (a renewal of the order on the list): no follow-up card.
    const renewal = await cards(SIGN, cdsRequest('order-sign', 'ehr-1', { drafts: [oxy5q6], prefetch: { patient: ehrPatient('ehr-1'), medications: searchset([oxy5q6]), conditions: emptyConditions } }));
    expect(topic(renewal, 'follow-up')).toEqual([]);
  });

  it('opioid use disorder in prefetched Conditions: a Rec 12 card offering medication treatment, with or without an opioid order', async () => {
    const oud = { resourceType: 'Condition' as const, subject: { reference: 'Patient/ehr-1' }, code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F11.20' }] } };
    const prefetch = { patient: ehrPatient('ehr-1'), medications: searchset([]), conditions: searchset([oud]) };
    const [card] = topic(await cards(SIGN, cdsRequest('order-sign', 'ehr-1', { drafts: [oxy5q6], prefetch })), 'oud-treatment');
    expect(card).toMatchObject({ summary: 'Opioid use disorder: offer medication treatment', indicator: 'warning' });
    expect(card?.source.label).toBe('CDC 2022 opioid guideline, Recommendation 12');
    expect(card?.detail).toContain('buprenorphine, methadone or naltrexone');
    const view = await cards(VIEW, cdsRequest('patient-view', 'ehr-1', { prefetch }));
    expect(view.map((c) => c.summary)).toEqual(['Opioid use disorder: offer medication treatment']);
    // Buprenorphine marked by the EHR as for opioid use disorder is not recognised from FHIR, so only
    // naltrexone (never for pain) silences the card there.
    const naltrexone = medicationRequest('ehr-ntx', 'naltrexone hydrochloride 50 MG Oral Tablet', { value: 1, unit: 'tablet' }, daily(1));
    expect(await cards(VIEW, cdsRequest('patient-view', 'ehr-1', { prefetch: { ...prefetch, medications: searchset([naltrexone]) } }))).toEqual([]);
  });

  it('conditions in prefetch feed the naloxone criteria (history of overdose)', async () => {
    const overdose = { resourceType: 'Condition' as const, subject: { reference: 'Patient/ehr-1' }, code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'T40.2X1A' }] } };
    const out = await cards(SIGN, cdsRequest('order-sign', 'ehr-1', { drafts: [oxy5q6], prefetch: { patient: ehrPatient('ehr-1'), medications: searchset([]), conditions: searchset([overdose]) } }));
    expect(topic(out, 'naloxone')[0]?.detail).toContain('overdose');
    expect(topic(out, 'naloxone')[0]?.indicator).toBe('warning');
  });

  it('without prefetch and without a stored patient: the draft is still checked and the missing data named', async () => {
    const out = await cards(SIGN, cdsRequest('order-sign', 'ehr-404', { drafts: [morphine15q8] }));
    expect(topic(out, 'mme')[0]?.summary).toBe('Opioids with this order: 45 MME/day (CDC 2022 factors)');
    const [data] = topic(out, 'data-quality');
    expect(data?.detail).toContain('active MedicationRequests were not prefetched');
    expect(data?.detail).toContain('Conditions were not prefetched');
    expect(data?.detail).toContain('only the draft orders were checked');
  });

  it('patient-view with no medication list at all says so instead of staying silent', async () => {
    const out = await cards(VIEW, cdsRequest('patient-view', 'ehr-404'));
    expect(out).toHaveLength(1);
    expect(out[0]?.detail).toContain('No medication list was available');
    const none = await cards(VIEW, cdsRequest('patient-view', 'ehr-1', { prefetch: { patient: ehrPatient('ehr-1'), medications: searchset([]), conditions: emptyConditions } }));
    expect(none).toEqual([]);
  });

  it('a draft with the id of an active order and status stopped stops it', async () => {
    const current = medicationRequest('ehr-oxy30', 'oxycodone hydrochloride 30 MG Oral Tablet', { value: 1, unit: 'tablet' }, q(6), { authoredOn: '2024-06-01' });
    const out = await cards(SIGN, cdsRequest('order-sign', 'ehr-1', { drafts: [{ ...current, status: 'stopped' }], prefetch: { patient: ehrPatient('ehr-1'), medications: searchset([current]), conditions: emptyConditions } }));
    expect(topic(out, 'abrupt-change')).toHaveLength(1);
  });

  it('an order it cannot read is named with its path, never counted silently', async () => {
    const unreadable = { ...morphine15q8, id: 'weird', dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: 1, unit: 'scoop' } }], timing: { repeat: { frequency: 1, period: 8, periodUnit: 'h' as const } } }] };
    const out = await cards(SIGN, cdsRequest('order-sign', 'ehr-1', { drafts: [unreadable], prefetch: { patient: ehrPatient('ehr-1'), medications: searchset([]), conditions: emptyConditions } }));
    expect(topic(out, 'mme')[0]?.summary).toBe('Opioids with this order: at least 0 MME/day (CDC 2022 factors)');
    expect(topic(out, 'data-quality')[0]?.detail).toContain('context.draftOrders.entry[0].resource.dosageInstruction[0].doseAndRate[0].doseQuantity');
  });
});

describe('with stored Painpath records', () => {
  it('order-sign by Painpath id adds the stored orders and PDMP check, links to the patient, and audits the read', async () => {
    const out = await cards(SIGN, cdsRequest('order-sign', clinic.patientA.id, { drafts: [oxy5q6] }));
    expect(topic(out, 'mme')[0]?.summary).toBe('Opioids with this order: 120 MME/day (CDC 2022 factors)');
    expect(topic(out, 'pdmp')).toEqual([]);
    const events = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.patientId, clinic.patientA.id), eq(auditEvents.resourceType, 'MedicationRequest')));
    expect(events.some((e) => e.action === 'read' && e.actorType === 'api-token' && (e.reason ?? '').startsWith('CDS Hooks order-sign'))).toBe(true);
  });

  it('the risk factors the care team recorded in Painpath count too: recorded opioid use disorder brings the Rec 12 card', async () => {
    await saveRiskHistory(t.ctx.db, clinic.org.id, clinic.patientB.id, { opioidUseDisorder: true, overdose: false }, 0, clinic.admin.id, t.clock.now);
    const out = await cards(VIEW, cdsRequest('patient-view', clinic.patientB.id, { prefetch: { patient: ehrPatient(clinic.patientB.id), conditions: emptyConditions } }));
    expect(topic(out, 'oud-treatment')[0]?.summary).toBe('Opioid use disorder: offer medication treatment');
  });

  it('patient-view by the MRN in the prefetched patient: one summary card with a link', async () => {
    const out = await cards(VIEW, cdsRequest('patient-view', 'ehr-77', { prefetch: { patient: ehrPatient('ehr-77', 'A-1'), medications: searchset([]), conditions: emptyConditions } }));
    expect(out).toHaveLength(1);
    expect(out[0]?.summary).toBe('Opioids: 90 MME/day; naloxone not on the list; due: Urine drug test');
    expect(out[0]?.links?.[0]).toMatchObject({ label: 'Open in Painpath', type: 'absolute' });
    expect(out[0]?.links?.[0]?.url).toContain(`/patients/${clinic.patientA.id}`);
    expect(out[0]?.suggestions?.[0]?.actions[0]?.type).toBe('create');
  });

  it('a token without patients.read gets the prefetch-only answer, told why; the refusal is audited', async () => {
    const out = await cards(SIGN, cdsRequest('order-sign', clinic.patientA.id, { drafts: [oxy5q6] }), WRITE_ONLY);
    expect(topic(out, 'mme')[0]?.summary).toBe('Opioids with this order: 30 MME/day (CDC 2022 factors)');
    expect(topic(out, 'data-quality')[0]?.detail).toContain('records were not used');
    const denied = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.patientId, clinic.patientA.id), eq(auditEvents.action, 'access-denied')));
    expect(denied.length).toBeGreaterThan(0);
  });

  it('a signed-in prescriber on the care team may call the service; a patient may not', async () => {
    const doc = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
    const res = await doc.send('POST', SIGN, cdsRequest('order-sign', clinic.patientA.id, { drafts: [oxy5q6] }));
    expect(res.statusCode, res.body).toBe(200);
    const person = await signIn(t.app, clinic.patientUser.email, TEST_PASSWORD);
    expect((await person.send('POST', SIGN, cdsRequest('order-sign', clinic.patientA.id, { drafts: [oxy5q6] }))).statusCode).toBe(403);
  });
});

describe('malformed requests and access', () => {
  const expect400 = (res: LightMyRequestResponse, paths: string[]): void => {
    expect(res.statusCode, res.body).toBe(400);
    const details = res.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path);
    for (const p of paths) expect(details.join(' ')).toContain(p);
  };

  it('no token: 401; unknown service: 404', async () => {
    const res = await t.app.inject({ method: 'POST', url: SIGN, payload: cdsRequest('order-sign', 'x', { drafts: [] }) });
    expect(res.statusCode).toBe(401);
    expect((await bearer(t.app, TOKEN, 'POST', '/cds-services/nope', cdsRequest('order-sign', 'x', { drafts: [] }))).statusCode).toBe(404);
  });

  it('every bad field of the envelope is listed at once', async () => {
    const res = await bearer(t.app, TOKEN, 'POST', SIGN, { hook: 'order-sign', hookInstance: 'not-a-uuid', context: { patientId: 'x', colour: 'red' }, extra: 1 });
    expect400(res, ['hookInstance', 'userId', 'colour', 'extra']);
  });

  it('hook and context must fit the service', async () => {
    const body = cdsRequest('order-select', 'x', { drafts: [] }) as { context: Record<string, unknown> };
    delete body.context.selections;
    delete body.context.draftOrders;
    expect400(await bearer(t.app, TOKEN, 'POST', SELECT, body), ['context.draftOrders', 'context.selections']);
    expect400(await bearer(t.app, TOKEN, 'POST', SIGN, cdsRequest('order-select', 'x', { drafts: [] })), ['hook']);
    expect400(await bearer(t.app, TOKEN, 'POST', VIEW, cdsRequest('order-sign', 'x', { drafts: [] })), ['hook', 'context']);
  });

  it('prefetch and draft orders must be FHIR resources', async () => {
    const body = cdsRequest('order-sign', 'x', { drafts: [], prefetch: { medications: 'MedicationRequest?patient=x', unknownKey: null } });
    expect400(await bearer(t.app, TOKEN, 'POST', SIGN, body), ['prefetch']);
  });
});

it('no card ever says "taper now", names a ceiling, or uses stigmatising words', () => {
  expect(seen.length).toBeGreaterThan(20);
  const text = JSON.stringify(seen).toLowerCase();
  for (const word of ['taper now', 'ceiling', 'must taper', 'discontinue', 'addict', 'abuse', 'non-compliant', 'noncompliant', 'narcotic', 'drug-seeking', 'dirty', 'clean urine', 'violation', 'refuse']) {
    expect(text, word).not.toContain(word);
  }
});
