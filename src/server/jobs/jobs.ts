/**
 * Background jobs on pg-boss (works on PostgreSQL and on the embedded database through a small adapter).
 * Task reminders are jobs with `startAfter` = the reminder time, so they survive restarts: a reminder
 * whose time passed while the server was down runs as soon as it is back.
 */
import PgBoss from 'pg-boss';
import type { SqlExecutor } from '../../db/client';

export const TASK_REMINDER_QUEUE = 'task-reminder';

export interface ReminderJob {
  taskId: string;
  /** The due date the reminder was scheduled for; a reminder for an older due date is ignored. */
  dueAt: string;
}

export interface JobQueue {
  scheduleReminder(job: ReminderJob, at: Date): Promise<void>;
  stop(): Promise<void>;
}

export async function startJobs(
  executor: SqlExecutor,
  handlers: { onReminder: (job: ReminderJob) => Promise<void> },
  log: (msg: string, extra?: Record<string, unknown>) => void,
): Promise<JobQueue> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => executor.executeSql(text, values) },
    schema: 'pgboss',
    supervise: true,
    schedule: false,
  });
  boss.on('error', (err: Error) => log('job queue error', { err: err.message }));
  await boss.start();
  // Policy 'short': at most one queued job per singletonKey (pg-boss 10 ignores singletonKey otherwise).
  const queue = { name: TASK_REMINDER_QUEUE, policy: 'short' as const, retryLimit: 5, retryDelay: 30, retryBackoff: true };
  const existing = await boss.getQueue(TASK_REMINDER_QUEUE);
  if (!existing) await boss.createQueue(TASK_REMINDER_QUEUE, queue);
  else if (existing.policy !== 'short') {
    // The policy of an existing queue cannot be changed in place: recreate it (its pending jobs are
    // rescheduled from the tasks table at every start-up by rescheduleReminders).
    await boss.deleteQueue(TASK_REMINDER_QUEUE);
    await boss.createQueue(TASK_REMINDER_QUEUE, queue);
  }
  await boss.work<ReminderJob>(TASK_REMINDER_QUEUE, { pollingIntervalSeconds: 1, batchSize: 20 }, async (jobs) => {
    for (const job of jobs) await handlers.onReminder(job.data);
  });
  return {
    async scheduleReminder(job, at) {
      // singletonKey: one pending reminder per task and due date, however often it is scheduled.
      await boss.send(TASK_REMINDER_QUEUE, job, { startAfter: at, singletonKey: `${job.taskId}@${job.dueAt}` });
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
