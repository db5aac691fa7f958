/**
 * A person whose system does not respond to passive care: soreness settles normally, but no window of
 * relief appears. After the first few sessions the engine says "no response yet" and the checkpoint options
 * point toward adjusting or referring — it never decides. Weekly sessions from 5 January 2026.
 */
import { goals, session, type Scenario } from './scenario';

export const neverResponds: Scenario = {
  name: 'a person who never responds to passive care',
  plan: {
    startDate: '2026-01-05',
    recordedPhase: 'establishing-response',
    ongoingCare: null,
    baselineSymptomScore: 6,
    goals: [
      { id: 'walk', activity: 'walking', statement: 'Walk to the shops and back', baselineScore: 4, targetScore: 8, targetDate: '2026-04-30', status: 'active' },
      { id: 'bike', activity: 'cycling', statement: 'Ride with the grandchildren', baselineScore: 2, targetScore: 6, targetDate: '2026-05-31', status: 'active' },
    ],
    checkpointSchedule: { firstDate: '2026-01-19', intervalDays: 14 },
    graduationCriteria: [{ id: 'c1', statement: 'Walks to the shops without a flare the next day', goalId: 'walk' }],
  },
  steps: [
    {
      label: 'first session',
      asOf: '2026-01-05T17:00:00Z',
      sessions: [session('n1', '2026-01-05', { goalScores: goals(4, 2), symptomScore: 6 })],
      expect: { suggestedPhase: 'establishing-response', statements: [] },
    },
    {
      label: 'second session: normal soreness, no window',
      asOf: '2026-01-12T17:00:00Z',
      sessions: [session('n2', '2026-01-12', { soreness: { score: 4, hours: 24 }, reliefWindowDaysReported: 0, goalScores: goals(4, 2), symptomScore: 6 })],
      expect: { suggestedPhase: 'establishing-response', statements: ['progression.normal-post-treatment-soreness'], latestReliefDays: 0 },
    },
    {
      label: 'third session: still no window; checkpoint due',
      asOf: '2026-01-19T17:00:00Z',
      sessions: [session('n3', '2026-01-19', { reliefWindowDaysReported: 0, goalScores: goals(4, 2), symptomScore: 6 })],
      expect: { suggestedPhase: 'establishing-response', statements: ['progression.checkpoint-due'], checkpointDue: true, dataSupport: [] },
    },
    {
      label: 'checkpoint: adjust technique; fourth session, no window',
      asOf: '2026-01-26T17:00:00Z',
      checkpoints: [{ id: 'k1', date: '2026-01-19', decision: 'adjust' }],
      sessions: [session('n4', '2026-01-26', { modalities: ['needling', 'manual-therapy'], reliefWindowDaysReported: 0, goalScores: goals(4, 2), symptomScore: 6 })],
      expect: { suggestedPhase: 'establishing-response', statements: [] },
    },
    {
      label: 'half a day of relief is not yet a window',
      asOf: '2026-01-28T12:00:00Z',
      reports: [{ id: 'nr1', reportedOn: '2026-01-28', afterSessionId: 'n4', reliefWindowDays: 0.5, goalScores: [], symptomScore: 6 }],
      expect: { suggestedPhase: 'establishing-response', statements: ['progression.no-response-yet'], latestReliefDays: 0.5 },
    },
    {
      label: 'fifth session: four sessions with relief known, none a day — the conversation changes; checkpoint due',
      asOf: '2026-02-02T17:00:00Z',
      sessions: [session('n5', '2026-02-02', { modalities: ['needling', 'manual-therapy'], reliefWindowDaysReported: 0, goalScores: goals(4, 2), symptomScore: 6 })],
      expect: {
        suggestedPhase: 'establishing-response',
        statements: ['progression.no-response-yet', 'progression.checkpoint-due'],
        checkpointDue: true,
        dataSupport: ['adjust', 'refer'],
      },
    },
    {
      label: 'referral recorded with an overlap; the statement stays honest',
      asOf: '2026-02-02T17:30:00Z',
      checkpoints: [{ id: 'k2', date: '2026-02-02', decision: 'refer' }],
      expect: { suggestedPhase: 'establishing-response', statements: ['progression.no-response-yet'], checkpointDue: false, nextCheckpoint: '2026-02-16' },
    },
  ],
};
