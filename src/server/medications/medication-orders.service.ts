/**
 * Medication orders: create, change (If-Match), stop. A change that cuts or stops a person's opioids faster
 * than the reference bounds (src/domain/opioids/regimen-change.ts) needs a documented life-threatening
 * reason and is recorded as an abrupt-change flag in the same transaction as the order and its audit event.
 */
import type { FastifyRequest } from 'fastify';
import { assessRegimenChange, checkOrder, type MedicationOrder } from '../../domain/opioids';
import type { Issue } from '../../domain/issues';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import {
  getClinicOpioidSettings,
  getMedicationOrderRow,
  insertMedicationOrder,
  listActiveMedicationOrderRows,
  toMedicationOrder,
  updateMedicationOrderRow,
  type MedicationOrderRow,
} from '../../db/repositories/medications.repository';
import { insertAbruptChange } from '../../db/repositories/taper-plans.repository';
import type { Tx } from '../../db/client';
import { auditFrom } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError, notFound } from '../errors';
import { actorLabel, authoriseMedications } from './medications-access';
import type { CreateOrderInput, UpdateOrderInput } from './medications.schema';
import { dateErrors, inputFromRow, orderErrors, orderFromInput, rowFromInput, throwIfInvalid } from './order-input';

export type AbruptResult = NonNullable<ReturnType<typeof assessRegimenChange>>;

export interface OrderWriteResult {
  row: MedicationOrderRow;
  abruptChange: AbruptResult | null;
  warnings: Issue[];
}

const today = (asOf: Date): string => asOf.toISOString().slice(0, 10);

function lastChangeOn(rows: readonly MedicationOrderRow[]): string | undefined {
  const days = rows.flatMap((r) => [r.startDate, r.increasedOn, r.updatedAt.toISOString().slice(0, 10)]).filter((d): d is string => d !== null);
  return days.sort().at(-1);
}

const reasonMissing = (result: AbruptResult): AppError =>
  new AppError('validation', 'validation', 'This change stops or cuts the opioid dose faster than the reference pace. Record the life-threatening reason for it, or choose a slower change.', [
    { path: 'body.lifeThreateningReason', message: result.message, code: 'abrupt.reason-required' },
  ]);

export async function createOrder(ctx: AppContext, request: FastifyRequest, patientId: string, input: CreateOrderInput): Promise<OrderWriteResult> {
  const dates = dateErrors(request.body, ['start', 'end']);
  if (request.validationError) throwIfInvalid(request, dates);
  const order = orderFromInput('new', input);
  throwIfInvalid(request, [...dates, ...orderErrors(order)]);
  const { patient } = await authoriseMedications(ctx, request, patientId, 'write');
  const asOf = ctx.clock();
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertMedicationOrder(
      tx,
      { ...rowFromInput(order, input), orgId: patient.orgId, patientId: patient.id, source: 'entered', sourceId: null, createdBy: actorLabel(request).id },
      asOf,
    );
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'MedicationRequest', resourceId: created.id, patientId: patient.id })]);
    return created;
  });
  return { row, abruptChange: null, warnings: checkOrder(order).filter((i) => i.severity !== 'error') };
}

async function loadOrder(ctx: AppContext, request: FastifyRequest, patientId: string, orderId: string, expectedVersion: number): Promise<{ row: MedicationOrderRow; orgId: string }> {
  const { patient } = await authoriseMedications(ctx, request, patientId, 'write');
  const row = await getMedicationOrderRow(ctx.db, patient.orgId, orderId);
  if (!row || row.patientId !== patient.id) throw notFound('The medication order');
  if (row.version !== expectedVersion) {
    throw new AppError('precondition-failed', 'conflict.stale-version', 'Someone else changed this order first. Reload to see their change.', [], { currentVersion: row.version });
  }
  return { row, orgId: patient.orgId };
}

/** Judges the change against the patient's other orders in effect; 400 when abrupt without a reason. */
async function judgeChange(ctx: AppContext, row: MedicationOrderRow, next: MedicationOrder | null, reason: string | undefined): Promise<AbruptResult | null> {
  const asOf = ctx.clock();
  const { settings } = await getClinicOpioidSettings(ctx.db, row.orgId);
  const activeRows = await listActiveMedicationOrderRows(ctx.db, row.orgId, row.patientId, asOf);
  const before = activeRows.map(toMedicationOrder);
  const others = before.filter((o) => o.id !== row.id);
  const after = next === null ? others : [...others, next];
  const result = assessRegimenChange({ before, after, asOf, settings, ...(reason !== undefined ? { lifeThreateningReason: reason } : {}), ...(lastChangeOn(activeRows) !== undefined ? { lastChangeOn: lastChangeOn(activeRows) } : {}) });
  if (result?.flagged === true && result.requiresLifeThreateningReason && !result.reasonDocumented) throw reasonMissing(result);
  return result;
}

