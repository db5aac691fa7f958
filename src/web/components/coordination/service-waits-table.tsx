/** Each service's expected wait (entered and learned) with a form to enter the wait the service quotes now. */
import { useState, type FormEvent, type ReactElement } from 'react';
import { REFERRAL_SERVICES, SERVICE_LABELS, type ReferralService } from '../../../domain/referrals/services';
import { fieldErrors, request } from '../../api';
import type { ServiceWait } from '../../coordination-types';
import { useApiData } from '../../hooks';
import { SelectField, TextField } from '../form-field';
import { ErrorNotice, Loading, StatusMessage } from '../status';

export function ServiceWaitsTable(): ReactElement {
  const { state, reload } = useApiData<{ items: ServiceWait[] }>('/api/v1/service-waits');
  const [service, setService] = useState<ReferralService>('physical-therapy');
  const [days, setDays] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const byField = fieldErrors(error, ['waitDays', 'note']);

  async function submit(e: FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    setError(null);
    const n = Number(days);
    try {
      await request('PUT', `/api/v1/service-waits/${service}`, { body: { waitDays: days.trim() === '' || !Number.isInteger(n) ? days : n, note: note.trim() === '' ? null : note.trim() } });
      setStatus(`${SERVICE_LABELS[service]}: wait of ${n} days saved.`);
      setDays('');
      setNote('');
      reload();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="card" aria-labelledby="waits-title">
      <h2 id="waits-title">Expected waits</h2>
      <p className="muted">The current wait is the one entered in the last 30 days, otherwise the median of the last 10 referrals that reached a first visit (at least 3).</p>
      <StatusMessage>{status}</StatusMessage>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load the waits." />}
      {state.status === 'ready' && (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption className="visually-hidden">Expected wait per service</caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Current</th>
                <th scope="col">Entered</th>
                <th scope="col">Learned</th>
              </tr>
            </thead>
            <tbody>
              {state.data.items.map((w) => (
                <tr key={w.service}>
                  <th scope="row">{w.label}</th>
                  <td data-label="Current">{w.current.days === null ? 'Not known' : `${w.current.days} days`}</td>
                  <td data-label="Entered">{w.entered === null ? '—' : `${w.entered.days} days${w.entered.note ? ` (${w.entered.note})` : ''}`}</td>
                  <td data-label="Learned">{w.learned.days === null ? `— (${w.learned.samples} with a visit)` : `${w.learned.days} days (${w.learned.samples} referrals)`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="inline-form coord-form" onSubmit={(e) => void submit(e)} aria-label="Enter a service wait" noValidate>
        {error !== null && <ErrorNotice error={error} title="We could not save the wait." extra={byField[''] ?? []} />}
        <SelectField label="Service" name="service" value={service} onChange={(v) => setService(v as ReferralService)} options={REFERRAL_SERVICES.map((s) => ({ value: s, label: SERVICE_LABELS[s] }))} />
        <TextField label="Wait in days" name="waitDays" value={days} onChange={setDays} inputMode="numeric" errors={byField.waitDays} />
        <TextField label="Note (optional)" name="note" value={note} onChange={setNote} errors={byField.note} />
        <button type="submit" className="button button--secondary">
          Save wait
        </button>
      </form>
    </section>
  );
}
