/**
 * TypeBox schemas of the CDS Hooks 2.0 request (https://cds-hooks.org/specification/current/#http-request_1)
 * and the service id parameter. The request envelope and the hook context are closed
 * (`additionalProperties: false`); FHIR resources inside prefetch and draftOrders are open, because FHIR
 * resources carry any of their elements and are read by the FHIR mapper, which reports what it cannot read.
 */
import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from '../schemas';

export const CDS_SERVICE_IDS = ['painpath-opioid-patient-view', 'painpath-opioid-order-select', 'painpath-opioid-order-sign'] as const;
export type CdsServiceId = (typeof CDS_SERVICE_IDS)[number];

export const CdsServiceParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
export const isCdsServiceId = (id: string): id is CdsServiceId => (CDS_SERVICE_IDS as readonly string[]).includes(id);

const FhirResource = Type.Object({ resourceType: Type.String({ minLength: 1 }) }, { additionalProperties: true, description: 'A FHIR R4 resource' });
const FhirBundle = Type.Object(
  { resourceType: Type.Literal('Bundle'), entry: Type.Optional(Type.Array(Type.Object({ resource: Type.Optional(FhirResource) }, { additionalProperties: true }))) },
  { additionalProperties: true, description: 'A FHIR R4 Bundle' },
);
const PrefetchValue = Type.Union([FhirResource, Type.Null()]);

export const CdsContext = Type.Object(
  {
    userId: Type.String({ minLength: 1, description: 'e.g. Practitioner/123' }),
    patientId: Type.String({ minLength: 1, maxLength: 200 }),
    encounterId: Type.Optional(Type.String({ maxLength: 200 })),
    selections: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 200 })),
    draftOrders: Type.Optional(FhirBundle),
  },
  { additionalProperties: false },
);

export const CdsRequestBody = Type.Object(
  {
    hook: StringEnum(['patient-view', 'order-select', 'order-sign'] as const),
    hookInstance: Type.String({ format: 'uuid' }),
    fhirServer: Type.Optional(Type.String({ format: 'uri' })),
    fhirAuthorization: Type.Optional(
      Type.Object(
        {
          access_token: Type.String(),
          token_type: Type.String(),
          expires_in: Type.Integer(),
          scope: Type.String(),
          subject: Type.String(),
          patient: Type.Optional(Type.String()),
        },
        { additionalProperties: false },
      ),
    ),
    context: CdsContext,
    prefetch: Type.Optional(
      Type.Object({ patient: Type.Optional(PrefetchValue), medications: Type.Optional(PrefetchValue), conditions: Type.Optional(PrefetchValue) }, { additionalProperties: false }),
    ),
    extension: Type.Optional(Type.Object({}, { additionalProperties: true })),
  },
  { additionalProperties: false },
);
export type CdsRequest = Static<typeof CdsRequestBody>;

const Card = Type.Object(
  {
    uuid: Type.String(),
    summary: Type.String({ maxLength: 140 }),
    detail: Type.Optional(Type.String()),
    indicator: StringEnum(['info', 'warning', 'critical'] as const),
    source: Type.Object({ label: Type.String(), url: Type.Optional(Type.String()), topic: Type.Optional(Type.Object({}, { additionalProperties: true })) }, { additionalProperties: false }),
    suggestions: Type.Optional(Type.Array(Type.Object({}, { additionalProperties: true }))),
    selectionBehavior: Type.Optional(Type.String()),
    links: Type.Optional(Type.Array(Type.Object({ label: Type.String(), url: Type.String(), type: Type.String() }, { additionalProperties: false }))),
  },
  { additionalProperties: false },
);
export const CdsResponse = Type.Object({ cards: Type.Array(Card) }, { additionalProperties: false });
