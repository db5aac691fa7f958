/** TypeBox schemas for intakes, to-dos and intake templates (docs/intake-and-measures.md, "Server"). */
import { Type } from '@sinclair/typebox';
import { Nullable, StringEnum, Uuid } from '../schemas';
import { AnswersSchema, CrisisSchema, InstrumentScoreSchema } from '../measures/measures.schema';

const S = Type.String();
const NS = Nullable(Type.String());

export const IntakeSchema = Type.Object({
  id: S,
  patientId: S,
  status: StringEnum(['sent', 'in-progress', 'submitted'] as const),
  templateVersion: Type.Integer(),
  pages: Type.Array(S, { description: 'IntakePageId[] in order; PHQ-9 appears after a positive PHQ-2, STarT Back with back pain' }),
  currentPage: S,
  savedPages: Type.Array(S, { description: 'Pages saved at least once' }),
  story: Type.Record(S, Type.Unknown(), { description: 'The pain story so far (a partial PainStory)' }),
  instruments: Type.Record(S, Type.Object({ answers: AnswersSchema, score: InstrumentScoreSchema })),
  redFlags: Type.Record(S, Nullable(Type.Boolean())),
  sentAt: S,
  startedAt: NS,
  submittedAt: NS,
  version: Type.Integer(),
  crisis: Type.Optional(CrisisSchema),
});

export const SendIntakeBody = Type.Object({ templateId: Type.Optional(Uuid) }, { additionalProperties: false });

export const PageParams = Type.Object({ id: Uuid, pageId: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });

export const PageBody = Type.Object({ value: Type.Unknown({ description: "The page's answers: story fields, instrument answers keyed by item id, or red-flag answers" }) }, { additionalProperties: false });

export const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String()) });

export const TodoQuery = Type.Object({ patientId: Type.Optional(Uuid) }, { additionalProperties: false });

export const TodoList = Type.Object({
  items: Type.Array(
    Type.Object({
      kind: StringEnum(['intake', 'instrument'] as const),
      id: S,
      patientId: S,
      /** For questionnaires the team sent: which instrument to open. */
      instrumentId: Type.Optional(S),
      title: S,
      sentAt: S,
      status: S,
    }),
  ),
});

export const TemplateSchema = Type.Object({
  id: NS,
  templateVersion: Type.Integer(),
  hidden: Type.Array(S),
  updatedBy: NS,
  updatedAt: NS,
});

export const TemplatesResponse = Type.Object({
  current: TemplateSchema,
  /** Every page the intake can have, and whether a template may hide it. */
  pages: Type.Array(Type.Object({ id: S, hideable: Type.Boolean() })),
  history: Type.Array(TemplateSchema),
});

export const TemplateBody = Type.Object({ hidden: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { uniqueItems: true, maxItems: 20 }) }, { additionalProperties: false });
