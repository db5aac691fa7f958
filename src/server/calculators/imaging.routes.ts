/**
 * Stateless calculator: imaging in context (docs/progression.md, "Imaging in context"). For spine findings
 * at an age, the share of people WITHOUT pain who have the same finding (Brinjikji 2015), how ages between
 * the tabulated decades are handled, the certainty of the figures, and suggested wording for the report and
 * for the person. No sign-in; nothing is stored; no patient data is read.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import { BRINJIKJI_SOURCE, BRINJIKJI_TABLE_VERSION, SPINE_FINDINGS } from '../../domain/imaging/brinjikji-2015';
import { AGE_RULE, imagingContext, validateImagingRequest } from '../../domain/imaging/context';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { errorResponses, StringEnum } from '../schemas';

const Finding = StringEnum(SPINE_FINDINGS);

export const ImagingContextBody = Type.Object(
  {
    age: Type.Integer({ minimum: 0, maximum: 120, description: 'Age in whole years.' }),
    findings: Type.Array(Finding, { minItems: 1, maxItems: SPINE_FINDINGS.length, uniqueItems: true, description: 'Spine findings named on the report.' }),
  },
  { additionalProperties: false },
);
export type ImagingContextBody = Static<typeof ImagingContextBody>;

const Certainty = StringEnum(['V', 'S', 'U'] as const, { description: 'V = checked against the primary source (abstract); S = secondary sources only.' });

const ImagingContextResult = Type.Object({
  finding: Finding,
  clinicalName: Type.String(),
  plainName: Type.String(),
  age: Type.Integer(),
  prevalencePercent: Type.Integer({ description: 'Percent of people of this age WITHOUT pain who have the finding.' }),
  method: StringEnum(['tabulated', 'interpolated', 'clamped-below', 'clamped-above'] as const),
  pointsUsed: Type.Array(Type.Object({ age: Type.Integer(), percent: Type.Integer(), certainty: Certainty, noSourceData: Type.Boolean() })),
  certainty: Certainty,
  ageRule: Type.String(),
  reportWording: Type.String(),
  patientWording: Type.String(),
  source: Type.String(),
  tableVersion: Type.String(),
  issues: Type.Array(Type.Object({ code: Type.String(), message: Type.String(), severity: Type.String(), path: Type.Optional(Type.String()) })),
});

const ImagingContextResponse = Type.Object({
  age: Type.Integer(),
  ageRule: Type.String(),
  source: Type.String(),
  tableVersion: Type.String(),
  results: Type.Array(ImagingContextResult),
});

export const imagingCalculatorRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app) => {
  app.post(
    '/calculators/imaging-context',
    {
      config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
      schema: {
        tags: ['Calculators'],
        summary: 'Spine imaging findings in context: how common each is in people of the same age without pain (Brinjikji 2015). No sign-in; nothing is stored.',
        security: [],
        body: ImagingContextBody,
        response: { 200: ImagingContextResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { age, findings } = request.body;
      const issues = validateImagingRequest(age, findings, 'body.');
      if (issues.length > 0) {
        throw new AppError('validation', 'validation', `The request has ${issues.length} invalid field${issues.length === 1 ? '' : 's'}.`, issues.map((i) => ({ path: i.path ?? 'body', message: i.message, code: i.code })));
      }
      return { age, ageRule: AGE_RULE, source: BRINJIKJI_SOURCE, tableVersion: BRINJIKJI_TABLE_VERSION, results: findings.map((f) => imagingContext(f, age)) };
    },
  );
};
