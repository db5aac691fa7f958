/**
 * Booking and changing appointments. A booking raises a reminder task for the care team (the patient's
 * coordinator, else the care-coordinator role on the patient's team) due one day before the visit; pg-boss
 * raises it at that time (src/server/jobs). Cancelling the visit cancels the reminder task.
 */
import type { FastifyRequest } from 'fastify';
import type { AppointmentStatus } from '../../domain/appointments/appointment';
import { checkStatusMove, validateAppointment } from '../../domain/appointments/appointment';
import { SERVICE_LABELS } from '../../domain/coverage/services';
import type { CoverageService } from '../../domain/coverage/services';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import { findAppointment, insertAppointment, updateAppointment } from '../../db/repositories/appointments.repository';
import type { AppointmentRow } from '../../db/repositories/appointments.repository';
import type { PatientRow } from '../../db/repositories/patients.repository';
import { addTaskHistory, getTaskById, insertTask, updateTaskRow } from '../../db/repositories/tasks.repository';
import type { TaskRow } from '../../db/repositories/tasks.repository';
import type { Tx } from '../../db/client';
import { authorisePatient } from '../access/access.service';
import { auditFrom, requireStaff } from '../auth/actor';
import type { AppContext } from '../context';
import { notFound } from '../errors';
import { scheduleReminderFor } from '../tasks/tasks.service';
import { invalidBody, staleVersion } from '../coverage/coverage.http';

export const REMINDER_HOURS_BEFORE = 24;

export interface BookInput {
  visitType: CoverageService;
  providerName: string;
  location?: string | null;
  telehealth: boolean;
  startsAt: string;
  durationMinutes: number;
  notes?: string | null;
}

export interface AppointmentPatch {
  status?: AppointmentStatus;
  startsAt?: string;
  durationMinutes?: number;
  providerName?: string;
  location?: string | null;
  telehealth?: boolean;
  notes?: string | null;
}

async function raiseReminderTask(tx: Tx, patient: PatientRow, appt: AppointmentRow, createdBy: string, asOf: Date): Promise<TaskRow | null> {
  const dueAt = new Date(appt.startsAt.getTime() - REMINDER_HOURS_BEFORE * 3_600_000);
  if (dueAt.getTime() <= asOf.getTime()) return null;
  const label = SERVICE_LABELS[appt.visitType as CoverageService] ?? appt.visitType;
  return insertTask(tx, {
    orgId: patient.orgId,
    patientId: patient.id,
    type: 'follow-up',
    title: `Remind ${patient.preferredName ?? patient.givenName} ${patient.familyName} of the ${label.toLowerCase()} visit`,
    details: `${label} with ${appt.providerName}, ${appt.startsAt.toISOString()}${appt.telehealth ? ' (telehealth)' : appt.location ? ` at ${appt.location}` : ''}.`,
    assigneeUserId: patient.coordinatorUserId,
    assigneeRole: patient.coordinatorUserId ? null : 'care_coordinator',
    careTeamId: patient.careTeamId,
    dueAt,
    priority: 'routine',
    source: 'appointment-reminder',
    createdBy,
    asOf,
  });
}

