/**
 * Demo outcome measures: for eight demo patients, a submitted intake (their story in their words) and then
 * months of check-ins — PEG every week, PHQ-9 and GAD-7 every two weeks, PSFS every four — so trajectories
 * and the pre-visit summary have something true-to-life to show. Most people improve meaningfully, one
 * stays flat (Denise Washington) and one gets worse (Raymond Cruz, whose sleep and mood slipped).
 *
 * Rules kept here:
 * - Scores come from the domain (scoreInstrument), never computed here; answers are built to land near a
 *   planned level, with small seeded noise so lines look real and the same seed gives the same clinic.
 * - Dates are weeks before `asOf`; the last check-in is a few days ago.
 * - PHQ-9 item 9 is always 0 and no red-flag answer is yes, so no demo safety task is implied without a task.
 * - Person-first, plain words; everything fictional.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { DEFAULT_INTAKE_TEMPLATE, intakePages } from '../../domain/intake/pages';
import { hasBackPain, type PainStory } from '../../domain/intake/story';
import { scoreInstrument, type Answers } from '../../domain/measures/score';
import type { InstrumentId } from '../../domain/measures/instruments';
import type { DbOrTx } from '../client';
import { assessments, careTeamMembers, intakes, patients, questionnaireResponses, users } from '../schema';
import { addDays } from './dates';
import { SeededRandom } from './prng';

type Level = readonly [start: number, end: number];

interface DemoMeasuresSpec {
  mrn: string;
  weeks: number;
  peg: Level;
  phq9: Level;
  gad7: Level;
  activities: readonly [name: string, start: number, end: number][];
  /** Onset in months before asOf. */
  onsetMonthsAgo: number;
  story: Omit<PainStory, 'onset' | 'impact'> & { how: string; impact: [number, number, number, number, number] };
  startback?: number[];
  assessment?: { mechanism: string; irritability: string; comorbidities: string[]; notes: string };
}

