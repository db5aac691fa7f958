/**
 * The Fastify application: plugins, error handling, and the route groups for REST (/api/v1), FHIR (/fhir),
 * CDS Hooks (/cds-services), health, OpenAPI and the web app. Built from an AppContext so tests can give
 * it any database and clock.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { adminRoutes } from './admin/admin.routes';
import { authRoutes } from './auth/auth.routes';
import { actorPlugin } from './auth/actor';
import { cdsRoutes } from './cds/cds.routes';
import { opioidCalculatorRoutes } from './calculators/opioid-calculators.routes';
import type { AppContext } from './context';
import { handleError } from './error-handler';
import { AppError } from './errors';
import { fhirRoutes } from './fhir/fhir.routes';
import { patientRoutes } from './patients/patients.routes';
import { caregiverRoutes } from './patients/caregivers.routes';
import { ErrorResponse } from './schemas';
import { taskRoutes } from './tasks/tasks.routes';
import { intakeRoutes } from './intake/intake.routes';
import { assessmentRoutes } from './measures/assessments.routes';
import { measuresRoutes } from './measures/measures.routes';
import { summaryRoutes } from './summary/summary.routes';
import { coverageRoutes } from './coverage/coverage.plugin';
import { fhirAppointmentRoutes } from './fhir/fhir-appointment.routes';
import { fhirMeasuresRoutes } from './fhir/fhir-measures.routes';
import { medicationRoutes, myMedicinesRoutes, opioidMonitoringRoutes, taperRoutes } from './medications';
import { fhirMedicationRoutes } from './fhir/fhir-medications.routes';
import { carePlanRoutes } from './care-plan/care-plan.routes';
import { fhirCarePlanRoutes } from './fhir/fhir-care-plan.routes';
import { imagingCalculatorRoutes } from './calculators/imaging.routes';
import { languageRoutes } from './language/language.routes';
import { agreementRoutes } from './agreements/agreements.routes';
import { concernRoutes } from './concerns/concerns.routes';
import { fhirContractRoutes } from './agreements/fhir-contract.routes';
import { referralRoutes } from './referrals/referrals.routes';
import { socialNeedsRoutes } from './social-needs/social-needs.routes';
import { coordinationRoutes } from './coordination/coordination.routes';
import { fhirServiceRequestRoutes } from './fhir/fhir-service-request.routes';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function buildApp(ctx: AppContext, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: ctx.config.logLevel },
    bodyLimit: ctx.config.bodyLimitBytes,
    trustProxy: ctx.config.trustProxy,
    genReqId: () => randomUUID(),
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Bodies are validated strictly (a number sent for a text field is an error, never silently converted);
  // query strings, path parameters and headers are text by nature and are coerced to the schema's types.
  const bodyAjv = addFormats(new Ajv({ allErrors: true, removeAdditional: false, coerceTypes: false, useDefaults: true, strict: false }));
  const textAjv = addFormats(new Ajv({ allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true, strict: false }));
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : textAjv).compile(schema));
  // Only JSON (and FHIR JSON under /fhir) is accepted: other media types get 415.
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler(handleError);
  app.addSchema(ErrorResponse);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Painpath API',
        version: '0.1.0',
        description:
          'REST API of Painpath. Errors: `{ error: { code, message, details[], requestId } }` listing every invalid field. Writes with a session cookie need the `x-csrf-token` header; system clients use `Authorization: Bearer <API token>`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'pp_session' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiToken: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, { cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true }, getToken: (req) => req.headers['x-csrf-token'] as string | undefined });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(actorPlugin, { ctx });

  // CSRF: every state-changing request authenticated by the session cookie must carry the token.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.actor?.kind === 'user' && !SAFE_METHODS.has(request.method)) {
      app.csrfProtection(request, reply, done);
      return;
    }
    done();
  });

  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/ready', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await ctx.database.sql.executeSql('SELECT 1', []);
      return { status: 'ready', database: ctx.database.kind };
    } catch {
      return reply.status(503).send({ status: 'not-ready', database: ctx.database.kind });
    }
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      await api.register(authRoutes, { ctx });
      await api.register(patientRoutes, { ctx });
      await api.register(caregiverRoutes, { ctx });
      await api.register(taskRoutes, { ctx });
      await api.register(adminRoutes, { ctx });
      await api.register(intakeRoutes, { ctx });
      await api.register(measuresRoutes, { ctx });
      await api.register(assessmentRoutes, { ctx });
      await api.register(summaryRoutes, { ctx });
      await api.register(opioidCalculatorRoutes, { ctx });
      for (const routes of [medicationRoutes, myMedicinesRoutes, opioidMonitoringRoutes, taperRoutes]) await api.register(routes, { ctx });
      await api.register(carePlanRoutes, { ctx });
      await api.register(imagingCalculatorRoutes, { ctx });
      await api.register(languageRoutes, { ctx });
      await api.register(agreementRoutes, { ctx });
      await api.register(concernRoutes, { ctx });
      await api.register(coverageRoutes, { ctx });
      await api.register(referralRoutes, { ctx });
      await api.register(socialNeedsRoutes, { ctx });
      await api.register(coordinationRoutes, { ctx });
    },
    { prefix: '/api/v1' },
  );
  await app.register(fhirRoutes, { prefix: '/fhir', ctx });
  await app.register(fhirMeasuresRoutes, { prefix: '/fhir', ctx });
  await app.register(fhirMedicationRoutes, { prefix: '/fhir', ctx });
  await app.register(cdsRoutes, { ctx });
  await app.register(fhirCarePlanRoutes, { prefix: '/fhir', ctx });
  await app.register(fhirContractRoutes, { prefix: '/fhir', ctx });
  await app.register(fhirAppointmentRoutes, { prefix: '/fhir', ctx });
  await app.register(fhirServiceRequestRoutes, { prefix: '/fhir', ctx });

  const webDir = path.resolve(ctx.config.webDir);
  const hasWeb = existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url;
    const isApi = url.startsWith('/api') || url.startsWith('/fhir') || url.startsWith('/cds-services');
    // A missing file (a path ending in an extension) is a 404, not the app: after a rebuild, an old asset
    // name must not come back as HTML.
    const isFile = /\.[a-z0-9]+$/i.test(url.split('?')[0] ?? '');
    if (!isApi && !isFile && request.method === 'GET' && hasWeb) {
      // The web app routes on the client: any other page path gets index.html.
      void reply.header('cache-control', 'no-cache').sendFile('index.html');
      return;
    }
    handleError(new AppError('not-found', 'not-found', `Nothing at ${request.method} ${url.split('?')[0]}.`), request, reply);
  });
  return app;
}
