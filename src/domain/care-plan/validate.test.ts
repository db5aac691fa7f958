import { describe, expect, it } from 'vitest';
import type { CarePlanInput, CheckpointDecisionInput, FlareInput, ResponseReportInput, TherapySessionInput } from './types';
import { validateCarePlanInput, validateCheckpointDecisionInput, validateFlareInput, validateResponseReportInput, validateTherapySessionInput } from './validate';

function plan(overrides: Partial<CarePlanInput> = {}): CarePlanInput {
  return {
    title: 'Back to walking and cycling',
    status: 'active',
    startDate: '2026-01-05',
    phase: 'establishing-response',
    ongoingCare: null,
    baselineSymptomScore: 7,
    goals: [{ id: 'walk', activity: 'walking', statement: 'Walk 30 minutes', baselineScore: 3, targetScore: 8, targetDate: '2026-04-01', status: 'active' }],
    interventions: [
      { id: 'needling', domain: 'rehabilitation', description: 'Dry needling weekly', ownerUserId: null, ownerRole: 'therapist', status: 'active', expectedStartDate: null, expectedWaitDays: null, bridgePlan: null },
      { id: 'cbt', domain: 'behavioural-health', description: 'Pain CBT group', ownerUserId: 'u1', ownerRole: null, status: 'waiting', expectedStartDate: '2026-03-01', expectedWaitDays: 55, bridgePlan: { text: 'Pain neuroscience video series, weekly check-in call', ownerUserId: null } },
    ],
    checkpointSchedule: { firstDate: '2026-01-19', intervalDays: 14 },
    graduationCriteria: [{ id: 'c1', statement: 'Walks 30 minutes most days', goalId: 'walk' }],
    patientSummary: null,
    ...overrides,
  };
}
const paths = (issues: { code: string; path?: string }[]): [string, string | undefined][] => issues.map((i) => [i.code, i.path]);

describe('validateCarePlanInput', () => {
  it('accepts a complete plan', () => {
    expect(validateCarePlanInput(plan())).toEqual([]);
  });

  it('lists every bad field with its path at once', () => {
    const bad = plan({
      title: ' ',
      startDate: '2026-02-30',
      baselineSymptomScore: 11,
      goals: [
        { id: 'walk', activity: '', statement: 'Walk', baselineScore: 6, targetScore: 5, targetDate: '2026-13-01', status: 'active' },
        { id: 'walk', activity: 'bike', statement: '', baselineScore: -1, targetScore: 10.25, targetDate: '2026-05-01', status: 'active' },
      ],
      interventions: [{ id: 'x', domain: 'procedures', description: '', ownerUserId: ' ', ownerRole: null, status: 'waiting', expectedStartDate: null, expectedWaitDays: 1.5, bridgePlan: null }],
      checkpointSchedule: { firstDate: 'soon', intervalDays: 0 },
      graduationCriteria: [{ id: 'c', statement: '', goalId: 'swim' }],
    });
    expect(paths(validateCarePlanInput(bad, 'body.'))).toEqual([
      ['care-plan.title-required', 'body.title'],
      ['care-plan.start-date-invalid', 'body.startDate'],
      ['care-plan.baseline-symptom-out-of-range', 'body.baselineSymptomScore'],
      ['care-plan.goal-activity-required', 'body.goals[0].activity'],
      ['care-plan.goal-target-not-above-baseline', 'body.goals[0].targetScore'],
      ['care-plan.goal-target-date-invalid', 'body.goals[0].targetDate'],
      ['care-plan.goal-id-duplicate', 'body.goals[1].id'],
      ['care-plan.goal-statement-required', 'body.goals[1].statement'],
      ['care-plan.goal-baseline-out-of-range', 'body.goals[1].baselineScore'],
      ['care-plan.goal-target-out-of-range', 'body.goals[1].targetScore'],
      ['care-plan.intervention-description-required', 'body.interventions[0].description'],
      ['care-plan.intervention-owner-required', 'body.interventions[0].ownerUserId'],
      ['care-plan.expected-wait-out-of-range', 'body.interventions[0].expectedWaitDays'],
      ['care-plan.bridge-plan-required', 'body.interventions[0].bridgePlan'],
      ['care-plan.first-checkpoint-invalid', 'body.checkpointSchedule.firstDate'],
      ['care-plan.checkpoint-interval-out-of-range', 'body.checkpointSchedule.intervalDays'],
      ['care-plan.criterion-statement-required', 'body.graduationCriteria[0].statement'],
      ['care-plan.goal-unknown', 'body.graduationCriteria[0].goalId'],
    ]);
  });

  it.each([
    ['waiting status', { status: 'waiting' as const }],
    ['an expected start', { expectedStartDate: '2026-02-01' }],
    ['an expected wait', { expectedWaitDays: 30 }],
  ])('asks for a bridge plan for every wait (%s)', (_l, change) => {
    const base = plan().interventions[0];
    if (!base) throw new Error('fixture');
    const issues = validateCarePlanInput(plan({ interventions: [{ ...base, ...change }] }));
    expect(paths(issues)).toEqual([['care-plan.bridge-plan-required', 'interventions[0].bridgePlan']]);
  });

  it.each([
    ['therapist', true],
    ['behavioural_health', true],
    ['patient', false],
    ['physio', false],
  ] as const)('owner role %s is accepted: %s', (ownerRole, ok) => {
    const base = plan().interventions[0];
    if (!base) throw new Error('fixture');
    const issues = validateCarePlanInput(plan({ interventions: [{ ...base, ownerRole }] }));
    expect(paths(issues)).toEqual(ok ? [] : [['care-plan.intervention-owner-role-unknown', 'interventions[0].ownerRole']]);
  });

  it('needs goals and graduation criteria', () => {
    expect(paths(validateCarePlanInput(plan({ goals: [], graduationCriteria: [] })))).toEqual([
      ['care-plan.goals-required', 'goals'],
      ['care-plan.graduation-criteria-required', 'graduationCriteria'],
    ]);
  });

  it('needs a reason and a review date after the start for ongoing care, and only with that phase', () => {
    expect(paths(validateCarePlanInput(plan({ phase: 'ongoing-care' })))).toEqual([['care-plan.ongoing-care-needs-reason', 'ongoingCare']]);
    expect(paths(validateCarePlanInput(plan({ phase: 'ongoing-care', ongoingCare: { reason: '', reviewDate: '2026-01-05' } })))).toEqual([
      ['care-plan.ongoing-care-reason-required', 'ongoingCare.reason'],
      ['care-plan.review-date-before-start', 'ongoingCare.reviewDate'],
    ]);
    expect(validateCarePlanInput(plan({ phase: 'ongoing-care', ongoingCare: { reason: 'Management is the aim.', reviewDate: '2026-03-01' } }))).toEqual([]);
    expect(paths(validateCarePlanInput(plan({ ongoingCare: { reason: 'x', reviewDate: '2026-03-01' } })))).toEqual([['care-plan.ongoing-care-without-phase', 'ongoingCare']]);
  });

  it('checks dates against the start (boundary: the same day is not after)', () => {
    const g = plan().goals[0];
    if (!g) throw new Error('fixture');
    expect(paths(validateCarePlanInput(plan({ goals: [{ ...g, targetDate: '2026-01-05' }], checkpointSchedule: { firstDate: '2026-01-04', intervalDays: 14 } })))).toEqual([
      ['care-plan.goal-target-date-before-start', 'goals[0].targetDate'],
      ['care-plan.first-checkpoint-before-start', 'checkpointSchedule.firstDate'],
    ]);
    expect(validateCarePlanInput(plan({ checkpointSchedule: { firstDate: '2026-01-05', intervalDays: 182 } }))).toEqual([]);
  });
});

