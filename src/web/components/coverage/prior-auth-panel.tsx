/** Prior authorisations: their state and dated history, a new request, and the transitions allowed next. */
import { useState, type FormEvent, type ReactElement } from 'react';
import { apiPost, etagFor, fieldErrors, request } from '../../api';
import type { PatientCoverageView, PriorAuthView } from '../../coverage-types';
import { formatDate, humanize } from '../../format';
import { SelectField, TextArea, TextField } from '../form-field';
import { ErrorNotice, StatusMessage } from '../status';
import { SERVICE_OPTIONS, serviceName } from './reasons';

const ACTION_LABEL: Record<string, string> = { approved: 'Record approval', denied: 'Record denial', appealed: 'Record appeal' };

function Transition({ auth, to, today, onDone }: { auth: PriorAuthView; to: string; today: string; onDone: (message: string) => void }): ReactElement {
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [units, setUnits] = useState('');
  const [startDate, setStartDate] = useState(today);
  const [endDate, setEndDate] = useState('');
  const [docTitle, setDocTitle] = useState('');
  const [docRef, setDocRef] = useState('');
  const [error, setError] = useState<unknown>(null);
  const byField = fieldErrors(error, ['date', 'note', 'authorisedUnits', 'startDate', 'endDate', 'to', 'documents']);
  const label = ACTION_LABEL[to] ?? humanize(to);

  async function submit(e: FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    setError(null);
    const body: Record<string, unknown> = { to, date, note: note.trim() || null };
    if (to === 'approved') Object.assign(body, { authorisedUnits: units === '' ? null : Number(units), startDate, endDate: endDate || null });
    if (docTitle.trim() !== '' && docRef.trim() !== '') body.documents = [{ title: docTitle.trim(), reference: docRef.trim() }];
    try {
      await request('POST', `/api/v1/prior-authorisations/${auth.id}/transitions`, { body, headers: { 'if-match': etagFor(auth.version) } });
      setOpen(false);
      onDone(`Authorisation for ${serviceName(auth.service).toLowerCase()}: ${to}.`);
    } catch (err) {
      setError(err);
    }
  }

  if (!open) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  return (
    <form className="form form--panel" onSubmit={(e) => void submit(e)} noValidate aria-label={label}>
      <h4>{label}</h4>
      {error !== null && <ErrorNotice error={error} title="We could not record this step." extra={byField[''] ?? []} />}
      <TextField label="Date" name="date" type="date" value={date} onChange={setDate} errors={byField.date} />
      {to === 'approved' && (
        <>
          <TextField label="Authorised visits" name="authorisedUnits" inputMode="numeric" value={units} onChange={setUnits} errors={byField.authorisedUnits} />
          <TextField label="First covered date" name="startDate" type="date" value={startDate} onChange={setStartDate} errors={byField.startDate} />
          <TextField label="Last covered date" name="endDate" type="date" value={endDate} onChange={setEndDate} errors={byField.endDate} />
        </>
      )}
      <TextArea label={to === 'denied' ? 'Reason the payer gave' : 'Note (optional)'} name="note" value={note} onChange={setNote} rows={2} errors={byField.note} />
      <TextField label="Document title (optional)" name="docTitle" value={docTitle} onChange={setDocTitle} />
      <TextField label="Document reference (optional)" name="docRef" value={docRef} onChange={setDocRef} hint="A reference number, file name or link." errors={byField.documents} />
      <div className="button-row">
        <button type="submit" className="button">
          Save
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function NewRequest({ patientId, view, onDone }: { patientId: string; view: PatientCoverageView; onDone: (message: string) => void }): ReactElement {
  const [service, setService] = useState('physical-therapy');
  const [date, setDate] = useState(view.asOf);
  const [units, setUnits] = useState('');
  const [reference, setReference] = useState('');
  const [error, setError] = useState<unknown>(null);
  const byField = fieldErrors(error, ['service', 'date', 'requestedUnits', 'reference', 'coverageId']);
  if (view.current === null) return <p className="muted">Record an active plan before requesting an authorisation.</p>;
  const coverageId = view.current.coverageId;

  async function submit(e: FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    setError(null);
    try {
      await apiPost(`/api/v1/patients/${patientId}/prior-authorisations`, { coverageId, service, date, requestedUnits: units === '' ? null : Number(units), reference: reference.trim() || null });
      onDone(`Authorisation requested for ${serviceName(service).toLowerCase()}.`);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <details>
      <summary>Request an authorisation</summary>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Request an authorisation">
        {error !== null && <ErrorNotice error={error} title="We could not record the request." extra={byField[''] ?? []} />}
        <SelectField label="Service" name="service" value={service} onChange={setService} options={SERVICE_OPTIONS} errors={byField.service} />
        <TextField label="Date requested" name="date" type="date" value={date} onChange={setDate} errors={byField.date} />
        <TextField label="Visits requested (optional)" name="requestedUnits" inputMode="numeric" value={units} onChange={setUnits} errors={byField.requestedUnits} />
        <TextField label="Payer reference (optional)" name="reference" value={reference} onChange={setReference} errors={byField.reference} />
        <button type="submit" className="button">
          Record request
        </button>
      </form>
    </details>
  );
}

export function PriorAuthPanel({ patientId, view, onChanged }: { patientId: string; view: PatientCoverageView; onChanged: () => void }): ReactElement {
  const [status, setStatus] = useState('');
  const done = (message: string): void => {
    setStatus(message);
    onChanged();
  };
  return (
    <section className="card" aria-labelledby="auth-title">
      <h2 id="auth-title">Prior authorisations</h2>
      <StatusMessage>{status}</StatusMessage>
      {view.authorisations.length === 0 && <p>No authorisations recorded.</p>}
      <ul className="appointment-list">
        {view.authorisations.map((a) => (
          <li key={a.id}>
            <p>
              <strong>{serviceName(a.service)}</strong> <span className="tag">{humanize(a.status)}</span>
              {a.status === 'approved' && ` ${a.authorisedUnits ?? '?'} visits, ${formatDate(a.startDate)} to ${formatDate(a.endDate)}`}
              {a.reference !== null && <span className="muted"> · ref {a.reference}</span>}
            </p>
            <ol className="history-list" aria-label={`History of the ${serviceName(a.service).toLowerCase()} authorisation`}>
              {a.history.map((h, i) => (
                <li key={i}>
                  {formatDate(h.date)}: {humanize(h.status)} by {h.by}
                  {h.note !== null && ` — ${h.note}`}
                  {h.documents.length > 0 && ` (documents: ${h.documents.map((d) => `${d.title} [${d.reference}]`).join(', ')})`}
                </li>
              ))}
            </ol>
            <div className="button-row">
              {a.allowedNext.map((to) => (
                <Transition key={to} auth={a} to={to} today={view.asOf} onDone={done} />
              ))}
            </div>
          </li>
        ))}
      </ul>
      <NewRequest patientId={patientId} view={view} onDone={done} />
    </section>
  );
}
