/**
 * The pre-visit summary (JSON and one-page PDF) built from a real intake and later check-ins: safety items
 * and red flags first, the story as short sentences, scores with bands and "change since last time" labels,
 * PSFS activities, chronicity from the onset, the latest assessment; access and audit.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/schema';
import { renderSummaryPdf } from '../src/server/summary/summary.pdf';
import type { PreVisitSummary } from '../src/server/summary/summary.service';
import { buildTestApp, signIn, type Agent, type TestApp } from './support/app';
import { buildClinic, buildPatient, buildUser, TEST_PASSWORD } from './support/builders';
import { expectError } from './support/http';

const DAY_MS = 86_400_000;
const ARTIFACTS = '.test-artifacts';

let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;
let doc: Agent;
let otherTeam: Agent;
let person: Agent;
let personId: string;

interface Summary {
  patient: { name: string; age: number };
  safety: { kind: string; title: string; detail: string; urgency: string; taskId: string | null; taskStatus: string | null }[];
  chronicity: { category: string; text: string; months: number; from: string } | null;
  intake: { status: string } | null;
  story: { sentences: string[]; regions: { id: string; label: string }[]; tried: { treatment: string; helped: string }[]; fears: string | null; hopes: string | null };
  scores: { instrumentId: string; text: string; band: { label: string } | null; change: { label: string; text: string } | null; changeText: string; changeFromBaseline: { label: string; from: number; to: number } | null }[];
  activities: { name: string; score: number; change: { label: string; text: string } | null; text: string }[];
  assessment: { mechanism: string; irritability: string } | null;
}

const phq9 = (item9: number): Record<string, number> => Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9.${i + 1}`, i === 8 ? item9 : 2]));

const PAGES: Record<string, unknown> = {
  onset: { date: '2025-01', approximate: true, how: 'After lifting a heavy box at work' },
  where: { regions: ['lower-back', 'hip-left'] },
  feel: { character: ['aching', 'shooting'], worse: 'Sitting for a long time', better: 'Short walks and heat' },
  impact: { sleep: 8, mood: 5, work: 8, family: 4, movement: 7 },
  tried: { tried: [{ treatment: 'Physical therapy', helped: 'a-little', sideEffects: null }, { treatment: 'Ibuprofen', helped: 'no', sideEffects: 'Upset stomach' }] },
  hopes: { fears: 'That I will not be able to work again', hopes: 'Walk my dog around the lake' },
  peg: { 'peg.1': 7, 'peg.2': 7, 'peg.3': 7 },
  phq2: { 'phq2.1': 2, 'phq2.2': 2 },
  phq9: phq9(1),
  gad7: Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`gad7.${i + 1}`, 1])),
  psfs: { 'psfs.activities': [{ name: 'Walk the dog', score: 2 }, { name: 'Sit through a movie', score: 4 }] },
  startback: { ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`startback.${i + 1}`, 1])), 'startback.9': 3 },
  'red-flags': { 'cauda-equina.bladder': false, 'fracture.major-injury': true },
};

function ok<T>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}

async function answerRequest(instrumentId: string, answers: unknown): Promise<void> {
  const req = ok<{ id: string }>(await doc.send('POST', `/api/v1/patients/${personId}/instrument-requests`, { instrumentId }), 201);
  ok(await person.send('POST', `/api/v1/instrument-requests/${req.id}/response`, { answers }), 201);
}

beforeAll(async () => {
  t = await buildTestApp({ loginRateLimitPerMinute: 1000 });
  clinic = await buildClinic(t.ctx.db);
  doc = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
  otherTeam = await signIn(t.app, clinic.therapistB.email, TEST_PASSWORD);
  const p = await buildPatient(t.ctx.db, { orgId: clinic.org.id, careTeamId: clinic.teamA.id, givenName: 'Rosa', familyName: 'Delgado', preferredName: 'Rosie', birthDate: '1968-04-02', sex: 'female', pronouns: 'she/her', mrn: 'SUM-1' });
  personId = p.id;
  const u = await buildUser(t.ctx.db, { orgId: clinic.org.id, role: 'patient', patientId: p.id });
  person = await signIn(t.app, u.email, TEST_PASSWORD);

  // The intake, four weeks ago.
  t.clock.advance(-28 * DAY_MS);
  let intake = ok<{ id: string; version: number; pages: string[] }>(await doc.send('POST', `/api/v1/patients/${personId}/intakes`, {}), 201);
  for (let i = 0; i < intake.pages.length; i += 1) {
    const page = intake.pages[i] as string;
    intake = ok(await person.send('PUT', `/api/v1/intakes/${intake.id}/pages/${page}`, { value: PAGES[page] }, { 'if-match': `W/"${intake.version}"` }));
  }
  ok(await person.send('POST', `/api/v1/intakes/${intake.id}/submit`));
  // Two weeks later a PEG check-in; four weeks later (today) PEG, PHQ-9 and PSFS again, and an assessment.
  t.clock.advance(14 * DAY_MS);
  await answerRequest('peg', { 'peg.1': 6, 'peg.2': 6, 'peg.3': 6 });
  t.clock.advance(14 * DAY_MS);
  await answerRequest('peg', { 'peg.1': 4, 'peg.2': 4, 'peg.3': 5 });
  await answerRequest('phq9', phq9(0));
  await answerRequest('psfs', { 'psfs.activities': [{ name: 'walk the dog', score: 6 }, { name: 'Sit through a movie', score: 5 }, { name: 'Garden', score: 3 }] });
  ok(await doc.send('POST', `/api/v1/patients/${personId}/assessments`, { mechanism: 'mixed', irritability: 'moderate', comorbidities: ['Poor sleep'] }), 201);
});
afterAll(async () => t?.close());

describe('the pre-visit summary', () => {
  let summary: Summary;
  beforeAll(async () => {
    summary = ok<Summary>(await doc.get(`/api/v1/patients/${personId}/summary`));
  });

  it('puts safety items and red flags first: the open same-day safety task and the fracture red flag with its task', () => {
    expect(summary.patient).toMatchObject({ name: 'Rosie Delgado', age: 58 });
    const kinds = summary.safety.map((s) => s.kind);
    expect(kinds).toEqual(['safety', 'red-flag']);
    expect(summary.safety[0]).toMatchObject({ urgency: 'urgent', taskStatus: 'open' });
    expect(summary.safety[0]?.title).toMatch(/PHQ-9 item 9/);
    expect(summary.safety[1]).toMatchObject({ urgency: 'urgent', taskStatus: 'open' });
    expect(summary.safety[1]?.title).toMatch(/fracture/i);
    expect(summary.safety[1]?.detail).toMatch(/Major trauma/);
  });

  it('tells the story in short sentences, with chronicity from the onset (domain classifyChronicity, today as the clock)', () => {
    expect(summary.intake?.status).toBe('submitted');
    expect(summary.story.sentences).toEqual(
      expect.arrayContaining([
        'Pain started January 2025 (approximate date).',
        'Pain in: lower back and left hip.',
        'Feels aching and shooting.',
        'Worse with: Sitting for a long time.',
      ]),
    );
    expect(summary.story.sentences.every((s) => s.length <= 200)).toBe(true);
    expect(summary.story.tried).toEqual([
      { treatment: 'Physical therapy', helped: 'A little', sideEffects: null },
      { treatment: 'Ibuprofen', helped: 'No', sideEffects: 'Upset stomach' },
    ]);
    expect(summary.story.hopes).toBe('Walk my dog around the lake');
    expect(summary.chronicity).toMatchObject({ category: 'chronic', months: 22, from: 'intake' });
    expect(summary.chronicity?.text).toMatch(/^Chronic pain \(more than 3 months\): 22 months since onset/);
  });

  it('shows every score with its band or scale and the change since last time — never a bare number', () => {
    const byId = Object.fromEntries(summary.scores.map((s) => [s.instrumentId, s]));
    expect(Object.keys(byId)).toEqual(['peg', 'phq2', 'phq9', 'gad7', 'psfs', 'startback']);
    expect(byId.peg?.text).toBe('PEG 4.3 of 10 (mean of pain, enjoyment and activity; lower is better)');
    // Since last time (two weeks ago) 6.0 → 4.3 is under 30 %; since the intake 7.0 → 4.3 is a meaningful improvement.
    expect(byId.peg?.change).toMatchObject({ label: 'no-meaningful-change' });
    expect(byId.peg?.changeText).toMatch(/^No meaningful change: PEG 6\.0 → 4\.3/);
    expect(byId.peg?.changeFromBaseline).toMatchObject({ label: 'meaningful-improvement', from: 7, to: 4.3 });
    expect(byId.phq9?.changeFromBaseline).toBeNull(); // only two PHQ-9s: the baseline is the last time
    expect(byId.phq9?.text).toMatch(/^PHQ-9 16 of 27, moderately severe$/);
    expect(byId.phq9?.change).toMatchObject({ label: 'no-meaningful-change' });
    expect(byId.gad7?.changeText).toBe('First time measured.');
    expect(byId.startback?.text).toMatch(/high risk/);
    for (const s of summary.scores) expect(s.text).toMatch(/ of |risk|screen/i);
  });

  it('shows the PSFS activities from the intake with the change on each one', () => {
    expect(summary.activities.map((a) => a.name)).toEqual(['walk the dog', 'Sit through a movie', 'Garden']);
    expect(summary.activities[0]?.change).toMatchObject({ label: 'meaningful-improvement' }); // 2 → 6
    expect(summary.activities[1]?.change).toMatchObject({ label: 'no-meaningful-change' }); // 4 → 5
    expect(summary.activities[2]?.change).toBeNull();
    expect(summary.activities[2]?.text).toMatch(/first time measured/);
    expect(summary.assessment).toMatchObject({ mechanism: 'mixed', irritability: 'moderate' });
  });

  it('is for staff on the care team only, and every read is audited', async () => {
    expectError(await person.get(`/api/v1/patients/${personId}/summary`), 403, 'auth.staff-only');
    expectError(await otherTeam.get(`/api/v1/patients/${personId}/summary`), 403, 'access.not-on-care-team');
    expectError(await otherTeam.get(`/api/v1/patients/${personId}/summary.pdf`), 403, 'access.not-on-care-team');
    const reads = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.patientId, personId), eq(auditEvents.resourceType, 'PreVisitSummary')));
    expect(reads.length).toBeGreaterThanOrEqual(1);
  });
});

describe('the PDF', () => {
  it('is one page of application/pdf with the embedded Atkinson Hyperlegible font', async () => {
    const res = await doc.get(`/api/v1/patients/${personId}/summary.pdf`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    expect(text).toMatch(/AtkinsonHyperlegible/);
    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.patientId, personId), eq(auditEvents.reason, 'PDF')));
    expect(audit).toHaveLength(1);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(`${ARTIFACTS}/pre-visit-summary.pdf`, pdf);
  });

  it('stays one page when every list is full and every text is long', async () => {
    const long = (n: number): string => 'A long answer that goes on and on about the pain and what it stops them doing. '.repeat(n);
    const change = { label: 'meaningful-improvement' as const, from: 7, to: 4, delta: -3, percent: -42.9, threshold: '30 %', setting: 'pegMeaningfulChangePercent=30 (v1)', text: 'Meaningful improvement: PEG 7.0 → 4.0 (−43 %)' };
    const full: PreVisitSummary = {
      patient: { id: 'x', name: 'Maximilian Alexander Featherstonehaugh-Worthington', age: 71, sex: 'male', pronouns: 'he/him', mrn: 'MRN-0000000001', preferredLanguage: 'es', interpreterNeeded: true },
      generatedAt: t.clock.now.toISOString(),
      safety: Array.from({ length: 9 }, (_, i) => ({ kind: i === 0 ? 'safety' : 'red-flag', title: `Red flag ${i}: ${long(2)}`, detail: long(6), urgency: 'urgent', at: null, taskId: 'x', taskStatus: 'open' })),
      chronicity: { category: 'chronic', text: 'Chronic pain (more than 3 months): 240 months since onset (January 2005).', months: 240, onset: '2005-01', from: 'intake', source: 'CDC 2022', note: null },
      intake: { id: 'x', status: 'submitted', sentAt: t.clock.now.toISOString(), submittedAt: t.clock.now.toISOString() },
      story: {
        sentences: Array.from({ length: 12 }, () => long(4)),
        regions: [],
        character: [],
        impact: [],
        tried: Array.from({ length: 30 }, (_, i) => ({ treatment: `Treatment ${i} ${long(1)}`, helped: 'A little', sideEffects: long(2) })),
        fears: long(10),
        hopes: long(10),
      },
      scores: Array.from({ length: 8 }, (_, i) => ({ instrumentId: `i${i}`, title: 'X', at: t.clock.now.toISOString(), total: 1, band: null, subscales: {}, text: `Score ${i} ${long(1)}`, change, changeText: long(2), previousAt: t.clock.now.toISOString(), changeFromBaseline: change, baselineAt: t.clock.now.toISOString() })),
      activities: Array.from({ length: 5 }, (_, i) => ({ name: `Activity ${i} ${long(1)}`, score: 5, at: t.clock.now.toISOString(), change, text: long(1) })),
      assessment: { mechanism: 'nociplastic', irritability: 'high', comorbidities: Array.from({ length: 20 }, () => 'Something long-standing'), onsetDate: null, notes: long(5), assessedAt: t.clock.now.toISOString() },
    };
    const pdf = await renderSummaryPdf(full);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(`${ARTIFACTS}/pre-visit-summary-full.pdf`, pdf);
  });

  it('a person with nothing recorded yet still gets a one-page summary that says so', async () => {
    const res = await doc.get(`/api/v1/patients/${clinic.patientA.id}/summary.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    const empty = ok<Summary>(await doc.get(`/api/v1/patients/${clinic.patientA.id}/summary`));
    expect(empty).toMatchObject({ safety: [], scores: [], activities: [], intake: null, chronicity: null, assessment: null });
  });
});
