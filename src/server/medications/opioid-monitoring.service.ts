/**
 * Monitoring records: PDMP checks, benefit/risk reviews, urine drug test results (reconciled against the
 * medication list by the domain; anything not expected raises a conversation task for the care team —
 * never an automatic consequence), the recorded risk factors and the clinic's factor set.
 */
import type { FastifyRequest } from 'fastify';
import { reconcileUds, type RiskHistory, type UdsResult } from '../../domain/opioids';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import { getClinicOpioidSettings, listMedicationOrderRows, saveClinicOpioidSettings, toMedicationOrder } from '../../db/repositories/medications.repository';
import {
  getRiskHistory,
  insertOpioidReview,
  insertPdmpCheck,
  insertUrineTest,
  saveRiskHistory,
  type OpioidReview,
  type PdmpCheck,
  type UrineTest,
} from '../../db/repositories/opioid-monitoring.repository';
import { insertTask } from '../../db/repositories/tasks.repository';
import { auditFrom, requireStaff } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { actorLabel, authoriseMedications } from './medications-access';
import { dateErrors, throwIfInvalid } from './order-input';

const today = (asOf: Date): string => asOf.toISOString().slice(0, 10);
const stale = (what: string): AppError => new AppError('precondition-failed', 'conflict.stale-version', `Someone else changed ${what} first. Reload to see their change.`);


export async function recordPdmpCheck(ctx: AppContext, request: FastifyRequest, patientId: string, body: { checkedOn: string; findings: string; needsDiscussion?: boolean }): Promise<PdmpCheck> {
  throwIfInvalid(request, dateErrors(request.body, ['checkedOn'], today(ctx.clock())));
  const { patient } = await authoriseMedications(ctx, request, patientId, 'write');
  const asOf = ctx.clock();
  const who = actorLabel(request);
  return ctx.db.transaction(async (tx) => {
    const check = await insertPdmpCheck(
      tx,
      { orgId: patient.orgId, patientId: patient.id, checkedOn: body.checkedOn, checkedBy: who.id, checkedByName: who.name, findings: body.findings.trim(), needsDiscussion: body.needsDiscussion ?? false },
      asOf,
    );
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'PdmpCheck', resourceId: check.id, patientId: patient.id })]);
    return check;
  });
}

export async function recordReview(ctx: AppContext, request: FastifyRequest, patientId: string, body: { reviewedOn: string; note: string }): Promise<OpioidReview> {
  throwIfInvalid(request, dateErrors(request.body, ['reviewedOn'], today(ctx.clock())));
  const { patient } = await authoriseMedications(ctx, request, patientId, 'write');
  const asOf = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const review = await insertOpioidReview(tx, { orgId: patient.orgId, patientId: patient.id, reviewedOn: body.reviewedOn, reviewedBy: actorLabel(request).name, note: body.note.trim() }, asOf);
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'OpioidBenefitRiskReview', resourceId: review.id, patientId: patient.id })]);
    return review;
  });
}

export interface UdsBodyInput {
  collectedOn: string;
  method: 'screen' | 'confirmatory';
  results: Array<{ substance: string; result: 'positive' | 'negative' | 'inconclusive' }>;
  notes?: string;
}

