/**
 * Concerns: recorded by the care team, each needing a documented conversation and a plan before it closes
 * (src/domain/concerns/concern.ts). There is no route that ends care or stops a medicine.
 * Access: staff on the care team (or break-glass), general category; the patient's agreement explains that
 * these events lead to a conversation. Every write is one transaction with its audit event, with If-Match.
 */
import type { FastifyRequest } from 'fastify';
import {
  applyConcernEvent,
  CONCERN_KIND_LABELS,
  CONCERN_KINDS,
  missingBeforeClose,
  PLAN_ACTION_LABELS,
  PLAN_ACTIONS,
  type ConcernEvent,
  type ConcernKind,
  type ConcernPlan,
  type ConcernState,
  type Conversation,
  type PlanAction,
} from '../../domain/concerns/concern';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import { concernsForPatient, getConcern, insertConcern, updateConcern, type ConcernRow } from '../../db/repositories/concerns.repository';
import { auditFrom, requireStaff } from '../auth/actor';
import { authorisePatient } from '../access/access.service';
import type { AppContext } from '../context';
import { AppError, notFound } from '../errors';
import { invalidBody } from '../agreements/templates.service';
import { recordLanguageFlagsForText } from '../language/language.service';

function stateOf(row: ConcernRow): ConcernState {
  return { status: row.status === 'closed' ? 'closed' : 'open', conversations: row.conversations as Conversation[], plan: (row.plan as ConcernPlan | null) ?? null };
}

export function presentConcern(row: ConcernRow) {
  const state = stateOf(row);
  return {
    id: row.id,
    patientId: row.patientId,
    kind: row.kind as ConcernKind,
    kindLabel: CONCERN_KIND_LABELS[row.kind as ConcernKind] ?? row.kind,
    occurredOn: row.occurredOn,
    details: row.details,
    status: state.status,
    conversations: [...state.conversations],
    plan: state.plan,
    missingBeforeClose: state.status === 'open' ? missingBeforeClose(state).map((i) => ({ code: i.code, message: i.message })) : [],
    closedAt: row.closedAt?.toISOString() ?? null,
    closedBy: row.closedBy,
    createdByName: row.createdByName,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

export const CONCERN_CHOICES = {
  kinds: CONCERN_KINDS.map((value) => ({ value, label: CONCERN_KIND_LABELS[value] })),
  planActions: PLAN_ACTIONS.map((value) => ({ value, label: PLAN_ACTION_LABELS[value] })),
};

export async function listConcerns(ctx: AppContext, request: FastifyRequest, patientId: string): Promise<ConcernRow[]> {
  requireStaff(request);
  const { patient } = await authorisePatient(ctx, request, patientId, { action: 'read', category: 'general' });
  const rows = await concernsForPatient(ctx.db, patient.orgId, patient.id);
  await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'Concern', resourceId: patient.id, patientId: patient.id }));
  return rows;
}

export async function recordConcern(ctx: AppContext, request: FastifyRequest, patientId: string, input: { kind: ConcernKind; occurredOn: string; details: string }): Promise<ConcernRow> {
  const actor = requireStaff(request);
  const { patient } = await authorisePatient(ctx, request, patientId, { action: 'write', category: 'general' });
  const asOf = ctx.clock();
  const issues = [];
  if (input.occurredOn > asOf.toISOString().slice(0, 10)) issues.push({ code: 'concern.date-in-future', message: 'The date cannot be in the future.', severity: 'error' as const, path: 'occurredOn' });
  if (input.details.trim() === '') issues.push({ code: 'concern.details-required', message: 'Describe what happened.', severity: 'error' as const, path: 'details' });
  if (issues.length > 0) throw invalidBody(issues);
  return ctx.db.transaction(async (tx) => {
    const row = await insertConcern(tx, {
      orgId: patient.orgId,
      patientId: patient.id,
      kind: input.kind,
      occurredOn: input.occurredOn,
      details: input.details.trim(),
      status: 'open',
      conversations: [],
      plan: null,
      createdBy: actor.userId,
      createdByName: actor.displayName,
      createdAt: asOf,
      updatedAt: asOf,
    });
    await recordLanguageFlagsForText(tx, { orgId: patient.orgId, patientId: patient.id, source: 'concern', sourceId: row.id, texts: [row.details], recordedBy: actor.userId, asOf });
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'Concern', resourceId: row.id, patientId: patient.id, reason: input.kind })]);
    return row;
  });
}

type ConcernChange =
  | { type: 'add-conversation'; heldOn: string; withWhom: string; summary: string }
  | { type: 'set-plan'; actions: PlanAction[]; details: string }
  | { type: 'close' }
  | { type: 'reopen' };

export async function changeConcern(ctx: AppContext, request: FastifyRequest, id: string, expectedVersion: number, change: ConcernChange): Promise<ConcernRow> {
  const actor = requireStaff(request);
  const row = await getConcern(ctx.db, actor.orgId, id);
  if (!row) throw notFound('The concern');
  await authorisePatient(ctx, request, row.patientId, { action: 'write', category: 'general' });
  if (row.version !== expectedVersion) {
    throw new AppError('precondition-failed', 'conflict.stale-version', 'Someone else changed this concern first. Reload to see their change.', [], { currentVersion: row.version });
  }
  const by = actor.displayName;
  const event: ConcernEvent =
    change.type === 'add-conversation'
      ? { type: 'add-conversation', conversation: { heldOn: change.heldOn, withWhom: change.withWhom.trim(), summary: change.summary.trim(), recordedBy: by } }
      : change.type === 'set-plan'
        ? { type: 'set-plan', plan: { actions: change.actions, details: change.details.trim(), recordedBy: by } }
        : change;
  const result = applyConcernEvent(stateOf(row), event);
  if ('issues' in result) {
    const closing = change.type === 'close' && result.issues.some((i) => i.code.endsWith('-missing'));
    const err = invalidBody(result.issues);
    if (closing) {
      throw new AppError('validation', 'concern.cannot-close', `This concern cannot close yet. Still needed: ${result.issues.map((i) => i.message).join(' ')}`, err.details);
    }
    throw err;
  }
  const asOf = ctx.clock();
  const next = result.state;
  return ctx.db.transaction(async (tx) => {
    const updated = await updateConcern(
      tx,
      row.id,
      expectedVersion,
      {
        status: next.status,
        conversations: next.conversations,
        plan: next.plan,
        ...(change.type === 'close' ? { closedAt: asOf, closedBy: by } : change.type === 'reopen' ? { closedAt: null, closedBy: null } : {}),
      },
      asOf,
    );
    if (!updated) throw new AppError('precondition-failed', 'conflict.stale-version', 'Someone else changed this concern first. Reload to see their change.');
    if (change.type === 'add-conversation') {
      await recordLanguageFlagsForText(tx, { orgId: row.orgId, patientId: row.patientId, source: 'concern-conversation', sourceId: row.id, texts: next.conversations.map((c) => c.summary), recordedBy: actor.userId, asOf });
    }
    if (change.type === 'set-plan') {
      await recordLanguageFlagsForText(tx, { orgId: row.orgId, patientId: row.patientId, source: 'concern-plan', sourceId: row.id, texts: [next.plan?.details], recordedBy: actor.userId, asOf });
    }
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'Concern', resourceId: row.id, patientId: row.patientId, reason: change.type })]);
    return updated;
  });
}
