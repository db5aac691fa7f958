/**
 * The time series the progression rules read: relief after each session, the passive:active mix, and the
 * mean goal activity score over time.
 *
 * Source: seed article 003 ("the measure of progress at this stage is ... what happens in the patient's life
 * between sessions"); issue 2 (the person can report the relief window from the portal).
 *
 * Assumptions:
 * - A session's log records relief after the PREVIOUS session. The relief after session i is therefore taken
 *   from the person's own portal report for it (the latest one, when there are several), else from the
 *   next session's log, else unknown. A portal report without `afterSessionId` belongs to the latest session
 *   before its date (a report on the day of a session belongs to the session before).
 * - The mean goal score at a moment is the mean over the plan's goals of each goal's latest score on or
 *   before that moment, its baseline when it has none yet. Goals that were stopped are left out.
 */
import type { CarePlanGoal } from '../care-plan/types';
import type { MixPoint, ProgressionReport, ProgressionSession, ReliefPoint } from './types';

export function sortSessions(sessions: readonly ProgressionSession[]): ProgressionSession[] {
  return [...sessions].sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : a.date.localeCompare(b.date)));
}

/** The session a report belongs to (by id, or the latest session strictly before its date). */
function sessionForReport(sorted: readonly ProgressionSession[], r: ProgressionReport): ProgressionSession | undefined {
  if (r.afterSessionId !== null) return sorted.find((s) => s.id === r.afterSessionId);
  let found: ProgressionSession | undefined;
  for (const s of sorted) if (s.date < r.reportedOn) found = s;
  return found;
}

export function reliefPoints(sorted: readonly ProgressionSession[], reports: readonly ProgressionReport[]): ReliefPoint[] {
  const fromReports = new Map<string, ProgressionReport>();
  for (const r of [...reports].sort((a, b) => a.reportedOn.localeCompare(b.reportedOn))) {
    if (r.reliefWindowDays === null) continue;
    const s = sessionForReport(sorted, r);
    if (s) fromReports.set(s.id, r);
  }
  return sorted.map((s, i) => {
    const report = fromReports.get(s.id);
    if (report && report.reliefWindowDays !== null) {
      return { sessionId: s.id, date: s.date, reliefWindowDays: report.reliefWindowDays, source: 'patient-report' };
    }
    const next = sorted[i + 1];
    if (next && next.reliefWindowDaysReported !== null) {
      return { sessionId: s.id, date: s.date, reliefWindowDays: next.reliefWindowDaysReported, source: 'next-session' };
    }
    return { sessionId: s.id, date: s.date, reliefWindowDays: null, source: 'none' };
  });
}

export function mixPoints(sorted: readonly ProgressionSession[]): MixPoint[] {
  return sorted.map((s) => ({ sessionId: s.id, date: s.date, passivePercent: s.passivePercent, activePercent: 100 - s.passivePercent }));
}

export interface GoalObservation {
  /** YYYY-MM-DD */
  date: string;
  /** Order within a day: sessions before reports. */
  order: number;
  scores: ReadonlyMap<string, number>;
  symptomScore: number | null;
}

export function observations(sorted: readonly ProgressionSession[], reports: readonly ProgressionReport[]): GoalObservation[] {
  const list: GoalObservation[] = [
    ...sorted.map((s) => ({ date: s.date, order: 0, scores: new Map(s.goalScores.map((g) => [g.goalId, g.score])), symptomScore: s.symptomScore })),
    ...reports.map((r) => ({ date: r.reportedOn, order: 1, scores: new Map(r.goalScores.map((g) => [g.goalId, g.score])), symptomScore: r.symptomScore })),
  ];
  return list.sort((a, b) => (a.date === b.date ? a.order - b.order : a.date.localeCompare(b.date)));
}

export function activeGoals(goals: readonly CarePlanGoal[]): CarePlanGoal[] {
  return goals.filter((g) => g.status !== 'stopped');
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}

export function baselineMean(goals: readonly CarePlanGoal[]): number | null {
  return mean(activeGoals(goals).map((g) => g.baselineScore));
}

/** Mean goal score after each observation that scored at least one goal (carry-forward per goal). */
export function meanGoalSeries(goals: readonly CarePlanGoal[], obs: readonly GoalObservation[]): { date: string; mean: number }[] {
  const active = activeGoals(goals);
  if (active.length === 0) return [];
  const latest = new Map(active.map((g) => [g.id, g.baselineScore]));
  const series: { date: string; mean: number }[] = [];
  for (const o of obs) {
    let touched = false;
    for (const [goalId, score] of o.scores) {
      if (latest.has(goalId)) {
        latest.set(goalId, score);
        touched = true;
      }
    }
    if (touched) series.push({ date: o.date, mean: mean([...latest.values()]) ?? 0 });
  }
  return series;
}

/** The latest score of each goal (null when never scored). */
export function latestGoalScores(goals: readonly CarePlanGoal[], obs: readonly GoalObservation[]): Map<string, number | null> {
  const latest = new Map<string, number | null>(activeGoals(goals).map((g) => [g.id, null]));
  for (const o of obs) for (const [goalId, score] of o.scores) if (latest.has(goalId)) latest.set(goalId, score);
  return latest;
}

export function latestSymptomScore(obs: readonly GoalObservation[]): number | null {
  let latest: number | null = null;
  for (const o of obs) if (o.symptomScore !== null) latest = o.symptomScore;
  return latest;
}
