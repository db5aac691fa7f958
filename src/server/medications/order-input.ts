/**
 * From a request body to a domain order, and from a stored row to the response. Schema errors and the
 * domain's consistency checks are reported together, so a person sees every bad field at once.
 */
import type { FastifyRequest } from 'fastify';
import { checkOrder, describeDosage, isCalendarDate, type MedicationOrder, type OrderIngredient } from '../../domain/opioids';
import { toMedicationOrder, type MedicationOrderRow, type NewMedicationOrderRow } from '../../db/repositories/medications.repository';
import { validationDetails } from '../error-handler';
import { AppError, type ErrorDetail } from '../errors';
import type { CreateOrderInput } from './medications.schema';

type AjvErrors = Parameters<typeof validationDetails>[1];

/** Throws one 400 listing the schema's errors (attached by the route) and the given extra details. */
export function throwIfInvalid(request: FastifyRequest, extra: ErrorDetail[]): void {
  const ve = request.validationError as (Error & { validation?: unknown[]; validationContext?: string }) | undefined;
  if (ve && ve.validationContext !== 'body') throw ve;
  const schemaDetails = ve ? validationDetails('body', (ve.validation ?? []) as AjvErrors) : [];
  const seen = new Set(schemaDetails.map((d) => d.path));
  const details = [...schemaDetails, ...extra.filter((d) => !seen.has(d.path))];
  if (details.length > 0) throw new AppError('validation', 'validation', `The request has ${details.length} invalid field${details.length === 1 ? '' : 's'}.`, details);
}

export function orderFromInput(id: string, input: CreateOrderInput): MedicationOrder {
  const order: MedicationOrder = {
    id,
    ingredients: input.ingredients.map((i): OrderIngredient => ({ ingredient: { code: i.code, name: i.name.trim() }, strength: { ...i.strength } })),
    form: input.form,
    release: input.release ?? 'immediate',
    dosage: input.dosage,
    status: input.status ?? 'active',
    indication: input.indication ?? 'pain',
  };
  if (input.daysSupply != null) order.daysSupply = input.daysSupply;
  if (input.start != null) order.start = input.start;
  if (input.end != null) order.end = input.end;
  if (input.directionsText != null && input.directionsText.trim() !== '') order.text = input.directionsText.trim();
  return order;
}

/** The domain's consistency errors as `body.*` details (warnings are returned to the caller instead). */
export function orderErrors(order: MedicationOrder): ErrorDetail[] {
  return checkOrder(order)
    .filter((i) => i.severity === 'error')
    .map((i) => ({ path: `body.${i.path ?? ''}`.replace(/\.$/, ''), message: i.message, code: i.code }));
}

export function rowFromInput(order: MedicationOrder, input: CreateOrderInput): Omit<NewMedicationOrderRow, 'orgId' | 'patientId' | 'source' | 'sourceId' | 'createdBy'> {
  const first = order.ingredients[0] as OrderIngredient;
  return {
    ingredientCode: first.ingredient.code,
    ingredientName: first.ingredient.name,
    ingredients: order.ingredients,
    form: order.form,
    release: order.release ?? 'immediate',
    route: order.dosage.route ?? null,
    dosage: order.dosage,
    directionsText: order.text ?? null,
    daysSupply: order.daysSupply ?? null,
    prescriber: input.prescriber?.trim() || null,
    pharmacy: input.pharmacy?.trim() || null,
    startDate: order.start ?? null,
    endDate: order.end ?? null,
    status: order.status ?? 'active',
    indication: order.indication ?? 'pain',
  };
}

/** The input a stored row would have been created from (for merging an update over it). */
export function inputFromRow(row: MedicationOrderRow): CreateOrderInput {
  const order = toMedicationOrder(row);
  return {
    ingredients: order.ingredients.map((i) => ({ code: i.ingredient.code, name: i.ingredient.name, strength: i.strength })),
    form: order.form,
    release: order.release ?? 'immediate',
    dosage: order.dosage,
    directionsText: row.directionsText,
    daysSupply: row.daysSupply,
    prescriber: row.prescriber,
    pharmacy: row.pharmacy,
    start: row.startDate,
    end: row.endDate,
    indication: order.indication ?? 'pain',
    status: (row.status === 'active' || row.status === 'draft' || row.status === 'on-hold' ? row.status : 'active'),
  };
}

export function strengthLabel(order: MedicationOrder): string {
  return order.ingredients.map((i) => `${i.ingredient.name} ${i.strength.amount} ${i.strength.unit}${i.strength.per !== undefined && i.strength.per !== 1 ? ` per ${i.strength.per} mL` : ''}`).join(' / ');
}

export function presentOrder(row: MedicationOrderRow) {
  const order = toMedicationOrder(row);
  return {
    id: row.id,
    patientId: row.patientId,
    name: `${strengthLabel(order)} ${row.release === 'extended' ? 'extended-release ' : ''}${row.form}`,
    ingredients: order.ingredients,
    form: row.form,
    release: row.release,
    route: row.route,
    dosage: order.dosage,
    directionsText: row.directionsText,
    directionsSummary: describeDosage(order.dosage),
    daysSupply: row.daysSupply,
    prescriber: row.prescriber,
    pharmacy: row.pharmacy,
    start: row.startDate,
    end: row.endDate,
    status: row.status,
    indication: row.indication,
    increasedOn: row.increasedOn,
    stopReason: row.stopReason,
    source: row.source,
    sourceId: row.sourceId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type PresentedOrder = ReturnType<typeof presentOrder>;

/** Dates that match YYYY-MM-DD but are not on the calendar (2026-13-01), or are after today when `notAfter` is given. */
export function dateErrors(body: unknown, fields: readonly string[], notAfter?: string): ErrorDetail[] {
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const out: ErrorDetail[] = [];
  for (const field of fields) {
    const value = record[field];
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) continue;
    if (!isCalendarDate(value)) out.push({ path: `body.${field}`, message: 'is not a calendar date', code: 'date.invalid' });
    else if (notAfter !== undefined && value > notAfter) out.push({ path: `body.${field}`, message: 'cannot be after today', code: 'date.in-future' });
  }
  return out;
}
