/**
 * Builders for the progression tests and scenarios (not exported from index.ts). Source: none clinical.
 */
import { addDays } from '../care-plan/dates';
import type { CarePlanGoal } from '../care-plan/types';
import type { ProgressionFlare, ProgressionInput, ProgressionPlan, ProgressionSession } from './types';

export function buildGoal(overrides: Partial<CarePlanGoal> = {}): CarePlanGoal {
  return { id: 'walk', activity: 'walking', statement: 'Walk 30 minutes with the dog', baselineScore: 3, targetScore: 8, targetDate: '2026-06-01', status: 'active', ...overrides };
}

export function buildPlan(overrides: Partial<ProgressionPlan> = {}): ProgressionPlan {
  return {
    startDate: '2026-01-05',
    recordedPhase: 'establishing-response',
    ongoingCare: null,
    baselineSymptomScore: 7,
    goals: [buildGoal()],
    checkpointSchedule: { firstDate: '2026-01-19', intervalDays: 14 },
    graduationCriteria: [{ id: 'g1', statement: 'Walks 30 minutes most days', goalId: 'walk' }],
    ...overrides,
  };
}

let counter = 0;
export function buildSession(overrides: Partial<ProgressionSession> = {}): ProgressionSession {
  counter += 1;
  return {
    id: `s${counter}`,
    date: '2026-01-05',
    modalities: ['needling'],
    passivePercent: 100,
    soreness: null,
    reliefWindowDaysReported: null,
    goalScores: [],
    symptomScore: null,
    precipitatingEvent: null,
    ...overrides,
  };
}

/** Weekly sessions from 2026-01-05: relief[i] is reported at session i+1 (relief after session i). */
export function weeklySessions(relief: (number | null)[], extra: (i: number) => Partial<ProgressionSession> = () => ({})): ProgressionSession[] {
  return relief.map((r, i) => buildSession({ id: `w${i + 1}`, date: addDays('2026-01-05', 7 * i), reliefWindowDaysReported: i === 0 ? null : r, ...extra(i) }));
}

export function buildFlare(overrides: Partial<ProgressionFlare> = {}): ProgressionFlare {
  return {
    id: 'f1',
    startedAt: '2026-02-01T08:00:00Z',
    baselineSymptomScore: 4,
    peakSymptomScore: 7,
    settledAt: null,
    symptomScoreAfter: null,
    trigger: null,
    ...overrides,
  };
}

export function buildInput(overrides: Partial<ProgressionInput> = {}): ProgressionInput {
  return { asOf: new Date('2026-03-01T12:00:00Z'), plan: buildPlan(), sessions: [], reports: [], flares: [], checkpoints: [], ...overrides };
}
