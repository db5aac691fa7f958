/**
 * Demo care plans (issue 2): three people from the demo clinic's North team, each with a plan built from the
 * PSFS activities they named (demo-measures.ts), weekly sessions and what happened between them:
 * - Maria Garcia (RB-100001): relief grows from none to a week held → movement entry; active work enters
 *   blended with passive care; a flare after the first loaded session settles in two days.
 * - Lan Nguyen (RB-100004): a window appears and is extending (half a day → 4 days); one flare lasted four
 *   days (to reassess). A wait for pain psychology with its bridge plan.
 * - Denise Washington (RB-100008): no response yet after eight sessions — the conversation changes; her
 *   checkpoint is due today.
 * Checkpoints were held every two weeks (decision: adjust, with the reasoning); the next one is open, on the
 * schedule after the last decision — the engine's rule — with its task for the care team.
 * Rules kept here: every plan, session, report and flare passes the domain's own validation (a bad demo row
 * throws); dates come from `asOf`; people and words are fictional and person-first.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { daysBetween, nextCheckpointOnOrAfter, toDateString } from '../../domain/care-plan/dates';
import type { CarePlanInput, CheckpointDecisionInput, FlareInput, Modality, TherapySessionInput } from '../../domain/care-plan/types';
import { validateCarePlanInput, validateCheckpointDecisionInput, validateFlareInput, validateTherapySessionInput } from '../../domain/care-plan/validate';
import type { Issue } from '../../domain/issues';
import type { DbOrTx } from '../client';
import { decideCheckpoint, insertCheckpoint, insertFlare, insertPlan, insertReport, insertSession, type CarePlanRow } from '../repositories/care-plan.repository';
import { addTaskHistory, insertTask, updateTaskRow } from '../repositories/tasks.repository';
import { patients, users } from '../schema';
import { addDays } from './dates';

const day = (asOf: Date, offset: number): string => toDateString(addDays(asOf, offset));
const PASSIVE: Modality[] = ['needling', 'manual-therapy'];
const BLEND: Modality[] = ['needling', 'corrective-exercise', 'home-programme'];

/** [days before asOf, relief reported for the previous session, goal scores, passive %, soreness]. */
type SessionSpec = [number, number | null, number[], number, [number, number] | null];

interface PlanSpec {
  mrn: string;
  plan: (asOf: Date, staff: Staff) => CarePlanInput;
  sessions: SessionSpec[];
  flares: { startDaysAgo: number; baseline: number; peak: number; settledHours: number | null; after: number | null; trigger: string }[];
  /** Decided checkpoints (days before asOf) and the decision. */
  decided: { daysAgo: number; decision: (date: string) => CheckpointDecisionInput }[];
}

interface Staff { bell: string; okafor: string; lindqvist: string; whitehorse: string }

