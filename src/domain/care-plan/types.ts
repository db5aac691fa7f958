/**
 * Care plan, therapy session, flare, patient response report and checkpoint decision: the shapes the
 * repositories store and the progression engine reads.
 *
 * Source: PRODUCT.md capabilities 3 and 4; issue 2 ("Care plan and progression"); seed article
 * `003_79007f837758b546` ("Why chronic pain treatment often falls short — and what a better progression looks
 * like"): goals from the activities the person wants back, passive care to raise the symptom threshold,
 * active care to build load capacity, a blend rather than a hand-off, checkpoints every two weeks, an
 * overlap period when referring, and ongoing care only as an explicit, reviewed choice.
 *
 * Assumptions:
 * - Calendar dates are `YYYY-MM-DD` text (how the database returns them). Moments whose hours matter
 *   (flare start and settling) are ISO 8601 date-times with a zone (`Z` or `±hh:mm`).
 * - Goal and activity scores use the PSFS scale: 0 = unable to perform, 10 = as before the problem.
 *   Symptom scores are 0–10 with 10 = worst (PEG item-style numeric rating). Soreness is 0–10, 10 = worst.
 * - Ids inside a plan (goals, interventions, criteria) are chosen by the client (e.g. `goal-1`) and stay
 *   stable across versions, so sessions and reports can refer to them.
 */

/** The six domains of a multimodal plan (PRODUCT.md capability 3). */
export const INTERVENTION_DOMAINS = [
  'medication',
  'rehabilitation',
  'behavioural-health',
  'procedures',
  'self-management',
  'sleep',
] as const;
export type InterventionDomain = (typeof INTERVENTION_DOMAINS)[number];

export const INTERVENTION_STATUSES = ['planned', 'waiting', 'active', 'completed', 'stopped'] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];

/**
 * The progression phases of the seed, in order, plus intentional ongoing care (a clinical choice made
 * explicitly with a review date, never a default).
 */
export const PROGRESSION_PHASES = [
  'establishing-response',
  'extending-window',
  'movement-entry',
  'active-progression',
  'graduation',
  'ongoing-care',
] as const;
export type ProgressionPhase = (typeof PROGRESSION_PHASES)[number];

export const CARE_PLAN_STATUSES = ['draft', 'active', 'completed', 'ended'] as const;
export type CarePlanStatus = (typeof CARE_PLAN_STATUSES)[number];

