/**
 * FHIR for outcome measures: the CapabilityStatement lists Questionnaire, QuestionnaireResponse and
 * Observation; Questionnaire read and search; QuestionnaireResponse and Observation read and search by
 * patient (+ questionnaire/code and date) as searchset Bundles, with the REST access rules and audit.
 */
import type { Bundle, CapabilityStatement, Observation, OperationOutcome, Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreInstrument, type Answers } from '../src/domain/measures/score';
import { insertResponse } from '../src/db/repositories/measures.repository';
import { apiTokens, auditEvents } from '../src/db/schema';
import { sha256 } from '../src/server/auth/actor';
import { buildTestApp, signIn, type Agent, type TestApp } from './support/app';
import { buildClinic, buildConsent, buildUser, TEST_PASSWORD } from './support/builders';
import { bearer } from './support/http';

const DAY_MS = 86_400_000;
let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;
let doc: Agent;
let otherTeam: Agent;
let patient: Agent;
let helper: Agent;
const responseIds: Record<string, string[]> = { peg: [], phq9: [], startback: [] };

function fhirJson<T>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
  return res.json<T>();
}

const phq9 = (n: number): Answers => Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9.${i + 1}`, i === 8 ? 0 : n]));
const startback: Answers = { ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`startback.${i + 1}`, 1])), 'startback.9': 4 };

beforeAll(async () => {
  t = await buildTestApp({ loginRateLimitPerMinute: 1000 });
  clinic = await buildClinic(t.ctx.db);
  doc = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
  otherTeam = await signIn(t.app, clinic.therapistB.email, TEST_PASSWORD);
  patient = await signIn(t.app, clinic.patientUser.email, TEST_PASSWORD);
  const cg = await buildUser(t.ctx.db, { orgId: clinic.org.id, role: 'caregiver' });
  await buildConsent(t.ctx.db, { orgId: clinic.org.id, patientId: clinic.patientA.id, caregiverUserId: cg.id, scopes: ['check-ins'] });
  helper = await signIn(t.app, cg.email, TEST_PASSWORD);
  // Three weekly PEG and PHQ-9 responses (1, 8 and 15 days ago) and one STarT Back.
  for (const daysAgo of [15, 8, 1]) {
    const authoredAt = new Date(t.clock.now.getTime() - daysAgo * DAY_MS);
    const answers: Record<string, Answers> = { peg: { 'peg.1': Math.round(daysAgo / 2), 'peg.2': 5, 'peg.3': 5 }, phq9: phq9(daysAgo > 10 ? 2 : 1) };
    if (daysAgo === 8) answers.startback = startback;
    for (const [id, a] of Object.entries(answers)) {
      const score = scoreInstrument(id as 'peg' | 'phq9' | 'startback', a);
      const row = await insertResponse(t.ctx.db, { orgId: clinic.org.id, patientId: clinic.patientA.id, intakeId: null, requestId: null, instrumentId: id, instrumentVersion: score.instrumentVersion, answers: a, score, status: 'completed', authoredAt, createdBy: 'test' });
      responseIds[id]?.push(row.id);
    }
  }
});
afterAll(async () => t?.close());

describe('capabilities and questionnaires', () => {
  it('the CapabilityStatement lists Questionnaire, QuestionnaireResponse and Observation with their search parameters', async () => {
    const cs = fhirJson<CapabilityStatement>(await t.app.inject({ method: 'GET', url: '/fhir/metadata' }));
    const resources = Object.fromEntries((cs.rest?.[0]?.resource ?? []).map((r) => [r.type, r]));
    expect(resources.Questionnaire?.searchParam?.map((p) => p.name)).toEqual(['url', 'name']);
    expect(resources.QuestionnaireResponse?.searchParam?.map((p) => p.name)).toEqual(['patient', 'questionnaire', 'authored']);
    expect(resources.Observation?.searchParam?.map((p) => p.name)).toEqual(['patient', 'code', 'date']);
    expect(resources.Observation?.interaction?.map((i) => i.code)).toEqual(['read', 'search-type']);
  });

  it('reads a Questionnaire by instrument id and searches by name and url; unknown ids are 404', async () => {
    const q = fhirJson<Questionnaire>(await doc.get('/fhir/Questionnaire/phq9'));
    expect(q).toMatchObject({ resourceType: 'Questionnaire', id: 'phq9', status: 'active' });
    expect(q.item?.length).toBe(10); // prompt + 9 questions
    const byName = fhirJson<Bundle>(await doc.get('/fhir/Questionnaire?name=phq'));
    expect(byName).toMatchObject({ type: 'searchset', total: 2 });
    expect(byName.entry?.map((e) => e.resource?.id)).toEqual(['phq2', 'phq9']);
    const byUrl = fhirJson<Bundle>(await doc.get(`/fhir/Questionnaire?url=${encodeURIComponent(q.url as string)}`));
    expect(byUrl.entry?.map((e) => e.resource?.id)).toEqual(['phq9']);
    fhirJson<OperationOutcome>(await doc.get('/fhir/Questionnaire/kessler'), 404);
    const bad = fhirJson<OperationOutcome>(await doc.get('/fhir/Questionnaire?colour=red'), 400);
    expect(bad.issue?.[0]?.expression).toEqual(['colour']);
    fhirJson<OperationOutcome>(await t.app.inject({ method: 'GET', url: '/fhir/Questionnaire/phq9' }), 401);
  });
});

describe('QuestionnaireResponse', () => {
  it('searches by patient, questionnaire and authored date, in date order, as a searchset Bundle', async () => {
    const all = fhirJson<Bundle<QuestionnaireResponse>>(await doc.get(`/fhir/QuestionnaireResponse?patient=Patient/${clinic.patientA.id}`));
    expect(all.total).toBe(7);
    const authored = all.entry?.map((e) => e.resource?.authored as string) ?? [];
    expect(authored).toEqual([...authored].sort());
    const phq = fhirJson<Bundle<QuestionnaireResponse>>(await doc.get(`/fhir/QuestionnaireResponse?patient=${clinic.patientA.id}&questionnaire=phq9`));
    expect(phq.entry?.map((e) => e.resource?.id)).toEqual(responseIds.phq9);
    expect(phq.entry?.[0]?.resource).toMatchObject({ status: 'completed', subject: { reference: `Patient/${clinic.patientA.id}` } });
    const since = new Date(t.clock.now.getTime() - 10 * DAY_MS).toISOString().slice(0, 10);
    const recent = fhirJson<Bundle>(await doc.get(`/fhir/QuestionnaireResponse?patient=${clinic.patientA.id}&questionnaire=phq9&authored=ge${since}`));
    expect(recent.entry?.map((e) => e.resource?.id)).toEqual(responseIds.phq9?.slice(1));
    const paged = fhirJson<Bundle>(await doc.get(`/fhir/QuestionnaireResponse?patient=${clinic.patientA.id}&_count=2`));
    expect(paged.entry).toHaveLength(2);
    expect(paged.link?.find((l) => l.relation === 'next')?.url).toMatch(/_offset=2/);
    const read = fhirJson<QuestionnaireResponse>(await doc.get(`/fhir/QuestionnaireResponse/${responseIds.peg?.[0]}`));
    expect(read.questionnaire).toMatch(/\/Questionnaire\/peg\|/);
  });

  it('needs a patient and reports bad parameters as an OperationOutcome with every expression', async () => {
    const missing = fhirJson<OperationOutcome>(await doc.get('/fhir/QuestionnaireResponse?questionnaire=phq9'), 400);
    expect(missing.issue?.map((i) => i.expression?.[0])).toEqual(['patient']);
    const bad = fhirJson<OperationOutcome>(await doc.get(`/fhir/QuestionnaireResponse?patient=${clinic.patientA.id}&authored=gt2026-01-01&questionnaire=kessler`), 400);
    expect(bad.issue?.map((i) => i.expression?.[0]).sort()).toEqual(['authored', 'questionnaire']);
  });
});

describe('Observation', () => {
  it('searches scores by patient and LOINC code, with interpretation and derivedFrom', async () => {
    const res = fhirJson<Bundle<Observation>>(await doc.get(`/fhir/Observation?patient=${clinic.patientA.id}&code=http://loinc.org|44261-6`));
    expect(res.total).toBe(3);
    const first = res.entry?.[0]?.resource;
    expect(first).toMatchObject({ status: 'final', valueInteger: 16, derivedFrom: [{ reference: `QuestionnaireResponse/${responseIds.phq9?.[0]}` }] });
    expect(first?.interpretation?.[0]?.text).toBe('Moderately severe');
    const all = fhirJson<Bundle<Observation>>(await doc.get(`/fhir/Observation?patient=${clinic.patientA.id}`));
    expect(all.total).toBe(8); // 3 PEG + 3 PHQ-9 + STarT Back total and psychosocial subscale
    const dates = all.entry?.map((e) => e.resource?.effectiveDateTime as string) ?? [];
    expect(dates).toEqual([...dates].sort());
    const window = fhirJson<Bundle>(
      await doc.get(`/fhir/Observation?patient=${clinic.patientA.id}&date=ge${new Date(t.clock.now.getTime() - 9 * DAY_MS).toISOString().slice(0, 10)}&date=le${new Date(t.clock.now.getTime() - 7 * DAY_MS).toISOString().slice(0, 10)}`),
    );
    expect(window.total).toBe(4); // the middle week: PEG, PHQ-9, STarT Back total and subscale
    const never = fhirJson<Bundle>(await doc.get(`/fhir/Observation?patient=${clinic.patientA.id}&code=http://loinc.org|1234-5`));
    expect(never.total).toBe(0);
    const sub = fhirJson<Observation>(await doc.get(`/fhir/Observation/${responseIds.startback?.[0]}-psychosocial`));
    expect(sub.valueInteger).toBe(5);
    fhirJson<OperationOutcome>(await doc.get(`/fhir/Observation/${responseIds.startback?.[0]}-nonsense`), 404);
  });
});