function session(overrides: Partial<TherapySessionInput> = {}): TherapySessionInput {
  return { date: '2026-01-12', modalities: ['needling', 'home-programme'], passivePercent: 80, soreness: { score: 4, hours: 36 }, reliefWindowDaysReported: 1.5, goalScores: [{ goalId: 'walk', score: 4 }], symptomScore: 6, precipitatingEvent: null, note: null, ...overrides };
}

describe('validateTherapySessionInput', () => {
  it('accepts a session', () => {
    expect(validateTherapySessionInput(session(), ['walk'])).toEqual([]);
  });

  it('lists every bad field', () => {
    const bad = session({ date: '12/01/2026', modalities: ['needling', 'needling'], passivePercent: 101, soreness: { score: 4.55, hours: 400 }, reliefWindowDaysReported: 1.2, goalScores: [{ goalId: 'swim', score: 11 }, { goalId: 'swim', score: 2 }], symptomScore: -1, precipitatingEvent: ' ' });
    expect(paths(validateTherapySessionInput(bad, ['walk']))).toEqual([
      ['session.date-invalid', 'date'],
      ['session.modality-duplicate', 'modalities'],
      ['session.passive-percent-out-of-range', 'passivePercent'],
      ['session.soreness-out-of-range', 'soreness.score'],
      ['session.soreness-hours-out-of-range', 'soreness.hours'],
      ['care-plan.relief-window-out-of-range', 'reliefWindowDaysReported'],
      ['care-plan.goal-score-out-of-range', 'goalScores[0].score'],
      ['care-plan.goal-unknown', 'goalScores[0].goalId'],
      ['care-plan.goal-score-duplicate', 'goalScores[1].goalId'],
      ['care-plan.goal-unknown', 'goalScores[1].goalId'],
      ['session.symptom-out-of-range', 'symptomScore'],
      ['session.event-empty', 'precipitatingEvent'],
    ]);
  });

  it.each([
    [['needling'], 100, true],
    [['needling'], 90, false],
    [['corrective-exercise'], 0, true],
    [['corrective-exercise'], 10, false],
    [['manual-therapy', 'graded-activity'], 50, true],
    [['manual-therapy', 'graded-activity'], 100, false],
    [['manual-therapy', 'graded-activity'], 0, false],
    [['other-passive', 'functional-training'], 1, true],
    [['other-passive', 'functional-training'], 99, true],
  ] as const)('modalities %j with %i %% passive: valid %s', (modalities, passivePercent, ok) => {
    expect(validateTherapySessionInput(session({ modalities: [...modalities], passivePercent }), null).length === 0).toBe(ok);
  });

  it.each([[0, true], [90, true], [90.5, false], [0.5, true]] as const)('relief window %s days valid: %s', (days, ok) => {
    expect(validateTherapySessionInput(session({ reliefWindowDaysReported: days }), null).length === 0).toBe(ok);
  });
});

