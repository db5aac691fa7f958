/**
 * The checkpoint summary: where we started, where we are, where we said we would go — and the decisions
 * people can record (adjust, refer with an overlap period, graduate, ongoing care on purpose).
 *
 * Source: seed article 003 — "defined evaluation points — moments where provider and patient step back ...
 * and ask honestly: where are we relative to where we started, and where we said we wanted to go?"; when
 * referring, "an overlap period where both approaches run in parallel until the patient is established";
 * intentional ongoing care is "made explicitly and revisited regularly". Issue 2: checkpoints every 2 weeks.
 *
 * The summary never decides and never discharges. Each option carries what the data say for it and a
 * `dataSupport` flag (a suggestion); people record the decision.
 *
 * Rules: the next checkpoint is the first date on the schedule (firstDate + n × interval; the default
 * schedule starts one interval after the plan start) on or after the day after the last recorded decision;
 * it is due when asOf's date is on or after it. A goal is 'met' at or above target, 'moving' when its latest
 * score is above baseline, 'not-moving' at or below baseline, 'no-data' when never scored.
 */
import { addDays, nextCheckpointOnOrAfter, toDateString } from '../care-plan/dates';
import type { ProgressionPhase } from '../care-plan/types';
import { describeSetting } from './settings';
import { activeGoals, baselineMean, latestSymptomScore, mean, type GoalObservation } from './timeline';
import type {
  CheckpointOption,
  CheckpointSummary,
  FlareAssessment,
  GoalProgress,
  PlateauAssessment,
  ProgressionCheckpoint,
  ProgressionPlan,
  ProgressionSettings,
  Reason,
  ReliefPoint,
} from './types';

export interface CheckpointInput {
  plan: ProgressionPlan;
  latestScores: ReadonlyMap<string, number | null>;
  observations: readonly GoalObservation[];
  relief: readonly ReliefPoint[];
  phase: ProgressionPhase;
  plateau: PlateauAssessment;
  flares: readonly FlareAssessment[];
  noResponseYet: boolean;
  checkpoints: readonly ProgressionCheckpoint[];
  asOf: Date;
  settings: ProgressionSettings;
}

export function goalProgress(plan: ProgressionPlan, latestScores: ReadonlyMap<string, number | null>): GoalProgress[] {
  return activeGoals(plan.goals).map((g) => {
    const latest = latestScores.get(g.id) ?? null;
    const span = g.targetScore - g.baselineScore;
    const percent = latest === null || span <= 0 ? null : Math.round(((latest - g.baselineScore) / span) * 100);
    const status = latest === null ? 'no-data' : latest >= g.targetScore ? 'met' : latest > g.baselineScore ? 'moving' : 'not-moving';
    return { goalId: g.id, statement: g.statement, baselineScore: g.baselineScore, latestScore: latest, targetScore: g.targetScore, targetDate: g.targetDate, percentOfWayToTarget: percent, status };
  });
}

