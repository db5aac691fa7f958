/** A note for one patient at the huddle, with decisions that become tasks with owners. */
import { useState, type FormEvent, type ReactElement } from 'react';
import { apiPost, fieldErrors } from '../../api';
import type { StaffMember } from '../../coordination-types';
import { roleLabel } from '../../format';
import { SelectField, TextArea, TextField } from '../form-field';
import { ErrorNotice } from '../status';

interface Decision {
  text: string;
  assigneeUserId: string;
  dueDate: string;
}

interface Props {
  huddleId: string;
  patient: { id: string; name: string };
  staff: StaffMember[];
  defaultOwnerId: string;
  onSaved: () => void;
}

export function HuddleNoteForm({ huddleId, patient, staff, defaultOwnerId, onSaved }: Props): ReactElement {
  const [note, setNote] = useState('');
  const [decisions, setDecisions] = useState<Decision[]>([{ text: '', assigneeUserId: defaultOwnerId, dueDate: '' }]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const byField = fieldErrors(error, ['note', 'decisions']);
  const set = (i: number, patch: Partial<Decision>): void => setDecisions((all) => all.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  async function submit(e: FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body = {
      patientId: patient.id,
      note,
      decisions: decisions.filter((d) => d.text.trim() !== '').map((d) => ({ text: d.text.trim(), assigneeUserId: d.assigneeUserId, dueDate: d.dueDate === '' ? null : d.dueDate })),
    };
    try {
      await apiPost(`/api/v1/huddles/${huddleId}/notes`, body);
      setNote('');
      setDecisions([{ text: '', assigneeUserId: defaultOwnerId, dueDate: '' }]);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const owners = staff.map((s) => ({ value: s.id, label: `${s.displayName} (${roleLabel(s.role)})` }));
  return (
    <form className="form form--panel" onSubmit={(e) => void submit(e)} aria-label={`Huddle note for ${patient.name}`} noValidate>
      {error !== null && <ErrorNotice error={error} title="We could not save the note." extra={[...(byField[''] ?? []), ...(byField.decisions ?? [])]} focus />}
      <TextArea label={`Note for ${patient.name}`} name="note" value={note} onChange={setNote} errors={byField.note} rows={3} required />
      {decisions.map((d, i) => (
        <fieldset key={i} className="decision-row">
          <legend>Decision {i + 1} (becomes a task)</legend>
          <TextField label="What was decided" name={`decision-${i}`} value={d.text} onChange={(v) => set(i, { text: v })} />
          <SelectField label="Owner" name={`owner-${i}`} value={d.assigneeUserId} onChange={(v) => set(i, { assigneeUserId: v })} options={owners} />
          <TextField label="Due (optional)" name={`due-${i}`} type="date" value={d.dueDate} onChange={(v) => set(i, { dueDate: v })} />
        </fieldset>
      ))}
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => setDecisions((all) => [...all, { text: '', assigneeUserId: defaultOwnerId, dueDate: '' }])}>
          Add another decision
        </button>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save note and tasks'}
        </button>
      </div>
    </form>
  );
}
