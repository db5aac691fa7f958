import { describe, expect, it } from 'vitest';
import type { CarePlanStatus } from '../care-plan/types';
import type { PlateauAssessment } from '../progression/types';
import { concernSignal, plateauSignal, type ConcernFacts, type PlateauFacts } from './signals';

const asOf = new Date('2026-11-22T15:00:00Z');

const assessment = (o: Partial<PlateauAssessment> = {}): PlateauAssessment => ({
  plateau: true,
  windowStart: '2026-10-25',
  windowEnd: '2026-11-22',
  sessionsInWindow: 4,
  priorBestMeanGoalScore: 4,
  windowBestMeanGoalScore: 3.5,
  reasons: [],
  ...o,
});
const plateauFacts = (o: Partial<PlateauFacts> = {}): PlateauFacts => ({ patientId: 'p', planStatus: 'active', plateau: assessment(), lastDecision: null, ...o });

describe('plateau signal (the engine judges; this words it)', () => {
  it.each<[string, CarePlanStatus, boolean, boolean]>([
    ['active plan, engine says plateau', 'active', true, true],
    ['active plan, no plateau', 'active', false, false],
    ['draft plan', 'draft', true, false],
    ['completed plan (graduated)', 'completed', true, false],
    ['ended plan', 'ended', true, false],
  ])('%s → signal %s', (_name, planStatus, plateau, listed) => {
    expect(plateauSignal(plateauFacts({ planStatus, plateau: assessment({ plateau }) })) !== null).toBe(listed);
  });

  it.each([
    [null, 'Plateau in the 28 days to 2026-11-22: 4 sessions, goal activities at best 3.5/10 against a prior best of 4/10, no precipitating cause. No checkpoint decision recorded yet.'],
    [{ decision: 'adjust', date: '2026-11-02' }, 'Last checkpoint decision: adjust the plan (2026-11-02).'],
    [{ decision: 'refer', date: '2026-11-02' }, 'Last checkpoint decision: refer, with an overlap (2026-11-02).'],
    [{ decision: 'ongoing-care', date: '2026-10-20' }, 'Last checkpoint decision: ongoing care on purpose (2026-10-20).'],
  ] as const)('last decision %j is named', (lastDecision, text) => {
    const signal = plateauSignal(plateauFacts({ lastDecision }));
    expect(signal).toMatchObject({ patientId: 'p', kind: 'plateau' });
    expect(signal?.detail).toContain(text);
  });
});

const concern = (o: Partial<ConcernFacts> = {}): ConcernFacts => ({
  patientId: 'c',
  kind: 'missed-visit',
  status: 'open',
  occurredOn: '2026-11-19',
  recordedAt: new Date('2026-11-19T10:00:00Z'),
  conversations: 0,
  hasPlan: false,
  ...o,
});

describe('concern signal (open concerns only; label, age, what is still needed)', () => {
  it.each<[string, Partial<ConcernFacts>, string | null]>([
    ['closed concern', { status: 'closed' }, null],
    ['nothing recorded yet', {}, 'Missed visit (2026-11-19), open 3 days; still needed: the conversation and a plan.'],
    ['conversation held', { conversations: 1 }, 'Missed visit (2026-11-19), open 3 days; still needed: a plan.'],
    ['plan, no conversation', { hasPlan: true }, 'Missed visit (2026-11-19), open 3 days; still needed: the conversation.'],
    ['ready to close', { conversations: 2, hasPlan: true }, 'Missed visit (2026-11-19), open 3 days; conversation and plan recorded; it can be closed.'],
    ['recorded today', { recordedAt: new Date('2026-11-22T08:00:00Z') }, 'Missed visit (2026-11-19), open 0 days; still needed: the conversation and a plan.'],
    ['recorded yesterday', { recordedAt: new Date('2026-11-21T23:59:00Z') }, 'Missed visit (2026-11-19), open 1 day; still needed: the conversation and a plan.'],
    ['plain label for the kind', { kind: 'unexpected-urine-test-result' }, 'Unexpected urine test result (2026-11-19), open 3 days; still needed: the conversation and a plan.'],
    ['unknown kind stays neutral', { kind: 'legacy-kind' }, 'Concern (2026-11-19), open 3 days; still needed: the conversation and a plan.'],
  ])('%s', (_name, o, detail) => {
    const signal = concernSignal(concern(o), asOf);
    expect(signal === null ? null : signal.detail).toBe(detail);
    if (signal) expect(signal.kind).toBe('concern');
  });
});
