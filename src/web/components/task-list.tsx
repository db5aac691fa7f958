/**
 * A list of tasks with one-click Start and Mark done. Writes use If-Match with the task's version; when
 * someone else changed the task first, the list is reloaded and the person is told why.
 */
import { useState, type ReactElement } from 'react';
import { Link } from 'react-router-dom';
import type { Task, TaskStatus } from '../api-types';
import { apiPatch, etagFor, isApiError } from '../api';
import { formatDateTime, humanize } from '../format';
import { ErrorNotice, StatusMessage } from './status';

const PRIORITY_LABELS: Record<Task['priority'], string> = {
  urgent: 'Urgent',
  high: 'High priority',
  routine: 'Routine',
  low: 'Low priority',
};

const STATUS_LABELS: Record<TaskStatus, string> = {
  open: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};

interface TaskListProps {
  tasks: Task[];
  /** Show which patient each task is about (inbox); not needed on a patient's own page. */
  showPatient: boolean;
  onUpdated: (task: Task) => void;
  onStale: () => void;
  emptyText: string;
}

export function TaskList({ tasks, showPatient, onUpdated, onStale, emptyText }: TaskListProps): ReactElement {
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');

  async function change(task: Task, next: TaskStatus): Promise<void> {
    setBusyId(task.id);
    setError(null);
    setStatus('');
    try {
      const { data } = await apiPatch<Task>(`/api/v1/tasks/${task.id}`, { status: next }, etagFor(task.version));
      onUpdated(data);
      setStatus(`“${task.title}” is now ${STATUS_LABELS[next].toLowerCase()}.`);
    } catch (err) {
      setError(err);
      if (isApiError(err) && err.code === 'conflict.stale-version') onStale();
    } finally {
      setBusyId(null);
    }
  }

  const staleTitle =
    isApiError(error) && error.code === 'conflict.stale-version'
      ? 'Someone else changed this task. We loaded the latest version; check it and try again.'
      : 'We could not update the task.';

  return (
    <div>
      <StatusMessage>{status}</StatusMessage>
      {error !== null && (
        <ErrorNotice error={error} title={staleTitle} focus hideMessage={isApiError(error) && error.code === 'conflict.stale-version'} />
      )}
      {tasks.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <ul className="task-list">
          {tasks.map((t) => (
            <li key={t.id} className={t.overdue ? 'task task--overdue' : 'task'}>
              <div className="task-main">
                <p className="task-title">
                  {t.overdue && <span className="tag tag--warning">Overdue</span>}
                  {(t.priority === 'urgent' || t.priority === 'high') && (
                    <span className="tag tag--priority">{PRIORITY_LABELS[t.priority]}</span>
                  )}
                  <strong>{t.title}</strong>
                </p>
                {showPatient && t.patientId !== null && (
                  <p>
                    For <Link to={`/patients/${t.patientId}`}>{t.patientName ?? 'this patient'}</Link>
                  </p>
                )}
                {t.details !== null && t.details !== '' && <p>{t.details}</p>}
                <p className="task-meta">
                  <span>{STATUS_LABELS[t.status]}</span>
                  {t.dueAt !== null && <span>Due {formatDateTime(t.dueAt)}</span>}
                  <span>
                    {t.assigneeName !== null ? `Assigned to ${t.assigneeName}` : t.careTeamName !== null ? `For ${t.careTeamName}` : 'Not assigned yet'}
                  </span>
                  <span>{humanize(t.type)}</span>
                </p>
              </div>
              {(t.status === 'open' || t.status === 'in_progress') && (
                <div className="task-actions">
                  {t.status === 'open' && (
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={busyId === t.id}
                      onClick={() => void change(t, 'in_progress')}
                    >
                      Start<span className="visually-hidden"> ({t.title})</span>
                    </button>
                  )}
                  <button type="button" className="button" disabled={busyId === t.id} onClick={() => void change(t, 'done')}>
                    Mark done<span className="visually-hidden"> ({t.title})</span>
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
