/**
 * FHIR R4 MedicationRequest (https://hl7.org/fhir/R4/medicationrequest.html) ↔ the opioid core's
 * MedicationOrder.
 *
 * Sources: FHIR R4 MedicationRequest; the fields the public MME calculator reads (reference 1.5) and its
 * profile MMEMedicationRequest (one dosageInstruction, one doseAndRate); expectedSupplyDuration as the
 * order's days supply (reference 1.5, "subacute/chronic if expectedSupplyDuration ≥ 28 days").
 *
 * Assumptions:
 * - Nothing is dropped or guessed silently: every shape that cannot be read is an issue whose `path` is the
 *   FHIR element (prefixed by `basePath`, e.g. `context.draftOrders.entry[0].resource`). An order that names
 *   no readable medication is null (error issue); anything else gives an order whose MME the domain will
 *   compute or explain.
 * - Only the first dosageInstruction is read (the MME profile allows one); more are reported.
 * - Start = dispenseRequest.validityPeriod.start, else authoredOn (date part); end = validityPeriod.end.
 * - Status: FHIR `cancelled` is read as stopped, `unknown` as active (reported), so a possibly current opioid
 *   is not left out of the total.
 * - Product name, strengths and form come from medication-request.product.ts; the dosage from
 *   medication-request.dosage.ts.
 */
import type { MedicationRequest } from '@medplum/fhirtypes';
import type { Issue } from '../domain/issues';
import type { MedicationOrder, OrderStatus } from '../domain/opioids';
import { readDosage } from './medication-request.dosage';
import { readProduct, RXNORM_SYSTEM } from './medication-request.product';

export { RXNORM_SYSTEM } from './medication-request.product';

export interface MedicationRequestReading {
  order: MedicationOrder | null;
  issues: Issue[];
  /** The patient id of `subject` ("Patient/123" → "123"), when there is one. */
  patientId: string | null;
}

export interface ReadOptions {
  /** Id used when the request has none, e.g. `draft-0`. */
  fallbackId?: string;
  /** Prefix for issue paths. */
  basePath?: string;
}

const STATUS: Readonly<Record<NonNullable<MedicationRequest['status']>, OrderStatus>> = {
  active: 'active',
  'on-hold': 'on-hold',
  cancelled: 'stopped',
  completed: 'completed',
  'entered-in-error': 'entered-in-error',
  stopped: 'stopped',
  draft: 'draft',
  unknown: 'active',
};

function datePart(value: string | undefined): string | undefined {
  const m = value === undefined ? null : /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return m?.[1];
}

function daysSupply(request: MedicationRequest, issues: Issue[]): number | undefined {
  const duration = request.dispenseRequest?.expectedSupplyDuration;
  if (duration === undefined) return undefined;
  const unit = duration.code ?? duration.unit;
  const factor = unit === 'd' || unit === 'day' || unit === 'days' ? 1 : unit === 'wk' || unit === 'week' || unit === 'weeks' ? 7 : null;
  if (duration.value === undefined || factor === null) {
    const message = `The expected supply duration "${duration.value ?? ''} ${unit ?? ''}" is not in days or weeks; it was not read.`;
    issues.push({ code: 'fhir.supply-duration-unreadable', message, severity: 'warning', path: 'dispenseRequest.expectedSupplyDuration' });
    return undefined;
  }
  return duration.value * factor;
}

export function patientIdOf(reference: string | undefined): string | null {
  const m = reference === undefined ? null : /(?:^|\/)Patient\/([^/]+)$/.exec(reference);
  return m?.[1] ?? null;
}

/** Issue paths under `basePath` (no copy when there is nothing to prefix). */
function withBasePath(list: Issue[], basePath: string | undefined): Issue[] {
  if (basePath === undefined || list.length === 0) return list;
  return list.map((i) => ({ ...i, path: i.path === undefined ? basePath : `${basePath}.${i.path}` }));
}

/** Reads one MedicationRequest into a domain order, reporting every part it could not read. */
export function fromFhirMedicationRequest(request: MedicationRequest, options: ReadOptions = {}): MedicationRequestReading {
  const issues: Issue[] = [];
  const patientId = patientIdOf(request.subject?.reference);
  const product = readProduct(request, issues);
  if (product === null) return { order: null, issues: withBasePath(issues, options.basePath), patientId };

  if (request.doNotPerform === true) {
    issues.push({ code: 'fhir.do-not-perform', message: 'This request says the medication is NOT to be given; it is not read as an order.', severity: 'error', path: 'doNotPerform' });
    return { order: null, issues: withBasePath(issues, options.basePath), patientId };
  }
  const instructions = request.dosageInstruction ?? [];
  if (instructions.length > 1) {
    const message = 'Only the first dosage instruction is read; sequential or alternating instructions need one order per step.';
    issues.push({ code: 'fhir.dosage-multiple', message, severity: 'warning', path: 'dosageInstruction[1]' });
  }
  const first = instructions[0];
  const dosage = first === undefined ? { asNeeded: false } : readDosage(first, 'dosageInstruction[0]', issues);
  if (first === undefined) issues.push({ code: 'fhir.dosage-missing', message: 'The request has no dosage instruction.', severity: 'warning', path: 'dosageInstruction' });
  if (dosage.route === undefined && product.formRoute !== undefined) dosage.route = product.formRoute;

  const fhirStatus = request.status;
  if (fhirStatus === 'unknown') {
    issues.push({ code: 'fhir.status-unknown', message: 'The status is "unknown"; the order was read as active so it is not left out of the checks.', severity: 'warning', path: 'status' });
  }
  const order: MedicationOrder = {
    id: request.id ?? options.fallbackId ?? 'medication-request',
    ingredients: product.ingredients,
    form: product.form,
    dosage,
    status: fhirStatus === undefined ? 'active' : STATUS[fhirStatus],
  };
  if (product.release !== undefined) order.release = product.release;
  const supply = daysSupply(request, issues);
  if (supply !== undefined) order.daysSupply = supply;
  const start = datePart(request.dispenseRequest?.validityPeriod?.start) ?? datePart(request.authoredOn);
  if (start !== undefined) order.start = start;
  const end = datePart(request.dispenseRequest?.validityPeriod?.end);
  if (end !== undefined) order.end = end;
  order.text = first?.text === undefined ? product.name : `${product.name}: ${first.text}`;
  return { order, issues: withBasePath(issues, options.basePath), patientId };
}

/** A draft MedicationRequest (used for suggested orders, e.g. naloxone): an RxNorm coding, text and directions. */
export function toFhirMedicationRequest(input: {
  patientId: string;
  rxnorm: { code: string; display: string };
  text: string;
  dosageText: string;
  status?: 'draft' | 'active';
  intent?: 'proposal' | 'order';
}): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    status: input.status ?? 'draft',
    intent: input.intent ?? 'proposal',
    subject: { reference: `Patient/${input.patientId}` },
    medicationCodeableConcept: { coding: [{ system: RXNORM_SYSTEM, code: input.rxnorm.code, display: input.rxnorm.display }], text: input.text },
    dosageInstruction: [{ text: input.dosageText }],
  };
}
