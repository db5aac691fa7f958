/**
 * The progression engine: one call that reads a care plan, its sessions, the person's reports, flares and
 * past checkpoint decisions, and states the phase, the relief window and passive:active mix over time,
 * soreness and flare classifications, plateau, and the checkpoint summary — each with its reasons and the
 * settings that produced them.
 *
 * Source: seed article `003_79007f837758b546` (issue 2; PRODUCT.md capability 4). Rules live in phase.ts,
 * soreness.ts, flare.ts, plateau.ts and checkpoint.ts, each naming its source.
 *
 * It suggests and explains. It never decides, never changes the recorded phase, never discharges. The clock
 * is `asOf`; nothing reads the current time. Data after asOf are ignored (a replay "as of" a past date).
 */
import { toDateString } from '../care-plan/dates';
import type { Issue } from '../issues';
import { summariseCheckpoint } from './checkpoint';
import { classifyFlare } from './flare';
import { suggestPhase } from './phase';
import { assessPlateau } from './plateau';
import { DEFAULT_PROGRESSION_SETTINGS, settingsLabel } from './settings';
import { classifySoreness } from './soreness';
import { latestGoalScores, mixPoints, observations, reliefPoints, sortSessions } from './timeline';
import type { ProgressionInput, ProgressionResult, Reason } from './types';

const FLARE_ORDER = { 'reassess-prolonged': 0, 'reassess-below-baseline': 1, settling: 2, 'settled-expected': 3 } as const;

export function assessProgression(input: ProgressionInput): ProgressionResult {
  const settings = input.settings ?? DEFAULT_PROGRESSION_SETTINGS;
  const today = toDateString(input.asOf);
  const issues: Issue[] = [];
  const sessions = sortSessions(input.sessions.filter((s) => s.date <= today));
  const reports = input.reports.filter((r) => r.reportedOn <= today);
  const flares = input.flares.filter((f) => Date.parse(f.startedAt) <= input.asOf.getTime());
  const checkpoints = input.checkpoints.filter((c) => c.date <= today);
  if (sessions.length < input.sessions.length || reports.length < input.reports.length) {
    issues.push({ code: 'progression.future-data-ignored', message: 'Entries dated after the assessment date were left out.', severity: 'info' });
  }
  // A flare that settled after asOf is judged as not yet settled.
  const flaresAsOf = flares.map((f) => (f.settledAt !== null && Date.parse(f.settledAt) > input.asOf.getTime() ? { ...f, settledAt: null, symptomScoreAfter: null } : f));

  const relief = reliefPoints(sessions, reports);
  const mix = mixPoints(sessions);
  const obs = observations(sessions, reports);
  const latest = latestGoalScores(input.plan.goals, obs);
  const goalsWithScores = [...latest.entries()];
  const allGoalsMet =
    goalsWithScores.length > 0 &&
    goalsWithScores.every(([id, score]) => {
      const goal = input.plan.goals.find((g) => g.id === id);
      return goal !== undefined && score !== null && score >= goal.targetScore;
    });
  if (input.plan.goals.length === 0) issues.push({ code: 'progression.no-goals', message: 'The plan has no goals, so progress toward them cannot be judged.', severity: 'warning' });
  const unreported = relief.slice(0, -1).filter((r) => r.reliefWindowDays === null).length;
  if (unreported > 0) issues.push({ code: 'progression.relief-not-reported', message: `The relief window is unknown after ${unreported} session(s); ask at the next visit or in the portal.`, severity: 'info' });

  const phase = suggestPhase({ plan: input.plan, relief, mix, allGoalsMet, asOf: input.asOf, settings });
  const soreness = classifySoreness(sessions, settings);
  const flareResults = flaresAsOf.map((f) => classifyFlare(f, input.asOf, settings)).sort((a, b) => FLARE_ORDER[a.classification] - FLARE_ORDER[b.classification]);
  const plateau = assessPlateau({ goals: input.plan.goals, observations: obs, sessions, flares: flaresAsOf, allGoalsMet, phase: phase.phase, asOf: input.asOf, settings });
  const recentFrom = input.asOf.getTime() - settings.recentFlareDays * 86_400_000;
  const recentIds = new Set(flaresAsOf.filter((f) => Date.parse(f.startedAt) >= recentFrom).map((f) => f.id));
  const recent = flareResults.filter((f) => recentIds.has(f.flareId));
  const noResponseYet = phase.statements.some((s) => s.code === 'progression.no-response-yet');
  const checkpoint = summariseCheckpoint({
    plan: input.plan,
    latestScores: latest,
    observations: obs,
    relief,
    phase: phase.phase,
    plateau,
    flares: recent,
    noResponseYet,
    checkpoints,
    asOf: input.asOf,
    settings,
  });

  const statements: Reason[] = [
    ...recent.filter((f) => f.expected === false).flatMap((f) => f.reasons),
    ...(plateau.plateau ? plateau.reasons : []),
    ...phase.statements,
    ...recent.filter((f) => f.expected !== false).flatMap((f) => f.reasons),
  ];
  const latestSoreness = soreness[soreness.length - 1];
  if (latestSoreness && latestSoreness.sessionId === sessions[sessions.length - 1]?.id) statements.push(latestSoreness.reason);
  if (checkpoint.due) {
    statements.push({ code: 'progression.checkpoint-due', message: `Checkpoint due (${checkpoint.nextDueDate ?? ''}): where we started, where we are, where we said we would go.`, settings: [] });
  }
  if (phase.phase !== input.plan.recordedPhase) {
    statements.push({ code: 'progression.phase-differs', message: `The data suggest the ${phase.phase.replace(/-/g, ' ')} phase; the plan records ${input.plan.recordedPhase.replace(/-/g, ' ')}. People decide whether to change it.`, settings: [] });
  }

  return {
    settingsVersion: settingsLabel(settings),
    asOf: input.asOf.toISOString(),
    suggestedPhase: phase.phase,
    recordedPhase: input.plan.recordedPhase,
    phaseReasons: phase.reasons,
    statements,
    relief,
    mix,
    soreness,
    flares: flareResults,
    plateau,
    checkpoint,
    issues,
  };
}
