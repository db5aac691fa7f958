/** TypeBox schemas for concerns (validation, types and OpenAPI in one). */
import { Type } from '@sinclair/typebox';
import { CONCERN_KINDS, PLAN_ACTIONS } from '../../domain/concerns/concern';
import { IsoDate, Nullable, StringEnum } from '../schemas';

const S = Type.String();

export const ConversationSchema = Type.Object({ heldOn: S, withWhom: S, summary: S, recordedBy: S });
export const PlanSchema = Type.Object({ actions: Type.Array(StringEnum(PLAN_ACTIONS)), details: S, recordedBy: S });

export const ConcernSchema = Type.Object({
  id: S,
  patientId: S,
  kind: StringEnum(CONCERN_KINDS),
  kindLabel: S,
  occurredOn: S,
  details: S,
  status: StringEnum(['open', 'closed'] as const),
  conversations: Type.Array(ConversationSchema),
  plan: Nullable(PlanSchema),
  /** What is still needed before it can close (codes and plain messages). */
  missingBeforeClose: Type.Array(Type.Object({ code: S, message: S })),
  closedAt: Nullable(S),
  closedBy: Nullable(S),
  createdByName: S,
  version: Type.Integer(),
  createdAt: S,
});
export const ConcernList = Type.Object({
  items: Type.Array(ConcernSchema),
  kinds: Type.Array(Type.Object({ value: S, label: S })),
  planActions: Type.Array(Type.Object({ value: S, label: S })),
});

export const CreateConcernBody = Type.Object(
  {
    kind: StringEnum(CONCERN_KINDS),
    occurredOn: IsoDate,
    details: Type.String({ minLength: 1, maxLength: 4000 }),
  },
  { additionalProperties: false },
);

export const ConversationBody = Type.Object(
  {
    heldOn: IsoDate,
    withWhom: Type.String({ minLength: 1, maxLength: 300 }),
    summary: Type.String({ minLength: 1, maxLength: 8000 }),
  },
  { additionalProperties: false },
);

export const PlanBody = Type.Object(
  {
    actions: Type.Array(StringEnum(PLAN_ACTIONS), { minItems: 1, maxItems: PLAN_ACTIONS.length }),
    details: Type.String({ maxLength: 8000 }),
  },
  { additionalProperties: false },
);
