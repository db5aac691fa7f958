/**
 * Taper plans built with the patient from the current regimen by the domain planner (reference pace or any
 * slower one, pauses, whole tablets of real strengths). Saving needs the patient's agreement in their own
 * words; a plan with a step beyond the abrupt-change bounds needs a documented life-threatening reason and
 * is recorded as an abrupt-change flag. Saving also raises the monthly follow-up tasks. One transaction.
 */
import type { FastifyRequest } from 'fastify';
import { daysBetween, isOpioidOrder, planTaper, type CustomPace, type TaperPlan } from '../../domain/opioids';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import { getClinicOpioidSettings, listActiveMedicationOrders } from '../../db/repositories/medications.repository';
import type { PatientRow } from '../../db/repositories/patients.repository';
import {
  actualDosesFor,
  getTaperPlan,
  insertAbruptChange,
  insertActualDose,
  insertTaperPlan,
  type TaperActualDoseRow,
  type TaperPlanRow,
} from '../../db/repositories/taper-plans.repository';
import { insertTask } from '../../db/repositories/tasks.repository';
import { auditFrom } from '../auth/actor';
import type { AppContext } from '../context';
import { notFound, type ErrorDetail } from '../errors';
import { actorLabel, authoriseMedications } from './medications-access';
import { dateErrors, throwIfInvalid } from './order-input';

export interface TaperRequest {
  startDate: string;
  pace?: CustomPace;
  pauses?: Array<{ afterStep: number; days: number }>;
  /** Default: days since the earliest start among the opioid orders in effect. */
  durationOfUseDays?: number;
  lifeThreateningReason?: string;
}

export interface SaveTaperRequest extends TaperRequest {
  patientAgreement: string;
  naloxoneOffered: boolean;
}

const today = (asOf: Date): string => asOf.toISOString().slice(0, 10);

/** The plan the domain builds from the patient's opioid orders in effect today, with the clinic's settings. */
export async function buildTaperPlan(ctx: AppContext, patient: PatientRow, input: TaperRequest): Promise<{ plan: TaperPlan; orderIds: string[]; durationOfUseDays: number }> {
  const asOf = ctx.clock();
  const { settings } = await getClinicOpioidSettings(ctx.db, patient.orgId);
  const regimen = (await listActiveMedicationOrders(ctx.db, patient.orgId, patient.id, asOf)).filter(isOpioidOrder);
  const starts = regimen.map((o) => o.start).filter((s): s is string => s !== undefined).sort();
  const durationOfUseDays = input.durationOfUseDays ?? (starts[0] !== undefined ? Math.max(0, daysBetween(starts[0], today(asOf))) : settings.longTermUseDays);
  const plan = planTaper({
    regimen,
    startDate: input.startDate,
    durationOfUse: { days: durationOfUseDays },
    asOf,
    settings,
    ...(input.pace !== undefined ? { pace: input.pace } : {}),
    ...(input.pauses !== undefined ? { pauses: input.pauses } : {}),
    ...(input.lifeThreateningReason !== undefined ? { lifeThreateningReason: input.lifeThreateningReason } : {}),
  });
  return { plan, orderIds: regimen.map((o) => o.id), durationOfUseDays };
}

/** Domain errors (a bad pace, a pause after a step that does not exist) as one 400 with `body.*` paths. */
function planErrors(plan: TaperPlan): ErrorDetail[] {
  return plan.issues
    .filter((i) => i.severity === 'error')
    .map((i) => ({ path: `body.${i.path ?? ''}`.replace(/\.$/, ''), message: i.message, code: i.code }));
}

export async function previewTaper(ctx: AppContext, request: FastifyRequest, patientId: string, input: TaperRequest): Promise<TaperPlan> {
  throwIfInvalid(request, dateErrors(request.body, ['startDate']));
  const { patient } = await authoriseMedications(ctx, request, patientId, 'read');
  const { plan } = await buildTaperPlan(ctx, patient, input);
  throwIfInvalid(request, planErrors(plan));
  return plan;
}

