/**
 * /huddle: the team's case conference. Patients due for discussion (safety items, overdue referral steps,
 * long waits, care-plan plateaus, open concerns), a session with notes per patient, and decisions turned
 * into tasks with owners. A concern's own words stay on the patient page; the list gives its kind and age.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { Link } from 'react-router-dom';
import { apiPost, fieldErrors } from '../api';
import { HuddleNoteForm } from '../components/coordination/huddle-note-form';
import { localToday } from '../components/coordination/dates';
import { TextField } from '../components/form-field';
import { ErrorNotice, Loading } from '../components/status';
import type { DiscussionReasonKind } from '../../domain/case-conference/selection';
import type { Huddle, HuddleDetail, HuddleDue, StaffMember } from '../coordination-types';
import { formatDate, formatDatesInText, formatDateTime } from '../format';
import { useApiData, usePageTitle } from '../hooks';
import { useUser } from '../session';
import '../coordination.css';

/** Plain labels for each reason kind (DiscussionReasonKind in src/domain/case-conference/selection.ts). */
const REASON_LABELS: Record<DiscussionReasonKind, string> = {
  safety: 'Safety',
  'overdue-referral': 'Overdue referral',
  'long-wait': 'Long wait',
  plateau: 'Progress levelled off',
  concern: 'Open concern',
};
const isReasonKind = (kind: string): kind is DiscussionReasonKind => Object.hasOwn(REASON_LABELS, kind);

function StartHuddle({ onStarted }: { onStarted: (h: Huddle) => void }): ReactElement {
  const [title, setTitle] = useState('Team huddle');
  const [heldOn, setHeldOn] = useState(localToday());
  const [error, setError] = useState<unknown>(null);
  const byField = fieldErrors(error, ['title', 'heldOn']);
  async function submit(e: FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    setError(null);
    try {
      onStarted(await apiPost<Huddle>('/api/v1/huddles', { title, heldOn }));
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="inline-form coord-form" onSubmit={(e) => void submit(e)} aria-label="Start a huddle" noValidate>
      {error !== null && <ErrorNotice error={error} title="We could not start the huddle." extra={byField[''] ?? []} />}
      <TextField label="Huddle name" name="title" value={title} onChange={setTitle} errors={byField.title} />
      <TextField label="Date" name="heldOn" type="date" value={heldOn} onChange={setHeldOn} errors={byField.heldOn} />
      <button type="submit" className="button">
        Start huddle
      </button>
    </form>
  );
}

export function HuddlePage(): ReactElement {
  usePageTitle('Huddle');
  const user = useUser();
  const due = useApiData<HuddleDue>('/api/v1/huddle/due');
  const huddles = useApiData<{ items: Huddle[] }>('/api/v1/huddles');
  const staff = useApiData<{ items: StaffMember[] }>('/api/v1/huddle/staff');
  const [current, setCurrent] = useState<Huddle | null>(null);
  const latest = huddles.state.status === 'ready' ? (huddles.state.data.items[0] ?? null) : null;
  const huddle = current ?? latest;
  const detail = useApiData<HuddleDetail>(huddle === null ? null : `/api/v1/huddles/${huddle.id}`);
  const [openFor, setOpenFor] = useState<string | null>(null);
  const staffList = staff.state.status === 'ready' ? staff.state.data.items : [];

  return (
    <>
      <h1>Huddle</h1>
      <p className="lead">Patients due for discussion, notes, and decisions that become tasks with owners.</p>
      <section className="card" aria-labelledby="session-title">
        <h2 id="session-title">{huddle === null ? 'No huddle yet' : `${huddle.title}, ${formatDate(huddle.heldOn)}`}</h2>
        <StartHuddle onStarted={(h) => { setCurrent(h); huddles.reload(); }} />
      </section>

      <section className="card" aria-labelledby="due-title">
        <h2 id="due-title">Due for discussion</h2>
        {due.state.status === 'loading' && <Loading />}
        {due.state.status === 'error' && <ErrorNotice error={due.state.error} title="We could not load who is due." />}
        {due.state.status === 'ready' && (
          <>
            <p className="muted">From: {due.state.data.sources.join(', ')} ({due.state.data.setting}). Open the patient to read a concern in full.</p>
            {due.state.data.items.length === 0 && <p>No one is due for discussion.</p>}
            <ul className="waiting-list">
              {due.state.data.items.map((d) => (
                <li key={d.patientId}>
                  <p>
                    <Link to={`/patients/${d.patientId}`}>{d.patient.name}</Link> <span className="muted">MRN {d.patient.mrn}</span>
                    {d.lastDiscussed !== null && <span className="muted"> · last discussed {formatDate(d.lastDiscussed)}</span>}
                  </p>
                  <ul className="plain-list">
                    {d.reasons.map((r) => (
                      <li key={`${r.kind}-${r.detail}`}>
                        <span className={r.kind === 'safety' ? 'tag tag--warning' : 'tag'}>{isReasonKind(r.kind) ? REASON_LABELS[r.kind] : r.kind}</span> {formatDatesInText(r.detail)}
                      </li>
                    ))}
                  </ul>
                  {huddle !== null && openFor !== d.patientId && (
                    <button type="button" className="button button--secondary" onClick={() => setOpenFor(d.patientId)}>
                      Add a note<span className="visually-hidden"> for {d.patient.name}</span>
                    </button>
                  )}
                  {huddle !== null && openFor === d.patientId && (
                    <HuddleNoteForm huddleId={huddle.id} patient={d.patient} staff={staffList} defaultOwnerId={user.id} onSaved={() => { setOpenFor(null); detail.reload(); due.reload(); }} />
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {huddle !== null && (
        <section className="card" aria-labelledby="notes-title">
          <h2 id="notes-title">Notes and decisions</h2>
          {detail.state.status === 'loading' && <Loading />}
          {detail.state.status === 'error' && <ErrorNotice error={detail.state.error} title="We could not load the notes." />}
          {detail.state.status === 'ready' && detail.state.data.notes.length === 0 && <p className="muted">No notes yet.</p>}
          {detail.state.status === 'ready' &&
            detail.state.data.notes.map((n) => (
              <article key={n.id} className="referral">
                <h3>
                  <Link to={`/patients/${n.patient.id}`}>{n.patient.name}</Link> <span className="muted">{formatDateTime(n.createdAt)}</span>
                </h3>
                <p>{n.note}</p>
                {n.decisions.length > 0 && (
                  <ul className="plain-list">
                    {n.decisions.map((d) => (
                      <li key={d.taskId}>
                        <span className="tag">Task · {d.status}</span> {d.text} — {d.assigneeName ?? 'no owner'}
                        {d.dueAt !== null && `, due ${formatDate(d.dueAt.slice(0, 10))}`}
                      </li>
                    ))}
                  </ul>
                )}
              </article>
            ))}
        </section>
      )}
    </>
  );
}
