/**
 * Stateless calculator for other systems: "is this visit covered, and why". Everything it needs is in the
 * request; it reads and stores nothing (no patient is named, so there is nothing to audit).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { PERIOD_KINDS, RULE_KINDS, validateBenefitRule } from '../../domain/coverage/benefit-rule';
import { PRIOR_AUTH_STATUSES } from '../../domain/coverage/prior-auth';
import { withSettings } from '../../domain/coverage/settings';
import { evaluateVisitCoverage } from '../../domain/coverage/visit-coverage';
import { requireActor } from '../auth/actor';
import type { AppContext } from '../context';
import { errorResponses, IsoDate, Nullable, StringEnum } from '../schemas';
import { invalidBody } from './coverage.http';
import { Service, SettingsOverride } from './coverage.schemas';

const RuleInput = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 100 }),
    service: Service,
    kind: StringEnum(RULE_KINDS),
    visitLimit: Nullable(Type.Integer({ minimum: 0, maximum: 1000 })),
    periodKind: StringEnum(PERIOD_KINDS),
    periodDays: Nullable(Type.Integer({ minimum: 1, maximum: 730 })),
    priorAuthRequired: Type.Boolean(),
    copayNote: Nullable(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
const CalculatorBody = Type.Object(
  {
    service: Service,
    date: IsoDate,
    membership: Nullable(Type.Object({ startDate: IsoDate, endDate: Nullable(IsoDate) }, { additionalProperties: false })),
    rules: Type.Array(RuleInput, { maxItems: 50 }),
    visits: Type.Array(Type.Object({ date: IsoDate, service: Service, status: StringEnum(['booked', 'attended', 'cancelled', 'no-show'] as const) }, { additionalProperties: false }), { maxItems: 2000 }),
    authorisations: Type.Array(
      Type.Object(
        { id: Type.String({ minLength: 1, maxLength: 100 }), service: Service, status: StringEnum(PRIOR_AUTH_STATUSES), authorisedUnits: Nullable(Type.Integer({ minimum: 0 })), startDate: Nullable(IsoDate), endDate: Nullable(IsoDate) },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
    ncdFacts: Nullable(
      Type.Object(
        {
          painOnsetDate: Nullable(IsoDate),
          nonspecific: Nullable(Type.Boolean()),
          associatedWithSurgery: Nullable(Type.Boolean()),
          associatedWithPregnancy: Nullable(Type.Boolean()),
          reviews: Type.Array(
            Type.Object({ date: IsoDate, outcome: StringEnum(['improving', 'not-improving', 'regressing'] as const), note: Nullable(Type.String({ maxLength: 2000 })), by: Type.String({ maxLength: 200 }) }, { additionalProperties: false }),
            { maxItems: 100 },
          ),
        },
        { additionalProperties: false },
      ),
    ),
    settings: Type.Optional(SettingsOverride),
  },
  { additionalProperties: false },
);
const Reason = Type.Object({ code: Type.String(), met: Type.Boolean(), message: Type.String() });
const Answer = Type.Object({
  answer: StringEnum(['covered', 'not-covered'] as const),
  service: Type.String(),
  date: Type.String(),
  ruleId: Nullable(Type.String()),
  reasons: Type.Array(Reason),
  ncd: Nullable(Type.Object({}, { additionalProperties: true })),
  copayNote: Nullable(Type.String()),
  issues: Type.Array(Type.Object({ code: Type.String(), message: Type.String(), severity: Type.String() })),
  settings: Type.Object({}, { additionalProperties: true, description: 'The named, versioned settings that produced this answer.' }),
});

export const calculatorRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app) => {
  app.post(
    '/calculators/coverage',
    {
      schema: {
        tags: ['Calculators'],
        summary: 'Is this visit covered, and why (stateless: stores nothing)',
        description: 'Counts visits against the benefit rule of the service, checks prior authorisation and, for kind ncd-30.3.3, Medicare NCD 30.3.3. Every reason is listed, met or not, with the settings used.',
        body: CalculatorBody,
        response: { 200: Answer, ...errorResponses },
      },
    },
    async (request) => {
      requireActor(request);
      const b = request.body;
      const problems = b.rules.flatMap((r, i) => validateBenefitRule(r).map((p) => ({ ...p, path: `rules[${i}].${p.path}` })));
      if (problems.length > 0) throw invalidBody(problems);
      return evaluateVisitCoverage({ service: b.service, date: b.date, membership: b.membership, rules: b.rules, visits: b.visits, authorisations: b.authorisations, ncdFacts: b.ncdFacts }, withSettings(b.settings));
    },
  );
};
