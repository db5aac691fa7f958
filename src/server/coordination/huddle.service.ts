/**
 * Case conferences (huddles): who is due for discussion (src/domain/case-conference), sessions, notes per
 * patient, and decisions turned into tasks with owners — note, tasks and audit in one transaction.
 *
 * Plateau and concern signals come from `DISCUSSION_SOURCES` (./discussion-sources.ts): care-plan plateaus
 * (the progression engine's judgement on the stored plan) and open team concerns. Each source is asked only
 * about the patients on the caller's teams, and its signals are filtered to those ids again here.
 */
import type { FastifyRequest } from 'fastify';
import { selectForDiscussion, type DiscussionSignal, type DiscussionSource, type PatientFacts } from '../../domain/case-conference/selection';
import type { DbOrTx } from '../../db/client';
import { referralStepDue } from '../../domain/referrals/overdue';
import { SERVICE_LABELS, type ReferralService, type ReferralUrgency } from '../../domain/referrals/services';
import { isOpenStatus, type ReferralStatus } from '../../domain/referrals/status';
import { isRole, isStaffRole } from '../../domain/access/roles';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import { openTasksForPatients, workspacePatients } from '../../db/repositories/coordination.repository';
import { getHuddle, insertHuddleNote, lastDiscussed, notesForHuddle, type HuddleNoteRow, type HuddleRow } from '../../db/repositories/huddles.repository';
import { getUserBrief } from '../../db/repositories/patients.repository';
import { referralsForPatients } from '../../db/repositories/referrals.repository';
import { getTaskById, insertTask, type TaskRow } from '../../db/repositories/tasks.repository';
import { auditFrom, requireStaff } from '../auth/actor';
import { authorisePatient } from '../access/access.service';
import type { AppContext } from '../context';
import { AppError, notFound } from '../errors';
import { canReadRestricted, isRestrictedService } from '../referrals/referral-access';
import { CARE_PLAN_PLATEAUS, OPEN_CONCERNS } from './discussion-sources';
import { scheduleReminderFor } from '../tasks/tasks.service';

/** Sources of plateau / concern signals (see the module comment). */
export const DISCUSSION_SOURCES: readonly DiscussionSource<DbOrTx>[] = [CARE_PLAN_PLATEAUS, OPEN_CONCERNS];

export const HUDDLE_TASK_SOURCE = 'huddle';

export async function patientsDue(ctx: AppContext, request: FastifyRequest) {
  const actor = requireStaff(request);
  const asOf = ctx.clock();
  const patients = await workspacePatients(ctx.db, actor.orgId, actor.userId, 'teams');
  const ids = patients.map((p) => p.id);
  const [tasks, referrals, discussed] = await Promise.all([openTasksForPatients(ctx.db, actor.orgId, ids), referralsForPatients(ctx.db, actor.orgId, ids), lastDiscussed(ctx.db, actor.orgId, ids)]);
  const restrictedOk = canReadRestricted(request, '');
  const facts: PatientFacts[] = patients.map((p) => {
    const open = referrals.filter((r) => r.patientId === p.id && isOpenStatus(r.status as ReferralStatus) && (restrictedOk || !isRestrictedService(r.service)));
    return {
      patientId: p.id,
      openSafetyTasks: tasks.filter((t) => t.patientId === p.id && (t.type === 'safety' || t.type === 'red-flag')).map((t) => ({ title: t.title })),
      overdueReferrals: open.flatMap((r) => {
        const due = referralStepDue({ status: r.status as ReferralStatus, urgency: r.urgency as ReferralUrgency, statusDate: r.statusDate, appointmentDate: r.appointmentDate }, asOf);
        return due?.overdue ? [{ service: SERVICE_LABELS[r.service as ReferralService], step: due.step, daysOverdue: due.daysOverdue }] : [];
      }),
      waits: open.filter((r) => r.status === 'sent' || r.status === 'accepted').map((r) => ({ service: SERVICE_LABELS[r.service as ReferralService], expectedWaitDays: r.expectedWaitDays })),
      lastDiscussed: discussed.get(p.id) ?? null,
    };
  });
  const visible = new Set(ids);
  const fromSources = await Promise.all(DISCUSSION_SOURCES.map((source) => source.signals(ctx.db, { orgId: actor.orgId, asOf, patientIds: ids })));
  const signals: DiscussionSignal[] = fromSources.flat().filter((s) => visible.has(s.patientId));
  const names = new Map(patients.map((p) => [p.id, p]));
  const due = selectForDiscussion(facts, signals, asOf);
  if (due.length > 0) await ctx.audit.record(auditFrom(request, asOf, { action: 'search', resourceType: 'Huddle', resourceId: due.map((d) => d.patientId).join(','), reason: 'patients due for discussion' }));
  return {
    setting: 'huddleSelection v1',
    sources: ['safety tasks', 'overdue referral steps', 'long waits', ...DISCUSSION_SOURCES.map((s) => s.name)],
    items: due.map((d) => ({ ...d, patient: { id: d.patientId, name: names.get(d.patientId)?.name ?? '', mrn: names.get(d.patientId)?.mrn ?? '' }, lastDiscussed: discussed.get(d.patientId) ?? null })),
  };
}

