/**
 * Stateless opioid calculators: daily MME of a list of orders, and a taper schedule from a regimen. They read
 * structured orders or FHIR MedicationRequests, call the opioid core, and store nothing (no patient, no
 * audit event: no patient data is read or kept).
 *
 * Source: src/domain/opioids (calculateMme, planTaper) — every rule and figure lives there.
 *
 * Assumptions:
 * - Every order counts, identical ones too (the public CQL's distinct sum counts them once; reference 1.5).
 * - An order without an id gets `order-<n>` (structured) or `medication-request-<n>` (FHIR, when it has
 *   no id), n counted from 1 in the order sent.
 * - The taper planner's "today" is the server clock; the regimen is the orders in effect then.
 */
import { calculateMme, planTaper, resolveOpioidSettings, type MedicationOrder, type MmeResult, type TaperPlan } from '../../domain/opioids';
import type { Issue } from '../../domain/issues';
import { fromFhirMedicationRequest } from '../../fhir/medication-request.mapper';
import type { MedicationRequest } from '@medplum/fhirtypes';
import { AppError } from '../errors';
import type { CalculatorOrderInput, MmeRequest, TaperPlanRequest } from './opioid-calculators.schema';

function fromStructured(input: CalculatorOrderInput, index: number): MedicationOrder {
  const { id, ingredients, dosage, ...rest } = input;
  return {
    id: id ?? `order-${index + 1}`,
    ingredients: ingredients.map((i) => ({ ingredient: { code: i.code, name: i.name }, strength: { ...i.strength } })),
    dosage: dosage,
    ...rest,
  };
}

export function readOrders(body: Pick<MmeRequest, 'orders' | 'medicationRequests'>): { orders: MedicationOrder[]; issues: Issue[] } {
  const structured = body.orders ?? [];
  const fhir = (body.medicationRequests ?? []) as unknown as MedicationRequest[];
  if (structured.length === 0 && fhir.length === 0) {
    throw new AppError('validation', 'validation', 'Send at least one order.', [
      { path: 'body.orders', message: 'Send structured orders, FHIR MedicationRequests, or both.' },
    ]);
  }
  const orders = structured.map(fromStructured);
  const issues: Issue[] = [];
  fhir.forEach((resource, index) => {
    const reading = fromFhirMedicationRequest(resource, { fallbackId: `medication-request-${index + 1}`, basePath: `medicationRequests[${index}]` });
    issues.push(...reading.issues);
    if (reading.order !== null) orders.push(reading.order);
  });
  return { orders, issues };
}

export function calculateMmeFor(body: MmeRequest): { mme: MmeResult; orders: MedicationOrder[]; issues: Issue[] } {
  const { orders, issues } = readOrders(body);
  const asOf = body.asOf === undefined ? undefined : new Date(`${body.asOf}T12:00:00Z`);
  const mme = calculateMme(orders, { factorSet: body.factorSet ?? 'cdc-2022', ...(asOf === undefined ? {} : { asOf }) });
  return { mme, orders, issues };
}

export function planTaperFor(body: TaperPlanRequest, asOf: Date): { plan: TaperPlan; issues: Issue[] } {
  const { orders, issues } = readOrders(body);
  const settings = resolveOpioidSettings({ factorSet: body.factorSet ?? 'cdc-2022' }).settings;
  const plan = planTaper({
    regimen: orders,
    startDate: body.startDate,
    durationOfUse: { days: body.durationOfUseDays },
    asOf,
    settings,
    ...(body.pace === undefined ? {} : { pace: body.pace }),
    ...(body.pauses === undefined ? {} : { pauses: body.pauses }),
    ...(body.lifeThreateningReason === undefined ? {} : { lifeThreateningReason: body.lifeThreateningReason }),
  });
  return { plan, issues };
}
