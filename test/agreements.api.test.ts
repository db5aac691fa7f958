/**
 * Agreements and concerns through the API: templates (clinic lead, grade computed on the server, If-Match),
 * a patient agreement from a template with PSFS goals and a review reminder task, questions and answers,
 * signatures bound to the exact text, revisions as new versions, the PDF, FHIR Contract, access rules, and
 * concerns that cannot close without a conversation and a plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementTextHash } from '../src/domain/agreements/signature';
import { and, eq } from 'drizzle-orm';
import { languageFlagCounts, questionnaireResponses } from '../src/db/schema';
import { buildTestApp, signIn, type Agent, type TestApp } from './support/app';
import { buildCarePlanBody, buildClinic, buildConsent, buildUser, TEST_PASSWORD } from './support/builders';
import { detailPaths, expectError } from './support/http';

let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;
let doc: Agent;
let lead: Agent;
let me: Agent; // the patient (patient A)
let therapistB: Agent; // not on patient A's team
let caregiver: Agent;

interface Agreement {
  id: string;
  status: string;
  version: number;
  reviewDate: string;
  reviewTaskId: string | null;
  goalsSource: string;
  current: { number: number; text: string; textHash: string; readingGrade: number | null; goals: string[]; signatures: { signerRole: string; signerName: string; textHash: string }[] };
  versions: { number: number; textHash: string; reason: string | null; signatures: { signerRole: string }[] }[];
  questions: { id: string; question: string; answer: string | null; answeredByName: string | null }[];
}

beforeAll(async () => {
  t = await buildTestApp({ loginRateLimitPerMinute: 1000 });
  clinic = await buildClinic(t.ctx.db);
  doc = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
  lead = await signIn(t.app, clinic.lead.email, TEST_PASSWORD);
  me = await signIn(t.app, clinic.patientUser.email, TEST_PASSWORD);
  therapistB = await signIn(t.app, clinic.therapistB.email, TEST_PASSWORD);
  caregiver = await signIn(t.app, clinic.caregiver.email, TEST_PASSWORD);
  await t.ctx.db.insert(questionnaireResponses).values({
    orgId: clinic.org.id,
    patientId: clinic.patientA.id,
    instrumentId: 'psfs',
    instrumentVersion: '1',
    answers: { 'psfs.activities': [{ name: 'Walk to the park with my grandson', score: 3 }, { name: 'Cook dinner standing up', score: 4 }] },
    score: {},
    status: 'completed',
    authoredAt: new Date('2026-11-01T10:00:00Z'),
    createdBy: clinic.patientUser.id,
  });
});
afterAll(async () => {
  await t?.close();
});

async function defaultTemplateId(): Promise<string> {
  const res = await doc.get('/api/v1/agreement-templates');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string; isDefault: boolean }[]).find((x) => x.isDefault)!.id;
}

describe('templates', () => {
  it("a clinic with none gets Painpath's default, at grade 6 or lower, computed on the server", async () => {
    const res = await lead.get('/api/v1/agreement-templates');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ isDefault: true, maxReadingGrade: 6, issues: [] });
    expect(body.items[0].readingGrade).toBeLessThanOrEqual(6);
    expect(body.placeholders.map((p: { name: string }) => p.name)).toContain('goals');
    // Listing again does not add a second default.
    expect((await lead.get('/api/v1/agreement-templates')).json().items).toHaveLength(1);
  });

  it('only the clinic lead creates and edits; the grade comes back with a warning when high', async () => {
    expectError(await doc.send('POST', '/api/v1/agreement-templates', { name: 'Mine', body: '{{goals}} {{reviewDate}}' }), 403, 'auth.role');
    const dense = 'Notwithstanding pharmacological contraindications, individualised multidisciplinary evaluation is necessitated. Goals: {{goals}}. Review: {{reviewDate}}.';
    const res = await lead.send('POST', '/api/v1/agreement-templates', { name: 'Dense', body: dense });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created.readingGrade).toBeGreaterThan(6);
    expect(created.issues.map((i: { code: string }) => i.code)).toEqual(['agreement.reading-grade-high']);
    expect(res.headers.etag).toBe('W/"1"');

    expectError(await lead.send('PATCH', `/api/v1/agreement-templates/${created.id}`, { name: 'x' }), 428, 'conflict.if-match-required');
    expectError(await lead.send('PATCH', `/api/v1/agreement-templates/${created.id}`, { name: 'x' }, { 'if-match': 'W/"7"' }), 412, 'conflict.stale-version');
    const edited = await lead.send('PATCH', `/api/v1/agreement-templates/${created.id}`, { body: 'We talk. Goals: {{goals}}. We look again on {{reviewDate}}.' }, { 'if-match': 'W/"1"' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().readingGrade).toBeLessThan(created.readingGrade);
    expect(edited.json().version).toBe(2);
  });

  it('refuses a template without goals or review date, or with unknown placeholders, listing each', async () => {
    const err = expectError(await lead.send('POST', '/api/v1/agreement-templates', { name: 'Bad', body: 'Hello {{patientNmae}}.' }), 400, 'validation');
    expect(err.details.map((d) => d.code).sort()).toEqual(['agreement.missing-placeholder', 'agreement.missing-placeholder', 'agreement.unknown-placeholder']);
    const schema = expectError(await lead.send('POST', '/api/v1/agreement-templates', { name: '', body: 'x', extra: 1 }), 400, 'validation');
    expect(detailPaths(schema)).toEqual(expect.arrayContaining(['body.name']));
  });
});

describe('a patient agreement', () => {
  let agreement: Agreement;

  it('is created by the prescriber from a template with the PSFS goals and a review reminder in the inbox', async () => {
    const templateId = await defaultTemplateId();
    expectError(await therapistB.send('POST', `/api/v1/patients/${clinic.patientA.id}/agreements`, { templateId, reviewDate: '2027-03-01' }), 403, 'auth.role');
    const bad = expectError(await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/agreements`, { templateId: clinic.org.id, reviewDate: '2026-01-01' }), 400, 'validation');
    expect(detailPaths(bad)).toEqual(['body.reviewDate', 'body.templateId']);

    const res = await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/agreements`, { templateId, reviewDate: '2027-03-01', pharmacy: 'Main Street Pharmacy' });
    expect(res.statusCode, res.body).toBe(201);
    agreement = res.json<Agreement>();
    expect(agreement).toMatchObject({ status: 'awaiting-both', goalsSource: 'psfs', reviewDate: '2027-03-01' });
    expect(agreement.current.goals).toEqual(['Walk to the park with my grandson', 'Cook dinner standing up']);
    expect(agreement.current.text).toContain('- Walk to the park with my grandson');
    expect(agreement.current.text).toContain('Main Street Pharmacy');
    expect(agreement.current.text).toContain('March 1, 2027');
    expect(agreement.current.textHash).toBe(agreementTextHash(agreement.current.text));
    expect(agreement.current.readingGrade).toBeLessThanOrEqual(6);

    const inbox = (await doc.get('/api/v1/tasks?view=mine')).json().items as { id: string; type: string; title: string; dueAt: string; patientId: string }[];
    const task = inbox.find((x) => x.id === agreement.reviewTaskId);
    expect(task).toMatchObject({ type: 'review', title: 'Review the treatment agreement together', patientId: clinic.patientA.id });
    expect(task!.dueAt.slice(0, 10)).toBe('2027-03-01');
  });

  it('is read by the patient, by the care team, not by another team or a caregiver without consent', async () => {
    const mine = await me.get(`/api/v1/patients/${clinic.patientA.id}/agreements`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items[0].id).toBe(agreement.id);
    expectError(await therapistB.get(`/api/v1/agreements/${agreement.id}`), 403, 'access.not-on-care-team');
    expectError(await caregiver.get(`/api/v1/agreements/${agreement.id}`), 403, 'access.scope-not-consented');
    expectError(await me.get(`/api/v1/patients/${clinic.patientB.id}/agreements`), 403, 'access.not-self');
  });

  it('records the patient question and the answer, once', async () => {
    const asked = await me.send('POST', `/api/v1/agreements/${agreement.id}/questions`, { question: 'What happens if my pharmacy is out of stock?' });
    expect(asked.statusCode, asked.body).toBe(201);
    const q = asked.json<Agreement>().questions[0]!;
    expect(q).toMatchObject({ question: 'What happens if my pharmacy is out of stock?', answer: null });
    expectError(await me.send('POST', `/api/v1/agreements/${agreement.id}/questions/${q.id}/answer`, { answer: 'x' }), 403, 'auth.staff-only');
    const answered = await doc.send('POST', `/api/v1/agreements/${agreement.id}/questions/${q.id}/answer`, { answer: 'Call us and we will send it to another pharmacy.' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json<Agreement>().questions[0]).toMatchObject({ answer: 'Call us and we will send it to another pharmacy.', answeredByName: 'Dr. Team A' });
    expectError(await doc.send('POST', `/api/v1/agreements/${agreement.id}/questions/${q.id}/answer`, { answer: 'again' }), 409, 'agreement.question-answered');
  });

  it('is signed by the patient and the clinician against the exact text', async () => {
    const wrong = expectError(await me.send('POST', `/api/v1/agreements/${agreement.id}/signatures`, { versionNumber: 1, textHash: 'a'.repeat(64) }), 400, 'validation');
    expect(wrong.details.map((d) => d.code)).toEqual(['agreement.text-changed']);
    const hash = agreement.current.textHash;
    const byMe = await me.send('POST', `/api/v1/agreements/${agreement.id}/signatures`, { versionNumber: 1, textHash: hash });
    expect(byMe.statusCode, byMe.body).toBe(201);
    expect(byMe.json<Agreement>().status).toBe('awaiting-clinician');
    expectError(await me.send('POST', `/api/v1/agreements/${agreement.id}/signatures`, { versionNumber: 1, textHash: hash }), 409, 'agreement.already-signed');
    t.clock.advance(60_000);
    const byDoc = await doc.send('POST', `/api/v1/agreements/${agreement.id}/signatures`, { versionNumber: 1, textHash: hash });
    expect(byDoc.statusCode, byDoc.body).toBe(201);
    agreement = byDoc.json<Agreement>();
    expect(agreement.status).toBe('signed');
    expect(agreement.current.signatures.map((s) => [s.signerRole, s.textHash])).toEqual([
      ['patient', hash],
      ['clinician', hash],
    ]);
  });

  it('is revised as a new version that needs new signatures; the old one keeps its own', async () => {
    const url = `/api/v1/agreements/${agreement.id}/versions`;
    const text = `${agreement.current.text}\nWe added: you can also call our nurse line.\n`;
    expectError(await doc.send('POST', url, { text, reason: 'Nurse line' }), 428, 'conflict.if-match-required');
    expectError(await doc.send('POST', url, { text: agreement.current.text, reason: 'Nothing' }, { 'if-match': `W/"${agreement.version}"` }), 400, 'validation');
    const res = await doc.send('POST', url, { text, reason: 'Added the nurse line', reviewDate: '2027-04-01' }, { 'if-match': `W/"${agreement.version}"` });
    expect(res.statusCode, res.body).toBe(201);
    const revised = res.json<Agreement>();
    expect(revised.status).toBe('awaiting-both');
    expect(revised.current.number).toBe(2);
    expect(revised.versions.map((v) => [v.number, v.signatures.length, v.reason])).toEqual([
      [1, 2, null],
      [2, 0, 'Added the nurse line'],
    ]);
    expect(revised.reviewTaskId).not.toBe(agreement.reviewTaskId);
    // The patient cannot sign version 1 any more.
    expectError(await me.send('POST', `/api/v1/agreements/${agreement.id}/signatures`, { versionNumber: 1, textHash: agreement.current.textHash }), 400, 'validation');
    const inbox = (await doc.get('/api/v1/tasks?view=mine')).json().items as { id: string }[];
    expect(inbox.map((x) => x.id)).toContain(revised.reviewTaskId);
    expect(inbox.map((x) => x.id)).not.toContain(agreement.reviewTaskId);
    expectError(await doc.send('POST', url, { text: `${text} more`, reason: 'x' }, { 'if-match': `W/"${agreement.version}"` }), 412, 'conflict.stale-version');
    agreement = revised;
  });

  it('prints as a PDF and exports as a FHIR Contract', async () => {
    const pdf = await me.get(`/api/v1/agreements/${agreement.id}/agreement.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const read = await doc.get(`/fhir/Contract/${agreement.id}`);
    expect(read.statusCode, read.body).toBe(200);
    const contract = read.json();
    expect(contract).toMatchObject({ resourceType: 'Contract', id: agreement.id, version: '2', status: 'offered', subject: [{ reference: `Patient/${clinic.patientA.id}` }], applies: { end: '2027-04-01' } });
    expect(Buffer.from(contract.legallyBindingAttachment.data, 'base64').toString('utf8')).toBe(agreement.current.text);
    expect(contract.identifier.map((i: { value: string }) => i.value)).toEqual(agreement.versions.map((v) => `${v.number}:${v.textHash}`));

    const search = await doc.get(`/fhir/Contract?patient=Patient/${clinic.patientA.id}`);
    expect(search.statusCode, search.body).toBe(200);
    expect(search.json()).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    const noPatient = await doc.get('/fhir/Contract');
    expect(noPatient.statusCode).toBe(400);
    expect(noPatient.json().resourceType).toBe('OperationOutcome');
    expect((await therapistB.get(`/fhir/Contract/${agreement.id}`)).statusCode).toBe(403);
    const meta = (await doc.get('/fhir/metadata')).json();
    expect(meta.rest[0].resource.map((r: { type: string }) => r.type)).toContain('Contract');
  });

  it('a caregiver with the care-plan consent reads it but cannot sign or ask', async () => {
    const helper = await buildUser(t.ctx.db, { orgId: clinic.org.id, role: 'caregiver' });
    await buildConsent(t.ctx.db, { orgId: clinic.org.id, patientId: clinic.patientA.id, caregiverUserId: helper.id, scopes: ['care-plan'] });
    const agent = await signIn(t.app, helper.email, TEST_PASSWORD);
    expect((await agent.get(`/api/v1/agreements/${agreement.id}`)).statusCode).toBe(200);
    expectError(await agent.send('POST', `/api/v1/agreements/${agreement.id}/signatures`, { versionNumber: 2, textHash: agreement.current.textHash }), 403, 'auth.role');
    expectError(await agent.send('POST', `/api/v1/agreements/${agreement.id}/questions`, { question: 'Hi' }), 403, 'access.caregiver-read-only');
  });

  it('takes its goals from the care plan when there is one (goals still being worked on, with their dates)', async () => {
    const body = buildCarePlanBody({ ownerUserId: clinic.prescriberA.id, title: 'Back to the garden', activity: 'gardening', goal: 'Weed the vegetable bed for 20 minutes', targetDate: '2027-02-15', intervention: 'Graded gardening practice', criterion: 'Gardens twice a week' });
    const plan = await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/care-plan`, body);
    expect(plan.statusCode, plan.body).toBe(201);
    const res = await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/agreements`, { templateId: await defaultTemplateId(), reviewDate: '2027-03-01' });
    expect(res.statusCode, res.body).toBe(201);
    const fromPlan = res.json<Agreement>();
    expect(fromPlan.goalsSource).toBe('care-plan');
    expect(fromPlan.current.goals).toEqual(['Weed the vegetable bed for 20 minutes (by February 15, 2027)']);
    expect(fromPlan.current.text).toContain('- Weed the vegetable bed for 20 minutes (by February 15, 2027)');
    expect(fromPlan.current.text).not.toContain('Walk to the park with my grandson');
    // Goals the prescriber writes still come first.
    const written = await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/agreements`, { templateId: await defaultTemplateId(), reviewDate: '2027-03-01', goals: ['Sleep through the night'] });
    expect(written.json<Agreement>()).toMatchObject({ goalsSource: 'written', current: { goals: ['Sleep through the night'] } });
  });
});

describe('concerns', () => {
  interface Concern { id: string; status: string; version: number; missingBeforeClose: { code: string }[]; conversations: unknown[]; plan: unknown }
  let concern: Concern;
  const url = (path = ''): string => `/api/v1/concerns/${concern.id}${path}`;
  const ifMatch = (): Record<string, string> => ({ 'if-match': `W/"${concern.version}"` });

  it('are recorded by the care team, with every bad field listed', async () => {
    const bad = expectError(await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/concerns`, { kind: 'violation', occurredOn: 'soon', details: '' }), 400, 'validation');
    expect(detailPaths(bad)).toEqual(['body.details', 'body.kind', 'body.occurredOn']);
    expectError(await therapistB.send('POST', `/api/v1/patients/${clinic.patientA.id}/concerns`, { kind: 'missed-visit', occurredOn: '2026-11-20', details: 'x' }), 403, 'access.not-on-care-team');
    expectError(await me.get(`/api/v1/patients/${clinic.patientA.id}/concerns`), 403, 'auth.staff-only');
    const res = await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/concerns`, { kind: 'early-refill-request', occurredOn: '2026-11-20', details: 'Asked for a refill 6 days early; reports the pain was worse after a fall.' });
    expect(res.statusCode, res.body).toBe(201);
    concern = res.json<Concern>();
    expect(concern.missingBeforeClose.map((m) => m.code)).toEqual(['concern.conversation-missing', 'concern.plan-missing']);
  });

  it('count stigmatising terms in saved text for the quality dashboard, without blocking the save', async () => {
    const res = await doc.send('POST', `/api/v1/patients/${clinic.patientA.id}/concerns`, { kind: 'pdmp-finding', occurredOn: '2026-11-21', details: 'PDMP shows narcotics from a dentist; patient claims she forgot.' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<Concern>().id;
    const rows = await t.ctx.db.select().from(languageFlagCounts).where(and(eq(languageFlagCounts.source, 'concern'), eq(languageFlagCounts.sourceId, id)));
    expect(rows[0]?.count).toBe(2);
  });

  it('cannot close without a conversation and a plan (400 listing both), then closes', async () => {
    expectError(await doc.send('POST', url('/close'), {}), 428, 'conflict.if-match-required');
    const refused = expectError(await doc.send('POST', url('/close'), {}, ifMatch()), 400, 'concern.cannot-close');
    expect(refused.details.map((d) => d.code)).toEqual(['concern.conversation-missing', 'concern.plan-missing']);
    expect(refused.message).toMatch(/conversation/);

    let res = await doc.send('POST', url('/conversations'), { heldOn: '2026-11-21', withWhom: 'Amara and Dr. Team A', summary: 'Talked about the fall and the pain since.' }, ifMatch());
    expect(res.statusCode, res.body).toBe(200);
    concern = res.json<Concern>();
    const onlyPlan = expectError(await doc.send('POST', url('/close'), {}, ifMatch()), 400, 'concern.cannot-close');
    expect(onlyPlan.details.map((d) => d.code)).toEqual(['concern.plan-missing']);

    const badPlan = expectError(await doc.send('PUT', url('/plan'), { actions: ['other'], details: ' ' }, ifMatch()), 400, 'validation');
    expect(badPlan.details.map((d) => d.code)).toEqual(['concern.plan-details-required']);
    expectError(await doc.send('PUT', url('/plan'), { actions: ['discharge'], details: '' }, ifMatch()), 400, 'validation');
    res = await doc.send('PUT', url('/plan'), { actions: ['more-frequent-visits', 'pharmacy-support'], details: 'Visits every two weeks for two months; weekly fills.' }, ifMatch());
    expect(res.statusCode, res.body).toBe(200);
    concern = res.json<Concern>();
    expectError(await doc.send('POST', url('/close'), {}, { 'if-match': 'W/"1"' }), 412, 'conflict.stale-version');
    res = await doc.send('POST', url('/close'), {}, ifMatch());
    expect(res.statusCode, res.body).toBe(200);
    concern = res.json<Concern>();
    expect(concern).toMatchObject({ status: 'closed', missingBeforeClose: [] });
    const list = (await doc.get(`/api/v1/patients/${clinic.patientA.id}/concerns`)).json();
    expect(list.items.find((x: { id: string }) => x.id === concern.id)).toMatchObject({ status: 'closed' });
    expect(list.planActions.map((a: { value: string }) => a.value)).not.toContain('discharge');
  });
});
