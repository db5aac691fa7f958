import { describe, expect, it } from 'vitest';
import { buildGoal, buildSession } from './test-builders';
import { meanGoalSeries, mixPoints, observations, reliefPoints, sortSessions } from './timeline';

describe('reliefPoints', () => {
  const sessions = sortSessions([
    buildSession({ id: 'b', date: '2026-01-12', reliefWindowDaysReported: 1 }),
    buildSession({ id: 'a', date: '2026-01-05' }),
    buildSession({ id: 'c', date: '2026-01-19', reliefWindowDaysReported: 2 }),
  ]);

  it('reads relief after a session from the next session log', () => {
    expect(reliefPoints(sessions, []).map((r) => [r.sessionId, r.reliefWindowDays, r.source])).toEqual([
      ['a', 1, 'next-session'],
      ['b', 2, 'next-session'],
      ['c', null, 'none'],
    ]);
  });

  it("prefers the person's own portal report, by session id or by date (the latest report wins)", () => {
    const reports = [
      { id: 'r1', reportedOn: '2026-01-20', afterSessionId: null, reliefWindowDays: 3, goalScores: [], symptomScore: null },
      { id: 'r2', reportedOn: '2026-01-08', afterSessionId: 'a', reliefWindowDays: 1.5, goalScores: [], symptomScore: null },
      { id: 'r3', reportedOn: '2026-01-09', afterSessionId: 'a', reliefWindowDays: 2, goalScores: [], symptomScore: null },
      { id: 'r4', reportedOn: '2026-01-12', afterSessionId: null, reliefWindowDays: null, goalScores: [], symptomScore: 3 },
    ];
    expect(reliefPoints(sessions, reports).map((r) => [r.sessionId, r.reliefWindowDays, r.source])).toEqual([
      ['a', 2, 'patient-report'],
      ['b', 2, 'next-session'],
      ['c', 3, 'patient-report'],
    ]);
  });

  it('a report on the day of a session belongs to the session before', () => {
    const reports = [{ id: 'r', reportedOn: '2026-01-12', afterSessionId: null, reliefWindowDays: 4, goalScores: [], symptomScore: null }];
    expect(reliefPoints(sessions, reports)[0]).toMatchObject({ sessionId: 'a', reliefWindowDays: 4 });
  });
});

describe('mixPoints and meanGoalSeries', () => {
  it('gives the passive:active mix per session', () => {
    expect(mixPoints([buildSession({ id: 'x', date: '2026-01-05', passivePercent: 70 })])).toEqual([{ sessionId: 'x', date: '2026-01-05', passivePercent: 70, activePercent: 30 }]);
  });

  it('carries each goal forward from its baseline and leaves stopped goals out', () => {
    const goals = [buildGoal({ id: 'walk', baselineScore: 2 }), buildGoal({ id: 'bike', baselineScore: 4 }), buildGoal({ id: 'lift', baselineScore: 0, status: 'stopped' })];
    const obs = observations(
      [buildSession({ date: '2026-01-05', goalScores: [{ goalId: 'walk', score: 4 }] }), buildSession({ date: '2026-01-12', goalScores: [{ goalId: 'bike', score: 6 }, { goalId: 'lift', score: 9 }] })],
      [{ id: 'r', reportedOn: '2026-01-08', afterSessionId: null, reliefWindowDays: null, goalScores: [], symptomScore: 5 }],
    );
    expect(meanGoalSeries(goals, obs)).toEqual([
      { date: '2026-01-05', mean: 4 },
      { date: '2026-01-12', mean: 5 },
    ]);
  });
});