const SPECS: readonly PlanSpec[] = [
  {
    mrn: 'RB-100001',
    plan: (asOf, s) => ({
      title: 'Lifting and walking again',
      status: 'active',
      startDate: day(asOf, -75),
      phase: 'movement-entry',
      ongoingCare: null,
      baselineSymptomScore: 7,
      goals: [
        { id: 'goal-1', activity: 'Lift my granddaughter', statement: 'Lift my granddaughter without pain the next day', baselineScore: 2, targetScore: 7, targetDate: day(asOf, 60), status: 'active' },
        { id: 'goal-2', activity: 'Walk 30 minutes with my sister', statement: 'Walk 30 minutes with my sister on Sundays', baselineScore: 3, targetScore: 8, targetDate: day(asOf, 45), status: 'active' },
      ],
      interventions: [
        { id: 'iv-1', domain: 'rehabilitation', description: 'Dry needling and manual therapy, lower back; exercise blended in from movement entry', ownerUserId: s.bell, ownerRole: null, status: 'active', expectedStartDate: null, expectedWaitDays: null, bridgePlan: null },
        { id: 'iv-2', domain: 'self-management', description: 'Walking programme: 10 minutes a day, adding 5 minutes a week', ownerUserId: s.bell, ownerRole: null, status: 'active', expectedStartDate: null, expectedWaitDays: null, bridgePlan: null },
        { id: 'iv-3', domain: 'medication', description: 'Ibuprofen with food on bad days; review at each checkpoint', ownerUserId: s.okafor, ownerRole: null, status: 'active', expectedStartDate: null, expectedWaitDays: null, bridgePlan: null },
      ],
      checkpointSchedule: { firstDate: day(asOf, -61), intervalDays: 14 },
      graduationCriteria: [
        { id: 'gc-1', statement: 'Lifts her granddaughter with no pain the next day', goalId: 'goal-1' },
        { id: 'gc-2', statement: 'Walks 30 minutes with her sister', goalId: 'goal-2' },
      ],
      patientSummary: 'We start with needling to calm the pain. When the relief lasts about a week, we add exercise, and keep the needling for a while too.',
    }),
    sessions: [
      [70, null, [2, 3], 100, null], [63, 0, [2, 3], 100, [6, 36]], [56, 1, [2, 3], 100, [4, 24]], [49, 2, [3, 4], 100, null], [42, 3, [3, 4], 100, null],
      [35, 5, [4, 5], 100, null], [28, 7, [4, 5], 100, null], [21, 7, [5, 6], 70, null], [14, 8, [5, 6], 60, null], [7, 9, [6, 7], 60, null],
    ],
    flares: [{ startDaysAgo: 20, baseline: 4, peak: 7, settledHours: 44, after: 4, trigger: 'First session with loaded squats' }],
    decided: [
      { daysAgo: 61, decision: (date) => ({ decision: 'adjust', date, rationale: 'Some soreness after the first sessions, as expected. No relief window yet; it is early.', discussedWithPatient: true, changes: 'Keep weekly needling; heat after sessions for the soreness.' }) },
      { daysAgo: 47, decision: (date) => ({ decision: 'adjust', date, rationale: 'A first window of relief has appeared (one to two days). We aim to extend it.', discussedWithPatient: true, changes: 'No change to the treatment.' }) },
      { daysAgo: 33, decision: (date) => ({ decision: 'adjust', date, rationale: 'The relief window grew from none to five days. We keep going and aim for a week.', discussedWithPatient: true, changes: 'Add the daily walking programme.' }) },
      { daysAgo: 19, decision: (date) => ({ decision: 'adjust', date, rationale: 'The relief has held at a week: exercise enters now, with needling continuing alongside.', discussedWithPatient: true, changes: 'Add corrective exercise and a home programme; record the movement-entry phase.' }) },
    ],
  },
  {
    mrn: 'RB-100004',
    plan: (asOf, s) => ({
      title: 'Driving and sewing without stopping',
      status: 'active',
      startDate: day(asOf, -60),
      phase: 'extending-window',
      ongoingCare: null,
      baselineSymptomScore: 6,
      goals: [
        { id: 'goal-1', activity: 'Drive to work without stopping', statement: 'Drive the 40 minutes to work without stopping', baselineScore: 3, targetScore: 7, targetDate: day(asOf, 75), status: 'active' },
        { id: 'goal-2', activity: 'A full day at my sewing business', statement: 'Work a full day at the sewing business', baselineScore: 2, targetScore: 6, targetDate: day(asOf, 90), status: 'active' },
      ],
      interventions: [
        { id: 'iv-1', domain: 'rehabilitation', description: 'Needling and manual therapy, neck and upper back, weekly', ownerUserId: s.bell, ownerRole: null, status: 'active', expectedStartDate: null, expectedWaitDays: null, bridgePlan: null },
        {
          id: 'iv-2', domain: 'behavioural-health', description: 'Pain psychology: worry about the headaches', ownerUserId: s.lindqvist, ownerRole: null, status: 'waiting', expectedStartDate: day(asOf, 21), expectedWaitDays: 42,
          bridgePlan: { text: 'The 10-minute relaxation audio each evening, and the headache diary. Call Jordan if the worry keeps you from sleeping.', ownerUserId: s.whitehorse },
        },
        { id: 'iv-3', domain: 'sleep', description: 'Sleep routine: same wake time, no screens in bed', ownerUserId: s.okafor, ownerRole: null, status: 'active', expectedStartDate: null, expectedWaitDays: null, bridgePlan: null },
      ],
      checkpointSchedule: { firstDate: day(asOf, -46), intervalDays: 14 },
      graduationCriteria: [{ id: 'gc-1', statement: 'Drives to work without stopping, three days in a row', goalId: 'goal-1' }],
      patientSummary: 'Needling helps your neck settle. We try to make the good days last longer, then add exercise.',
    }),
    sessions: [[56, null, [3, 2], 100, null], [49, 0, [3, 2], 100, [5, 30]], [42, 0.5, [3, 2], 100, null], [35, 1, [3, 3], 100, null], [28, 2, [4, 3], 100, null], [21, 3, [4, 3], 100, null], [14, 3, [4, 3], 100, null], [6, 4, [5, 4], 100, null]],
    flares: [{ startDaysAgo: 13, baseline: 4, peak: 7, settledHours: 96, after: 4, trigger: 'A long drive to see family' }],
    decided: [
      { daysAgo: 46, decision: (date) => ({ decision: 'adjust', date, rationale: 'Soreness after the first session settled in a day. No window yet; it is early.', discussedWithPatient: true, changes: 'No change.' }) },
      { daysAgo: 32, decision: (date) => ({ decision: 'adjust', date, rationale: 'A window of about a day has appeared.', discussedWithPatient: true, changes: 'Add the sleep routine.' }) },
      { daysAgo: 18, decision: (date) => ({ decision: 'adjust', date, rationale: 'The window is two to three days and the drive is getting easier.', discussedWithPatient: true, changes: 'No change; pain psychology booked, with a bridge plan until then.' }) },
    ],
  },
  {
    mrn: 'RB-100008',
    plan: (asOf, s) => ({
      title: 'Walking to school and cooking',
      status: 'active',
      startDate: day(asOf, -60),
      phase: 'establishing-response',
      ongoingCare: null,
      baselineSymptomScore: 6,
      goals: [
        { id: 'goal-1', activity: 'Walk my grandson to school', statement: 'Walk my grandson to school and back', baselineScore: 5, targetScore: 8, targetDate: day(asOf, 60), status: 'active' },
        { id: 'goal-2', activity: 'Stand to cook dinner', statement: 'Stand for 30 minutes to cook dinner', baselineScore: 4, targetScore: 7, targetDate: day(asOf, 60), status: 'active' },
      ],
      interventions: [
        { id: 'iv-1', domain: 'rehabilitation', description: 'Needling and manual therapy, weekly', ownerUserId: s.bell, ownerRole: null, status: 'active', expectedStartDate: null, expectedWaitDays: null, bridgePlan: null },
        { id: 'iv-2', domain: 'self-management', description: 'Pacing plan for cooking: sit for part of it', ownerUserId: s.bell, ownerRole: null, status: 'active', expectedStartDate: null, expectedWaitDays: null, bridgePlan: null },
      ],
      checkpointSchedule: { firstDate: day(asOf, -56), intervalDays: 14 },
      graduationCriteria: [{ id: 'gc-1', statement: 'Walks her grandson to school and back most days', goalId: 'goal-1' }],
      patientSummary: 'We are finding out if needling helps you. If it does not, we will look at other ways together.',
    }),
    sessions: [[56, null, [5, 4], 100, null], [49, 0, [5, 4], 100, [5, 40]], [42, 0, [5, 4], 100, null], [35, 0, [5, 4], 100, null], [28, 0.5, [5, 4], 100, null], [21, 0, [5, 4], 100, null], [14, 0, [5, 4], 100, null], [7, 0, [5, 4], 100, null]],
    flares: [],
    decided: [
      { daysAgo: 56, decision: (date) => ({ decision: 'adjust', date, rationale: 'First session done; we look for a window of relief over the next few weeks.', discussedWithPatient: true, changes: 'No change.' }) },
      { daysAgo: 42, decision: (date) => ({ decision: 'adjust', date, rationale: 'No relief window yet; some soreness after the first session, as expected.', discussedWithPatient: true, changes: 'No change.' }) },
      { daysAgo: 28, decision: (date) => ({ decision: 'adjust', date, rationale: 'No relief window yet after four sessions. We try two more weeks with a different needling approach.', discussedWithPatient: true, changes: 'Change the needling points; add heat before sessions.' }) },
      { daysAgo: 14, decision: (date) => ({ decision: 'adjust', date, rationale: 'Still no lasting relief. Two more sessions, then we talk about other options honestly.', discussedWithPatient: true, changes: 'Add the pacing plan for cooking.' }) },
    ],
  },
];

