/**
 * CDS Hooks 2.0 discovery at /cds-services. It lists only services that are implemented; the opioid-safety
 * services (patient-view, order-select, order-sign) arrive with the medications work.
 */
import type { FastifyInstance } from 'fastify';

export interface CdsServiceDescriptor {
  hook: string;
  id: string;
  title: string;
  description: string;
  prefetch?: Record<string, string>;
}

export async function cdsRoutes(app: FastifyInstance, { services }: { services: readonly CdsServiceDescriptor[] }): Promise<void> {
  app.get('/cds-services', { schema: { hide: true } }, async () => ({ services }));
}
