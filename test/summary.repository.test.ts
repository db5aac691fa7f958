import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertIntake, intakesFor, updateIntake } from '../src/db/repositories/intake.repository';
import { assessmentsFor, insertAssessment, insertResponse } from '../src/db/repositories/measures.repository';
import { summaryFacts } from '../src/db/repositories/summary.repository';
import { insertTask, tasksForPatient } from '../src/db/repositories/tasks.repository';
import { buildTestApp, type TestApp } from './support/app';
import { buildClinic } from './support/builders';

let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;
const day = (n: number): Date => new Date(Date.UTC(2026, 0, n, 9, 30, 0, 123));

async function respond(patientId: string, instrumentId: string, n: number, total: number | null, status: 'completed' | 'in-progress' = 'completed'): Promise<string> {
  const row = await insertResponse(t.ctx.db, {
    orgId: clinic.org.id,
    patientId,
    intakeId: null,
    requestId: null,
    instrumentId,
    instrumentVersion: '1',
    answers: { anything: n },
    score: { instrumentId, total },
    status,
    authoredAt: day(n),
    createdBy: 'test',
  });
  return row.id;
}

beforeAll(async () => {
  t = await buildTestApp();
  clinic = await buildClinic(t.ctx.db);
});
afterAll(async () => t.close());

describe('summary repository: what the pre-visit summary reads, in one statement', () => {
  it('per instrument: the baseline (first with a total) and the newest five, in authored order, each once; no answers', async () => {
    const a = clinic.patientA.id;
    const peg = [await respond(a, 'peg', 1, null)];
    for (let n = 2; n <= 8; n++) peg.push(await respond(a, 'peg', n, n));
    const phq9 = [await respond(a, 'phq9', 3, 10), await respond(a, 'phq9', 9, 6)];
    await respond(a, 'gad7', 10, 4, 'in-progress');
    await respond(a, 'ort', 11, 2);
    await respond(clinic.patientB.id, 'peg', 12, 5);

    const facts = await summaryFacts(t.ctx.db, clinic.org.id, a, ['peg', 'phq9', 'gad7']);
    expect(facts.responses.map((r) => r.id)).toEqual([peg[1], phq9[0], peg[3], peg[4], peg[5], peg[6], peg[7], phq9[1]]);
    expect(facts.responses[0]).toEqual({ id: peg[1], instrumentId: 'peg', score: { instrumentId: 'peg', total: 2 }, authoredAt: day(2) });
    expect(await summaryFacts(t.ctx.db, clinic.org.id, a, [])).toMatchObject({ responses: [] });
  });

  it('intakes, tasks and the latest assessment as the list queries return them (dates as Dates, same order)', async () => {
    const db = t.ctx.db;
    const b = clinic.patientB.id;
    const older = await insertIntake(db, { orgId: clinic.org.id, patientId: b, templateVersion: 1, pages: ['story'], currentPage: 'story', sentBy: 'test', asOf: day(1) });
    await updateIntake(db, clinic.org.id, older.id, older.version, { status: 'submitted', savedPages: ['story'], story: { fears: 'Never walking far again' }, submittedAt: day(2) }, day(2));
    await insertIntake(db, { orgId: clinic.org.id, patientId: b, templateVersion: 1, pages: ['story'], currentPage: 'story', sentBy: 'test', asOf: day(5) });
    const task = (title: string, dueAt: Date | null, asOf: Date) =>
      insertTask(db, { orgId: clinic.org.id, patientId: b, type: 'follow-up', title, details: null, assigneeUserId: null, assigneeRole: 'prescriber', careTeamId: null, dueAt, priority: 'routine', source: 'test', createdBy: 'test', asOf });
    await task('No due date', null, day(3));
    await task('Due later', day(20), day(1));
    await task('Due sooner', day(10), day(2));
    const assessment = (assessedAt: Date, mechanism: string) =>
      insertAssessment(db, { orgId: clinic.org.id, patientId: b, mechanism, irritability: 'moderate', comorbidities: ['sleep'], onsetDate: '2025-03-01', notes: null, assessedBy: 'test', assessedAt });
    await assessment(day(4), 'nociceptive');
    await assessment(day(6), 'nociplastic');

    const facts = await summaryFacts(db, clinic.org.id, b, ['peg']);
    const intakes = await intakesFor(db, clinic.org.id, b);
    expect(facts.intakes).toEqual(
      intakes.map((i) => ({ id: i.id, status: i.status, savedPages: i.savedPages, story: i.story, redFlagAnswers: i.redFlagAnswers, raisedAlerts: i.raisedAlerts, sentAt: i.sentAt, submittedAt: i.submittedAt, updatedAt: i.updatedAt })),
    );
    expect(facts.intakes.map((i) => i.status)).toEqual(['sent', 'submitted']);
    const tasks = await tasksForPatient(db, clinic.org.id, b, false);
    expect(facts.tasks).toEqual(tasks.map((x) => ({ id: x.id, type: x.type, status: x.status, title: x.title, details: x.details, priority: x.priority, createdAt: x.createdAt })));
    expect(facts.tasks.map((x) => x.title)).toEqual(['Due sooner', 'Due later', 'No due date']);
    const latest = (await assessmentsFor(db, clinic.org.id, b, 1))[0];
    expect(facts.latestAssessment).toEqual({ mechanism: 'nociplastic', irritability: 'moderate', comorbidities: ['sleep'], onsetDate: '2025-03-01', notes: null, assessedAt: latest?.assessedAt });
    expect(facts.responses.map((r) => r.score)).toEqual([{ instrumentId: 'peg', total: 5 }]);
  });

  it('has nothing for a person of another clinic', async () => {
    expect(await summaryFacts(t.ctx.db, '00000000-0000-4000-8000-000000000000', clinic.patientA.id, ['peg'])).toEqual({ intakes: [], tasks: [], latestAssessment: undefined, responses: [] });
  });
});