export const GOAL_STATUSES = ['active', 'achieved', 'revised', 'stopped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/**
 * A goal built from a PSFS activity: specific ("walk 30 minutes"), measurable (a 0–10 activity score from a
 * baseline toward a target) and dated (target date).
 */
export interface CarePlanGoal {
  id: string;
  /** The PSFS activity as the person named it, e.g. "walking". */
  activity: string;
  /** The specific goal in the person's words, e.g. "Walk 30 minutes with the dog". */
  statement: string;
  /** PSFS activity score at the start (0–10). */
  baselineScore: number;
  /** PSFS activity score that means the goal is reached (0–10, above the baseline). */
  targetScore: number;
  /** YYYY-MM-DD */
  targetDate: string;
  status: GoalStatus;
}

/** What the person does while an intervention is waited for (referral, procedure, appointment). */
export interface BridgePlan {
  /** Plain-language steps, e.g. "Daily 10-minute walk; heat before bed; call the clinic if ...". */
  text: string;
  /** Who checks on the bridge plan (a user id on the care team), if named. */
  ownerUserId: string | null;
}

export interface CarePlanIntervention {
  id: string;
  domain: InterventionDomain;
  /** What is done, e.g. "Dry needling, lumbar paraspinals, weekly". */
  description: string;
  /** The care-team member who owns it; at least one of ownerUserId / ownerRole is required. */
  ownerUserId: string | null;
  /** A staff role (src/domain/access/roles.ts), e.g. "therapist". */
  ownerRole: string | null;
  status: InterventionStatus;
  /** Expected start when it is waited for (YYYY-MM-DD), or null. */
  expectedStartDate: string | null;
  /** Expected wait in days when it is waited for, or null. */
  expectedWaitDays: number | null;
  /** Required whenever there is a wait (status 'waiting', an expected start or an expected wait). */
  bridgePlan: BridgePlan | null;
}

/** Checkpoints every `intervalDays` (14 by default) from `firstDate`. */
export interface CheckpointSchedule {
  /** YYYY-MM-DD */
  firstDate: string;
  intervalDays: number;
}

export const DEFAULT_CHECKPOINT_INTERVAL_DAYS = 14;

/**
 * A graduation criterion. With a goalId it is met when that goal's latest activity score reaches its
 * target; without one it is a statement the clinician and the person judge together at a checkpoint.
 */
export interface GraduationCriterion {
  id: string;
  statement: string;
  goalId: string | null;
}

/** Explicit, reviewed ongoing care (phase 'ongoing-care'). */
export interface OngoingCareChoice {
  /** Why ongoing care is the clinical choice (management rather than resolution, complexity, capacity). */
  reason: string;
  /** YYYY-MM-DD: the date the choice is looked at again. */
  reviewDate: string;
}

/** The body a client sends to create or replace a plan (everything but id, patient and version). */
export interface CarePlanInput {
  title: string;
  status: CarePlanStatus;
  /** YYYY-MM-DD */
  startDate: string;
  /** The phase the care team has recorded (the engine suggests; people decide). */
  phase: ProgressionPhase;
  /** Required when phase is 'ongoing-care'; null otherwise. */
  ongoingCare: OngoingCareChoice | null;
  /** Symptom score (0–10, 10 = worst) at the start: the baseline "where we started". */
  baselineSymptomScore: number | null;
  goals: CarePlanGoal[];
  interventions: CarePlanIntervention[];
  checkpointSchedule: CheckpointSchedule;
  graduationCriteria: GraduationCriterion[];
  /** Plain-language summary for the patient portal. */
  patientSummary: string | null;
}

export interface CarePlan extends CarePlanInput {
  id: string;
  patientId: string;
  /** Starts at 1; each accepted change adds 1 (ETag / If-Match). */
  version: number;
}

// ---------------------------------------------------------------------------------------------------------
// Sessions

export const PASSIVE_MODALITIES = ['needling', 'manual-therapy', 'other-passive'] as const;
export const ACTIVE_MODALITIES = ['corrective-exercise', 'graded-activity', 'functional-training', 'home-programme'] as const;
export const MODALITIES = [...PASSIVE_MODALITIES, ...ACTIVE_MODALITIES] as const;
export type PassiveModality = (typeof PASSIVE_MODALITIES)[number];
export type ActiveModality = (typeof ACTIVE_MODALITIES)[number];
export type Modality = PassiveModality | ActiveModality;

export function isPassiveModality(m: Modality): m is PassiveModality {
  return (PASSIVE_MODALITIES as readonly string[]).includes(m);
}

/** The latest score of one goal activity (PSFS 0–10) as reported for the time between sessions. */
export interface GoalActivityScore {
  goalId: string;
  score: number;
}

export interface PostSessionSoreness {
  /** 0–10, 10 = worst. */
  score: number;
  /** How long the soreness lasted (hours), as reported. */
  hours: number;
}

/** A therapy session as a therapist logs it (in under a minute). */
export interface TherapySessionInput {
  /** YYYY-MM-DD */
  date: string;
  modalities: Modality[];
  /** Share of the session that was passive care, 0–100; the active share is 100 minus this. */
  passivePercent: number;
  /** Soreness after the PREVIOUS session, as the person reports it at this one; null = none reported. */
  soreness: PostSessionSoreness | null;
  /**
   * Days of meaningful relief after the PREVIOUS session, as reported at this one (0 = no relief window;
   * null = not asked / not known).
   */
  reliefWindowDaysReported: number | null;
  /** How the goal activities went between sessions (latest PSFS activity scores). */
  goalScores: GoalActivityScore[];
  /** Symptom score today (0–10, 10 = worst), or null. */
  symptomScore: number | null;
  /**
   * Something outside treatment that explains a change (illness, travel, a life event), or null. A plateau
   * is only called when there is no such cause in the window.
   */
  precipitatingEvent: string | null;
  note: string | null;
}

export interface TherapySession extends TherapySessionInput {
  id: string;
  patientId: string;
  carePlanId: string;
  recordedBy: string;
  version: number;
}

/** The person's own report from the portal (relief after a session and how the goal activities went). */
export interface ResponseReportInput {
  /** YYYY-MM-DD */
  reportedOn: string;
  /** The session the relief followed; null = the latest session before reportedOn. */
  afterSessionId: string | null;
  reliefWindowDays: number | null;
  goalScores: GoalActivityScore[];
  symptomScore: number | null;
  note: string | null;
}

export interface ResponseReport extends ResponseReportInput {
  id: string;
  patientId: string;
}

// ---------------------------------------------------------------------------------------------------------
// Flares (a symptom rise and how it settled)

export interface FlareInput {
  /** ISO date-time with zone: when the rise began. */
  startedAt: string;
  /** Symptom score (0–10) just before the rise: the prior baseline. */
  baselineSymptomScore: number;
  /** Highest symptom score during the rise. */
  peakSymptomScore: number;
  /** ISO date-time with zone when symptoms settled; null while it has not settled. */
  settledAt: string | null;
  /** Symptom score once settled (null while not settled). */
  symptomScoreAfter: number | null;
  /** What set it off, if known, e.g. "first session with loaded squats". */
  trigger: string | null;
  reportedBy: 'clinician' | 'patient';
}

export interface Flare extends FlareInput {
  id: string;
  patientId: string;
  version: number;
}

// ---------------------------------------------------------------------------------------------------------
// Checkpoint decisions (recorded by people; the engine only lists the options)

export const CHECKPOINT_DECISIONS = ['adjust', 'refer', 'graduate', 'ongoing-care'] as const;
export type CheckpointDecisionKind = (typeof CHECKPOINT_DECISIONS)[number];

export interface ReferralWithOverlap {
  /** Whom to, e.g. "Advanced rehabilitation — Dr Lee's sports physiotherapy clinic". */
  to: string;
  reason: string;
  /** YYYY-MM-DD: both approaches run in parallel from here ... */
  overlapStartDate: string;
  /** ... until here, when the person is established and the handoff is complete. */
  overlapEndDate: string;
}

export type CheckpointDecisionDetail =
  | { decision: 'adjust'; changes: string }
  | { decision: 'refer'; referral: ReferralWithOverlap }
  | { decision: 'graduate'; selfManagementPlan: string; followUpDate: string | null }
  | { decision: 'ongoing-care'; ongoingCare: OngoingCareChoice };

export type CheckpointDecisionInput = CheckpointDecisionDetail & {
  /** YYYY-MM-DD: the checkpoint date. */
  date: string;
  /** The honest reasoning in plain words, shared with the person. */
  rationale: string;
  /** Whether the person took part in the decision (it is made together). */
  discussedWithPatient: boolean;
};

export type CheckpointDecision = CheckpointDecisionInput & {
  id: string;
  patientId: string;
  carePlanId: string;
  recordedBy: string;
};
