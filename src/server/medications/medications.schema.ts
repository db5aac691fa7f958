/**
 * TypeBox schemas (and so the OpenAPI) of the medication routes. Structured shapes follow the domain types
 * in src/domain/opioids/types.ts; the panels return the domain's own results (documented there).
 */
import { Type, type Static } from '@sinclair/typebox';
import { DOSE_FORMS, FORM_UNITS, ORDER_STATUSES, ROUTES } from '../../domain/opioids';
import { IsoDate, Nullable, StringEnum } from '../schemas';

const S = Type.String();
const NS = Nullable(Type.String());
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Positive = Type.Number({ exclusiveMinimum: 0, maximum: 100000 });

export const DOSE_UNITS = [...FORM_UNITS, 'mg', 'mcg', 'each'] as const;
export const PERIOD_UNITS = ['min', 'h', 'd', 'wk', 'mo'] as const;
export const STRENGTH_UNITS = ['mg', 'mcg', 'mcg/hr', 'mg/hr'] as const;
export const ENTRY_STATUSES = ['active', 'draft', 'on-hold'] as const;

export const IngredientInput = Type.Object(
  {
    code: Type.String({ pattern: '^[0-9]{1,10}$', description: 'RxNorm ingredient code (term type IN)' }),
    name: Text(120),
    strength: Type.Object(
      { amount: Positive, unit: StringEnum(STRENGTH_UNITS), per: Type.Optional(Positive) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const DosageInput = Type.Object(
  {
    dose: Type.Optional(Type.Object({ low: Positive, high: Positive, unit: StringEnum(DOSE_UNITS) }, { additionalProperties: false })),
    route: Type.Optional(StringEnum(ROUTES)),
    frequency: Type.Optional(
      Type.Object(
        {
          count: Type.Integer({ minimum: 1, maximum: 48 }),
          countMax: Type.Optional(Type.Integer({ minimum: 1, maximum: 48 })),
          period: Positive,
          periodMax: Type.Optional(Positive),
          periodUnit: StringEnum(PERIOD_UNITS),
        },
        { additionalProperties: false },
      ),
    ),
    timesOfDay: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 12 })),
    asNeeded: Type.Boolean(),
    asNeededFor: Type.Optional(Type.String({ maxLength: 200 })),
    maxPerDay: Type.Optional(Type.Object({ amount: Positive, unit: StringEnum([...DOSE_UNITS, 'dose'] as const) }, { additionalProperties: false })),
    durationDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);

const orderFields = {
  ingredients: Type.Array(IngredientInput, { minItems: 1, maxItems: 5 }),
  form: StringEnum(DOSE_FORMS),
  release: Type.Optional(StringEnum(['immediate', 'extended'] as const)),
  dosage: DosageInput,
  directionsText: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  daysSupply: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 365 }))),
  prescriber: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  pharmacy: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  start: Type.Optional(Nullable(IsoDate)),
  end: Type.Optional(Nullable(IsoDate)),
  indication: Type.Optional(StringEnum(['pain', 'oud', 'other'] as const)),
  /** Needed when the change stops or cuts an opioid faster than the reference bounds. */
  lifeThreateningReason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
};

export const CreateOrderBody = Type.Object({ ...orderFields, status: Type.Optional(StringEnum(ENTRY_STATUSES)) }, { additionalProperties: false });
export type CreateOrderInput = Static<typeof CreateOrderBody>;

export const UpdateOrderBody = Type.Object(
  { ...Type.Partial(Type.Object(orderFields)).properties, status: Type.Optional(StringEnum(ORDER_STATUSES)) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateOrderInput = Static<typeof UpdateOrderBody>;

export const StopOrderBody = Type.Object(
  {
    reason: Text(1000),
    /** The last day the order is in effect (default: today). */
    end: Type.Optional(IsoDate),
    /** Set when the order was entered by mistake (not a clinical stop; never flagged as abrupt). */
    enteredInError: Type.Optional(Type.Boolean()),
    lifeThreateningReason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const MedicationOrderSchema = Type.Object({
  id: S,
  patientId: S,
  name: S,
  ingredients: Type.Array(Type.Unknown()),
  form: S,
  release: S,
  route: NS,
  dosage: Type.Unknown({ description: 'Dosage (src/domain/opioids/types.ts)' }),
  directionsText: NS,
  directionsSummary: S,
  daysSupply: Nullable(Type.Integer()),
  prescriber: NS,
  pharmacy: NS,
  start: NS,
  end: NS,
  status: S,
  indication: S,
  increasedOn: NS,
  stopReason: NS,
  source: S,
  sourceId: NS,
  version: Type.Integer(),
  createdAt: S,
  updatedAt: S,
});

export const ParseBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false });
export const ParseResult = Type.Object({
  text: S,
  dosage: Type.Unknown({ description: 'The structure read, for the clinician to confirm' }),
  summary: S,
  unparsed: Type.Array(S),
  issues: Type.Array(Type.Unknown()),
  /** Questions to answer before the structure can be used (ambiguous or missing parts); nothing is guessed. */
  questions: Type.Array(S),
  confirmable: Type.Boolean(),
});

export const OrderWrite = Type.Object({
  order: MedicationOrderSchema,
  abruptChange: Nullable(Type.Unknown()),
  warnings: Type.Array(Type.Unknown()),
});

export const PdmpBody = Type.Object(
  { checkedOn: IsoDate, findings: Text(4000), needsDiscussion: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export const ReviewBody = Type.Object({ reviewedOn: IsoDate, note: Text(4000) }, { additionalProperties: false });
export const UdsBody = Type.Object(
  {
    collectedOn: IsoDate,
    method: StringEnum(['screen', 'confirmatory'] as const),
    results: Type.Array(
      Type.Object({ substance: Text(80), result: StringEnum(['positive', 'negative', 'inconclusive'] as const) }, { additionalProperties: false }),
      { minItems: 1, maxItems: 40 },
    ),
    notes: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const SettingsBody = Type.Object({ factorSet: StringEnum(['cdc-2022', 'cdc-2016'] as const) }, { additionalProperties: false });
