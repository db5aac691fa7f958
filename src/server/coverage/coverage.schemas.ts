/** TypeBox schemas for the coverage API (validation, types and OpenAPI in one). */
import { Type } from '@sinclair/typebox';
import { PERIOD_KINDS, RULE_KINDS } from '../../domain/coverage/benefit-rule';
import { PRIOR_AUTH_STATUSES } from '../../domain/coverage/prior-auth';
import { COVERAGE_SERVICES } from '../../domain/coverage/services';
import { NCD_INITIAL_ANCHORS, NCD_YEAR_WINDOWS } from '../../domain/coverage/settings';
import { IsoDate, Nullable, StringEnum, Uuid } from '../schemas';

const S = Type.String();
const NS = Nullable(Type.String());
export const PAYER_KINDS = ['medicare', 'medicaid', 'commercial', 'other'] as const;
export const Service = StringEnum(COVERAGE_SERVICES);

export const Payer = Type.Object({ id: S, name: S, kind: S, active: Type.Boolean(), version: Type.Integer() });
export const Plan = Type.Object({ id: S, payerId: S, name: S, notes: NS, active: Type.Boolean(), version: Type.Integer() });
export const Rule = Type.Object({
  id: S,
  planId: S,
  service: S,
  kind: S,
  visitLimit: Nullable(Type.Integer()),
  periodKind: S,
  periodDays: Nullable(Type.Integer()),
  priorAuthRequired: Type.Boolean(),
  copayNote: NS,
  active: Type.Boolean(),
  version: Type.Integer(),
});
export const Catalogue = Type.Object({ payers: Type.Array(Payer), plans: Type.Array(Plan), rules: Type.Array(Rule) });

export const PayerBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), kind: StringEnum(PAYER_KINDS) }, { additionalProperties: false });
export const PayerPatch = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), kind: Type.Optional(StringEnum(PAYER_KINDS)), active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export const PlanBody = Type.Object(
  { payerId: Uuid, name: Type.String({ minLength: 1, maxLength: 200 }), notes: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) },
  { additionalProperties: false },
);
export const PlanPatch = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), notes: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))), active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
const ruleFields = {
  service: Service,
  kind: StringEnum(RULE_KINDS),
  visitLimit: Nullable(Type.Integer({ minimum: 0, maximum: 1000 })),
  periodKind: StringEnum(PERIOD_KINDS),
  periodDays: Nullable(Type.Integer({ minimum: 1, maximum: 730 })),
  priorAuthRequired: Type.Boolean(),
  copayNote: Nullable(Type.String({ maxLength: 500 })),
};
export const RuleBody = Type.Object(ruleFields, { additionalProperties: false });
export const RulePatch = Type.Object(
  {
    visitLimit: Type.Optional(ruleFields.visitLimit),
    periodKind: Type.Optional(ruleFields.periodKind),
    periodDays: Type.Optional(ruleFields.periodDays),
    priorAuthRequired: Type.Optional(Type.Boolean()),
    copayNote: Type.Optional(ruleFields.copayNote),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const CoverageBody = Type.Object(
  { planId: Uuid, memberId: Type.Optional(Nullable(Type.String({ maxLength: 100 }))), startDate: IsoDate, endDate: Type.Optional(Nullable(IsoDate)) },
  { additionalProperties: false },
);
export const CoveragePatch = Type.Object(
  { memberId: Type.Optional(Nullable(Type.String({ maxLength: 100 }))), endDate: Type.Optional(Nullable(IsoDate)) },
  { additionalProperties: false, minProperties: 1 },
);

export const Document = Type.Object({ title: Type.String({ minLength: 1, maxLength: 200 }), reference: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
export const PriorAuthBody = Type.Object(
  {
    coverageId: Uuid,
    service: Service,
    date: IsoDate,
    requestedUnits: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 1000 }))),
    reference: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    documents: Type.Optional(Type.Array(Document, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export const TransitionBody = Type.Object(
  {
    to: StringEnum(PRIOR_AUTH_STATUSES),
    date: IsoDate,
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    documents: Type.Optional(Type.Array(Document, { maxItems: 20 })),
    authorisedUnits: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1000 }))),
    startDate: Type.Optional(Nullable(IsoDate)),
    endDate: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false },
);
export const PriorAuth = Type.Object({
  id: S,
  patientId: S,
  coverageId: S,
  service: S,
  status: S,
  allowedNext: Type.Array(S),
  requestedUnits: Nullable(Type.Integer()),
  authorisedUnits: Nullable(Type.Integer()),
  startDate: NS,
  endDate: NS,
  reference: NS,
  history: Type.Array(Type.Object({ status: S, date: S, by: S, note: NS, documents: Type.Array(Type.Object({ title: S, reference: S })) })),
  version: Type.Integer(),
});

export const EligibilityBody = Type.Object(
  {
    painOnsetDate: Nullable(IsoDate),
    nonspecific: Nullable(Type.Boolean()),
    associatedWithSurgery: Nullable(Type.Boolean()),
    associatedWithPregnancy: Nullable(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const ReviewBody = Type.Object(
  { date: IsoDate, outcome: StringEnum(['improving', 'not-improving', 'regressing'] as const), note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) },
  { additionalProperties: false },
);

export const SettingsOverride = Type.Object(
  {
    ncdYearWindow: Type.Optional(StringEnum(NCD_YEAR_WINDOWS)),
    ncdInitialAnchor: Type.Optional(StringEnum(NCD_INITIAL_ANCHORS)),
    warnAtRemainingVisits: Type.Optional(Type.Integer({ minimum: 0, maximum: 50 })),
    authEndWarningDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  },
  { additionalProperties: false, description: 'Overrides of the named coverage settings (docs/coverage.md); omitted fields use the reference defaults.' },
);
