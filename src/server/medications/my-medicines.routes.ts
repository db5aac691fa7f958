/**
 * GET /api/v1/patients/:id/my-medicines: the portal's "My medicines" (docs/medications.md, "In the portal").
 *
 * Who may call (authoriseMyMedicines in medications-access.ts): the person themself, and a caregiver whose
 * active consent includes the 'medications' scope. Staff get 403 'access.my-medicines-portal-only' pointing
 * them to the Medications page, which already shows them every order with its clinical context; a second,
 * simpler staff view would only be a second place for the access rules to drift. Orders for opioid use
 * disorder are substance-use records: the person sees them, a caregiver never does (the restricted
 * category, src/domain/access/patient-access.ts rule 3). Every successful read is audited.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { auditFrom } from '../auth/actor';
import type { AppContext } from '../context';
import { canReadRestricted } from '../referrals/referral-access';
import { errorResponses, IdParams } from '../schemas';
import { authoriseMyMedicines } from './medications-access';
import { myMedicines } from './my-medicines.service';
import { MyMedicines } from './my-medicines.schema';

export const myMedicinesRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/patients/:id/my-medicines',
    {
      schema: {
        tags: ['Medications', 'Portal'],
        summary:
          "The person's active medicines, naloxone, and the next steps of a taper plan, in plain words (the person, or a caregiver with the 'medications' consent; no MME)",
        params: IdParams,
        response: { 200: MyMedicines, ...errorResponses },
      },
    },
    async (request) => {
      const { patient } = await authoriseMyMedicines(ctx, request, request.params.id);
      const view = await myMedicines(ctx, patient, canReadRestricted(request, patient.id));
      await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'MedicationRequest', resourceId: patient.id, patientId: patient.id }));
      return view;
    },
  );
};