export interface NoteBody {
  patientId: string;
  note: string;
  decisions?: { text: string; assigneeUserId: string; dueDate?: string | null }[];
}

export async function addHuddleNote(ctx: AppContext, request: FastifyRequest, huddleId: string, body: NoteBody): Promise<{ note: HuddleNoteRow; tasks: TaskRow[] }> {
  const actor = requireStaff(request);
  const huddle = await getHuddle(ctx.db, actor.orgId, huddleId);
  if (!huddle) throw notFound('The huddle');
  const { patient } = await authorisePatient(ctx, request, body.patientId, { action: 'write', category: 'general' });
  const decisions = body.decisions ?? [];
  const details = [];
  if (body.note.trim().length < 3) details.push({ path: 'body.note', message: 'Write a short note (at least 3 characters).' });
  for (const [i, d] of decisions.entries()) {
    if (d.text.trim().length < 3) details.push({ path: `body.decisions.${i}.text`, message: 'Say what was decided.' });
    const owner = await getUserBrief(ctx.db, actor.orgId, d.assigneeUserId);
    if (!owner || !isRole(owner.role) || !isStaffRole(owner.role)) details.push({ path: `body.decisions.${i}.assigneeUserId`, message: 'Choose a staff member of this clinic as the owner.' });
    if (d.dueDate && d.dueDate < huddle.heldOn) details.push({ path: `body.decisions.${i}.dueDate`, message: 'The due date cannot be before the huddle.' });
  }
  if (details.length > 0) throw new AppError('validation', 'validation', `The request has ${details.length} invalid field${details.length === 1 ? '' : 's'}.`, details);
  const asOf = ctx.clock();
  const result = await ctx.db.transaction(async (tx) => {
    const tasks: TaskRow[] = [];
    for (const d of decisions) {
      tasks.push(
        await insertTask(tx, {
          orgId: actor.orgId,
          patientId: patient.id,
          type: 'follow-up',
          title: d.text.trim().slice(0, 200),
          details: `Decided at the huddle "${huddle.title}" on ${huddle.heldOn}.`,
          assigneeUserId: d.assigneeUserId,
          assigneeRole: null,
          careTeamId: patient.careTeamId,
          // A picked date means 5 pm that day, as the web app's own task form does (UTC: the server has no zone).
          dueAt: d.dueDate ? new Date(`${d.dueDate}T17:00:00.000Z`) : null,
          priority: 'routine',
          source: HUDDLE_TASK_SOURCE,
          createdBy: actor.userId,
          asOf,
        }),
      );
    }
    const note = await insertHuddleNote(tx, { orgId: actor.orgId, huddleId, patientId: patient.id, note: body.note.trim(), decisions: tasks.map((t) => ({ text: t.title, taskId: t.id })), createdBy: actor.userId, createdAt: asOf });
    await appendAuditEvents(tx, [
      auditFrom(request, asOf, { action: 'create', resourceType: 'HuddleNote', resourceId: note.id, patientId: patient.id }),
      ...tasks.map((t) => auditFrom(request, asOf, { action: 'create', resourceType: 'Task', resourceId: t.id, patientId: patient.id, reason: 'huddle decision' })),
    ]);
    return { note, tasks };
  });
  for (const t of result.tasks) await scheduleReminderFor(ctx, t);
  return result;
}

export async function huddleDetail(ctx: AppContext, request: FastifyRequest, huddle: HuddleRow) {
  const actor = requireStaff(request);
  const visible = new Map((await workspacePatients(ctx.db, actor.orgId, actor.userId, 'teams')).map((p) => [p.id, p]));
  const notes = await notesForHuddle(ctx.db, huddle.id);
  const shown = notes.filter((n) => visible.has(n.patientId));
  const out = [];
  for (const n of shown) {
    const decisions = [];
    for (const d of n.decisions) {
      const t = await getTaskById(ctx.db, d.taskId);
      decisions.push({ text: d.text, taskId: d.taskId, status: t?.status ?? 'unknown', assigneeName: t?.assigneeName ?? null, dueAt: t?.dueAt?.toISOString() ?? null });
    }
    out.push({ id: n.id, patient: { id: n.patientId, name: visible.get(n.patientId)?.name ?? '' }, note: n.note, decisions, createdAt: n.createdAt.toISOString() });
  }
  for (const patientId of new Set(shown.map((n) => n.patientId))) {
    await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'HuddleNote', resourceId: huddle.id, patientId }));
  }
  return { id: huddle.id, title: huddle.title, heldOn: huddle.heldOn, notes: out, hiddenNotes: notes.length - shown.length };
}
