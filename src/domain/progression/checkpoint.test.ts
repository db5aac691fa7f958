import { describe, expect, it } from 'vitest';
import { goalProgress, summariseCheckpoint, type CheckpointInput } from './checkpoint';
import { DEFAULT_PROGRESSION_SETTINGS } from './settings';
import { buildGoal, buildPlan } from './test-builders';
import type { CheckpointDecisionKind } from '../care-plan/types';
import type { PlateauAssessment } from './types';

const S = DEFAULT_PROGRESSION_SETTINGS;
const noPlateau: PlateauAssessment = { plateau: false, windowStart: null, windowEnd: null, sessionsInWindow: 0, priorBestMeanGoalScore: null, windowBestMeanGoalScore: null, reasons: [] };
const plateau: PlateauAssessment = { ...noPlateau, plateau: true, reasons: [{ code: 'plateau.detected', message: 'Plateau', settings: [] }] };

function input(overrides: Partial<CheckpointInput> = {}): CheckpointInput {
  return {
    plan: buildPlan({ goals: [buildGoal({ id: 'walk', baselineScore: 2, targetScore: 8 }), buildGoal({ id: 'bike', statement: 'Cycle 5 km', baselineScore: 4, targetScore: 8, targetDate: '2026-07-01' })] }),
    latestScores: new Map([['walk', 5], ['bike', null]]),
    observations: [{ date: '2026-01-20', order: 0, scores: new Map(), symptomScore: 5 }],
    relief: [{ sessionId: 's1', date: '2026-01-12', reliefWindowDays: 3, source: 'next-session' }],
    phase: 'extending-window',
    plateau: noPlateau,
    flares: [],
    noResponseYet: false,
    checkpoints: [],
    asOf: new Date('2026-01-19T10:00:00Z'),
    settings: S,
    ...overrides,
  };
}

const support = (r: ReturnType<typeof summariseCheckpoint>): Record<CheckpointDecisionKind, boolean> =>
  Object.fromEntries(r.options.map((o) => [o.decision, o.dataSupport])) as Record<CheckpointDecisionKind, boolean>;

describe('checkpoint schedule (every 14 days from the first checkpoint)', () => {
  it.each([
    // asOf date, last decision date, next due, due?
    ['2026-01-18', null, '2026-01-19', false],
    ['2026-01-19', null, '2026-01-19', true],
    ['2026-02-10', null, '2026-01-19', true], // overdue until a decision is recorded
    ['2026-01-25', '2026-01-19', '2026-02-02', false],
    ['2026-02-02', '2026-01-19', '2026-02-02', true],
    ['2026-02-03', '2026-01-21', '2026-02-02', true], // a late decision does not shift the schedule
    ['2026-02-03', '2026-02-02', '2026-02-16', false],
  ] as const)('as of %s, last decision %s → next %s, due %s', (asOf, last, next, due) => {
    const r = summariseCheckpoint(input({ asOf: new Date(`${asOf}T10:00:00Z`), checkpoints: last ? [{ id: 'c', date: last, decision: 'adjust' }] : [] }));
    expect(r.nextDueDate).toBe(next);
    expect(r.due).toBe(due);
  });

  it('without a schedule, starts one interval after the plan start', () => {
    const r = summariseCheckpoint(input({ plan: buildPlan({ startDate: '2026-01-05', checkpointSchedule: null }), asOf: new Date('2026-01-10T00:00:00Z') }));
    expect(r.nextDueDate).toBe('2026-01-19');
  });
});

describe('where we started, where we are, where we said we would go', () => {
  it('summarises honestly in plain words', () => {
    const r = summariseCheckpoint(input());
    expect(r.started).toEqual({ date: '2026-01-05', meanGoalScore: 3, symptomScore: 7, reliefWindowDays: 0 });
    expect(r.now).toEqual({ date: '2026-01-19', meanGoalScore: 4.5, symptomScore: 5, reliefWindowDays: 3, phase: 'extending-window' });
    expect(r.aim).toEqual({ meanTargetScore: 8, latestTargetDate: '2026-07-01' });
    expect(r.text).toBe(
      'Where we started (2026-01-05): goal activities 3/10 on average, symptoms 7/10, no relief window. ' +
        'Where we are (2026-01-19): goal activities 4.5/10, symptoms 5/10, relief window 3 day(s); the data suggest the extending window phase. ' +
        'Where we said we would go: goal activities 8/10 by 2026-07-01.',
    );
  });

  it.each([
    [null, 'no-data', null],
    [2, 'not-moving', 0],
    [1, 'not-moving', -17],
    [5, 'moving', 50],
    [8, 'met', 100],
    [9, 'met', 117],
  ] as const)('goal at %s (baseline 2, target 8) → %s, %s %% of the way', (score, status, percent) => {
    const [g] = goalProgress(buildPlan({ goals: [buildGoal({ baselineScore: 2, targetScore: 8 })] }), new Map([['walk', score]]));
    expect(g).toMatchObject({ status, percentOfWayToTarget: percent });
  });
});

describe('options (listed, never decided)', () => {
  it('always lists the four decisions; ongoing care is never pushed by the data', () => {
    const r = summariseCheckpoint(input());
    expect(r.options.map((o) => o.decision)).toEqual(['adjust', 'refer', 'graduate', 'ongoing-care']);
    expect(support(r)).toEqual({ adjust: false, refer: false, graduate: false, 'ongoing-care': false });
  });

  it('a plateau points toward adjusting or referring, with an overlap period', () => {
    const r = summariseCheckpoint(input({ plateau }));
    expect(support(r)).toMatchObject({ adjust: true, refer: true, graduate: false });
    const refer = r.options.find((o) => o.decision === 'refer');
    expect(refer?.suggestedOverlapDays).toBe(28);
    expect(refer?.reasons.map((x) => x.settings).flat()).toContain('referralOverlapDays=28 (v1)');
  });

  it('no response yet points toward adjusting or referring', () => {
    expect(support(summariseCheckpoint(input({ noResponseYet: true })))).toMatchObject({ adjust: true, refer: true });
  });

  it('a flare to reassess points toward adjusting only', () => {
    const flares = [{ flareId: 'f', classification: 'reassess-prolonged' as const, hours: 90, expected: false, reasons: [] }];
    expect(support(summariseCheckpoint(input({ flares })))).toMatchObject({ adjust: true, refer: false });
  });

  it('every goal met points toward graduation and lists criteria to judge together', () => {
    const plan = buildPlan({ graduationCriteria: [{ id: 'c1', statement: 'Confident with the home programme', goalId: null }] });
    const r = summariseCheckpoint(input({ plan, latestScores: new Map([['walk', 8]]) }));
    expect(support(r).graduate).toBe(true);
    expect(r.options.find((o) => o.decision === 'graduate')?.reasons.map((x) => x.code)).toEqual(['checkpoint.goals-met', 'checkpoint.criteria-to-judge']);
  });
});
