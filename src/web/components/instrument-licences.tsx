/**
 * Admin → "Instrument licences": each questionnaire's licence note from GET /api/v1/instruments (the
 * server includes it for the clinic lead and administrator). Restricted ones — the STarT Back
 * commercial-use notice and the ORT permission note — are marked so the clinic lead can act on them.
 */
import type { ReactElement } from 'react';
import { useApiData } from '../hooks';
import type { Instrument } from '../measures-types';
import { ErrorNotice, Loading } from './status';

type Listed = Omit<Instrument, 'licence'> & { licence?: Instrument['licence'] };

export function InstrumentLicences(): ReactElement {
  const { state } = useApiData<{ items: Listed[] }>('/api/v1/instruments');
  const items = state.status === 'ready' ? [...state.data.items].sort((a, b) => Number(b.licence?.restricted ?? false) - Number(a.licence?.restricted ?? false)) : [];
  return (
    <section className="card" aria-labelledby="licences-title">
      <h2 id="licences-title">Instrument licences</h2>
      <p>What each questionnaire's owner asks of the clinic. Items marked “Needs action” need permission or a check before use.</p>
      {state.status === 'loading' && <Loading label="Loading licences…" />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load the licences." />}
      {state.status === 'ready' && (
        <ul className="plain-list licence-list">
          {items.map((i) => (
            <li key={i.id}>
              <p>
                {i.licence?.restricted === true && <span className="tag tag--warning">Needs action</span>}
                <strong>{i.title}</strong> <span className="muted">version {i.version}</span>
              </p>
              <p>{i.licence?.text ?? 'No licence note is shared with your role.'}</p>
              <p className="muted">Source: {i.source}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
