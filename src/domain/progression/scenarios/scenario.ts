/**
 * The shape of a progression scenario: a plan and a list of steps. Each step adds what happened (sessions,
 * portal reports, flares — a flare with an existing id replaces it — checkpoint decisions, a phase people
 * recorded) and states what the engine must say as of that moment. Replayed by ../scenarios.test.ts.
 */
import type { CheckpointDecisionKind, OngoingCareChoice, ProgressionPhase } from '../../care-plan/types';
import type { FlareClass, ProgressionCheckpoint, ProgressionFlare, ProgressionPlan, ProgressionReport, ProgressionSession } from '../types';

export interface ScenarioExpectation {
  suggestedPhase: ProgressionPhase;
  /** The exact headline statement codes, in order. */
  statements: string[];
  /** Classification of every flare so far, most concerning first. */
  flares?: FlareClass[];
  /** The first plateau reason code. */
  plateau?: string;
  checkpointDue?: boolean;
  nextCheckpoint?: string;
  /** The decisions the data point toward (the rest are listed without support). */
  dataSupport?: CheckpointDecisionKind[];
  /** Relief after the latest session with a known value. */
  latestReliefDays?: number | null;
  /** Passive share of the latest session. */
  latestPassivePercent?: number;
}

export interface ScenarioStep {
  label: string;
  /** ISO date-time */
  asOf: string;
  sessions?: ProgressionSession[];
  reports?: ProgressionReport[];
  flares?: ProgressionFlare[];
  checkpoints?: ProgressionCheckpoint[];
  recordedPhase?: ProgressionPhase;
  /** Set with recordedPhase 'ongoing-care': the reason and review date people recorded. */
  ongoingCare?: OngoingCareChoice | null;
  expect: ScenarioExpectation;
}

export interface Scenario {
  name: string;
  plan: ProgressionPlan;
  steps: ScenarioStep[];
}

/** A compact session: passive-only needling unless said otherwise. */
export function session(id: string, date: string, more: Partial<ProgressionSession> = {}): ProgressionSession {
  return {
    id,
    date,
    modalities: ['needling'],
    passivePercent: 100,
    soreness: null,
    reliefWindowDaysReported: null,
    goalScores: [],
    symptomScore: null,
    precipitatingEvent: null,
    ...more,
  };
}

export function goals(walk: number, bike: number): ProgressionSession['goalScores'] {
  return [
    { goalId: 'walk', score: walk },
    { goalId: 'bike', score: bike },
  ];
}

export const BLENDED: ProgressionSession['modalities'] = ['needling', 'manual-therapy', 'corrective-exercise', 'home-programme'];