export async function recordUrineTest(ctx: AppContext, request: FastifyRequest, patientId: string, body: UdsBodyInput): Promise<UrineTest> {
  throwIfInvalid(request, dateErrors(request.body, ['collectedOn'], today(ctx.clock())));
  const { patient } = await authoriseMedications(ctx, request, patientId, 'write');
  const asOf = ctx.clock();
  const seen = new Set<string>();
  const duplicates = body.results
    .map((r, i) => ({ key: r.substance.trim().toLowerCase(), i }))
    .filter(({ key }) => (seen.has(key) ? true : (seen.add(key), false)))
    .map(({ i }) => ({ path: `body.results.${i}.substance`, message: 'is listed twice', code: 'uds.duplicate-substance' }));
  if (duplicates.length > 0) throw new AppError('validation', 'validation', `The request has ${duplicates.length} invalid field${duplicates.length === 1 ? '' : 's'}.`, duplicates);
  const results: UdsResult[] = body.results.map((r) => ({ substance: r.substance.trim(), result: r.result, collectedOn: body.collectedOn, method: body.method }));
  const orders = (await listMedicationOrderRows(ctx.db, patient.orgId, patient.id)).map(toMedicationOrder);
  const reconciliation = reconcileUds({ results, orders, asOf });
  const who = actorLabel(request);
  return ctx.db.transaction(async (tx) => {
    let taskId: string | null = null;
    if (reconciliation.needsConversation) {
      const lines = reconciliation.lines.filter((l) => l.conversation !== null);
      const task = await insertTask(tx, {
        orgId: patient.orgId,
        patientId: patient.id,
        type: 'follow-up',
        title: `Talk with ${patient.preferredName ?? patient.givenName} about the urine test of ${body.collectedOn}`,
        details: lines.map((l) => `${l.conversation?.title ?? ''}: ${l.conversation?.message ?? ''}`).join('\n\n'),
        assigneeUserId: null,
        assigneeRole: 'prescriber',
        careTeamId: patient.careTeamId,
        dueAt: new Date(asOf.getTime() + 7 * 86_400_000),
        priority: 'routine',
        source: 'medications.urine-test',
        createdBy: who.id,
        asOf,
      });
      taskId = task.id;
    }
    const test = await insertUrineTest(
      tx,
      { orgId: patient.orgId, patientId: patient.id, collectedOn: body.collectedOn, method: body.method, results, notes: body.notes?.trim() || null, reconciliation, conversationTaskId: taskId, enteredBy: who.name },
      asOf,
    );
    const events = [auditFrom(request, asOf, { action: 'create', resourceType: 'UrineDrugTest', resourceId: test.id, patientId: patient.id })];
    if (taskId !== null) events.push(auditFrom(request, asOf, { action: 'create', resourceType: 'Task', resourceId: taskId, patientId: patient.id, reason: 'conversation about a urine test result' }));
    await appendAuditEvents(tx, events);
    return test;
  });
}

export async function saveRiskFactors(ctx: AppContext, request: FastifyRequest, patientId: string, expectedVersion: number, history: RiskHistory): Promise<{ history: RiskHistory; version: number }> {
  throwIfInvalid(request, []);
  const { patient } = await authoriseMedications(ctx, request, patientId, 'write');
  const current = await getRiskHistory(ctx.db, patient.orgId, patient.id);
  if (current.version !== expectedVersion) throw stale('the recorded risk factors');
  const asOf = ctx.clock();
  const version = await ctx.db.transaction(async (tx) => {
    const saved = await saveRiskHistory(tx, patient.orgId, patient.id, history, expectedVersion, actorLabel(request).id, asOf);
    if (saved === undefined) throw stale('the recorded risk factors');
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'OpioidRiskHistory', resourceId: patient.id, patientId: patient.id })]);
    return saved;
  });
  return { history, version };
}

/** The clinic's factor set: clinic leads and administrators change it (If-Match on the stored version). */
export async function saveFactorSet(ctx: AppContext, request: FastifyRequest, expectedVersion: number, factorSet: 'cdc-2022' | 'cdc-2016'): Promise<{ factorSet: string; version: number }> {
  const actor = requireStaff(request);
  if (actor.role !== 'clinic_lead' && actor.role !== 'administrator') throw new AppError('forbidden', 'auth.clinic-lead-only', 'Only a clinic lead or administrator can change the clinic settings.');
  const current = await getClinicOpioidSettings(ctx.db, actor.orgId);
  if (current.version !== expectedVersion) throw stale('the clinic settings');
  const asOf = ctx.clock();
  const version = await ctx.db.transaction(async (tx) => {
    const saved = await saveClinicOpioidSettings(tx, actor.orgId, { factorSet }, expectedVersion, actor.userId, asOf);
    if (saved === undefined) throw stale('the clinic settings');
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'ClinicOpioidSettings', resourceId: actor.orgId, reason: `factorSet=${factorSet}` })]);
    return saved;
  });
  return { factorSet, version };
}