async function recordAbrupt(tx: Tx, request: FastifyRequest, row: MedicationOrderRow, kind: 'order-update' | 'order-stop', result: AbruptResult | null, reason: string | undefined, asOf: Date): Promise<void> {
  if (result?.flagged !== true) return;
  await insertAbruptChange(tx, {
    orgId: row.orgId,
    patientId: row.patientId,
    kind,
    orderId: row.id,
    taperPlanId: null,
    reason: reason ?? '',
    detection: result,
    recordedBy: actorLabel(request).id,
    recordedAt: asOf,
  });
}

export async function updateOrder(ctx: AppContext, request: FastifyRequest, patientId: string, orderId: string, expectedVersion: number, patch: UpdateOrderInput): Promise<OrderWriteResult> {
  const dates = dateErrors(request.body, ['start', 'end']);
  if (request.validationError) throwIfInvalid(request, dates);
  const { row } = await loadOrder(ctx, request, patientId, orderId, expectedVersion);
  const merged: CreateOrderInput = { ...inputFromRow(row), ...(patch as Partial<CreateOrderInput>) };
  const status = patch.status ?? row.status;
  const next: MedicationOrder = { ...orderFromInput(row.id, merged), status: status as MedicationOrder['status'] };
  throwIfInvalid(request, [...dates, ...orderErrors(next)]);
  const reason = patch.lifeThreateningReason;
  const asOf = ctx.clock();
  const abrupt = await judgeChange(ctx, row, next, reason);
  const increased = abrupt === null && (await isIncrease(ctx, row, next));
  const updated = await ctx.db.transaction(async (tx) => {
    const changed = await updateMedicationOrderRow(
      tx,
      row.id,
      expectedVersion,
      { ...rowFromInput(next, merged), status, ...(increased ? { increasedOn: today(asOf) } : {}) },
      asOf,
    );
    if (!changed) throw new AppError('precondition-failed', 'conflict.stale-version', 'Someone else changed this order first. Reload to see their change.');
    await recordAbrupt(tx, request, row, 'order-update', abrupt, reason, asOf);
    await appendAuditEvents(tx, [
      auditFrom(request, asOf, { action: 'update', resourceType: 'MedicationRequest', resourceId: row.id, patientId: row.patientId, reason: abrupt?.flagged === true ? 'abrupt change with documented reason' : null }),
    ]);
    return changed;
  });
  return { row: updated, abruptChange: abrupt, warnings: checkOrder(next).filter((i) => i.severity !== 'error') };
}

async function isIncrease(ctx: AppContext, row: MedicationOrderRow, next: MedicationOrder): Promise<boolean> {
  const { settings } = await getClinicOpioidSettings(ctx.db, row.orgId);
  const result = assessRegimenChange({ before: [next], after: [toMedicationOrder(row)], asOf: ctx.clock(), settings });
  return result !== null;
}

export async function stopOrder(
  ctx: AppContext,
  request: FastifyRequest,
  patientId: string,
  orderId: string,
  expectedVersion: number,
  body: { reason: string; end?: string; enteredInError?: boolean; lifeThreateningReason?: string },
): Promise<OrderWriteResult> {
  throwIfInvalid(request, dateErrors(request.body, ['end']));
  const { row } = await loadOrder(ctx, request, patientId, orderId, expectedVersion);
  if (row.status === 'stopped' || row.status === 'entered-in-error' || row.status === 'completed') {
    throw new AppError('conflict', 'medication.already-stopped', 'This order is no longer in effect.');
  }
  const asOf = ctx.clock();
  const end = body.end ?? today(asOf);
  if (row.startDate !== null && end < row.startDate) {
    throw new AppError('validation', 'validation', 'The request has 1 invalid field.', [{ path: 'body.end', message: 'The last day is before the order started.', code: 'order.end-before-start' }]);
  }
  const inError = body.enteredInError === true;
  const abrupt = inError ? null : await judgeChange(ctx, row, null, body.lifeThreateningReason);
  const updated = await ctx.db.transaction(async (tx) => {
    const changed = await updateMedicationOrderRow(tx, row.id, expectedVersion, { status: inError ? 'entered-in-error' : 'stopped', endDate: end, stopReason: body.reason.trim() }, asOf);
    if (!changed) throw new AppError('precondition-failed', 'conflict.stale-version', 'Someone else changed this order first. Reload to see their change.');
    await recordAbrupt(tx, request, row, 'order-stop', abrupt, body.lifeThreateningReason, asOf);
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'MedicationRequest', resourceId: row.id, patientId: row.patientId, reason: inError ? 'entered in error' : 'stopped' })]);
    return changed;
  });
  return { row: updated, abruptChange: abrupt, warnings: [] };
}
