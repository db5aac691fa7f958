/**
 * The CDS Hooks services Painpath offers, as listed by discovery (GET /cds-services), with their prefetch
 * templates (https://cds-hooks.org/specification/current/#prefetch-template).
 *
 * Assumptions: the three templates are the minimum for the opioid checks without any stored data: the
 * patient (identifier, to match a stored Painpath patient), the active MedicationRequests (the list every
 * check starts from) and the Conditions (overdose, substance use disorder, sleep-disordered breathing for
 * the naloxone criteria, read by cds-input.ts).
 */
import type { CdsServiceId } from './cds.schemas';
import type { CdsHook } from './cds-evaluate';

export interface CdsServiceDescriptor {
  hook: string;
  id: string;
  title: string;
  description: string;
  prefetch?: Record<string, string>;
  usageRequirements?: string;
}

export const OPIOID_PREFETCH = {
  patient: 'Patient/{{context.patientId}}',
  medications: 'MedicationRequest?patient={{context.patientId}}&status=active',
  conditions: 'Condition?patient={{context.patientId}}',
} as const;

const USAGE =
  'Send a Painpath API token as "Authorization: Bearer <token>". With the patients.read scope and a patient id (or MRN identifier) that Painpath holds, Painpath\'s own medication list and monitoring records are used too.';

export const OPIOID_SERVICES: readonly (CdsServiceDescriptor & { id: CdsServiceId; hook: CdsHook })[] = [
  {
    hook: 'patient-view',
    id: 'painpath-opioid-patient-view',
    title: 'Opioid safety summary',
    description: 'Daily MME with the factor set named, naloxone, co-prescribing, PDMP and urine drug test due dates (CDC 2022 Recs 4, 8, 9, 10, 11).',
    prefetch: OPIOID_PREFETCH,
    usageRequirements: USAGE,
  },
  {
    hook: 'order-select',
    id: 'painpath-opioid-order-select',
    title: 'Opioid order checks (order-select)',
    description:
      'For opioid and sedating medication orders: MME with the draft orders, co-prescribing, naloxone (with a suggested order), PDMP and urine drug test due, and stops or cuts faster than the reference bounds.',
    prefetch: OPIOID_PREFETCH,
    usageRequirements: USAGE,
  },
  {
    hook: 'order-sign',
    id: 'painpath-opioid-order-sign',
    title: 'Opioid order checks (order-sign)',
    description:
      'For opioid and sedating medication orders at signing: MME with the draft orders, co-prescribing, naloxone (with a suggested order), PDMP and urine drug test due, and stops or cuts faster than the reference bounds.',
    prefetch: OPIOID_PREFETCH,
    usageRequirements: USAGE,
  },
];
