/**
 * "My progress" on the patient's own page: their PEG (pain and life) and PSFS (things they want to do
 * again) over time, in plain words, so the effort of answering feels worth it.
 */
import type { ReactElement } from 'react';
import { isApiError } from '../api';
import { useApiData } from '../hooks';
import type { Measures } from '../measures-types';
import { ChartsLoading, LazyMeasureChart as MeasureChart } from './measure-chart-lazy';
import { ErrorNotice, Loading } from './status';

const SHOWN = ['peg', 'psfs'] as const;

export function MyProgress({ patientId }: { patientId: string }): ReactElement {
  const { state } = useApiData<Measures>(`/api/v1/patients/${encodeURIComponent(patientId)}/measures`);
  return (
    <section className="card" aria-labelledby="progress-title">
      <h2 id="progress-title">My progress</h2>
      {state.status === 'loading' && <Loading label="Loading your progress…" />}
      {state.status === 'error' &&
        (isApiError(state.error) && state.error.status === 403 ? (
          <p className="muted">Your progress is not shared here.</p>
        ) : (
          <ErrorNotice error={state.error} title="We could not load your progress. Please try again later." />
        ))}
      {state.status === 'ready' &&
        (() => {
          const series = SHOWN.map((id) => state.data.series.find((s) => s.instrumentId === id)).filter((s) => s !== undefined && s.points.some((p) => p.score.total !== null));
          if (series.length === 0) {
            return <p>When you answer questions from your care team, your scores will show here over time.</p>;
          }
          return (
            <ChartsLoading>
              <p>Each dot is a time you answered. Tap a dot to see its score and date.</p>
              {series.map((s) => {
                if (s === undefined) return null;
                const latest = [...s.points].reverse().find((p) => p.score.total !== null);
                const activities = s.instrumentId === 'psfs' ? (latest?.score.activities ?? []) : [];
                return (
                  <div key={s.instrumentId} className="progress-item">
                    <MeasureChart series={s} audience="patient" />
                    {activities.length > 0 && (
                      <>
                        <h4 className="activities-title">Your activities the last time (0 = cannot do it, 10 = as well as before)</h4>
                        <ul className="activity-scores">
                          {activities.map((a) => (
                            <li key={a.name}>
                              {a.name}: <strong>{a.score} of 10</strong>
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                  </div>
                );
              })}
            </ChartsLoading>
          );
        })()}
    </section>
  );
}