function check(issues: Issue[], what: string): void {
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new Error(`demo care plan: invalid ${what}: ${errors.map((e) => `${e.path ?? ''} ${e.message}`).join('; ')}`);
}

async function openCheckpoint(db: DbOrTx, patient: { id: string; orgId: string; careTeamId: string | null }, plan: CarePlanRow, dueOn: string, by: string, asOf: Date): Promise<{ id: string; taskId: string | null }> {
  const task = await insertTask(db, {
    orgId: patient.orgId, patientId: patient.id, type: 'checkpoint', title: 'Care plan checkpoint: where we started, where we are, where we said we would go',
    details: 'Open the care plan, read the honest summary with the person, and record the decision.', careTeamId: patient.careTeamId, assigneeUserId: null, assigneeRole: null,
    dueAt: new Date(`${dueOn}T23:59:59.999Z`), priority: 'routine', source: 'care-plan', createdBy: by, asOf,
  });
  return insertCheckpoint(db, { orgId: patient.orgId, patientId: patient.id, carePlanId: plan.id, dueOn, taskId: task.id, status: 'due', createdAt: asOf });
}

/** Seeds the demo care plans inside the caller's transaction; returns how many sessions were stored. */
export async function seedDemoCarePlans(db: DbOrTx, options: { orgId: string; asOf: Date }): Promise<{ plans: number; sessions: number }> {
  const { orgId, asOf } = options;
  const people = await db.select().from(patients).where(and(eq(patients.orgId, orgId), inArray(patients.mrn, SPECS.map((s) => s.mrn))));
  const staffRows = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.orgId, orgId));
  const byEmail = (email: string): string => {
    const found = staffRows.find((u) => u.email === email);
    if (!found) throw new Error(`demo care plan: no staff member ${email}`);
    return found.id;
  };
  const staff: Staff = { bell: byEmail('marcus.bell@riverbend.example'), okafor: byEmail('dr.okafor@riverbend.example'), lindqvist: byEmail('dr.lindqvist@riverbend.example'), whitehorse: byEmail('jordan.whitehorse@riverbend.example') };
  let sessions = 0;
  for (const spec of SPECS) {
    const patient = people.find((p) => p.mrn === spec.mrn);
    if (!patient) throw new Error(`demo care plan: no patient ${spec.mrn}`);
    const content = spec.plan(asOf, staff);
    check(validateCarePlanInput(content), `plan ${spec.mrn}`);
    const created = addDays(asOf, -daysBetween(content.startDate, toDateString(asOf)));
    const plan = await insertPlan(db, { orgId, patientId: patient.id, content, by: staff.bell, asOf: created, note: 'Plan created' });
    for (const [daysAgo, relief, scores, passive, soreness] of spec.sessions) {
      const input: TherapySessionInput = {
        date: day(asOf, -daysAgo), modalities: passive === 100 ? PASSIVE : BLEND, passivePercent: passive, soreness: soreness ? { score: soreness[0], hours: soreness[1] } : null,
        reliefWindowDaysReported: relief, goalScores: scores.map((score, i) => ({ goalId: `goal-${i + 1}`, score })), symptomScore: null, precipitatingEvent: null, note: null,
      };
      check(validateTherapySessionInput(input, content.goals.map((g) => g.id)), `session ${spec.mrn} ${input.date}`);
      await insertSession(db, {
        orgId, patientId: patient.id, carePlanId: plan.id, sessionDate: input.date, modalities: input.modalities, passivePercent: input.passivePercent, soreness: input.soreness,
        reliefWindowDaysReported: input.reliefWindowDaysReported, goalScores: input.goalScores, symptomScore: null, precipitatingEvent: null, note: null, recordedBy: staff.bell, createdAt: addDays(asOf, -daysAgo),
      });
      sessions += 1;
    }
    for (const f of spec.flares) {
      const startedAt = addDays(asOf, -f.startDaysAgo);
      const input: FlareInput = {
        startedAt: startedAt.toISOString(), baselineSymptomScore: f.baseline, peakSymptomScore: f.peak, settledAt: f.settledHours === null ? null : new Date(startedAt.getTime() + f.settledHours * 3_600_000).toISOString(),
        symptomScoreAfter: f.after, trigger: f.trigger, reportedBy: 'patient',
      };
      check(validateFlareInput(input), `flare ${spec.mrn}`);
      await insertFlare(db, { orgId, patientId: patient.id, carePlanId: plan.id, startedAt, baselineSymptomScore: f.baseline, peakSymptomScore: f.peak, settledAt: input.settledAt ? new Date(input.settledAt) : null, symptomScoreAfter: f.after, trigger: f.trigger, reportedBy: 'patient', recordedBy: staff.bell, createdAt: startedAt });
    }
    if (spec.mrn === 'RB-100001') {
      await insertReport(db, { orgId, patientId: patient.id, carePlanId: plan.id, reportedOn: day(asOf, -1), afterSessionId: null, reliefWindowDays: 6, goalScores: [{ goalId: 'goal-2', score: 7 }], symptomScore: 3, note: 'Walked with my sister on Sunday', reportedBy: byEmail('maria.garcia@patients.example'), reportedAt: addDays(asOf, -1) });
    }
    for (const d of spec.decided) {
      const date = day(asOf, -d.daysAgo);
      const decision = d.decision(date);
      check(validateCheckpointDecisionInput(decision), `checkpoint ${spec.mrn}`);
      const cp = await openCheckpoint(db, patient, plan, date, staff.bell, addDays(asOf, -d.daysAgo - 14));
      const decidedAt = addDays(asOf, -d.daysAgo);
      await decideCheckpoint(db, cp.id, 1, { decision: decision.decision, decisionDetail: decision, summary: null, planVersion: plan.version, decidedBy: staff.bell, decidedAt });
      if (cp.taskId !== null) {
        await updateTaskRow(db, cp.taskId, 1, { status: 'done' }, decidedAt);
        await addTaskHistory(db, { orgId, patientId: patient.id, taskId: cp.taskId, at: decidedAt, actor: staff.bell, event: 'task.completed', changes: { status: { from: 'open', to: 'done' } } });
      }
    }
    // The next date on the schedule after the last decision: the engine's rule (progression/checkpoint.ts).
    const lastDecided = spec.decided.map((d) => day(asOf, -d.daysAgo)).sort().at(-1);
    const from = lastDecided === undefined ? content.checkpointSchedule.firstDate : nextDay(lastDecided);
    const dueOn = nextCheckpointOnOrAfter(content.checkpointSchedule.firstDate, content.checkpointSchedule.intervalDays, from);
    await openCheckpoint(db, patient, plan, dueOn, staff.bell, asOf);
  }
  return { plans: SPECS.length, sessions };
}

function nextDay(date: string): string {
  return toDateString(new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000));
}