const SPECS: readonly DemoMeasuresSpec[] = [
  {
    mrn: 'RB-100001', weeks: 16, peg: [7.3, 3.7], phq9: [9, 4], gad7: [7, 3], onsetMonthsAgo: 37,
    activities: [['Lift my granddaughter', 2, 7], ['Walk 30 minutes with my sister', 3, 8]],
    story: { how: 'Lifting a client at work as a home health aide', regions: ['lower-back'], character: ['aching'], worse: 'Long shifts and bending', better: 'Walking and heat',
      impact: [5, 4, 8, 6, 7], tried: [{ treatment: 'Heat packs', helped: 'a-little', sideEffects: null }, { treatment: 'Ibuprofen', helped: 'a-little', sideEffects: 'Upset stomach' }],
      fears: 'Losing my job', hopes: 'Lift my granddaughter again' },
    startback: [1, 0, 1, 1, 0, 1, 0, 0, 2],
    assessment: { mechanism: 'nociceptive', irritability: 'moderate', comorbidities: [], notes: 'Mechanical low back pain, no red flags; graded activity with work adjustments.' },
  },
  {
    mrn: 'RB-100004', weeks: 14, peg: [6.7, 4.0], phq9: [8, 5], gad7: [10, 6], onsetMonthsAgo: 8,
    activities: [['Drive to work without stopping', 3, 7], ['A full day at my sewing business', 2, 6]],
    story: { how: 'A car hit my car from behind', regions: ['neck', 'upper-back', 'head-back'], character: ['aching', 'throbbing'], worse: 'Turning my head while driving', better: 'Gentle stretches',
      impact: [6, 5, 7, 4, 5], tried: [{ treatment: 'Physical therapy', helped: 'yes', sideEffects: null }], fears: 'That the headaches will not stop', hopes: 'Drive to work without stopping' },
    startback: [0, 1, 0, 1, 0, 1, 0, 0, 2],
  },
  {
    mrn: 'RB-100008', weeks: 20, peg: [6.3, 6.3], phq9: [7, 7], gad7: [5, 5], onsetMonthsAgo: 140,
    activities: [['Walk my grandson to school', 5, 5], ['Stand to cook dinner', 4, 4]],
    story: { how: 'After two back surgeries', regions: ['lower-back', 'back-thigh-left', 'calf-left'], character: ['aching', 'burning', 'shooting'], worse: 'Standing still', better: 'Lying on my side',
      impact: [6, 4, 5, 4, 6], tried: [{ treatment: 'Back surgery', helped: 'a-little', sideEffects: null }, { treatment: 'Opioid medicine', helped: 'a-little', sideEffects: 'Constipation' }],
      fears: 'Not being able to walk my grandson to school', hopes: 'Keep my mornings with my grandson' },
    startback: [1, 0, 1, 1, 0, 0, 0, 0, 2],
    assessment: { mechanism: 'mixed', irritability: 'moderate', comorbidities: ['Constipation'], notes: 'Stable for a long time; benefit and risk review due.' },
  },
  {
    mrn: 'RB-100003', weeks: 18, peg: [7.7, 5.0], phq9: [14, 8], gad7: [11, 7], onsetMonthsAgo: 50,
    activities: [['Cook for my family on weekends', 2, 6], ['Walk 20 minutes', 3, 6]],
    story: { how: 'Slowly, over many months', regions: ['neck', 'shoulder-left', 'shoulder-right', 'lower-back', 'hip-left', 'hip-right'], character: ['aching', 'tingling'], worse: 'Poor sleep and cold weather', better: 'Warm showers and rest',
      impact: [9, 6, 7, 7, 6], tried: [{ treatment: 'Duloxetine', helped: 'a-little', sideEffects: 'Nausea at first' }, { treatment: 'Walking plan', helped: 'yes', sideEffects: null }],
      fears: 'That I cannot care for my children', hopes: 'Cook for my family on weekends' },
    assessment: { mechanism: 'nociplastic', irritability: 'high', comorbidities: ['Poor sleep'], notes: 'Widespread pain with sleep as the main driver; graded walking and a sleep routine.' },
  },
  {
    mrn: 'RB-100011', weeks: 16, peg: [5.3, 7.7], phq9: [10, 16], gad7: [9, 14], onsetMonthsAgo: 96,
    activities: [['Hike with my kids', 4, 2], ['Sleep through the night', 3, 2]],
    story: { how: 'A vehicle rollover during deployment', regions: ['lower-back', 'knee-right'], character: ['aching', 'stabbing'], worse: 'Sitting in the truck', better: 'Moving around',
      impact: [8, 6, 5, 5, 6], tried: [{ treatment: 'Physical therapy at the VA', helped: 'a-little', sideEffects: null }], fears: 'That it keeps getting worse', hopes: 'Hike with my kids' },
    startback: [0, 0, 1, 0, 1, 1, 1, 1, 3],
    assessment: { mechanism: 'mixed', irritability: 'moderate', comorbidities: ['PTSD (care at the VA)', 'Poor sleep'], notes: 'Sleep and mood worse this season; coordinate with the VA team.' },
  },
  {
    mrn: 'RB-100002', weeks: 12, peg: [6.0, 5.0], phq9: [4, 3], gad7: [3, 3], onsetMonthsAgo: 120,
    activities: [['Walk to the mailbox', 4, 6], ['Stand on the dock to fish', 3, 5]],
    story: { how: 'Slowly, over years', regions: ['knee-right', 'knee-left'], character: ['aching'], worse: 'Stairs and long walks', better: 'Rest and a knee sleeve',
      impact: [4, 2, 3, 3, 7], tried: [{ treatment: 'Acetaminophen', helped: 'a-little', sideEffects: null }], fears: 'Needing a walker', hopes: 'Stand long enough to fish' },
  },
  {
    mrn: 'RB-100016', weeks: 14, peg: [6.0, 2.7], phq9: [5, 2], gad7: [4, 2], onsetMonthsAgo: 24,
    activities: [['Walk my dog for 45 minutes', 3, 8], ['Run a 5 km race', 0, 4]],
    story: { how: 'It started while training for a race', regions: ['foot-right', 'knee-right'], character: ['stabbing', 'aching'], worse: 'First steps in the morning', better: 'Stretching and good shoes',
      impact: [2, 4, 5, 3, 7], tried: [{ treatment: 'Heel inserts', helped: 'a-little', sideEffects: null }], fears: 'Never running again', hopes: 'Run a 5 km race again' },
  },
  {
    mrn: 'RB-100017', weeks: 12, peg: [7.0, 4.7], phq9: [6, 4], gad7: [5, 3], onsetMonthsAgo: 14,
    activities: [['Tend my garden beds', 2, 5], ['Get to church on Sundays', 4, 7]],
    story: { how: 'Two bones in my spine broke because my bones are thin', regions: ['mid-back', 'knee-left', 'knee-right'], character: ['aching'], worse: 'Bending over', better: 'Sitting in my recliner',
      impact: [5, 3, 4, 4, 7], tried: [{ treatment: 'Back brace', helped: 'a-little', sideEffects: null }, { treatment: 'Acetaminophen', helped: 'yes', sideEffects: null }],
      fears: 'Falling again', hopes: 'Tend my garden beds' },
    startback: [0, 0, 1, 1, 0, 0, 0, 0, 2],
    assessment: { mechanism: 'nociceptive', irritability: 'high', comorbidities: ['Osteoporosis'], notes: 'Healing compression fractures; walker outdoors, bone health with primary care.' },
  },
];

