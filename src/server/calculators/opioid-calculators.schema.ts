/**
 * TypeBox schemas (and OpenAPI) of the stateless opioid calculators: MME and taper plan. Structured orders
 * use the medication API's ingredient and dosage shapes (src/server/medications/medications.schema.ts);
 * FHIR MedicationRequests are open objects read by src/fhir/medication-request.mapper.ts, which reports
 * every part it cannot read.
 */
import { Type, type Static } from '@sinclair/typebox';
import { DOSE_FORMS, FACTOR_SET_IDS, ORDER_STATUSES } from '../../domain/opioids';
import { DosageInput, IngredientInput } from '../medications/medications.schema';
import { IsoDate, StringEnum } from '../schemas';

export const CalculatorOrder = Type.Object(
  {
    id: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    ingredients: Type.Array(IngredientInput, { minItems: 1, maxItems: 5 }),
    form: StringEnum(DOSE_FORMS),
    release: Type.Optional(StringEnum(['immediate', 'extended'] as const)),
    dosage: DosageInput,
    daysSupply: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    start: Type.Optional(IsoDate),
    end: Type.Optional(IsoDate),
    status: Type.Optional(StringEnum(ORDER_STATUSES)),
    indication: Type.Optional(StringEnum(['pain', 'oud', 'other'] as const)),
    isOpioid: Type.Optional(Type.Boolean({ description: 'The sender says this is an opioid even if Painpath does not know the ingredient' })),
    text: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type CalculatorOrderInput = Static<typeof CalculatorOrder>;

const MedicationRequestInput = Type.Object(
  { resourceType: Type.Literal('MedicationRequest') },
  { additionalProperties: true, description: 'A FHIR R4 MedicationRequest (medicationCodeableConcept with an RxNorm clinical drug name, or a contained Medication)' },
);

const orderSources = {
  orders: Type.Optional(Type.Array(CalculatorOrder, { maxItems: 100, description: 'Structured orders' })),
  medicationRequests: Type.Optional(Type.Array(MedicationRequestInput, { maxItems: 100, description: 'FHIR R4 MedicationRequests' })),
  factorSet: Type.Optional(StringEnum(FACTOR_SET_IDS, { description: 'Conversion factor set; default cdc-2022' })),
};

export const MmeBody = Type.Object(
  {
    ...orderSources,
    asOf: Type.Optional(IsoDate),
  },
  { additionalProperties: false, description: 'Orders to sum. Every order counts, identical ones too. Nothing is stored.' },
);
export type MmeRequest = Static<typeof MmeBody>;

const Cut = Type.Object({ percent: Type.Number({ exclusiveMinimum: 0, maximum: 50 }), of: StringEnum(['original', 'current'] as const) }, { additionalProperties: false });
export const PaceInput = Type.Object(
  {
    every: Type.Union([
      Type.Object({ days: Type.Integer({ minimum: 1, maximum: 180 }) }, { additionalProperties: false }),
      Type.Object({ months: Type.Integer({ minimum: 1, maximum: 6 }) }, { additionalProperties: false }),
    ]),
    cut: Cut,
    below: Type.Optional(Type.Object({ percentOfOriginal: Type.Number({ exclusiveMinimum: 0, maximum: 100 }), cut: Cut }, { additionalProperties: false })),
    label: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false, description: 'A custom pace; leave out for the reference pace. Slower is always allowed; faster is allowed but flagged.' },
);

export const TaperPlanBody = Type.Object(
  {
    ...orderSources,
    startDate: IsoDate,
    durationOfUseDays: Type.Integer({ minimum: 0, maximum: 36500, description: 'How long opioids have been taken' }),
    pace: Type.Optional(PaceInput),
    pauses: Type.Optional(
      Type.Array(Type.Object({ afterStep: Type.Integer({ minimum: 1, maximum: 500 }), days: Type.Integer({ minimum: 1, maximum: 365 }) }, { additionalProperties: false }), { maxItems: 50 }),
    ),
    lifeThreateningReason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  },
  { additionalProperties: false, description: 'The current regimen and pace options. Nothing is stored.' },
);
export type TaperPlanRequest = Static<typeof TaperPlanBody>;

const IssueSchema = Type.Object({ code: Type.String(), message: Type.String(), severity: Type.String(), path: Type.Optional(Type.String()) }, { additionalProperties: false });

export const MmeResponse = Type.Object(
  {
    mme: Type.Unknown({ description: 'MmeResult (src/domain/opioids/mme.ts): lines, total, complete, factor set, rounding, issues' }),
    orders: Type.Array(Type.Unknown(), { description: 'The orders as read (FHIR requests after mapping)' }),
    issues: Type.Array(IssueSchema, { description: 'What could not be read from the FHIR MedicationRequests, with paths' }),
  },
  { additionalProperties: false },
);
export const TaperPlanResponse = Type.Object(
  {
    plan: Type.Unknown({ description: 'TaperPlan (src/domain/opioids/taper.ts): steps, follow-ups, naloxone, abrupt-change checks' }),
    issues: Type.Array(IssueSchema),
  },
  { additionalProperties: false },
);
