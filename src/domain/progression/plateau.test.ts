import { describe, expect, it } from 'vitest';
import { addDays } from '../care-plan/dates';
import type { ProgressionPhase } from '../care-plan/types';
import { assessPlateau } from './plateau';
import { DEFAULT_PROGRESSION_SETTINGS } from './settings';
import { buildFlare, buildGoal, buildSession } from './test-builders';
import { observations } from './timeline';
import type { ProgressionFlare, ProgressionSession } from './types';

const S = DEFAULT_PROGRESSION_SETTINGS;
const goals = [buildGoal({ id: 'walk', baselineScore: 3, targetScore: 8 })];
const asOf = new Date('2026-03-01T12:00:00Z'); // window 2026-02-01 .. 2026-03-01

/** Scores: [date, walk score] pairs; each is a session. */
function run(scores: [string, number][], opts: { flares?: ProgressionFlare[]; event?: string; allGoalsMet?: boolean; phase?: ProgressionPhase } = {}) {
  const sessions: ProgressionSession[] = scores.map(([date, score], i) =>
    buildSession({ id: `p${i}`, date, goalScores: [{ goalId: 'walk', score }], precipitatingEvent: i === scores.length - 1 ? (opts.event ?? null) : null }),
  );
  return assessPlateau({ goals, observations: observations(sessions, []), sessions, flares: opts.flares ?? [], allGoalsMet: opts.allGoalsMet ?? false, phase: opts.phase ?? 'active-progression', asOf, settings: S });
}

const before: [string, number][] = [
  ['2026-01-10', 4],
  ['2026-01-20', 5],
];
const flat = (score: number, n = 4): [string, number][] => Array.from({ length: n }, (_, i) => [addDays('2026-02-02', 7 * i), score]);

describe('assessPlateau (seed: no forward movement across sessions and weeks, no cause, no recovery)', () => {
  it.each<[string, [string, number][], boolean, string]>([
    ['flat at the prior best for 4 sessions over 4 weeks', [...before, ...flat(5)], true, 'plateau.detected'],
    ['flat just under one point above the prior best', [...before, ...flat(5.9)], true, 'plateau.detected'],
    ['one point above the prior best is forward movement', [...before, ...flat(5), ['2026-02-27', 6]], false, 'plateau.moving-forward'],
    ['only 3 sessions in the window is too little to say', [...before, ...flat(5, 3)], false, 'plateau.too-little-data'],
    ['dipped and climbing back by a point', [...before, ['2026-02-02', 3], ['2026-02-09', 3], ['2026-02-16', 3.5], ['2026-02-23', 4]], false, 'plateau.recovering'],
    ['dipped and staying down (no recovery to prior gains)', [...before, ['2026-02-02', 3], ['2026-02-09', 3], ['2026-02-16', 3.5], ['2026-02-23', 3]], true, 'plateau.detected'],
    ['no sessions before the window: compared with the baseline', flat(3.5), true, 'plateau.detected'],
    ['rising from the baseline', [['2026-02-02', 3.5], ['2026-02-09', 4], ['2026-02-16', 4.5], ['2026-02-23', 4.5]], false, 'plateau.moving-forward'],
  ])('%s → %s', (_label, scores, plateau, code) => {
    const r = run(scores);
    expect(r.plateau).toBe(plateau);
    expect(r.reasons[0]?.code).toBe(code);
  });

  it('is not a plateau when a precipitating cause is recorded in the window', () => {
    const r = run([...before, ...flat(5)], { event: 'Flu for a week' });
    expect(r.plateau).toBe(false);
    expect(r.reasons[0]?.code).toBe('plateau.flat-with-cause');
    expect(r.reasons[0]?.message).toContain('Flu for a week');
  });

  it('is not a plateau when a flare began in the window (a flare is not a plateau)', () => {
    const r = run([...before, ...flat(5)], { flares: [buildFlare({ startedAt: '2026-02-10T09:00:00Z' })] });
    expect(r.reasons[0]?.code).toBe('plateau.flat-with-cause');
  });

  it('a flare before the window is no cause', () => {
    expect(run([...before, ...flat(5)], { flares: [buildFlare({ startedAt: '2026-01-25T09:00:00Z' })] }).plateau).toBe(true);
  });

  it('is not called while a first response is still being established', () => {
    expect(run([...before, ...flat(5)], { phase: 'establishing-response' }).reasons[0]?.code).toBe('plateau.still-establishing');
    expect(run([...before, ...flat(5)], { phase: 'extending-window' }).plateau).toBe(true);
  });

  it('is not a plateau when every goal is met', () => {
    expect(run([...before, ...flat(8)], { allGoalsMet: true }).reasons[0]?.code).toBe('plateau.goals-met');
  });

  it('reports the window, the prior best and the settings', () => {
    const r = run([...before, ...flat(5)]);
    expect(r).toMatchObject({ windowStart: '2026-02-01', windowEnd: '2026-03-01', sessionsInWindow: 4, priorBestMeanGoalScore: 5, windowBestMeanGoalScore: 5 });
    expect(r.reasons[0]?.settings).toEqual(['plateauMinDays=28 (v1)', 'plateauMinSessions=4 (v1)', 'forwardMovementMinPoints=1 (v1)']);
  });
});
