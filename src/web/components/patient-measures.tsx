/**
 * "Measures over time" on the staff patient page: one chart per instrument with each change labelled in
 * words, and "Send a questionnaire" (POST /patients/:id/instrument-requests) right beside them.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { INSTRUMENT_IDS, INSTRUMENTS, type InstrumentId } from '../../domain/measures/instruments';
import { apiPost, fieldErrors } from '../api';
import { useApiData } from '../hooks';
import type { InstrumentRequest, Measures } from '../measures-types';
import { SelectField } from './form-field';
import { ChartsLoading, LazyMeasureChart as MeasureChart } from './measure-chart-lazy';
import { ErrorNotice, Loading, StatusMessage } from './status';

function SendQuestionnaire({ patientId }: { patientId: string }): ReactElement {
  const [instrumentId, setInstrumentId] = useState<InstrumentId>('peg');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const byField = fieldErrors(error, ['instrumentId']);

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      const sent = await apiPost<InstrumentRequest>(`/api/v1/patients/${encodeURIComponent(patientId)}/instrument-requests`, { instrumentId });
      setStatus(`Sent: ${INSTRUMENTS[instrumentId].title}. The patient sees “${sent.patientTitle}” on their to-do list.`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="send-questionnaire" onSubmit={(e) => void handleSubmit(e)} aria-labelledby="send-q-title" noValidate>
      <h3 id="send-q-title">Send a questionnaire</h3>
      {error !== null && <ErrorNotice error={error} title="We could not send the questionnaire." extra={byField[''] ?? []} focus />}
      <div className="inline-form">
        <SelectField
          label="Questionnaire"
          name="instrumentId"
          value={instrumentId}
          onChange={(v) => setInstrumentId(v as InstrumentId)}
          options={INSTRUMENT_IDS.map((id) => ({ value: id, label: INSTRUMENTS[id].title }))}
          errors={byField.instrumentId}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Sending…' : 'Send to the patient'}
        </button>
      </div>
      <StatusMessage>{status}</StatusMessage>
    </form>
  );
}

export function PatientMeasures({ patientId }: { patientId: string }): ReactElement {
  const { state } = useApiData<Measures>(`/api/v1/patients/${encodeURIComponent(patientId)}/measures`);
  const series = state.status === 'ready' ? state.data.series.filter((s) => s.points.length > 0) : [];
  return (
    <section className="card" aria-labelledby="measures-title">
      <h2 id="measures-title">Measures over time</h2>
      <p className="muted">Each point is one completed questionnaire. Hover or tap a point for its date, source and the setting behind the change label.</p>
      {state.status === 'loading' && <Loading label="Loading measures…" />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load the measures." />}
      {state.status === 'ready' && series.length === 0 && <p>No questionnaires answered yet.</p>}
      {series.length > 0 && (
        <ChartsLoading>
          <div className="measure-grid">
            {series.map((s) => (
              <MeasureChart key={s.instrumentId} series={s} audience="staff" />
            ))}
          </div>
        </ChartsLoading>
      )}
      <SendQuestionnaire patientId={patientId} />
    </section>
  );
}
