/**
 * The FHIR R4 endpoint (/fhir) and CDS Hooks discovery: CapabilityStatement claims only what exists,
 * Patient read/search/create/update with versions, and every error as an OperationOutcome.
 */
import { eq } from 'drizzle-orm';
import type { Bundle, CapabilityStatement, OperationOutcome, Patient } from '@medplum/fhirtypes';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patients } from '../src/db/schema';
import { buildTestApp, signIn, type Agent, type TestApp } from './support/app';
import { buildClinic, TEST_PASSWORD } from './support/builders';
import { UUID_RE } from './support/http';

const FHIR = { 'content-type': 'application/fhir+json' };
const MRN_SYSTEM = 'urn:painpath:mrn';

let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;
let doc: Agent;

beforeAll(async () => {
  t = await buildTestApp({ loginRateLimitPerMinute: 1000 });
  clinic = await buildClinic(t.ctx.db);
  doc = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

function fhirJson<T>(res: LightMyRequestResponse, status: number): T {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
  return res.json<T>();
}

function outcome(res: LightMyRequestResponse, status: number): OperationOutcome {
  const body = fhirJson<OperationOutcome>(res, status);
  expect(body.resourceType).toBe('OperationOutcome');
  expect(body.issue?.length).toBeGreaterThan(0);
  return body;
}

const newPatient = (mrn: string): Patient => ({
  resourceType: 'Patient',
  identifier: [{ system: MRN_SYSTEM, value: mrn }],
  name: [{ use: 'official', family: 'Fhirson', given: ['Freya'] }],
  gender: 'female',
  birthDate: '1990-01-02',
});

describe('capabilities', () => {
  it('GET /fhir/metadata is a CapabilityStatement (4.0.1) claiming exactly Patient read, search-type, create, update (measures: test/fhir-measures.api.test.ts)', async () => {
    const cs = fhirJson<CapabilityStatement>(await t.app.inject({ method: 'GET', url: '/fhir/metadata' }), 200);
    expect(cs.resourceType).toBe('CapabilityStatement');
    expect(cs.fhirVersion).toBe('4.0.1');
    expect(cs.kind).toBe('instance');
    expect(cs.rest).toHaveLength(1);
    const resources = cs.rest?.[0]?.resource ?? [];
    expect(resources.map((r) => r.type)).toEqual(['Patient', 'Questionnaire', 'QuestionnaireResponse', 'Observation', 'MedicationRequest', 'CarePlan', 'Goal', 'Procedure', 'Contract', 'Appointment', 'ServiceRequest']);
    expect(resources[0]?.interaction?.map((i) => i.code)).toEqual(['read', 'search-type', 'create', 'update']);
    expect(resources[0]?.searchParam?.map((p) => p.name)).toEqual(['name', 'family', 'given', 'birthdate', 'identifier']);
  });

  it('GET /cds-services lists the three opioid-safety services (details: test/cds.api.test.ts)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/cds-services' });
    expect(res.statusCode).toBe(200);
    const services = res.json<{ services: { id: string; hook: string }[] }>().services;
    expect(services.map((s) => `${s.hook} ${s.id}`)).toEqual([
      'patient-view painpath-opioid-patient-view',
      'order-select painpath-opioid-order-select',
      'order-sign painpath-opioid-order-sign',
    ]);
  });
});

