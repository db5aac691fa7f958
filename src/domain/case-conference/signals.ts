/**
 * Discussion signals from the care plan and from team concerns: who is on the huddle list because of a
 * plateau or an open concern, and the one line the team reads about it. Source: issue 4 "Case conferences";
 * PRODUCT.md ("a plateau is a signal for an honest conversation: adjust, refer, graduate, or choose ongoing
 * care on purpose"; concerns "require a documented conversation and plan").
 *
 * These functions do not judge. A plateau is the progression engine's judgement (src/domain/progression/
 * plateau.ts, run through assessProgression with the stored plan, sessions, reports, flares and checkpoint
 * decisions); this file only words it. A concern is open or closed by its own state machine
 * (src/domain/concerns/concern.ts); this file words an open one.
 *
 * Rules (setting `huddleSelection v1`, Painpath's [U]):
 * - Plateau: only for an ACTIVE plan (draft, completed and ended plans have nothing to adjust) whose engine
 *   assessment says `plateau: true`. The detail names the window the engine looked at, the best mean goal
 *   score in it against the prior best, and the last checkpoint decision (or that there is none yet).
 * - Concern: only while open. The detail names the kind (its plain label), the date it happened, how many
 *   days since it was recorded, and what is still needed before it can close (a conversation, a plan).
 *   The concern's free text is never copied onto the list: the huddle list is read by the whole team at
 *   once and audited as one search, while the concern itself is read on the patient page, where each read
 *   is audited against that person. Whoever needs the words opens the patient.
 */
import type { CarePlanStatus, CheckpointDecisionKind } from '../care-plan/types';
import { CONCERN_KIND_LABELS, isConcernKind, type ConcernStatus } from '../concerns/concern';
import type { PlateauAssessment } from '../progression/types';
import { dayOf, daysBetween } from '../referrals/dates';
import type { DiscussionSignal } from './selection';

export interface PlateauFacts {
  patientId: string;
  planStatus: CarePlanStatus;
  plateau: PlateauAssessment;
  /** The latest recorded checkpoint decision, if any. */
  lastDecision: { decision: CheckpointDecisionKind; date: string } | null;
}

const DECISION_WORDS: Record<CheckpointDecisionKind, string> = {
  adjust: 'adjust the plan',
  refer: 'refer, with an overlap',
  graduate: 'graduate',
  'ongoing-care': 'ongoing care on purpose',
};

const score = (v: number | null): string => (v === null ? 'not scored' : `${Math.round(v * 10) / 10}/10`);

/** The plateau signal for one patient's plan, or null when there is nothing to discuss. */
export function plateauSignal(f: PlateauFacts): DiscussionSignal | null {
  if (f.planStatus !== 'active' || !f.plateau.plateau) return null;
  const { windowStart, windowEnd } = f.plateau;
  const span = windowStart !== null && windowEnd !== null ? `in the ${daysBetween(windowStart, windowEnd)} days to ${windowEnd}` : 'recently';
  const last = f.lastDecision === null ? 'No checkpoint decision recorded yet.' : `Last checkpoint decision: ${DECISION_WORDS[f.lastDecision.decision]} (${f.lastDecision.date}).`;
  return {
    patientId: f.patientId,
    kind: 'plateau',
    detail: `Plateau ${span}: ${f.plateau.sessionsInWindow} sessions, goal activities at best ${score(f.plateau.windowBestMeanGoalScore)} against a prior best of ${score(f.plateau.priorBestMeanGoalScore)}, no precipitating cause. ${last}`,
  };
}

export interface ConcernFacts {
  patientId: string;
  kind: string;
  status: ConcernStatus;
  /** YYYY-MM-DD: when the event happened. */
  occurredOn: string;
  /** When the team recorded it; days open count from here (a reopened concern keeps this date: the row does not date the reopening). */
  recordedAt: Date;
  conversations: number;
  hasPlan: boolean;
}

function stillNeeded(f: ConcernFacts): string {
  const missing = [...(f.conversations === 0 ? ['the conversation'] : []), ...(f.hasPlan ? [] : ['a plan'])];
  return missing.length === 0 ? 'conversation and plan recorded; it can be closed' : `still needed: ${missing.join(' and ')}`;
}

/** The concern signal for one concern, or null when it is closed. */
export function concernSignal(f: ConcernFacts, asOf: Date): DiscussionSignal | null {
  if (f.status !== 'open') return null;
  const label = isConcernKind(f.kind) ? CONCERN_KIND_LABELS[f.kind] : 'Concern';
  const days = Math.max(0, daysBetween(dayOf(f.recordedAt), dayOf(asOf)));
  return {
    patientId: f.patientId,
    kind: 'concern',
    detail: `${label} (${f.occurredOn}), open ${days} day${days === 1 ? '' : 's'}; ${stillNeeded(f)}.`,
  };
}
