/**
 * "Before this visit" — the top of the staff patient page: the one-page pre-visit summary, where the
 * intake stands, and "Send the intake" (POST /patients/:id/intakes) one click from where the need is seen.
 */
import { useEffect, useState, type ReactElement } from 'react';
import { Link } from 'react-router-dom';
import { apiPost, isApiError } from '../api';
import { formatDateTime } from '../format';
import { useApiData } from '../hooks';
import type { Intake } from '../measures-types';
import { ErrorNotice, Loading, StatusMessage } from './status';

const STATUS_WORDS: Record<Intake['status'], string> = {
  sent: 'sent, not started yet',
  'in-progress': 'started, not sent back yet',
  submitted: 'filled in and sent back',
};

interface BeforeVisitProps {
  patientId: string;
  /** Told the intakes once loaded, so the assessment can show chronicity from the intake's onset. */
  onIntakes?: (items: Intake[]) => void;
}

export function BeforeVisit({ patientId, onIntakes }: BeforeVisitProps): ReactElement {
  const { state, replace } = useApiData<{ items: Intake[] }>(`/api/v1/patients/${encodeURIComponent(patientId)}/intakes`);
  useEffect(() => {
    if (state.status === 'ready') onIntakes?.(state.data.items);
  }, [state, onIntakes]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const items = state.status === 'ready' ? state.data.items : [];
  const latest = items[0];
  const open = items.find((i) => i.status !== 'submitted');

  async function sendIntake(): Promise<void> {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      const created = await apiPost<Intake>(`/api/v1/patients/${encodeURIComponent(patientId)}/intakes`, {});
      replace({ items: [created, ...items] });
      setStatus('Intake sent. The patient sees it on their to-do list.');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card card--lead" aria-labelledby="before-visit-title">
      <div className="section-heading">
        <h2 id="before-visit-title">Before this visit</h2>
        <Link to={`/patients/${patientId}/summary`} className="button">
          Open the pre-visit summary
        </Link>
      </div>
      <p className="muted">Safety items and red flags first, then the story, scores, goals and what was tried — on one page.</p>
      {state.status === 'loading' && <Loading label="Loading the intake…" />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load the intake." />}
      {state.status === 'ready' && (
        <p>
          {latest === undefined
            ? 'No intake sent yet.'
            : `Intake ${STATUS_WORDS[latest.status]} (sent ${formatDateTime(latest.sentAt)}${latest.submittedAt !== null ? `, sent back ${formatDateTime(latest.submittedAt)}` : ''}).`}
        </p>
      )}
      <StatusMessage>{status}</StatusMessage>
      {error !== null && (
        <ErrorNotice
          error={error}
          title={isApiError(error) && error.code === 'intake.already-open' ? 'This patient already has an intake to finish.' : 'We could not send the intake.'}
          hideMessage={isApiError(error) && error.code === 'intake.already-open'}
          focus
        />
      )}
      {state.status === 'ready' && open === undefined && (
        <button type="button" className="button button--secondary" onClick={() => void sendIntake()} disabled={busy}>
          {busy ? 'Sending…' : 'Send the intake'}
        </button>
      )}
    </section>
  );
}