describe('Patient read and search', () => {
  it('reads a patient as application/fhir+json with ETag W/"1", versionId 1 and the MRN identifier', async () => {
    const res = await doc.get(`/fhir/Patient/${clinic.patientA.id}`);
    const p = fhirJson<Patient>(res, 200);
    expect(res.headers.etag).toBe('W/"1"');
    expect(p.resourceType).toBe('Patient');
    expect(p.id).toBe(clinic.patientA.id);
    expect(p.meta?.versionId).toBe('1');
    expect(p.identifier).toEqual([expect.objectContaining({ system: MRN_SYSTEM, value: 'A-1' })]);
    expect(p.name?.[0]).toEqual({ use: 'official', family: 'Okoye', given: ['Amara'] });
    expect(p.birthDate).toBe('1961-03-09');
  });

  it('applies the same access rules: off the team 403, signed out 401, unknown id 404 — each an OperationOutcome', async () => {
    const therapist = await signIn(t.app, clinic.therapistB.email, TEST_PASSWORD);
    const denied = outcome(await therapist.get(`/fhir/Patient/${clinic.patientA.id}`), 403);
    expect(denied.issue?.[0]).toMatchObject({ severity: 'error', code: 'forbidden', diagnostics: 'access.not-on-care-team' });
    expect(outcome(await t.app.inject({ method: 'GET', url: `/fhir/Patient/${clinic.patientA.id}` }), 401).issue?.[0]?.code).toBe('login');
    const missing = outcome(await doc.get('/fhir/Patient/00000000-0000-4000-8000-000000000000'), 404);
    expect(missing.issue?.[0]).toMatchObject({ code: 'not-found', diagnostics: 'not-found' });
    expect(outcome(await doc.get('/fhir/Patient/not-a-uuid'), 404).issue?.[0]?.code).toBe('not-found');
  });

  it('searches by name, birthdate and identifier (system|value), returning a searchset Bundle with total', async () => {
    const search = async (query: string): Promise<Bundle> => {
      const b = fhirJson<Bundle>(await doc.get(`/fhir/Patient?${query}`), 200);
      expect(b.resourceType).toBe('Bundle');
      expect(b.type).toBe('searchset');
      return b;
    };
    const ids = (b: Bundle): (string | undefined)[] => (b.entry ?? []).map((e) => e.resource?.id);

    const byName = await search('name=oko');
    expect(byName.total).toBe(1);
    expect(ids(byName)).toEqual([clinic.patientA.id]);
    expect(byName.entry?.[0]?.search?.mode).toBe('match');
    expect(byName.entry?.[0]?.fullUrl).toMatch(new RegExp(`/fhir/Patient/${clinic.patientA.id}$`));

    const byBirth = await search('birthdate=1961-03-09');
    expect([byBirth.total, ...ids(byBirth)]).toEqual([1, clinic.patientA.id]);
    const byIdentifier = await search(`identifier=${encodeURIComponent(`${MRN_SYSTEM}|A-1`)}`);
    expect([byIdentifier.total, ...ids(byIdentifier)]).toEqual([1, clinic.patientA.id]);
    const byValue = await search('identifier=A-1');
    expect(byValue.total).toBe(1);

    // Another identifier system never matches an MRN; patients of other teams are not found.
    expect((await search(`identifier=${encodeURIComponent('http://example.org/ssn|A-1')}`)).total).toBe(0);
    const otherTeam = await search('name=tran');
    expect(otherTeam.total).toBe(0);
    expect(otherTeam.entry).toBeUndefined();
  });

  it('refuses an unsupported search parameter with 400 OperationOutcome naming it', async () => {
    const body = outcome(await doc.get('/fhir/Patient?name=oko&eye-colour=green'), 400);
    expect(body.issue).toEqual([
      expect.objectContaining({ severity: 'error', code: 'not-supported', diagnostics: 'fhir.unsupported-search-parameter', expression: ['eye-colour'] }),
    ]);
    const prefix = outcome(await doc.get('/fhir/Patient?birthdate=gt1960-01-01'), 400);
    expect(prefix.issue?.[0]?.expression).toEqual(['birthdate']);
  });
});

