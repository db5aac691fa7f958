/**
 * Input and output of the progression engine (`assessProgression` in ./engine.ts).
 *
 * Source: seed article `003_79007f837758b546` (the clinical progression), PRODUCT.md capability 4, issue 2.
 * The engine suggests and explains. It never decides, never discharges, never changes the recorded phase;
 * people record phase changes and checkpoint decisions.
 */
import type { Issue } from '../issues';
import type {
  CarePlanGoal,
  CheckpointDecision,
  CheckpointDecisionKind,
  CheckpointSchedule,
  Flare,
  GraduationCriterion,
  OngoingCareChoice,
  ProgressionPhase,
  ResponseReport,
  TherapySession,
} from '../care-plan/types';

/**
 * Every threshold of the engine, named and versioned. Defaults come from the seed where it gives a figure
 * and are Painpath defaults [U] where it says only "a few" or "several" (see ./settings.ts).
 */
export interface ProgressionSettings {
  settingsVersion: 1;
  /** "Within the first few sessions": after this many sessions with no relief window, "no response yet". */
  noResponseAfterSessions: number;
  /** The sessions counted as "early on" for post-treatment soreness. */
  earlySessionCount: number;
  /** Post-treatment soreness lasting up to this many hours is the normal 24–48 h response. */
  normalSorenessMaxHours: number;
  /** A relief window of at least this many days counts as a response. */
  reliefWindowMinDays: number;
  /** "Toward a week or more": the relief window at which active work can enter. */
  movementEntryReliefDays: number;
  /** How many consecutive relief reports must hold at movement-entry level. */
  movementEntryHeldReports: number;
  /** Active share (%) of the latest session from which the phase reads as active progression. */
  activeProgressionMinActivePercent: number;
  /** A flare settling within this many hours is within the usual 48 h. */
  flareUsualSettleHours: number;
  /** A flare lasting longer than this many hours is one to reassess (seed: 72 h). */
  flareSettleLimitHours: number;
  /** Flares that began within this many days appear among the headline statements (all stay in `flares`). */
  recentFlareDays: number;
  /** Symptom points above the prior baseline that count as "meaningfully below baseline". */
  belowBaselineTolerancePoints: number;
  /** A plateau needs at least this many sessions in the window ... */
  plateauMinSessions: number;
  /** ... spanning at least this many days. */
  plateauMinDays: number;
  /** Rise in the mean goal activity score (PSFS points) that counts as forward movement. */
  forwardMovementMinPoints: number;
  /** Default checkpoint interval (days) when a plan gives none. */
  checkpointIntervalDays: number;
  /** Suggested overlap (days) when referring: both approaches run until the handoff is complete. */
  referralOverlapDays: number;
}

export type ProgressionSettingName = Exclude<keyof ProgressionSettings, 'settingsVersion'>;

/** A reason the engine gives; `settings` names the setting(s) that produced it, e.g. "movementEntryReliefDays=7 (v1)". */
export interface Reason {
  code: string;
  message: string;
  settings: string[];
}

/** What the engine needs of the plan. */
export interface ProgressionPlan {
  /** YYYY-MM-DD */
  startDate: string;
  /** The phase people have recorded. */
  recordedPhase: ProgressionPhase;
  ongoingCare: OngoingCareChoice | null;
  baselineSymptomScore: number | null;
  goals: CarePlanGoal[];
  checkpointSchedule: CheckpointSchedule | null;
  graduationCriteria: GraduationCriterion[];
}

export type ProgressionSession = Pick<
  TherapySession,
  | 'id'
  | 'date'
  | 'modalities'
  | 'passivePercent'
  | 'soreness'
  | 'reliefWindowDaysReported'
  | 'goalScores'
  | 'symptomScore'
  | 'precipitatingEvent'
>;
export type ProgressionReport = Pick<ResponseReport, 'id' | 'reportedOn' | 'afterSessionId' | 'reliefWindowDays' | 'goalScores' | 'symptomScore'>;
export type ProgressionFlare = Pick<Flare, 'id' | 'startedAt' | 'baselineSymptomScore' | 'peakSymptomScore' | 'settledAt' | 'symptomScoreAfter' | 'trigger'>;
export type ProgressionCheckpoint = Pick<CheckpointDecision, 'id' | 'date' | 'decision'>;