describe('access and audit', () => {
  it('applies the REST rules: the patient yes; other teams, other patients and caregivers no; denials are OperationOutcomes', async () => {
    fhirJson<Bundle>(await patient.get(`/fhir/Observation?patient=${clinic.patientA.id}`));
    const denied = fhirJson<OperationOutcome>(await otherTeam.get(`/fhir/Observation?patient=${clinic.patientA.id}`), 403);
    expect(denied.issue?.[0]?.code).toBe('forbidden');
    fhirJson<OperationOutcome>(await otherTeam.get(`/fhir/QuestionnaireResponse/${responseIds.peg?.[0]}`), 403);
    fhirJson<OperationOutcome>(await patient.get(`/fhir/QuestionnaireResponse?patient=${clinic.patientB.id}`), 403);
    fhirJson<OperationOutcome>(await helper.get(`/fhir/Observation?patient=${clinic.patientA.id}`), 403);
  });

  it('an API token with patients.read reads; one without it is refused', async () => {
    const raw = 'pp_test_measures_token_1234567890';
    await t.ctx.db.insert(apiTokens).values({ orgId: clinic.org.id, name: 'EHR', tokenHash: sha256(raw), tokenPrefix: 'pp_test', scopes: ['patients.read'], createdBy: clinic.admin.id });
    const ok = fhirJson<Bundle>(await bearer(t.app, raw, 'GET', `/fhir/QuestionnaireResponse?patient=${clinic.patientA.id}`));
    expect(ok.total).toBe(7);
    const rawWrite = 'pp_test_measures_token_write_only_1';
    await t.ctx.db.insert(apiTokens).values({ orgId: clinic.org.id, name: 'Writer', tokenHash: sha256(rawWrite), tokenPrefix: 'pp_test', scopes: ['patients.write'], createdBy: clinic.admin.id });
    fhirJson<OperationOutcome>(await bearer(t.app, rawWrite, 'GET', `/fhir/Observation?patient=${clinic.patientA.id}`), 403);
  });

  it('every read and search is audited with the ids shown', async () => {
    const events = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.patientId, clinic.patientA.id), eq(auditEvents.resourceType, 'Observation')));
    expect(events.some((e) => e.action === 'search' && (e.resourceId ?? '').includes(`${responseIds.phq9?.[0]}-total`))).toBe(true);
    expect(events.some((e) => e.action === 'read' && e.resourceId === `${responseIds.startback?.[0]}-psychosocial`)).toBe(true);
    const qr = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.patientId, clinic.patientA.id), eq(auditEvents.resourceType, 'QuestionnaireResponse')));
    expect(qr.map((e) => e.action)).toEqual(expect.arrayContaining(['search', 'read']));
    const denied = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.patientId, clinic.patientA.id), eq(auditEvents.action, 'access-denied')));
    expect(denied.length).toBeGreaterThanOrEqual(3);
  });
});
