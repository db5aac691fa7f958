/**
 * Turns the domain's safety findings into tasks for the care team, inside the caller's transaction, so a
 * saved answer and the task it raises are stored together or not at all:
 * - PHQ-9 item 9 > 0 (domain flag 'phq9.item9-positive', whatever the total): a same-day 'safety' task,
 *   priority urgent, due at the end of that day, for the patient's care team.
 * - A red-flag finding (domain assessRedFlags): a 'red-flag' task naming the suspected condition and its
 *   urgency. Emergency (cauda equina): urgent, due now. Urgent: urgent, due at the end of that day.
 *   Soon (at or before the next visit): high, due in 7 days.
 * The clinical rules (when a flag or finding is raised, its urgency and action) live in src/domain; this
 * file only decides who gets the task and when it is due.
 *
 * Assumption: "end of the day" is 23:59:59.999 UTC of the day the answer was saved. Painpath has no clinic
 * time zone setting yet; when it does, the end of the clinic's local day should be used instead.
 */
import type { FastifyRequest } from 'fastify';
import type { RedFlagFinding } from '../../domain/intake/red-flags';
import { getInstrument } from '../../domain/measures/instruments';
import type { Answers, InstrumentScore } from '../../domain/measures/score';
import type { TaskPriority } from '../../domain/tasks/task';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import type { PatientRow } from '../../db/repositories/patients.repository';
import { insertTask, type TaskRow } from '../../db/repositories/tasks.repository';
import type { Tx } from '../../db/client';
import { auditFrom } from '../auth/actor';
import type { AppContext } from '../context';
import { scheduleReminderFor } from '../tasks/tasks.service';

export const ITEM9_FLAG = 'phq9.item9-positive';
const DAY_MS = 86_400_000;

/** Shown to the person as soon as PHQ-9 item 9 is answered above "Not at all" (US 988 Lifeline). */
export const CRISIS_RESOURCES = {
  show: true,
  text:
    'You are not alone. If you are thinking about hurting yourself, call or text 988 any time, day or night, to talk with someone now. ' +
    'If you are in danger right now, call 911. We have let your care team know.',
  call: '988',
} as const;
export type CrisisResources = typeof CRISIS_RESOURCES;

/** Key under which an intake remembers the task it raised, so a re-save never raises it again. */
export const alertKey = {
  item9: ITEM9_FLAG,
  redFlag: (condition: string): string => `red-flag.${condition}`,
};

export function endOfUtcDay(asOf: Date): Date {
  return new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate(), 23, 59, 59, 999));
}

export function hasItem9Flag(score: Pick<InstrumentScore, 'flags'> | null | undefined): boolean {
  return score?.flags.some((f) => f.code === ITEM9_FLAG) ?? false;
}

export interface AlertTaskInput {
  key: string;
  type: 'safety' | 'red-flag';
  title: string;
  details: string;
  priority: TaskPriority;
  dueAt: Date;
}

/** Who acts: the patient's care team; without one, the coordinator; without either, the clinic lead role. */
function assignment(patient: PatientRow): { careTeamId: string | null; assigneeUserId: string | null; assigneeRole: string | null } {
  if (patient.careTeamId) return { careTeamId: patient.careTeamId, assigneeUserId: null, assigneeRole: null };
  if (patient.coordinatorUserId) return { careTeamId: null, assigneeUserId: patient.coordinatorUserId, assigneeRole: null };
  return { careTeamId: null, assigneeUserId: null, assigneeRole: 'clinic_lead' };
}

/** The same-day safety task for PHQ-9 item 9, naming the item and the answer given. */
export function item9Task(answers: Answers, score: InstrumentScore, asOf: Date, where: string): AlertTaskInput {
  const phq9 = getInstrument('phq9');
  const item = phq9?.items.find((i) => i.id === 'phq9.9');
  const raw = answers['phq9.9'];
  const value = typeof raw === 'number' ? String(raw) : JSON.stringify(raw);
  const label = item?.options?.find((o) => o.value === raw)?.label ?? value;
  const total = score.total === null ? 'not complete yet' : String(score.total);
  return {
    key: alertKey.item9,
    type: 'safety',
    title: 'Same-day safety check: PHQ-9 item 9 answered above "Not at all"',
    details:
      `PHQ-9 item 9 ("${item?.text ?? 'item 9'}") was answered "${label}" (${value}) ${where}. ` +
      `A same-day safety assessment is needed, whatever the total (PHQ-9 total: ${total}). The person was shown crisis resources (988).`,
    priority: 'urgent',
    dueAt: endOfUtcDay(asOf),
  };
}

const URGENCY_WORDS: Record<RedFlagFinding['urgency'], string> = { emergency: 'emergency', urgent: 'urgent', soon: 'soon' };

/** One task per suspected condition, named with its urgency and the answers behind it. */
export function redFlagTask(finding: RedFlagFinding, asOf: Date): AlertTaskInput {
  const urgency = finding.urgency;
  const [priority, dueAt]: [TaskPriority, Date] =
    urgency === 'emergency' ? ['urgent', asOf] : urgency === 'urgent' ? ['urgent', endOfUtcDay(asOf)] : ['high', new Date(asOf.getTime() + 7 * DAY_MS)];
  return {
    key: alertKey.redFlag(finding.condition),
    type: 'red-flag',
    title: `Red flag (${URGENCY_WORDS[urgency]}): ${finding.label}`,
    details: `Urgency: ${URGENCY_WORDS[urgency]}. Answered yes in the intake: ${finding.reasons.join('; ')}. ${finding.action}`,
    priority,
    dueAt,
  };
}

/** Inserts the tasks and their audit events in the caller's transaction. */
export async function insertAlertTasks(
  tx: Tx,
  request: FastifyRequest,
  patient: PatientRow,
  alerts: readonly AlertTaskInput[],
  source: string,
  createdBy: string,
  asOf: Date,
): Promise<{ key: string; task: TaskRow }[]> {
  const created: { key: string; task: TaskRow }[] = [];
  for (const alert of alerts) {
    const task = await insertTask(tx, {
      orgId: patient.orgId,
      patientId: patient.id,
      type: alert.type,
      title: alert.title,
      details: alert.details,
      ...assignment(patient),
      dueAt: alert.dueAt,
      priority: alert.priority,
      source,
      createdBy,
      asOf,
    });
    created.push({ key: alert.key, task });
  }
  if (created.length > 0) {
    await appendAuditEvents(
      tx,
      created.map(({ key, task }) => auditFrom(request, asOf, { action: 'create', resourceType: 'Task', resourceId: task.id, patientId: patient.id, reason: `raised by ${key}` })),
    );
  }
  return created;
}

/** After the commit: reminders for the new tasks (no-op without a job queue). */
export async function scheduleAlertReminders(ctx: AppContext, created: readonly { task: TaskRow }[]): Promise<void> {
  for (const { task } of created) await scheduleReminderFor(ctx, task);
}
