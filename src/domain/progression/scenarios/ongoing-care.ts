/**
 * Intentional ongoing care (seed: "a deliberate clinical decision ... made explicitly and revisited
 * regularly"): after a plateau, the team and the person choose ongoing passive support on purpose, with a
 * reason and a review date. The engine keeps that choice, never proposes it, and raises the review when the
 * date comes. Sessions every two weeks from 5 January 2026.
 */
import { goals, session, type Scenario } from './scenario';

const flat = (id: string, date: string): ReturnType<typeof session> =>
  session(id, date, { modalities: ['needling', 'home-programme'], passivePercent: 80, reliefWindowDaysReported: 4, goalScores: goals(5, 4), symptomScore: 5 });

export const ongoingCareOnPurpose: Scenario = {
  name: 'ongoing care chosen on purpose, with a review date',
  plan: {
    startDate: '2026-01-05',
    recordedPhase: 'extending-window',
    ongoingCare: null,
    baselineSymptomScore: 6,
    goals: [
      { id: 'walk', activity: 'walking', statement: 'Walk around the garden centre', baselineScore: 3, targetScore: 7, targetDate: '2026-06-30', status: 'active' },
      { id: 'bike', activity: 'cycling', statement: 'Cycle on the flat for 20 minutes', baselineScore: 2, targetScore: 6, targetDate: '2026-06-30', status: 'active' },
    ],
    checkpointSchedule: { firstDate: '2026-01-19', intervalDays: 14 },
    graduationCriteria: [{ id: 'c1', statement: 'Manages flares with the home programme alone', goalId: null }],
  },
  steps: [
    {
      label: 'relief of a few days, goals moved early and then stopped: a plateau at the checkpoint',
      asOf: '2026-03-02T17:00:00Z',
      sessions: [
        session('o1', '2026-01-05', { goalScores: goals(3, 2), symptomScore: 6 }),
        session('o2', '2026-01-19', { reliefWindowDaysReported: 3, goalScores: goals(5, 4), symptomScore: 5 }),
        flat('o3', '2026-02-02'),
        flat('o4', '2026-02-09'),
        flat('o5', '2026-02-16'),
        flat('o6', '2026-02-23'),
        flat('o7', '2026-03-02'),
      ],
      checkpoints: [
        { id: 'q1', date: '2026-01-19', decision: 'adjust' },
        { id: 'q2', date: '2026-02-02', decision: 'adjust' },
        { id: 'q3', date: '2026-02-16', decision: 'adjust' },
      ],
      expect: {
        suggestedPhase: 'extending-window',
        statements: ['plateau.detected', 'progression.window-extending', 'progression.checkpoint-due'],
        plateau: 'plateau.detected',
        checkpointDue: true,
        dataSupport: ['adjust', 'refer'],
      },
    },
    {
      label: 'ongoing care recorded on purpose, review on 27 April: the engine keeps the choice',
      asOf: '2026-03-02T17:30:00Z',
      checkpoints: [{ id: 'q4', date: '2026-03-02', decision: 'ongoing-care' }],
      recordedPhase: 'ongoing-care',
      ongoingCare: { reason: 'Widespread pain for 15 years; fortnightly needling keeps her walking and working. Management, not resolution, is the aim for now.', reviewDate: '2026-04-27' },
      expect: { suggestedPhase: 'ongoing-care', statements: ['plateau.detected'], checkpointDue: false, nextCheckpoint: '2026-03-16' },
    },
    {
      label: 'the review date comes: the engine asks whether it is still the right choice',
      asOf: '2026-04-27T09:00:00Z',
      sessions: [flat('o8', '2026-03-30'), flat('o9', '2026-04-13'), flat('o10', '2026-04-27')],
      checkpoints: [
        { id: 'q5', date: '2026-03-16', decision: 'ongoing-care' },
        { id: 'q6', date: '2026-03-30', decision: 'ongoing-care' },
        { id: 'q7', date: '2026-04-13', decision: 'ongoing-care' },
      ],
      expect: {
        suggestedPhase: 'ongoing-care',
        // Fortnightly sessions: only 3 in the last 28 days, too few to call a plateau again.
        statements: ['progression.ongoing-care-review-due', 'progression.checkpoint-due'],
        plateau: 'plateau.too-little-data',
        checkpointDue: true,
      },
    },
  ],
};
