/**
 * TypeBox schemas for instruments, answers, scores and trajectories (docs/intake-and-measures.md). The same
 * schemas validate requests, shape responses and write the OpenAPI document.
 */
import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Nullable, StringEnum, Uuid } from '../schemas';

const S = Type.String();
const NS = Nullable(Type.String());

export const AnswerOptionSchema = Type.Object({ value: Type.Number(), label: S });

export const InstrumentSchema = Type.Object(
  {
    id: S,
    version: S,
    title: S,
    patientTitle: S,
    prompt: S,
    recall: S,
    items: Type.Array(
      Type.Object({
        id: S,
        text: S,
        kind: StringEnum(['choice', 'scale-0-10', 'yes-no', 'activity'] as const),
        options: Type.Optional(Type.Array(AnswerOptionSchema)),
        anchors: Type.Optional(Type.Object({ low: S, high: S })),
        loinc: Type.Optional(S),
        sexSpecific: Type.Optional(Type.Boolean()),
      }),
    ),
    loinc: Type.Optional(Type.Object({ panel: Type.Optional(S), total: Type.Optional(S) })),
    scoreRange: Type.Object({ min: Type.Number(), max: Type.Number() }),
    bands: Type.Array(Type.Object({ code: S, label: S, min: Type.Number(), max: Type.Number() })),
    direction: StringEnum(['lower-is-better', 'higher-is-better'] as const),
    licence: Type.Optional(Type.Object({ text: S, restricted: Type.Boolean() }, { description: 'Shown to the clinic lead and administrator only.' })),
    source: S,
  },
);

export const IssueSchema = Type.Object({ code: S, message: S, severity: S, path: Type.Optional(S) });

export const InstrumentScoreSchema = Type.Object(
  {
    instrumentId: S,
    instrumentVersion: S,
    complete: Type.Boolean(),
    total: Nullable(Type.Number()),
    band: Nullable(Type.Object({ code: S, label: S, setting: Type.Optional(S) })),
    subscales: Type.Record(S, Type.Number()),
    flags: Type.Array(Type.Object({ code: S, message: S })),
    activities: Type.Optional(Type.Array(Type.Object({ name: S, score: Type.Number() }))),
    issues: Type.Array(IssueSchema),
  },
);

export const LabelledChangeSchema = Type.Object(
  {
    label: StringEnum(['meaningful-improvement', 'no-meaningful-change', 'meaningful-worsening'] as const),
    from: Type.Number(),
    to: Type.Number(),
    delta: Type.Number(),
    percent: Nullable(Type.Number()),
    threshold: S,
    setting: S,
    text: S,
  },
);

/**
 * Answers keyed by item id: a number, yes/no, null (not answered) or, for PSFS, a list of activities.
 * Values are checked by the domain (src/domain/measures), which reports every invalid answer by item id.
 */
export const AnswersSchema = Type.Record(S, Type.Unknown(), { description: "Keyed by item id, e.g. { 'phq9.1': 2 }; PSFS: { 'psfs.activities': [{ name, score }] }" });

export const ScoreContextSchema = Type.Object(
  {
    sex: Type.Optional(StringEnum(['female', 'male', 'other', 'unknown'] as const)),
    ageYears: Type.Optional(Type.Integer({ minimum: 0, maximum: 130 })),
  },
  { additionalProperties: false },
);

export const CalculatorBody = Type.Object({ answers: AnswersSchema, context: Type.Optional(ScoreContextSchema) }, { additionalProperties: false });
export type CalculatorBody = Static<typeof CalculatorBody>;

export const InstrumentParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });

export const TrajectoryPointSchema = Type.Object({
  at: S,
  responseId: S,
  score: InstrumentScoreSchema,
  change: Nullable(LabelledChangeSchema),
  changeFromBaseline: Nullable(LabelledChangeSchema),
});

export const MeasuresQuery = Type.Object(
  { instrumentId: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Only this instrument' })) },
  { additionalProperties: false },
);

export const MeasuresResponse = Type.Object({
  series: Type.Array(
    Type.Object({
      instrumentId: S,
      title: S,
      patientTitle: S,
      direction: S,
      scoreRange: Type.Object({ min: Type.Number(), max: Type.Number() }),
      points: Type.Array(TrajectoryPointSchema),
    }),
  ),
});

export const InstrumentRequestBody = Type.Object({ instrumentId: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });

export const InstrumentRequestSchema = Type.Object({
  id: S,
  patientId: S,
  instrumentId: S,
  title: S,
  patientTitle: S,
  requestedBy: S,
  requestedAt: S,
  status: StringEnum(['open', 'completed', 'cancelled'] as const),
  responseId: NS,
  cancelledAt: NS,
});

export const ResponseBody = Type.Object({ answers: AnswersSchema }, { additionalProperties: false });

export const CrisisSchema = Type.Object({ show: Type.Boolean(), text: S, call: S });

export const StoredResponseSchema = Type.Object({
  id: S,
  patientId: S,
  instrumentId: S,
  instrumentVersion: S,
  status: S,
  authoredAt: S,
  answers: AnswersSchema,
  score: InstrumentScoreSchema,
});

export const InstrumentResponseResult = Type.Object({
  response: StoredResponseSchema,
  request: InstrumentRequestSchema,
  crisis: Type.Optional(CrisisSchema),
});

export const AssessmentBody = Type.Object(
  {
    mechanism: Type.String({ minLength: 1, maxLength: 40 }),
    irritability: Type.String({ minLength: 1, maxLength: 40 }),
    comorbidities: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 }),
    onsetDate: Type.Optional(Nullable(IsoDate)),
    notes: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  },
  { additionalProperties: false },
);
export type AssessmentBody = Static<typeof AssessmentBody>;

export const AssessmentSchema = Type.Object({
  id: S,
  patientId: S,
  mechanism: S,
  irritability: S,
  comorbidities: Type.Array(S),
  onsetDate: NS,
  notes: NS,
  assessedBy: S,
  assessedByName: NS,
  assessedAt: S,
});

export const PatientIdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