const clamp = (n: number, min: number, max: number): number => Math.min(max, Math.max(min, n));
const along = ([start, end]: Level, t: number): number => start + (end - start) * t;

/** Whole-number items 0..max whose sum is close to `total`, spread evenly. */
function spread(prefix: string, count: number, max: number, total: number, skip: number[] = []): Answers {
  const ids = Array.from({ length: count }, (_, i) => i + 1).filter((n) => !skip.includes(n));
  let left = clamp(Math.round(total), 0, ids.length * max);
  const answers: Answers = {};
  ids.forEach((n, i) => {
    const share = Math.min(max, Math.ceil(left / (ids.length - i)));
    answers[`${prefix}.${n}`] = share;
    left -= share;
  });
  for (const n of skip) answers[`${prefix}.${n}`] = 0;
  return answers;
}

function answersAt(id: InstrumentId, spec: DemoMeasuresSpec, t: number, rng: SeededRandom): Answers {
  const noise = (): number => (rng.next() - 0.5) * 1.2;
  switch (id) {
    case 'peg': {
      const level = along(spec.peg, t);
      return { 'peg.1': clamp(Math.round(level + noise()), 0, 10), 'peg.2': clamp(Math.round(level + noise()), 0, 10), 'peg.3': clamp(Math.round(level + noise()), 0, 10) };
    }
    case 'phq9':
      return spread('phq9', 9, 3, along(spec.phq9, t) + noise(), [9]);
    case 'gad7':
      return spread('gad7', 7, 3, along(spec.gad7, t) + noise());
    case 'psfs':
      return { 'psfs.activities': spec.activities.map(([name, start, end]) => ({ name, score: clamp(Math.round(start + (end - start) * t + noise() / 2), 0, 10) })) };
    case 'startback':
      return Object.fromEntries((spec.startback ?? []).map((v, i) => [`startback.${i + 1}`, v]));
    case 'phq2':
    case 'ort':
    case 'ort-oud':
      return {};
  }
}

type ResponseInsert = typeof questionnaireResponses.$inferInsert;

/**
 * Adds the intakes, check-ins and assessments. Runs inside the demo seed's transaction; patients not in
 * the organisation are skipped. Returns how many responses it wrote.
 */