function options(input: CheckpointInput, goals: readonly GoalProgress[]): CheckpointOption[] {
  const { settings } = input;
  const reassess = input.flares.filter((f) => f.expected === false);
  const allMet = goals.length > 0 && goals.every((g) => g.status === 'met');
  const adjustReasons: Reason[] = [];
  if (input.plateau.plateau) adjustReasons.push(...input.plateau.reasons);
  if (reassess.length > 0) adjustReasons.push({ code: 'checkpoint.flare-to-reassess', message: `${reassess.length} flare(s) to reassess: the load or the approach may need to change.`, settings: [] });
  if (input.noResponseYet) adjustReasons.push({ code: 'checkpoint.no-response', message: 'No relief window yet: the approach may need to change.', settings: [] });
  const referReasons: Reason[] = [];
  if (input.plateau.plateau) referReasons.push({ code: 'checkpoint.plateau-ceiling', message: 'A plateau can mean the current approach has reached its ceiling; another provider may suit the next phase.', settings: [] });
  if (input.noResponseYet) referReasons.push({ code: 'checkpoint.no-response-referral', message: 'With no response to passive care, another approach or provider may fit better.', settings: [] });
  const overlap = describeSetting(settings, 'referralOverlapDays');
  referReasons.push({ code: 'checkpoint.overlap', message: `If referring, keep both running for about ${settings.referralOverlapDays} days, until the person is established and the handoff is complete.`, settings: [overlap] });
  const graduateReasons: Reason[] = allMet
    ? [{ code: 'checkpoint.goals-met', message: 'Every goal activity is at its target. Agree a self-management plan and a follow-up if wanted.', settings: [] }]
    : [{ code: 'checkpoint.goals-not-met', message: `${goals.filter((g) => g.status === 'met').length} of ${goals.length} goal(s) at target so far.`, settings: [] }];
  const uncheckable = input.plan.graduationCriteria.filter((c) => c.goalId === null);
  if (uncheckable.length > 0) graduateReasons.push({ code: 'checkpoint.criteria-to-judge', message: `Judge together: ${uncheckable.map((c) => c.statement).join('; ')}.`, settings: [] });
  return [
    { decision: 'adjust', reasons: adjustReasons.length > 0 ? adjustReasons : [{ code: 'checkpoint.adjust-open', message: 'Adjust within the current plan if something should change.', settings: [] }], dataSupport: adjustReasons.length > 0 },
    { decision: 'refer', reasons: referReasons, dataSupport: input.plateau.plateau || input.noResponseYet, suggestedOverlapDays: settings.referralOverlapDays },
    { decision: 'graduate', reasons: graduateReasons, dataSupport: allMet },
    {
      decision: 'ongoing-care',
      reasons: [{ code: 'checkpoint.ongoing-care-explicit', message: 'Only as a deliberate clinical choice with a stated reason and a review date — never as a default.', settings: [] }],
      dataSupport: false,
    },
  ];
}

function fmt(v: number | null, suffix: string): string {
  return v === null ? 'not recorded' : `${v}${suffix}`;
}

export function summariseCheckpoint(input: CheckpointInput): CheckpointSummary {
  const { plan, settings } = input;
  const today = toDateString(input.asOf);
  const interval = plan.checkpointSchedule?.intervalDays ?? settings.checkpointIntervalDays;
  const first = plan.checkpointSchedule?.firstDate ?? addDays(plan.startDate, interval);
  const last = [...input.checkpoints].map((c) => c.date).sort().pop();
  const nextDueDate = nextCheckpointOnOrAfter(first, interval, last === undefined ? first : addDays(last, 1));
  const goals = goalProgress(plan, input.latestScores);
  const targets = activeGoals(plan.goals);
  const started = { date: plan.startDate, meanGoalScore: baselineMean(plan.goals), symptomScore: plan.baselineSymptomScore, reliefWindowDays: 0 };
  const currentMean = mean(goals.map((g) => g.latestScore ?? g.baselineScore));
  const latestRelief = [...input.relief].reverse().find((r) => r.reliefWindowDays !== null)?.reliefWindowDays ?? null;
  const now = { date: today, meanGoalScore: currentMean, symptomScore: latestSymptomScore(input.observations), reliefWindowDays: latestRelief, phase: input.phase };
  const aim = { meanTargetScore: mean(targets.map((g) => g.targetScore)), latestTargetDate: targets.map((g) => g.targetDate).sort().pop() ?? null };
  const text = [
    `Where we started (${started.date}): goal activities ${fmt(started.meanGoalScore, '/10')} on average, symptoms ${fmt(started.symptomScore, '/10')}, no relief window.`,
    `Where we are (${today}): goal activities ${fmt(now.meanGoalScore, '/10')}, symptoms ${fmt(now.symptomScore, '/10')}, relief window ${fmt(latestRelief, ' day(s)')}; the data suggest the ${input.phase.replace(/-/g, ' ')} phase.`,
    `Where we said we would go: goal activities ${fmt(aim.meanTargetScore, '/10')}${aim.latestTargetDate ? ` by ${aim.latestTargetDate}` : ''}.`,
  ].join(' ');
  return { nextDueDate, due: today >= nextDueDate, started, now, aim, goals, options: options(input, goals), text };
}