export interface ProgressionInput {
  /** The clock: everything is judged as of this moment. */
  asOf: Date;
  plan: ProgressionPlan;
  sessions: ProgressionSession[];
  reports: ProgressionReport[];
  flares: ProgressionFlare[];
  checkpoints: ProgressionCheckpoint[];
  /** Defaults to DEFAULT_PROGRESSION_SETTINGS. */
  settings?: ProgressionSettings;
}

/** Relief after one session: from the person's portal report if there is one, else from the next session's log. */
export interface ReliefPoint {
  sessionId: string;
  /** YYYY-MM-DD of the session the relief followed. */
  date: string;
  reliefWindowDays: number | null;
  source: 'patient-report' | 'next-session' | 'none';
}

export interface MixPoint {
  sessionId: string;
  date: string;
  passivePercent: number;
  activePercent: number;
}

export interface SorenessAssessment {
  /** The session at which the soreness was reported (it followed the session before). */
  sessionId: string;
  /** 1-based number of the session the soreness followed. */
  afterSessionNumber: number;
  score: number;
  hours: number;
  classification: 'normal-early' | 'within-usual' | 'longer-than-usual';
  reason: Reason;
}

export const FLARE_CLASSES = ['settled-expected', 'settling', 'reassess-prolonged', 'reassess-below-baseline'] as const;
export type FlareClass = (typeof FLARE_CLASSES)[number];

export interface FlareAssessment {
  flareId: string;
  classification: FlareClass;
  /** Hours from start to settling (or to asOf while not settled). */
  hours: number;
  /** Whether the classification expects it (true) or asks for a reassessment (false); null while settling. */
  expected: boolean | null;
  reasons: Reason[];
}

export interface PlateauAssessment {
  plateau: boolean;
  /** YYYY-MM-DD span the assessment looked at (null when there was too little data). */
  windowStart: string | null;
  windowEnd: string | null;
  sessionsInWindow: number;
  /** Best mean goal score before the window and in the window. */
  priorBestMeanGoalScore: number | null;
  windowBestMeanGoalScore: number | null;
  reasons: Reason[];
}

export type GoalProgressStatus = 'met' | 'moving' | 'not-moving' | 'no-data';

export interface GoalProgress {
  goalId: string;
  statement: string;
  baselineScore: number;
  latestScore: number | null;
  targetScore: number;
  targetDate: string;
  /** Share of the distance from baseline to target covered (0–100+), null with no data. */
  percentOfWayToTarget: number | null;
  status: GoalProgressStatus;
}

export interface CheckpointOption {
  decision: CheckpointDecisionKind;
  /** What the data say for this option; the engine lists options, people choose. */
  reasons: Reason[];
  /** Whether the data point toward this option (a suggestion, never a decision). */
  dataSupport: boolean;
  /** For 'refer': suggested overlap in days; for 'ongoing-care': a review date is required. */
  suggestedOverlapDays?: number;
}

export interface CheckpointSummary {
  /** YYYY-MM-DD of the next checkpoint on the schedule (on or after the last recorded decision). */
  nextDueDate: string | null;
  /** True when asOf is on or after nextDueDate. */
  due: boolean;
  started: { date: string; meanGoalScore: number | null; symptomScore: number | null; reliefWindowDays: number };
  now: { date: string; meanGoalScore: number | null; symptomScore: number | null; reliefWindowDays: number | null; phase: ProgressionPhase };
  aim: { meanTargetScore: number | null; latestTargetDate: string | null };
  goals: GoalProgress[];
  options: CheckpointOption[];
  /** A plain-language summary: where we started, where we are, where we said we would go. */
  text: string;
}

export interface ProgressionResult {
  /** e.g. "progression settings v1" */
  settingsVersion: string;
  asOf: string;
  /** The phase the data suggest, with its reasons; compare with plan.recordedPhase. */
  suggestedPhase: ProgressionPhase;
  recordedPhase: ProgressionPhase;
  phaseReasons: Reason[];
  /** Headline statements (codes like 'progression.no-response-yet'), newest concerns first. */
  statements: Reason[];
  relief: ReliefPoint[];
  mix: MixPoint[];
  soreness: SorenessAssessment[];
  flares: FlareAssessment[];
  plateau: PlateauAssessment;
  checkpoint: CheckpointSummary;
  /** Input problems and data gaps (stable codes). */
  issues: Issue[];
}