describe('Patient create and update', () => {
  let createdId = '';

  it('creates a patient from a valid resource: 201 with Location and version 1', async () => {
    const res = await doc.send('POST', '/fhir/Patient', newPatient('F-1'), FHIR);
    const p = fhirJson<Patient>(res, 201);
    expect(p.id).toMatch(UUID_RE);
    createdId = p.id as string;
    expect(res.headers.location).toMatch(new RegExp(`^https?://[^/]+/fhir/Patient/${createdId}/_history/1$`));
    expect(res.headers.etag).toBe('W/"1"');
    expect(p.meta?.versionId).toBe('1');
    const row = (await t.ctx.db.select().from(patients).where(eq(patients.id, createdId)))[0];
    expect(row).toMatchObject({ orgId: clinic.org.id, mrn: 'F-1', givenName: 'Freya', familyName: 'Fhirson', sex: 'female', birthDate: '1990-01-02', careTeamId: clinic.teamA.id });
    // The creator can read it back.
    expect((await doc.get(`/fhir/Patient/${createdId}`)).statusCode).toBe(200);
  });

  it('lists every problem of an invalid resource in one 400 OperationOutcome with expression paths, creating nothing', async () => {
    const before = (await t.ctx.db.select().from(patients)).length;
    const res = await doc.send('POST', '/fhir/Patient', { resourceType: 'Patient', name: [{ family: '' }], gender: 'woman', birthDate: '1990-02-30', favouriteColour: 'green' }, FHIR);
    const body = outcome(res, 400);
    const found = (body.issue ?? []).map((i) => [i.diagnostics, i.expression?.[0]]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['fhir.unknown-element', 'Patient.favouriteColour'],
        ['fhir.mrn-required', 'Patient.identifier'],
        ['fhir.family-name-required', 'Patient.name[0].family'],
        ['fhir.given-name-required', 'Patient.name[0].given'],
        ['fhir.invalid-gender', 'Patient.gender'],
        ['fhir.invalid-birth-date', 'Patient.birthDate'],
      ]),
    );
    expect(found).toHaveLength(6);
    expect((await t.ctx.db.select().from(patients)).length).toBe(before);
  });

  it('a duplicate MRN is a 409 OperationOutcome', async () => {
    const body = outcome(await doc.send('POST', '/fhir/Patient', newPatient('A-1'), FHIR), 409);
    expect(body.issue?.[0]).toMatchObject({ code: 'conflict', diagnostics: 'conflict.duplicate-mrn' });
  });

  it('PUT with If-Match W/"1" updates to version 2; a stale If-Match is 412 conflict; none is 428', async () => {
    const current = fhirJson<Patient>(await doc.get(`/fhir/Patient/${createdId}`), 200);
    const changed: Patient = { ...current, name: [{ use: 'official', family: 'Fhirson', given: ['Freya', 'May'] }] };

    const noMatch = outcome(await doc.send('PUT', `/fhir/Patient/${createdId}`, changed, FHIR), 428);
    expect(noMatch.issue?.[0]).toMatchObject({ diagnostics: 'conflict.if-match-required' });

    const res = await doc.send('PUT', `/fhir/Patient/${createdId}`, changed, { ...FHIR, 'if-match': 'W/"1"' });
    const updated = fhirJson<Patient>(res, 200);
    expect(updated.meta?.versionId).toBe('2');
    expect(res.headers.etag).toBe('W/"2"');
    expect(updated.name?.[0]?.given).toEqual(['Freya May']);

    const stale = outcome(await doc.send('PUT', `/fhir/Patient/${createdId}`, { ...changed, gender: 'other' }, { ...FHIR, 'if-match': 'W/"1"' }), 412);
    expect(stale.issue?.[0]).toMatchObject({ severity: 'error', code: 'conflict', diagnostics: 'conflict.stale-version' });
    const row = (await t.ctx.db.select().from(patients).where(eq(patients.id, createdId)))[0];
    expect(row).toMatchObject({ version: 2, sex: 'female', givenName: 'Freya May' });
  });

  it('PUT to an unknown id is a 404 OperationOutcome', async () => {
    const body = outcome(await doc.send('PUT', '/fhir/Patient/00000000-0000-4000-8000-000000000000', { ...newPatient('F-404'), id: '00000000-0000-4000-8000-000000000000' }, { ...FHIR, 'if-match': 'W/"1"' }), 404);
    expect(body.issue?.[0]?.code).toBe('not-found');
  });
});
