import { Type, type Static } from '@sinclair/typebox';
import { ETHNICITIES, RACES, RURALITIES, SEXES } from '../../domain/patients/patient';
import { IsoDate, Nullable, StringEnum, Uuid } from '../schemas';

const lit = StringEnum;
const Text = (max: number) => Type.String({ maxLength: max });

const demographicFields = {
  mrn: Type.String({ minLength: 1, maxLength: 64 }),
  givenName: Type.String({ minLength: 1, maxLength: 100 }),
  familyName: Type.String({ minLength: 1, maxLength: 100 }),
  preferredName: Nullable(Text(100)),
  birthDate: IsoDate,
  sex: lit(SEXES),
  genderIdentity: Nullable(Text(100)),
  pronouns: Nullable(Text(50)),
  race: Nullable(lit(RACES)),
  ethnicity: Nullable(lit(ETHNICITIES)),
  preferredLanguage: Type.String({ minLength: 2, maxLength: 35 }),
  interpreterNeeded: Type.Boolean(),
  phone: Nullable(Text(40)),
  email: Nullable(Text(200)),
  addressLine: Nullable(Text(200)),
  city: Nullable(Text(100)),
  state: Nullable(Text(50)),
  postalCode: Nullable(Text(20)),
  rurality: Nullable(lit(RURALITIES)),
  payer: Nullable(Text(100)),
  active: Type.Boolean(),
  summary: Nullable(Text(4000)),
};

const assignmentFields = {
  careTeamId: Nullable(Uuid),
  coordinatorUserId: Nullable(Uuid),
};

export const PatientCreateBody = Type.Object(
  {
    ...Type.Partial(Type.Object(demographicFields)).properties,
    mrn: demographicFields.mrn,
    givenName: demographicFields.givenName,
    familyName: demographicFields.familyName,
    birthDate: demographicFields.birthDate,
    sex: demographicFields.sex,
    ...Type.Partial(Type.Object(assignmentFields)).properties,
  },
  { additionalProperties: false },
);
export type PatientCreateBody = Static<typeof PatientCreateBody>;

export const PatientPatchBody = Type.Partial(Type.Object({ ...demographicFields, ...assignmentFields }), {
  additionalProperties: false,
  minProperties: 1,
});
export type PatientPatchBody = Static<typeof PatientPatchBody>;

export const PatientListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Name or MRN, prefix match' })),
    birthDate: Type.Optional(IsoDate),
    identifier: Type.Optional(Type.String({ maxLength: 64, description: 'Exact MRN' })),
    careTeamId: Type.Optional(Uuid),
    coordinatorId: Type.Optional(Uuid),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);
export type PatientListQuery = Static<typeof PatientListQuery>;

const Ref = Type.Object({ id: Type.String(), name: Type.String() });
const Person = Type.Object({ id: Type.String(), displayName: Type.String() });

export const PatientSummary = Type.Object({
  id: Type.String(),
  mrn: Type.String(),
  givenName: Type.String(),
  familyName: Type.String(),
  preferredName: Nullable(Type.String()),
  birthDate: Type.String(),
  age: Type.Integer(),
  sex: Type.String(),
  preferredLanguage: Type.String(),
  interpreterNeeded: Type.Boolean(),
  careTeam: Nullable(Ref),
  coordinator: Nullable(Person),
});

export const PatientListResponse = Type.Object({
  items: Type.Array(PatientSummary),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

const nullableString = Nullable(Type.String());
export const PatientDetail = Type.Object({
  id: Type.String(),
  mrn: Type.String(),
  givenName: Type.String(),
  familyName: Type.String(),
  preferredName: nullableString,
  birthDate: Type.String(),
  age: Type.Integer(),
  sex: Type.String(),
  genderIdentity: nullableString,
  pronouns: nullableString,
  race: nullableString,
  ethnicity: nullableString,
  preferredLanguage: Type.String(),
  interpreterNeeded: Type.Boolean(),
  phone: nullableString,
  email: nullableString,
  addressLine: nullableString,
  city: nullableString,
  state: nullableString,
  postalCode: nullableString,
  rurality: nullableString,
  payer: nullableString,
  active: Type.Boolean(),
  summary: nullableString,
  version: Type.Integer(),
  updatedAt: Type.String(),
  careTeam: Nullable(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      members: Type.Array(Type.Object({ id: Type.String(), displayName: Type.String(), role: Type.String() })),
    }),
  ),
  coordinator: Nullable(Type.Object({ id: Type.String(), displayName: Type.String(), email: Type.String() })),
  access: Type.Object({
    basis: Type.String(),
    reason: Type.String(),
    expiresAt: Type.Optional(Type.String()),
  }),
});
export type PatientDetail = Static<typeof PatientDetail>;

export const AccessHistoryQuery = Type.Object(
  { limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }) },
  { additionalProperties: false },
);

export const AccessHistoryResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      occurredAt: Type.String(),
      actorName: nullableString,
      actorType: Type.String(),
      action: Type.String(),
      resourceType: Type.String(),
      reason: nullableString,
      ip: nullableString,
    }),
  ),
});

export const BreakGlassBody = Type.Object(
  {
    mrn: Type.String({ minLength: 1, maxLength: 64 }),
    reason: Type.String({ minLength: 10, maxLength: 1000, description: 'Why this access is needed now (at least 10 characters)' }),
  },
  { additionalProperties: false },
);
