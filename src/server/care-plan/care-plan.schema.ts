/**
 * TypeBox schemas for care plans, sessions, reports, flares and checkpoint decisions (docs/care-plan.md).
 * Types and required keys are checked here; meaning (real dates, a bridge plan for every wait, targets above
 * baselines, goals that exist) by src/domain/care-plan/validate.ts, and both are reported together.
 */
import { Type } from '@sinclair/typebox';
import {
  CARE_PLAN_STATUSES,
  CHECKPOINT_DECISIONS,
  GOAL_STATUSES,
  INTERVENTION_DOMAINS,
  INTERVENTION_STATUSES,
  MODALITIES,
  PROGRESSION_PHASES,
} from '../../domain/care-plan/types';
import { IsoDate, IsoInstant, Nullable, StringEnum } from '../schemas';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Score = Type.Number({ minimum: 0, maximum: 10 });
const LocalId = Type.String({ minLength: 1, maxLength: 24, pattern: '^[A-Za-z0-9._-]+$', description: 'Chosen by the client, stable across versions (e.g. goal-1)' });

export const GoalBody = Type.Object(
  {
    id: LocalId,
    activity: Text(100),
    statement: Text(300),
    baselineScore: Score,
    targetScore: Score,
    targetDate: IsoDate,
    status: StringEnum(GOAL_STATUSES),
  },
  { additionalProperties: false },
);

export const InterventionBody = Type.Object(
  {
    id: LocalId,
    domain: StringEnum(INTERVENTION_DOMAINS),
    description: Text(500),
    ownerUserId: Nullable(Type.String({ format: 'uuid' })),
    ownerRole: Nullable(Type.String({ maxLength: 40 })),
    status: StringEnum(INTERVENTION_STATUSES),
    expectedStartDate: Nullable(IsoDate),
    expectedWaitDays: Nullable(Type.Integer({ minimum: 0, maximum: 730 })),
    bridgePlan: Nullable(Type.Object({ text: Text(2000), ownerUserId: Nullable(Type.String({ format: 'uuid' })) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

export const CarePlanBody = Type.Object(
  {
    title: Text(200),
    status: StringEnum(CARE_PLAN_STATUSES),
    startDate: IsoDate,
    phase: StringEnum(PROGRESSION_PHASES),
    ongoingCare: Nullable(Type.Object({ reason: Text(1000), reviewDate: IsoDate }, { additionalProperties: false })),
    baselineSymptomScore: Nullable(Score),
    goals: Type.Array(GoalBody, { maxItems: 10 }),
    interventions: Type.Array(InterventionBody, { maxItems: 30 }),
    checkpointSchedule: Type.Object({ firstDate: IsoDate, intervalDays: Type.Integer({ minimum: 1, maximum: 182 }) }, { additionalProperties: false }),
    graduationCriteria: Type.Array(Type.Object({ id: LocalId, statement: Text(300), goalId: Nullable(LocalId) }, { additionalProperties: false }), { maxItems: 20 }),
    patientSummary: Nullable(Type.String({ maxLength: 2000 })),
    changeNote: Type.Optional(Nullable(Type.String({ maxLength: 500, description: 'Why this version (kept in the history)' }))),
  },
  { additionalProperties: false },
);

const GoalScores = Type.Array(Type.Object({ goalId: LocalId, score: Score }, { additionalProperties: false }), { maxItems: 10 });

export const SessionBody = Type.Object(
  {
    date: IsoDate,
    modalities: Type.Array(StringEnum(MODALITIES), { minItems: 1, maxItems: 7 }),
    passivePercent: Type.Integer({ minimum: 0, maximum: 100 }),
    soreness: Nullable(Type.Object({ score: Score, hours: Type.Number({ minimum: 0, maximum: 336 }) }, { additionalProperties: false })),
    reliefWindowDaysReported: Nullable(Type.Number({ minimum: 0, maximum: 90 })),
    goalScores: GoalScores,
    symptomScore: Nullable(Score),
    precipitatingEvent: Nullable(Type.String({ maxLength: 500 })),
    note: Nullable(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const ReportBody = Type.Object(
  {
    reportedOn: IsoDate,
    afterSessionId: Nullable(Type.String({ format: 'uuid' })),
    reliefWindowDays: Nullable(Type.Number({ minimum: 0, maximum: 90 })),
    goalScores: GoalScores,
    symptomScore: Nullable(Score),
    note: Nullable(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const FlareBody = Type.Object(
  {
    startedAt: IsoInstant,
    baselineSymptomScore: Score,
    peakSymptomScore: Score,
    settledAt: Nullable(IsoInstant),
    symptomScoreAfter: Nullable(Score),
    trigger: Nullable(Type.String({ maxLength: 300 })),
    reportedBy: StringEnum(['clinician', 'patient'] as const),
  },
  { additionalProperties: false },
);

export const FlareSettleBody = Type.Object({ settledAt: IsoInstant, symptomScoreAfter: Score }, { additionalProperties: false });

/** One object for every decision (fields of the other decisions are refused), so every bad field is listed at once. */
export const DecisionBody = Type.Object(
  {
    decision: StringEnum(CHECKPOINT_DECISIONS),
    date: IsoDate,
    rationale: Type.String({ maxLength: 4000 }),
    discussedWithPatient: Type.Boolean(),
    changes: Type.Optional(Type.String({ maxLength: 4000, description: "decision 'adjust': what changes" })),
    referral: Type.Optional(
      Type.Object({ to: Type.String({ maxLength: 300 }), reason: Type.String({ maxLength: 2000 }), overlapStartDate: IsoDate, overlapEndDate: IsoDate }, { additionalProperties: false, description: "decision 'refer'" }),
    ),
    selfManagementPlan: Type.Optional(Type.String({ maxLength: 4000, description: "decision 'graduate'" })),
    followUpDate: Type.Optional(Nullable(IsoDate)),
    ongoingCare: Type.Optional(Type.Object({ reason: Type.String({ maxLength: 1000 }), reviewDate: IsoDate }, { additionalProperties: false, description: "decision 'ongoing-care'" })),
  },
  { additionalProperties: false },
);

export const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String()) });

/** Responses are described loosely (the engine's result is large and documented in src/domain/progression/types.ts). */
export const CarePlanView = Type.Object({}, { additionalProperties: true, description: 'plan, progression (the engine statement with reasons), sessions, reports, flares, checkpoints, suggested goals' });
export const AnyObject = Type.Object({}, { additionalProperties: true });
