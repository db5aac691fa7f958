/**
 * Overdue steps raise tasks: each open step of a referral has one follow-up task for the patient's
 * coordinator (or care team), due at the end of the step's due day (src/domain/referrals/overdue.ts). The
 * task's pg-boss reminder (src/server/jobs) fires at that moment if the step is still waiting, and the task
 * shows as overdue in the inbox and the workspace. When the step is done the task is closed with it.
 * Restricted services (behavioural health, substance use) get a neutral title so the task list reveals
 * nothing restricted.
 */
import { addDays } from '../../domain/referrals/dates';
import { referralStepDue, STEP_LABELS } from '../../domain/referrals/overdue';
import { SERVICE_LABELS, type ReferralService, type ReferralUrgency } from '../../domain/referrals/services';
import type { ReferralStatus } from '../../domain/referrals/status';
import type { Tx } from '../../db/client';
import type { PatientRow } from '../../db/repositories/patients.repository';
import type { ReferralRow } from '../../db/repositories/referrals.repository';
import { addTaskHistory, getTaskById, insertTask, updateTaskRow, type TaskRow } from '../../db/repositories/tasks.repository';
import { isRestrictedService } from './referral-access';

export const REFERRAL_TASK_SOURCE = 'referral-step';

const PRIORITY: Record<ReferralUrgency, string> = { routine: 'routine', soon: 'high', urgent: 'urgent' };

/** Opens the follow-up task for the referral's current step (none when the referral is closed). */
export async function openStepTask(tx: Tx, referral: ReferralRow, patient: PatientRow, actorId: string, asOf: Date): Promise<TaskRow | null> {
  const due = referralStepDue(
    { status: referral.status as ReferralStatus, urgency: referral.urgency as ReferralUrgency, statusDate: referral.statusDate, appointmentDate: referral.appointmentDate },
    asOf,
  );
  if (due === null) return null;
  const name = isRestrictedService(referral.service) ? 'a restricted service' : SERVICE_LABELS[referral.service as ReferralService];
  return insertTask(tx, {
    orgId: referral.orgId,
    patientId: referral.patientId,
    type: 'follow-up',
    title: `Referral to ${name}: ${STEP_LABELS[due.step]} (due ${due.dueDate})`,
    details: `Raised by the referral step rule (${due.setting}). Chase the service or update the referral's status. Referral ${referral.id}.`,
    assigneeUserId: patient.coordinatorUserId,
    assigneeRole: patient.coordinatorUserId === null ? 'care_coordinator' : null,
    careTeamId: patient.careTeamId,
    // The end of the due day: the step becomes overdue the day after (the rule's boundary).
    dueAt: new Date(`${addDays(due.dueDate, 1)}T00:00:00.000Z`),
    priority: PRIORITY[referral.urgency as ReferralUrgency],
    source: REFERRAL_TASK_SOURCE,
    createdBy: actorId,
    asOf,
  });
}

/** Closes the previous step's task (done) when its step is over. */
export async function closeStepTask(tx: Tx, taskId: string | null, actorId: string, asOf: Date): Promise<void> {
  if (taskId === null) return;
  const task = await getTaskById(tx, taskId);
  if (!task || (task.status !== 'open' && task.status !== 'in_progress')) return;
  const updated = await updateTaskRow(tx, task.id, task.version, { status: 'done' }, asOf);
  if (!updated) return;
  await addTaskHistory(tx, { orgId: task.orgId, patientId: task.patientId, taskId: task.id, at: asOf, actor: actorId, event: 'task.completed', changes: { status: { from: task.status, to: 'done' } } });
}