export async function saveTaper(ctx: AppContext, request: FastifyRequest, patientId: string, input: SaveTaperRequest): Promise<TaperPlanRow> {
  throwIfInvalid(request, dateErrors(request.body, ['startDate']));
  const { patient } = await authoriseMedications(ctx, request, patientId, 'write');
  const { plan, orderIds, durationOfUseDays } = await buildTaperPlan(ctx, patient, input);
  const details = planErrors(plan);
  if (plan.steps.length === 0) details.push({ path: 'body', message: 'There is no opioid in effect that the planner can taper.', code: 'taper.nothing-to-plan' });
  const abruptSteps = plan.steps.filter((s) => s.abrupt.some((a) => a.flagged));
  const reason = input.lifeThreateningReason?.trim();
  if (abruptSteps.length > 0 && !reason) {
    details.push({ path: 'body.lifeThreateningReason', message: `${abruptSteps.length} step(s) change the dose faster than the reference bounds. Record the life-threatening reason for this pace, or choose a slower pace.`, code: 'abrupt.reason-required' });
  }
  throwIfInvalid(request, details);
  const asOf = ctx.clock();
  const who = actorLabel(request);
  return ctx.db.transaction(async (tx) => {
    const row = await insertTaperPlan(
      tx,
      {
        orgId: patient.orgId,
        patientId: patient.id,
        status: 'active',
        startDate: input.startDate,
        durationOfUseDays,
        pace: input.pace ?? 'reference',
        pauses: input.pauses ?? [],
        orderIds,
        plan,
        patientAgreement: input.patientAgreement.trim(),
        naloxoneOffered: input.naloxoneOffered,
        lifeThreateningReason: reason ?? null,
        createdBy: who.id,
      },
      asOf,
    );
    if (abruptSteps.length > 0) {
      await insertAbruptChange(tx, {
        orgId: patient.orgId,
        patientId: patient.id,
        kind: 'taper-plan',
        orderId: null,
        taperPlanId: row.id,
        reason: reason ?? '',
        detection: abruptSteps.map((s) => ({ step: s.index, startsOn: s.startsOn, abrupt: s.abrupt.filter((a) => a.flagged) })),
        recordedBy: who.id,
        recordedAt: asOf,
      });
    }
    const name = patient.preferredName ?? patient.givenName;
    for (const [i, on] of plan.followUps.entries()) {
      await insertTask(tx, {
        orgId: patient.orgId,
        patientId: patient.id,
        type: 'follow-up',
        title: `Taper follow-up ${i + 1} with ${name}: how the dose, pain, function and sleep are going`,
        details: 'Ask how the current step feels, whether to pause, and offer naloxone again. Record the dose actually taken on the medications page.',
        assigneeUserId: null,
        assigneeRole: 'prescriber',
        careTeamId: patient.careTeamId,
        dueAt: new Date(`${on}T09:00:00Z`),
        priority: 'routine',
        source: 'medications.taper',
        createdBy: who.id,
        asOf,
      });
    }
    await appendAuditEvents(tx, [
      auditFrom(request, asOf, { action: 'create', resourceType: 'TaperPlan', resourceId: row.id, patientId: patient.id, reason: abruptSteps.length > 0 ? 'abrupt steps with documented reason' : null }),
    ]);
    return row;
  });
}

export async function loadTaperPlan(ctx: AppContext, request: FastifyRequest, patientId: string, planId: string, action: 'read' | 'write'): Promise<{ patient: PatientRow; row: TaperPlanRow }> {
  const { patient } = await authoriseMedications(ctx, request, patientId, action);
  const row = await getTaperPlan(ctx.db, patient.orgId, planId);
  if (!row || row.patientId !== patient.id) throw notFound('The taper plan');
  return { patient, row };
}

export async function recordActualDose(
  ctx: AppContext,
  request: FastifyRequest,
  patientId: string,
  planId: string,
  body: { takenOn: string; mmePerDay: number; note?: string },
): Promise<TaperActualDoseRow> {
  throwIfInvalid(request, dateErrors(request.body, ['takenOn'], today(ctx.clock())));
  const { patient, row } = await loadTaperPlan(ctx, request, patientId, planId, 'write');
  const asOf = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const dose = await insertActualDose(tx, { orgId: patient.orgId, patientId: patient.id, taperPlanId: row.id, takenOn: body.takenOn, mmePerDay: body.mmePerDay, note: body.note?.trim() || null, recordedBy: actorLabel(request).name }, asOf);
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'TaperActualDose', resourceId: dose.id, patientId: patient.id })]);
    return dose;
  });
}

export function presentTaperPlan(row: TaperPlanRow, actual: TaperActualDoseRow[]) {
  return {
    id: row.id,
    status: row.status,
    startDate: row.startDate,
    durationOfUseDays: row.durationOfUseDays,
    pace: row.pace,
    pauses: row.pauses,
    orderIds: row.orderIds,
    plan: row.plan,
    patientAgreement: row.patientAgreement,
    naloxoneOffered: row.naloxoneOffered,
    lifeThreateningReason: row.lifeThreateningReason,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    actualDoses: actual.map((a) => ({ id: a.id, takenOn: a.takenOn, mmePerDay: a.mmePerDay, note: a.note, recordedBy: a.recordedBy })),
  };
}

export { actualDosesFor };
