/** Appointments for the care team: list with coverage per booked visit, book, mark attended or cancel, ICS, bundling. */
import { useState, type FormEvent, type ReactElement } from 'react';
import { apiPost, etagFor, fieldErrors, request } from '../../api';
import type { AppointmentList, AppointmentView } from '../../coverage-types';
import { formatDate, formatDateTime, humanize } from '../../format';
import { useApiData } from '../../hooks';
import { Checkbox, SelectField, TextField } from '../form-field';
import { ErrorNotice, Loading, StatusMessage } from '../status';
import { ReasonList, SERVICE_OPTIONS } from './reasons';

function Item({ a, onChange }: { a: AppointmentView; onChange: (message: string) => void }): ReactElement {
  const [error, setError] = useState<unknown>(null);
  const past = new Date(a.startsAt).getTime() <= Date.now();
  async function setStatus(status: string): Promise<void> {
    setError(null);
    try {
      await request('PATCH', `/api/v1/appointments/${a.id}`, { body: { status }, headers: { 'if-match': etagFor(a.version) } });
      onChange(`${a.visitLabel} on ${formatDateTime(a.startsAt)}: ${humanize(status)}.`);
    } catch (err) {
      setError(err);
    }
  }
  const warnings = a.coverage?.issues.filter((i) => i.severity === 'warning') ?? [];
  return (
    <li>
      <p>
        <strong>{a.visitLabel}</strong> with {a.providerName} · {formatDateTime(a.startsAt)} · {a.durationMinutes} min · {a.telehealth ? 'Telehealth' : a.location}{' '}
        <span className="tag">{humanize(a.status)}</span>
      </p>
      {a.coverage !== null && (
        <div className={a.coverage.answer === 'covered' && warnings.length === 0 ? '' : 'coverage-warnings'}>
          <p>
            <strong>{a.coverage.answer === 'covered' ? 'Covered' : 'Not covered as booked'}</strong>
            {warnings.map((w) => ` — ${w.message}`)}
          </p>
          <details>
            <summary>Why</summary>
            <ReasonList reasons={a.coverage.reasons} />
          </details>
        </div>
      )}
      {error !== null && <ErrorNotice error={error} title="We could not change the visit." />}
      {a.status === 'booked' && (
        <div className="button-row">
          {past && (
            <button type="button" className="button button--secondary" onClick={() => void setStatus('attended')}>
              Mark attended
            </button>
          )}
          {past && (
            <button type="button" className="button button--secondary" onClick={() => void setStatus('no-show')}>
              Mark did not attend
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={() => void setStatus('cancelled')}>
            Cancel visit
          </button>
        </div>
      )}
    </li>
  );
}

function BookForm({ patientId, onBooked }: { patientId: string; onBooked: (a: AppointmentView) => void }): ReactElement {
  const [visitType, setVisitType] = useState('physical-therapy');
  const [providerName, setProvider] = useState('');
  const [telehealth, setTelehealth] = useState(false);
  const [location, setLocation] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('09:00');
  const [duration, setDuration] = useState('45');
  const [error, setError] = useState<unknown>(null);
  const byField = fieldErrors(error, ['visitType', 'providerName', 'location', 'startsAt', 'durationMinutes', 'telehealth']);
  async function submit(e: FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    setError(null);
    const startsAt = date === '' ? '' : new Date(`${date}T${time || '09:00'}`).toISOString();
    try {
      const a = await apiPost<AppointmentView>(`/api/v1/patients/${patientId}/appointments`, { visitType, providerName: providerName.trim(), telehealth, location: telehealth ? null : location.trim() || null, startsAt, durationMinutes: Number(duration) });
      onBooked(a);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <details>
      <summary>Book a visit</summary>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Book a visit">
        {error !== null && <ErrorNotice error={error} title="We could not book the visit." extra={byField[''] ?? []} />}
        <SelectField label="Kind of visit" name="visitType" value={visitType} onChange={setVisitType} options={SERVICE_OPTIONS} errors={byField.visitType} />
        <TextField label="With (provider)" name="providerName" value={providerName} onChange={setProvider} errors={byField.providerName} />
        <Checkbox label="Telehealth visit" name="telehealth" checked={telehealth} onChange={setTelehealth} />
        {!telehealth && <TextField label="Place" name="location" value={location} onChange={setLocation} errors={byField.location} />}
        <TextField label="Date" name="date" type="date" value={date} onChange={setDate} errors={byField.startsAt} />
        <TextField label="Time (clinic local time, 24-hour)" name="time" value={time} onChange={setTime} />
        <TextField label="Duration in minutes" name="durationMinutes" inputMode="numeric" value={duration} onChange={setDuration} errors={byField.durationMinutes} />
        <button type="submit" className="button">
          Book visit
        </button>
      </form>
    </details>
  );
}

export function AppointmentsPanel({ patientId, onChanged }: { patientId: string; onChanged: () => void }): ReactElement {
  const { state, reload } = useApiData<AppointmentList>(`/api/v1/patients/${patientId}/appointments`);
  const [status, setStatus] = useState('');
  const items = state.status === 'ready' ? state.data.items : [];
  const booked = items.filter((a) => a.status === 'booked');
  const others = items.filter((a) => a.status !== 'booked').reverse();
  const changed = (message: string): void => {
    setStatus(message);
    reload();
    onChanged();
  };
  return (
    <section className="card" aria-labelledby="appointments-title">
      <h2 id="appointments-title">Appointments</h2>
      <StatusMessage>{status}</StatusMessage>
      <p>
        <a className="button button--secondary" href={`/api/v1/patients/${patientId}/appointments.ics`} download="painpath-appointments.ics">
          Download calendar file (ICS)
        </a>
      </p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load the appointments." />}
      {state.status === 'ready' && (
        <>
          {state.data.bundling.length > 0 && (
            <div className="callout">
              <h3>Fewer trips: suggestions</h3>
              <ul>
                {state.data.bundling.map((b) => (
                  <li key={b.targetDate + b.moveIds.join()}>{b.message}</li>
                ))}
              </ul>
            </div>
          )}
          {state.data.items.length === 0 && <p>No appointments yet.</p>}
          <h3>Booked</h3>
          {booked.length === 0 ? (
            <p>No visits are booked.</p>
          ) : (
            <ul className="appointment-list">
              {booked.map((a) => (
                <Item key={a.id} a={a} onChange={changed} />
              ))}
            </ul>
          )}
          {others.length > 0 && (
            <details className="past-visits">
              <summary>Attended, missed and cancelled visits ({others.length})</summary>
              <ul className="appointment-list">
                {others.map((a) => (
                  <Item key={a.id} a={a} onChange={changed} />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      <BookForm patientId={patientId} onBooked={(a) => changed(`Booked: ${a.visitLabel} on ${formatDate(a.startsAt.slice(0, 10))}.`)} />
    </section>
  );
}
