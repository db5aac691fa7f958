/** "Add a task" for one patient: what, for whom on the care team, by when, how urgent. */
import { useState, type FormEvent, type ReactElement } from 'react';
import type { CareTeamMember, NewTask, Task, TaskPriority } from '../api-types';
import { apiPost, fieldErrors } from '../api';
import { dueAtFromDate, roleLabel } from '../format';
import { SelectField, TextField } from './form-field';
import { CheckedTextArea } from './language-checked-text-area';
import { ErrorNotice, StatusMessage } from './status';

const FIELDS = ['title', 'type', 'details', 'assigneeUserId', 'dueAt', 'priority', 'careTeamId', 'patientId'] as const;

interface AddTaskFormProps {
  patientId: string;
  careTeam: { id: string; members: CareTeamMember[] } | null;
  onCreated: (task: Task) => void;
}

interface Draft {
  title: string;
  type: NewTask['type'];
  details: string;
  assigneeUserId: string;
  dueDate: string;
  priority: TaskPriority;
}

const EMPTY: Draft = { title: '', type: 'general', details: '', assigneeUserId: '', dueDate: '', priority: 'routine' };

export function AddTaskForm({ patientId, careTeam, onCreated }: AddTaskFormProps): ReactElement {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const byField = fieldErrors(error, FIELDS);

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body: NewTask = { patientId, type: draft.type, title: draft.title.trim(), priority: draft.priority };
    if (draft.details.trim() !== '') body.details = draft.details.trim();
    if (draft.assigneeUserId !== '') body.assigneeUserId = draft.assigneeUserId;
    if (careTeam !== null) body.careTeamId = careTeam.id;
    if (draft.dueDate !== '') body.dueAt = dueAtFromDate(draft.dueDate);
    try {
      const task = await apiPost<Task>('/api/v1/tasks', body);
      onCreated(task);
      setDraft(EMPTY);
      setOpen(false);
      setStatus(`Task added: ${task.title}.`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const assigneeOptions = [
    { value: '', label: careTeam === null ? 'No one yet' : 'Anyone on the care team' },
    ...(careTeam?.members ?? []).map((m) => ({ value: m.id, label: `${m.displayName} (${roleLabel(m.role)})` })),
  ];
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <div className="add-task">
      <StatusMessage>{status}</StatusMessage>
      {!open ? (
        <button type="button" className="button button--secondary" onClick={() => { setOpen(true); setStatus(''); }}>
          Add a task
        </button>
      ) : (
        <form className="form form--panel" onSubmit={(e) => void handleSubmit(e)} aria-labelledby="add-task-title" noValidate>
          <h3 id="add-task-title">Add a task</h3>
          {error !== null && <ErrorNotice error={error} title="We could not add the task." extra={byField[''] ?? []} focus />}
          <TextField label="What needs doing" name="title" value={draft.title} onChange={set('title')} required errors={byField.title} />
          <SelectField
            label="Kind of task"
            name="type"
            value={draft.type}
            onChange={(v) => set('type')(v === 'follow-up' ? 'follow-up' : 'general')}
            options={[
              { value: 'general', label: 'General' },
              { value: 'follow-up', label: 'Follow-up' },
            ]}
            errors={byField.type}
          />
          <CheckedTextArea label="Details (optional)" name="details" value={draft.details} onChange={set('details')} rows={3} errors={byField.details} />
          <SelectField
            label="Who should do it"
            name="assigneeUserId"
            value={draft.assigneeUserId}
            onChange={set('assigneeUserId')}
            options={assigneeOptions}
            errors={byField.assigneeUserId}
          />
          <TextField label="Due date (optional)" name="dueAt" type="date" value={draft.dueDate} onChange={set('dueDate')} errors={byField.dueAt} />
          <SelectField
            label="Priority"
            name="priority"
            value={draft.priority}
            onChange={(v) => set('priority')(v as TaskPriority)}
            options={[
              { value: 'low', label: 'Low' },
              { value: 'routine', label: 'Routine' },
              { value: 'high', label: 'High' },
              { value: 'urgent', label: 'Urgent' },
            ]}
            errors={byField.priority}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={busy}>
              {busy ? 'Adding…' : 'Add task'}
            </button>
            <button type="button" className="button button--secondary" onClick={() => { setOpen(false); setError(null); }}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