export async function bookAppointment(ctx: AppContext, request: FastifyRequest, patientId: string, input: BookInput): Promise<AppointmentRow> {
  const actor = requireStaff(request);
  const { patient } = await authorisePatient(ctx, request, patientId, { action: 'write', category: 'general' });
  const startsAt = new Date(input.startsAt);
  const issues = validateAppointment({ telehealth: input.telehealth, location: input.location ?? null, startsAt, durationMinutes: input.durationMinutes });
  if (issues.length > 0) throw invalidBody(issues);
  const asOf = ctx.clock();
  const { row, task } = await ctx.db.transaction(async (tx) => {
    const created = await insertAppointment(tx, {
      orgId: patient.orgId,
      patientId: patient.id,
      visitType: input.visitType,
      providerName: input.providerName.trim(),
      location: input.telehealth ? null : (input.location?.trim() ?? null),
      telehealth: input.telehealth,
      startsAt,
      durationMinutes: input.durationMinutes,
      status: 'booked',
      notes: input.notes?.trim() || null,
      createdBy: actor.userId,
      createdAt: asOf,
      updatedAt: asOf,
    });
    const reminder = await raiseReminderTask(tx, patient, created, actor.userId, asOf);
    const withTask = reminder ? ((await updateAppointment(tx, patient.orgId, created.id, created.version, { reminderTaskId: reminder.id }, asOf)) as AppointmentRow) : created;
    const events = [auditFrom(request, asOf, { action: 'create', resourceType: 'Appointment', resourceId: created.id, patientId: patient.id })];
    if (reminder) events.push(auditFrom(request, asOf, { action: 'create', resourceType: 'Task', resourceId: reminder.id, patientId: patient.id, reason: 'appointment-reminder' }));
    await appendAuditEvents(tx, events);
    return { row: withTask, task: reminder };
  });
  if (task) await scheduleReminderFor(ctx, task);
  return row;
}

export async function changeAppointment(ctx: AppContext, request: FastifyRequest, id: string, expectedVersion: number, patch: AppointmentPatch): Promise<AppointmentRow> {
  const actor = requireStaff(request);
  const current = await findAppointment(ctx.db, actor.orgId, id);
  if (!current) throw notFound('The appointment');
  const { patient } = await authorisePatient(ctx, request, current.patientId, { action: 'write', category: 'general' });
  if (current.version !== expectedVersion) throw staleVersion('appointment', current.version);
  const asOf = ctx.clock();
  const next = {
    telehealth: patch.telehealth ?? current.telehealth,
    location: patch.location !== undefined ? patch.location : current.location,
    startsAt: patch.startsAt ? new Date(patch.startsAt) : current.startsAt,
    durationMinutes: patch.durationMinutes ?? current.durationMinutes,
  };
  const issues = [...validateAppointment(next), ...(patch.status ? checkStatusMove(current.status as AppointmentStatus, patch.status, next.startsAt, asOf) : [])];
  if (issues.length > 0) throw invalidBody(issues);
  const moved = patch.startsAt !== undefined && next.startsAt.getTime() !== current.startsAt.getTime();
  const { row, task } = await ctx.db.transaction(async (tx) => {
    const first = await updateAppointment(tx, actor.orgId, id, expectedVersion, { ...patch, ...next, location: next.telehealth ? null : next.location }, asOf);
    if (!first) throw staleVersion('appointment', current.version);
    let updated: AppointmentRow = first;
    let reminder: TaskRow | null = null;
    const oldTask = current.reminderTaskId ? await getTaskById(tx, current.reminderTaskId) : undefined;
    const closeOld = oldTask && (oldTask.status === 'open' || oldTask.status === 'in_progress') && (moved || updated.status === 'cancelled');
    if (oldTask && closeOld) {
      await updateTaskRow(tx, oldTask.id, oldTask.version, { status: 'cancelled' }, asOf);
      await addTaskHistory(tx, { orgId: oldTask.orgId, patientId: oldTask.patientId, taskId: oldTask.id, at: asOf, actor: actor.userId, event: 'task.cancelled', changes: { reason: moved ? 'appointment moved' : 'appointment cancelled' } });
    }
    if (updated.status === 'booked' && (moved || current.status === 'cancelled')) {
      reminder = await raiseReminderTask(tx, patient, updated, actor.userId, asOf);
      const withTask = reminder ? await updateAppointment(tx, actor.orgId, id, updated.version, { reminderTaskId: reminder.id }, asOf) : null;
      if (withTask) updated = withTask;
    }
    const reason = patch.status && patch.status !== current.status ? `${current.status}->${patch.status}` : moved ? 'moved' : 'edited';
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'Appointment', resourceId: id, patientId: current.patientId, reason })]);
    return { row: updated, task: reminder };
  });
  if (task) await scheduleReminderFor(ctx, task);
  return row;
}
