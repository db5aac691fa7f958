/**
 * FHIR MedicationRequests and CDS Hooks requests for the CDS and calculator tests and the CDS bench.
 * RxNorm clinical drug names as in the public MME calculator's tests (reference 1.6).
 */
import type { Bundle, Condition, MedicationRequest, Patient } from '@medplum/fhirtypes';
import { randomUUID } from 'node:crypto';

export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

export function medicationRequest(
  id: string,
  product: string,
  dose: { value: number; unit: 'tablet' | 'mg' | 'patch' | 'capsule' },
  timing: { frequency: number; period: number; periodUnit: 'h' | 'd' },
  extra: Partial<MedicationRequest> = {},
): MedicationRequest {
  const code = dose.unit === 'tablet' ? '{tbl}' : dose.unit === 'patch' ? '{patch}' : dose.unit === 'capsule' ? '{capsule}' : 'mg';
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/ehr-1' },
    authoredOn: '2026-11-01',
    medicationCodeableConcept: { coding: [{ system: RXNORM, code: '0', display: product }], text: product },
    dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: dose.value, unit: dose.unit, system: 'http://unitsofmeasure.org', code } }], timing: { repeat: timing } }],
    dispenseRequest: { expectedSupplyDuration: { value: 30, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' } },
    ...extra,
  };
}

export const q = (hours: number): { frequency: number; period: number; periodUnit: 'h' } => ({ frequency: 1, period: hours, periodUnit: 'h' });
export const daily = (n: number): { frequency: number; period: number; periodUnit: 'd' } => ({ frequency: n, period: 1, periodUnit: 'd' });

export const searchset = (resources: readonly (MedicationRequest | Condition)[]): Bundle => ({
  resourceType: 'Bundle',
  type: 'searchset',
  entry: resources.map((resource) => ({ resource })),
});
export const draftBundle = (resources: readonly MedicationRequest[]): Bundle => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: resources.map((resource) => ({ resource: { ...resource, status: resource.status === 'active' ? 'draft' : resource.status } })),
});

export const ehrPatient = (id: string, mrn?: string): Patient => ({
  resourceType: 'Patient',
  id,
  ...(mrn === undefined ? {} : { identifier: [{ system: 'urn:painpath:mrn', value: mrn }] }),
});

/** Ten active medications: four opioid orders and six others (one of each sedating class and more). */
export function tenMedications(): MedicationRequest[] {
  return [
    medicationRequest('m1', 'oxycodone hydrochloride 5 MG Oral Tablet', { value: 1, unit: 'tablet' }, q(6)),
    medicationRequest('m2', '12 HR oxycodone hydrochloride 10 MG Extended Release Oral Tablet', { value: 1, unit: 'tablet' }, daily(2)),
    medicationRequest('m3', 'acetaminophen 325 MG / hydrocodone bitartrate 5 MG Oral Tablet', { value: 1, unit: 'tablet' }, q(8)),
    medicationRequest('m4', 'tramadol hydrochloride 50 MG Oral Tablet', { value: 1, unit: 'tablet' }, daily(2)),
    medicationRequest('m5', 'gabapentin 300 MG Oral Capsule', { value: 1, unit: 'capsule' }, daily(3)),
    medicationRequest('m6', 'alprazolam 0.5 MG Oral Tablet', { value: 1, unit: 'tablet' }, daily(1)),
    medicationRequest('m7', 'zolpidem tartrate 5 MG Oral Tablet', { value: 1, unit: 'tablet' }, daily(1)),
    medicationRequest('m8', 'cyclobenzaprine hydrochloride 10 MG Oral Tablet', { value: 1, unit: 'tablet' }, daily(3)),
    medicationRequest('m9', 'ibuprofen 400 MG Oral Tablet', { value: 1, unit: 'tablet' }, daily(3)),
    medicationRequest('m10', 'sertraline 50 MG Oral Tablet', { value: 1, unit: 'tablet' }, daily(1)),
  ];
}

export function cdsRequest(
  hook: 'patient-view' | 'order-select' | 'order-sign',
  patientId: string,
  options: { drafts?: MedicationRequest[]; prefetch?: Record<string, unknown>; selections?: string[] } = {},
): Record<string, unknown> {
  const context: Record<string, unknown> = { userId: 'Practitioner/1', patientId };
  if (hook !== 'patient-view') context.draftOrders = draftBundle(options.drafts ?? []);
  if (hook === 'order-select') context.selections = options.selections ?? (options.drafts ?? []).map((d) => `MedicationRequest/${d.id ?? ''}`);
  return { hook, hookInstance: randomUUID(), context, ...(options.prefetch === undefined ? {} : { prefetch: options.prefetch }) };
}
