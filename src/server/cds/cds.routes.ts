/**
 * CDS Hooks 2.0 (https://cds-hooks.org): discovery at GET /cds-services and the opioid-safety services at
 * POST /cds-services/:id (patient-view, order-select, order-sign). See docs/cds-hooks.md.
 *
 * Discovery is open (it lists no patient data, as the specification expects); calling a service needs a
 * Painpath API token or a signed-in staff member (cds.service.ts).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context';
import { errorResponses } from '../schemas';
import { notFound } from '../errors';
import { CdsRequestBody, CdsResponse, CdsServiceParams, isCdsServiceId } from './cds.schemas';
import { runCdsService } from './cds.service';
import { OPIOID_SERVICES, type CdsServiceDescriptor } from './cds-services';

export type { CdsServiceDescriptor } from './cds-services';

export const cdsRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext; services?: readonly CdsServiceDescriptor[] }> = async (app, { ctx, services = [] }) => {
  const all = [...OPIOID_SERVICES, ...services];
  app.get('/cds-services', { schema: { hide: true } }, async () => ({ services: all }));

  app.post(
    '/cds-services/:id',
    {
      schema: {
        tags: ['CDS Hooks'],
        summary: 'Call a CDS Hooks 2.0 service: opioid safety cards for patient-view, order-select and order-sign',
        security: [{ apiToken: [] }, { session: [] }],
        params: CdsServiceParams,
        body: CdsRequestBody,
        response: { 200: CdsResponse, ...errorResponses },
      },
    },
    async (request) => {
      const id = request.params.id;
      if (!isCdsServiceId(id)) throw notFound(`The CDS service "${id}"`);
      return runCdsService(ctx, request, id, request.body);
    },
  );
};