export async function seedDemoMeasures(db: DbOrTx, options: { orgId: string; asOf: Date }): Promise<{ intakes: number; responses: number }> {
  const { orgId, asOf } = options;
  const rows = await db.select().from(patients).where(and(eq(patients.orgId, orgId), inArray(patients.mrn, SPECS.map((s) => s.mrn))));
  const clinicians = await db
    .select({ id: users.id, teamId: careTeamMembers.careTeamId })
    .from(careTeamMembers)
    .innerJoin(users, eq(users.id, careTeamMembers.userId))
    .where(and(eq(careTeamMembers.orgId, orgId), inArray(users.role, ['prescriber', 'therapist'])))
    .orderBy(users.role, users.displayName);
  const rng = new SeededRandom(20_261_122);
  const responses: ResponseInsert[] = [];
  const intakeRows: (typeof intakes.$inferInsert)[] = [];
  const assessmentRows: (typeof assessments.$inferInsert)[] = [];
  for (const spec of SPECS) {
    const patient = rows.find((p) => p.mrn === spec.mrn);
    if (!patient) continue;
    const by = patient.coordinatorUserId ?? 'demo-seed';
    const start = addDays(asOf, -7 * spec.weeks - 3);
    const at = (week: number): Date => addDays(start, 7 * week);
    const push = (id: InstrumentId, week: number, intakeId: string | null, given?: Answers): void => {
      const answers = given ?? answersAt(id, spec, week / spec.weeks, rng);
      const score = scoreInstrument(id, answers);
      const when = at(week);
      responses.push({ orgId, patientId: patient.id, intakeId, requestId: null, instrumentId: id, instrumentVersion: score.instrumentVersion, answers, score, status: 'completed', authoredAt: when, createdBy: by, createdAt: when, updatedAt: when });
    };
    // The intake (week 0): story pages plus the instruments its pages held.
    const intakeId = randomUUID();
    // The PHQ-2 is the first two PHQ-9 answers, so both tell the same story.
    const phq9AtIntake = answersAt('phq9', spec, 0, rng);
    const phq2AtIntake: Answers = { 'phq2.1': phq9AtIntake['phq9.1'] ?? 0, 'phq2.2': phq9AtIntake['phq9.2'] ?? 0 };
    const phq2Positive = scoreInstrument('phq2', phq2AtIntake).flags.some((f) => f.code === 'phq2.positive');
    const pages = intakePages(DEFAULT_INTAKE_TEMPLATE, { phq2Positive, backPain: hasBackPain(spec.story.regions) });
    const onset = addDays(asOf, -Math.round(spec.onsetMonthsAgo * 30.44)).toISOString().slice(0, 7);
    const [sleep, mood, work, family, movement] = spec.story.impact;
    const { how, impact: _impact, ...rest } = spec.story;
    const story: PainStory = { ...rest, onset: { date: onset, approximate: true, how }, impact: { sleep, mood, work, family, movement } };
    const sentAt = addDays(at(0), -4);
    intakeRows.push({
      id: intakeId, orgId, patientId: patient.id, templateVersion: DEFAULT_INTAKE_TEMPLATE.templateVersion, status: 'submitted', pages, currentPage: pages[pages.length - 1] ?? 'red-flags',
      savedPages: pages, story, redFlagAnswers: { 'cauda-equina.bladder': false, 'cancer.history': false, 'infection.fever': false, 'fracture.major-injury': false },
      raisedAlerts: {}, sentBy: by, sentAt, startedAt: addDays(at(0), -1), submittedAt: at(0), version: pages.length + 1, createdAt: sentAt, updatedAt: at(0),
    });
    const given: Partial<Record<string, Answers>> = { phq2: phq2AtIntake, phq9: phq9AtIntake };
    for (const page of pages) if (['peg', 'phq2', 'phq9', 'gad7', 'psfs', 'startback'].includes(page)) push(page as InstrumentId, 0, intakeId, given[page]);
    // Check-ins after the intake.
    for (let week = 1; week <= spec.weeks; week += 1) {
      push('peg', week, null);
      if (week % 2 === 0) {
        push('phq9', week, null);
        push('gad7', week, null);
      }
      if (week % 4 === 0) push('psfs', week, null);
    }
    if (spec.assessment) {
      const clinician = clinicians.find((c) => c.teamId === patient.careTeamId)?.id ?? by;
      assessmentRows.push({ orgId, patientId: patient.id, ...spec.assessment, onsetDate: null, assessedBy: clinician, assessedAt: addDays(at(0), 3), createdAt: addDays(at(0), 3) });
    }
  }
  if (intakeRows.length > 0) await db.insert(intakes).values(intakeRows);
  if (responses.length > 0) await db.insert(questionnaireResponses).values(responses);
  if (assessmentRows.length > 0) await db.insert(assessments).values(assessmentRows);
  return { intakes: intakeRows.length, responses: responses.length };
}
