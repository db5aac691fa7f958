/** Registers the coverage, clinic coverage settings and appointment routes under /api/v1 (one line in app.ts). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context';
import { appointmentRoutes } from '../appointments/appointments.routes';
import { calculatorRoutes } from './calculator.routes';
import { catalogueRoutes } from './catalogue.routes';
import { coverageSettingsRoutes } from './coverage-settings.routes';
import { patientCoverageRoutes } from './patient-coverage.routes';

export const coverageRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(catalogueRoutes, { ctx });
  await app.register(patientCoverageRoutes, { ctx });
  await app.register(calculatorRoutes, { ctx });
  await app.register(coverageSettingsRoutes, { ctx });
  await app.register(appointmentRoutes, { ctx });
};
