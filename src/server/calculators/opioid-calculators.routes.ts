/**
 * REST routes of the stateless opioid calculators (docs/cds-hooks.md, "Calculators"):
 * POST /api/v1/calculators/mme and POST /api/v1/calculators/taper-plan. Like the instrument calculator
 * (src/server/measures), they need no sign-in, are rate-limited, and store nothing.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context';
import { errorResponses } from '../schemas';
import { MmeBody, MmeResponse, TaperPlanBody, TaperPlanResponse } from './opioid-calculators.schema';
import { calculateMmeFor, planTaperFor } from './opioid-calculators.service';

export const opioidCalculatorRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Calculators'];
  const config = { rateLimit: { max: 300, timeWindow: '1 minute' } };

  app.post(
    '/calculators/mme',
    {
      config,
      schema: {
        tags,
        summary: 'Daily MME of structured orders or FHIR MedicationRequests, with the factor set named. No sign-in; nothing is stored.',
        security: [],
        body: MmeBody,
        response: { 200: MmeResponse, ...errorResponses },
      },
    },
    async (request) => calculateMmeFor(request.body),
  );

  app.post(
    '/calculators/taper-plan',
    {
      config,
      schema: {
        tags,
        summary: 'A taper schedule from a regimen and pace options (reference pace by default; pauses; abrupt-change checks). No sign-in; nothing is stored.',
        security: [],
        body: TaperPlanBody,
        response: { 200: TaperPlanResponse, ...errorResponses },
      },
    },
    async (request) => planTaperFor(request.body, ctx.clock()),
  );
};
