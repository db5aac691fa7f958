/**
 * Plateau: no forward movement toward the goals across several sessions and weeks, with no precipitating
 * cause and no recovery toward prior gains — distinct from a flare.
 *
 * Source: seed article 003 — "A plateau is a consistent absence of forward movement toward functional and
 * mobility goals across multiple sessions, with no clear precipitating cause and no recovery back to prior
 * gains ... This is a clinical signal, not a treatment failure."
 *
 * Rule (settings plateauMinDays = 28, plateauMinSessions = 4, forwardMovementMinPoints = 1):
 * - The window is the last 28 days up to asOf (inclusive). It needs at least 4 sessions and at least one
 *   goal score in it, otherwise there is too little data to say.
 * - Prior best = the highest mean goal score before the window (the baseline mean included).
 * - Forward movement: the best mean goal score in the window is at least 1 point above the prior best.
 * - Recovering: the last mean in the window is at least 1 point above the first (climbing back).
 * - A precipitating cause: a session in the window records one, or a flare began in the window.
 * - Plateau = no forward movement, not recovering, no precipitating cause, and not every goal met.
 * - Not assessed while the phase is 'establishing-response': flat goals before any response are the
 *   "no response yet" question (./phase.ts), not a plateau after progress.
 */
import { addDays, toDateString } from '../care-plan/dates';
import { describeSetting } from './settings';
import { baselineMean, meanGoalSeries, type GoalObservation } from './timeline';
import type { CarePlanGoal, ProgressionPhase } from '../care-plan/types';
import type { PlateauAssessment, ProgressionFlare, ProgressionSession, ProgressionSettings, Reason } from './types';

export interface PlateauInput {
  goals: readonly CarePlanGoal[];
  observations: readonly GoalObservation[];
  sessions: readonly ProgressionSession[];
  flares: readonly ProgressionFlare[];
  allGoalsMet: boolean;
  /** The phase the data suggest: no plateau is called while a first response is still being established. */
  phase: ProgressionPhase;
  asOf: Date;
  settings: ProgressionSettings;
}

export function assessPlateau(input: PlateauInput): PlateauAssessment {
  const { settings } = input;
  const end = toDateString(input.asOf);
  const start = addDays(end, -settings.plateauMinDays);
  const used = [describeSetting(settings, 'plateauMinDays'), describeSetting(settings, 'plateauMinSessions')];
  const movement = describeSetting(settings, 'forwardMovementMinPoints');
  const inWindow = input.sessions.filter((s) => s.date >= start && s.date <= end);
  const series = meanGoalSeries(input.goals, input.observations);
  const windowSeries = series.filter((p) => p.date >= start && p.date <= end);
  const base = baselineMean(input.goals);
  const prior = [base, ...series.filter((p) => p.date < start).map((p) => p.mean)].filter((v): v is number => v !== null);
  const priorBest = prior.length > 0 ? Math.max(...prior) : null;
  const windowBest = windowSeries.length > 0 ? Math.max(...windowSeries.map((p) => p.mean)) : null;
  const result = (plateau: boolean, reasons: Reason[]): PlateauAssessment => ({
    plateau,
    windowStart: start,
    windowEnd: end,
    sessionsInWindow: inWindow.length,
    priorBestMeanGoalScore: priorBest,
    windowBestMeanGoalScore: windowBest,
    reasons,
  });

  if (input.allGoalsMet) {
    return result(false, [{ code: 'plateau.goals-met', message: 'Every goal has reached its target: this is not a plateau.', settings: [] }]);
  }
  if (input.phase === 'establishing-response') {
    return result(false, [
      {
        code: 'plateau.still-establishing',
        message: 'No relief window has appeared yet, so there is no progress to plateau from; the question is whether there is a response at all.',
        settings: [],
      },
    ]);
  }
  if (inWindow.length < settings.plateauMinSessions || windowBest === null || priorBest === null) {
    return result(false, [
      {
        code: 'plateau.too-little-data',
        message: `Too little to judge a plateau: ${inWindow.length} session(s) and ${windowSeries.length} goal score(s) in the last ${settings.plateauMinDays} days (needs ${settings.plateauMinSessions} sessions and goal scores).`,
        settings: used,
      },
    ]);
  }
  if (windowBest >= priorBest + settings.forwardMovementMinPoints - 1e-9) {
    return result(false, [
      { code: 'plateau.moving-forward', message: `Moving forward: the goal activities reached ${windowBest}/10 on average, above the prior best of ${priorBest}/10.`, settings: [movement] },
    ]);
  }
  const first = windowSeries[0]?.mean ?? windowBest;
  const last = windowSeries[windowSeries.length - 1]?.mean ?? windowBest;
  if (last >= first + settings.forwardMovementMinPoints - 1e-9) {
    return result(false, [
      { code: 'plateau.recovering', message: `Climbing back: the goal activities rose from ${first}/10 to ${last}/10 in the window (prior best ${priorBest}/10).`, settings: [movement] },
    ]);
  }
  const causes = [
    ...inWindow.filter((s) => s.precipitatingEvent !== null).map((s) => `${s.date}: ${s.precipitatingEvent ?? ''}`),
    ...input.flares.filter((f) => f.startedAt.slice(0, 10) >= start && f.startedAt.slice(0, 10) <= end).map((f) => `flare from ${f.startedAt.slice(0, 10)}`),
  ];
  if (causes.length > 0) {
    return result(false, [
      {
        code: 'plateau.flat-with-cause',
        message: `Goal activities have not moved in ${settings.plateauMinDays} days, but there is a likely cause (${causes.join('; ')}). Not called a plateau; look again at the next checkpoint.`,
        settings: [...used, movement],
      },
    ]);
  }
  return result(true, [
    {
      code: 'plateau.detected',
      message: `Plateau: across ${inWindow.length} sessions in ${settings.plateauMinDays} days the goal activities stayed at ${windowBest}/10 at best (prior best ${priorBest}/10), with no precipitating cause and no climb back. A clinical signal, not a failure: time for an honest look at what comes next.`,
      settings: [...used, movement],
    },
  ]);
}
