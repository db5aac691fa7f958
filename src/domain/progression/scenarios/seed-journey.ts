/**
 * The journey the seed article describes, week by week: early soreness → a 1-day window → 3 days → a week
 * → movement entry (blended, not a hand-off) → a flare that settles → a flare that does not → a plateau →
 * referral with an overlap period. Weekly sessions on Mondays from 5 January 2026; checkpoints every 14 days
 * from 19 January. Goals: walk 30 minutes (3 → 8), cycle again (2 → 7).
 */
import { BLENDED, goals, session, type Scenario } from './scenario';

export const seedJourney: Scenario = {
  name: 'seed journey: from relief to capacity, then a plateau and a referral with overlap',
  plan: {
    startDate: '2026-01-05',
    recordedPhase: 'establishing-response',
    ongoingCare: null,
    baselineSymptomScore: 7,
    goals: [
      { id: 'walk', activity: 'walking', statement: 'Walk 30 minutes with the dog', baselineScore: 3, targetScore: 8, targetDate: '2026-05-31', status: 'active' },
      { id: 'bike', activity: 'cycling', statement: 'Cycle to work again', baselineScore: 2, targetScore: 7, targetDate: '2026-06-30', status: 'active' },
    ],
    checkpointSchedule: { firstDate: '2026-01-19', intervalDays: 14 },
    graduationCriteria: [{ id: 'c-walk', statement: 'Walks 30 minutes most days', goalId: 'walk' }],
  },
  steps: [
    {
      label: 'first session: needling only',
      asOf: '2026-01-05T17:00:00Z',
      sessions: [session('s1', '2026-01-05', { goalScores: goals(3, 2), symptomScore: 7 })],
      expect: { suggestedPhase: 'establishing-response', statements: [], checkpointDue: false, nextCheckpoint: '2026-01-19', latestReliefDays: null },
    },
    {
      label: 'second session: sore for a day and a half, no relief window yet',
      asOf: '2026-01-12T17:00:00Z',
      sessions: [session('s2', '2026-01-12', { soreness: { score: 5, hours: 36 }, reliefWindowDaysReported: 0, goalScores: goals(3, 2), symptomScore: 7 })],
      expect: { suggestedPhase: 'establishing-response', statements: ['progression.normal-post-treatment-soreness'], latestReliefDays: 0 },
    },
    {
      label: 'third session: a 1-day window appears; first checkpoint due',
      asOf: '2026-01-19T17:00:00Z',
      sessions: [session('s3', '2026-01-19', { soreness: { score: 3, hours: 24 }, reliefWindowDaysReported: 1, goalScores: goals(3.5, 2), symptomScore: 6 })],
      expect: {
        suggestedPhase: 'extending-window',
        statements: ['progression.window-extending', 'progression.normal-post-treatment-soreness', 'progression.checkpoint-due', 'progression.phase-differs'],
        checkpointDue: true,
        dataSupport: [],
        latestReliefDays: 1,
      },
    },
    {
      label: 'checkpoint recorded (adjust: keep going, aim to extend the window); phase recorded',
      asOf: '2026-01-19T17:30:00Z',
      checkpoints: [{ id: 'cp1', date: '2026-01-19', decision: 'adjust' }],
      recordedPhase: 'extending-window',
      expect: { suggestedPhase: 'extending-window', statements: ['progression.window-extending', 'progression.normal-post-treatment-soreness'], checkpointDue: false, nextCheckpoint: '2026-02-02' },
    },
    {
      label: 'the person reports 3 days of relief from the portal before the next session',
      asOf: '2026-01-24T09:00:00Z',
      reports: [{ id: 'r1', reportedOn: '2026-01-23', afterSessionId: null, reliefWindowDays: 3, goalScores: [{ goalId: 'walk', score: 4.5 }], symptomScore: 5 }],
      expect: { suggestedPhase: 'extending-window', statements: ['progression.window-extending', 'progression.normal-post-treatment-soreness'], latestReliefDays: 3 },
    },
    {
      label: 'fourth and fifth sessions: 3 then 5 days; checkpoint due',
      asOf: '2026-02-02T17:00:00Z',
      sessions: [
        session('s4', '2026-01-26', { reliefWindowDaysReported: 3, goalScores: goals(4.5, 3), symptomScore: 5 }),
        session('s5', '2026-02-02', { reliefWindowDaysReported: 5, goalScores: goals(5, 3.5), symptomScore: 5 }),
      ],
      expect: { suggestedPhase: 'extending-window', statements: ['progression.window-extending', 'progression.checkpoint-due'], checkpointDue: true, latestReliefDays: 5 },
    },
    {
      label: 'checkpoint recorded',
      asOf: '2026-02-02T17:30:00Z',
      checkpoints: [{ id: 'cp2', date: '2026-02-02', decision: 'adjust' }],
      expect: { suggestedPhase: 'extending-window', statements: ['progression.window-extending'], nextCheckpoint: '2026-02-16' },
    },
    {
      label: 'sixth session: a week of relief once — not yet held',
      asOf: '2026-02-09T17:00:00Z',
      sessions: [session('s6', '2026-02-09', { reliefWindowDaysReported: 7, goalScores: goals(5.5, 3.5), symptomScore: 4 })],
      expect: { suggestedPhase: 'extending-window', statements: ['progression.window-extending'], latestReliefDays: 7 },
    },
    {
      label: 'seventh session: a week again — active work can enter, blended; checkpoint due',
      asOf: '2026-02-16T17:00:00Z',
      sessions: [session('s7', '2026-02-16', { reliefWindowDaysReported: 7.5, goalScores: goals(5.5, 4), symptomScore: 4 })],
      expect: {
        suggestedPhase: 'movement-entry',
        statements: ['progression.movement-entry-ready', 'progression.checkpoint-due', 'progression.phase-differs'],
        checkpointDue: true,
        latestPassivePercent: 100,
      },
    },
    {
      label: 'checkpoint: active work enters alongside needling; phase recorded',
      asOf: '2026-02-16T17:30:00Z',
      checkpoints: [{ id: 'cp3', date: '2026-02-16', decision: 'adjust' }],
      recordedPhase: 'movement-entry',
      expect: { suggestedPhase: 'movement-entry', statements: ['progression.movement-entry-ready'] },
    },
    {
      label: 'eighth session: blended 70 % passive / 30 % active',
      asOf: '2026-02-23T17:00:00Z',
      sessions: [session('s8', '2026-02-23', { modalities: BLENDED, passivePercent: 70, reliefWindowDaysReported: 7, goalScores: goals(6, 4.5), symptomScore: 4 })],
      expect: { suggestedPhase: 'movement-entry', statements: ['progression.movement-entered'], latestPassivePercent: 70 },
    },
    {
      label: 'a flare the day after: settling, within the usual window',
      asOf: '2026-02-25T09:00:00Z',
      flares: [{ id: 'f1', startedAt: '2026-02-24T09:00:00Z', baselineSymptomScore: 4, peakSymptomScore: 7, settledAt: null, symptomScoreAfter: null, trigger: 'First loaded session' }],
      expect: { suggestedPhase: 'movement-entry', statements: ['progression.movement-entered', 'flare.settling'], flares: ['settling'] },
    },
    {
      label: 'the flare settled in 60 hours, back to baseline: expected',
      asOf: '2026-02-27T09:00:00Z',
      flares: [{ id: 'f1', startedAt: '2026-02-24T09:00:00Z', baselineSymptomScore: 4, peakSymptomScore: 7, settledAt: '2026-02-26T21:00:00Z', symptomScoreAfter: 4, trigger: 'First loaded session' }],
      expect: { suggestedPhase: 'movement-entry', statements: ['progression.movement-entered', 'flare.settled-expected'], flares: ['settled-expected'] },
    },
    {
      label: 'ninth session: half active — active progression; checkpoint due',
      asOf: '2026-03-02T17:00:00Z',
      sessions: [session('s9', '2026-03-02', { modalities: BLENDED, passivePercent: 50, reliefWindowDaysReported: 8, goalScores: goals(6.5, 5), symptomScore: 4 })],
      expect: {
        suggestedPhase: 'active-progression',
        statements: ['progression.passive-share-shifting', 'flare.settled-expected', 'progression.checkpoint-due', 'progression.phase-differs'],
        checkpointDue: true,
        latestPassivePercent: 50,
      },
    },
    {
      label: 'checkpoint recorded; phase recorded',
      asOf: '2026-03-02T17:30:00Z',
      checkpoints: [{ id: 'cp4', date: '2026-03-02', decision: 'adjust' }],
      recordedPhase: 'active-progression',
      expect: { suggestedPhase: 'active-progression', statements: ['progression.passive-share-shifting', 'flare.settled-expected'] },
    },
    {
      label: 'tenth session, then a flare that has not settled after 73 hours: reassess',
      asOf: '2026-03-13T09:00:00Z',
      sessions: [session('s10', '2026-03-09', { modalities: BLENDED, passivePercent: 40, reliefWindowDaysReported: 7, goalScores: goals(6.5, 5), symptomScore: 4 })],
      flares: [{ id: 'f2', startedAt: '2026-03-10T08:00:00Z', baselineSymptomScore: 4, peakSymptomScore: 8, settledAt: null, symptomScoreAfter: null, trigger: 'Loaded squats progressed too fast' }],
      expect: { suggestedPhase: 'active-progression', statements: ['flare.not-settled-beyond-limit', 'progression.passive-share-shifting'], flares: ['reassess-prolonged', 'settled-expected'] },
    },
    {
      label: 'the second flare settled after 5 days and left symptoms 2 points worse; checkpoint due',
      asOf: '2026-03-16T17:00:00Z',
      sessions: [session('s11', '2026-03-16', { modalities: BLENDED, passivePercent: 50, reliefWindowDaysReported: 3, goalScores: goals(6, 5), symptomScore: 6 })],
      flares: [{ id: 'f2', startedAt: '2026-03-10T08:00:00Z', baselineSymptomScore: 4, peakSymptomScore: 8, settledAt: '2026-03-15T08:00:00Z', symptomScoreAfter: 6, trigger: 'Loaded squats progressed too fast' }],
      expect: {
        suggestedPhase: 'active-progression',
        statements: ['flare.settled-beyond-limit', 'flare.below-baseline', 'progression.passive-share-shifting', 'progression.checkpoint-due'],
        flares: ['reassess-prolonged', 'settled-expected'],
        checkpointDue: true,
        dataSupport: ['adjust'],
        latestReliefDays: 3,
      },
    },
    {
      label: 'checkpoint: adjust (load dialled back)',
      asOf: '2026-03-16T17:30:00Z',
      checkpoints: [{ id: 'cp5', date: '2026-03-16', decision: 'adjust' }],
      expect: { suggestedPhase: 'active-progression', statements: ['flare.settled-beyond-limit', 'flare.below-baseline', 'progression.passive-share-shifting'], checkpointDue: false },
    },
    {
      label: 'two more weeks, goals flat — but the flare is a cause, so not a plateau; checkpoint due',
      asOf: '2026-03-30T17:00:00Z',
      sessions: [
        session('s12', '2026-03-23', { modalities: BLENDED, passivePercent: 50, reliefWindowDaysReported: 7, goalScores: goals(6, 5), symptomScore: 5 }),
        session('s13', '2026-03-30', { modalities: BLENDED, passivePercent: 50, reliefWindowDaysReported: 7, goalScores: goals(6, 5), symptomScore: 5 }),
      ],
      expect: { suggestedPhase: 'active-progression', statements: ['progression.passive-share-shifting', 'progression.checkpoint-due'], plateau: 'plateau.flat-with-cause', checkpointDue: true },
    },
    {
      label: 'checkpoint recorded; another flat week',
      asOf: '2026-04-06T17:00:00Z',
      checkpoints: [{ id: 'cp6', date: '2026-03-30', decision: 'adjust' }],
      sessions: [session('s14', '2026-04-06', { modalities: BLENDED, passivePercent: 50, reliefWindowDaysReported: 7, goalScores: goals(6, 5), symptomScore: 5 })],
      expect: { suggestedPhase: 'active-progression', statements: ['progression.passive-share-shifting'], plateau: 'plateau.flat-with-cause' },
    },
    {
      label: 'four weeks flat with no cause and no climb back to the prior best: plateau; checkpoint due',
      asOf: '2026-04-13T17:00:00Z',
      sessions: [session('s15', '2026-04-13', { modalities: BLENDED, passivePercent: 50, reliefWindowDaysReported: 7, goalScores: goals(6, 5), symptomScore: 5 })],
      expect: {
        suggestedPhase: 'active-progression',
        statements: ['plateau.detected', 'progression.passive-share-shifting', 'progression.checkpoint-due'],
        plateau: 'plateau.detected',
        checkpointDue: true,
        dataSupport: ['adjust', 'refer'],
      },
    },
    {
      label: 'referral to advanced rehabilitation recorded, with an overlap period',
      asOf: '2026-04-13T17:30:00Z',
      checkpoints: [{ id: 'cp7', date: '2026-04-13', decision: 'refer' }],
      expect: { suggestedPhase: 'active-progression', statements: ['plateau.detected', 'progression.passive-share-shifting'], checkpointDue: false, nextCheckpoint: '2026-04-27' },
    },
  ],
};
