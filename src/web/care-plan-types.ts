/**
 * Shapes of the care plan API (/api/v1/patients/:id/care-plan, docs/care-plan.md) as the web app reads them.
 * Plan, session and engine shapes come from src/domain so they never drift from the server.
 */
import type { CarePlan, CheckpointDecisionInput, Flare, ProgressionPhase, ResponseReport, TherapySession } from '../domain/care-plan/types';
import type { CheckpointSummary, ProgressionResult } from '../domain/progression/types';

export type { CarePlan, CarePlanGoal, CarePlanInput, CarePlanIntervention, CheckpointDecisionKind, Modality, ProgressionPhase } from '../domain/care-plan/types';
export type { CheckpointSummary, ProgressionResult, Reason } from '../domain/progression/types';

export interface CheckpointView {
  id: string;
  dueOn: string;
  status: 'due' | 'decided';
  taskId: string | null;
  decision: CheckpointDecisionInput | null;
  summary: { honestSummary: CheckpointSummary; suggestedPhase: ProgressionPhase } | null;
  planVersion: number | null;
  decidedBy: string | null;
  decidedAt: string | null;
  version: number;
}

export interface CarePlanView {
  patientId: string;
  plan: (CarePlan & { updatedAt: string; updatedBy: string }) | null;
  progression: ProgressionResult | null;
  sessions: TherapySession[];
  reports: (ResponseReport & { reportedBy: string; reportedAt: string })[];
  flares: Flare[];
  checkpoints: CheckpointView[];
  suggestedGoals: { activity: string; baselineScore: number; measuredAt: string }[];
  phaseTimeline: PhaseTimelinePoint[];
  careTeam: { id: string; displayName: string; role: string }[];
}

export interface PlanVersion {
  version: number;
  changedAt: string;
  changedBy: string;
  changeNote: string | null;
  plan: CarePlan;
}

/** Phase names in plain words, for staff and for the portal. */
export const PHASE_WORDS: Record<ProgressionPhase, { staff: string; patient: string }> = {
  'establishing-response': { staff: 'Establishing a response', patient: 'Finding out what helps' },
  'extending-window': { staff: 'Extending the window', patient: 'Making the relief last longer' },
  'movement-entry': { staff: 'Movement entry', patient: 'Adding movement' },
  'active-progression': { staff: 'Active progression', patient: 'Building strength' },
  graduation: { staff: 'Graduation', patient: 'Ready to carry on by yourself' },
  'ongoing-care': { staff: 'Ongoing care (chosen on purpose)', patient: 'Ongoing care, reviewed regularly' },
};

export const MODALITY_WORDS: Record<string, string> = {
  needling: 'Needling',
  'manual-therapy': 'Manual therapy',
  'other-passive': 'Other passive care',
  'corrective-exercise': 'Corrective exercise',
  'graded-activity': 'Graded activity',
  'functional-training': 'Functional training',
  'home-programme': 'Home programme',
};

export const DOMAIN_WORDS: Record<string, string> = {
  medication: 'Medication',
  rehabilitation: 'Rehabilitation',
  'behavioural-health': 'Behavioural health',
  procedures: 'Procedures',
  'self-management': 'Self-management',
  sleep: 'Sleep',
};

export const DECISION_WORDS: Record<string, string> = {
  adjust: 'Adjust the plan',
  refer: 'Refer, with an overlap period',
  graduate: 'Graduate',
  'ongoing-care': 'Ongoing care, on purpose',
};

export interface PhaseTimelinePoint {
  sessionId: string;
  date: string;
  phase: ProgressionPhase;
}