describe('validateResponseReportInput', () => {
  const report = (o: Partial<ResponseReportInput> = {}): ResponseReportInput => ({ reportedOn: '2026-01-14', afterSessionId: null, reliefWindowDays: 2, goalScores: [], symptomScore: null, note: null, ...o });
  it('accepts a report and rejects an empty one', () => {
    expect(validateResponseReportInput(report(), ['walk'])).toEqual([]);
    expect(paths(validateResponseReportInput(report({ reliefWindowDays: null }), ['walk']))).toEqual([['report.empty', 'reliefWindowDays']]);
    expect(paths(validateResponseReportInput(report({ reportedOn: '2026-02-31', reliefWindowDays: 91 }), ['walk']))).toEqual([
      ['report.date-invalid', 'reportedOn'],
      ['care-plan.relief-window-out-of-range', 'reliefWindowDays'],
    ]);
  });
});

describe('validateFlareInput', () => {
  const flare = (o: Partial<FlareInput> = {}): FlareInput => ({ startedAt: '2026-02-01T08:00:00Z', baselineSymptomScore: 4, peakSymptomScore: 7, settledAt: '2026-02-03T08:00:00+01:00', symptomScoreAfter: 4, trigger: null, reportedBy: 'patient', ...o });
  it('accepts a flare, settled or not', () => {
    expect(validateFlareInput(flare())).toEqual([]);
    expect(validateFlareInput(flare({ settledAt: null, symptomScoreAfter: null }))).toEqual([]);
  });
  it('lists every problem', () => {
    expect(paths(validateFlareInput(flare({ startedAt: '2026-02-01 08:00', peakSymptomScore: 4, settledAt: '2026-02-01T08:00:00', symptomScoreAfter: null })))).toEqual([
      ['flare.started-at-invalid', 'startedAt'],
      ['flare.peak-not-above-baseline', 'peakSymptomScore'],
      ['flare.settled-at-invalid', 'settledAt'],
      ['flare.score-after-required', 'symptomScoreAfter'],
    ]);
    expect(paths(validateFlareInput(flare({ settledAt: '2026-01-31T08:00:00Z' })))).toEqual([['flare.settled-before-start', 'settledAt']]);
    expect(paths(validateFlareInput(flare({ settledAt: null, symptomScoreAfter: 3 })))).toEqual([['flare.score-after-without-settled', 'settledAt']]);
  });
});

describe('validateCheckpointDecisionInput', () => {
  const base = { date: '2026-03-02', rationale: 'Goals flat for a month with no cause.', discussedWithPatient: true };
  it.each<[string, CheckpointDecisionInput, [string, string][]]>([
    ['adjust', { ...base, decision: 'adjust', changes: 'Add graded walking' }, []],
    ['adjust without changes', { ...base, decision: 'adjust', changes: '' }, [['checkpoint.changes-required', 'changes']]],
    ['refer with overlap', { ...base, decision: 'refer', referral: { to: 'Advanced rehabilitation', reason: 'Plateau', overlapStartDate: '2026-03-02', overlapEndDate: '2026-03-30' } }, []],
    [
      'refer without an overlap period',
      { ...base, decision: 'refer', referral: { to: '', reason: 'Plateau', overlapStartDate: '2026-03-01', overlapEndDate: '2026-03-01' } },
      [
        ['checkpoint.referral-to-required', 'referral.to'],
        ['checkpoint.overlap-too-short', 'referral.overlapEndDate'],
        ['checkpoint.overlap-before-decision', 'referral.overlapStartDate'],
      ],
    ],
    ['graduate', { ...base, decision: 'graduate', selfManagementPlan: 'Home programme 3×/week', followUpDate: '2026-06-01' }, []],
    ['graduate with a follow-up on the same day', { ...base, decision: 'graduate', selfManagementPlan: 'x', followUpDate: '2026-03-02' }, [['checkpoint.follow-up-before-decision', 'followUpDate']]],
    ['ongoing care', { ...base, decision: 'ongoing-care', ongoingCare: { reason: 'Management is the aim', reviewDate: '2026-06-01' } }, []],
    ['ongoing care without a review date after', { ...base, rationale: ' ', decision: 'ongoing-care', ongoingCare: { reason: 'x', reviewDate: '2026-03-02' } }, [['checkpoint.rationale-required', 'rationale'], ['checkpoint.review-date-before-decision', 'ongoingCare.reviewDate']]],
  ])('%s', (_label, body, expected) => {
    expect(paths(validateCheckpointDecisionInput(body))).toEqual(expected);
  });
});
