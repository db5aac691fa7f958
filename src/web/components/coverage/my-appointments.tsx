/** The portal's upcoming visits, in plain words, with "Add to my calendar" (the ICS file). */
import type { ReactElement } from 'react';
import type { AppointmentList } from '../../coverage-types';
import { formatDateTime } from '../../format';
import { useApiData } from '../../hooks';
import { ErrorNotice, Loading } from '../status';

export function MyAppointments({ patientId, own }: { patientId: string; own: boolean }): ReactElement | null {
  const { state } = useApiData<AppointmentList>(`/api/v1/patients/${encodeURIComponent(patientId)}/appointments`);
  if (state.status === 'error' && state.error.status === 403) return null;
  const upcoming = state.status === 'ready' ? state.data.items.filter((a) => a.status === 'booked' && new Date(a.startsAt).getTime() >= Date.now()) : [];
  return (
    <section className="card" aria-labelledby="my-visits-title">
      <h2 id="my-visits-title">{own ? 'Your next visits' : 'Their next visits'}</h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load the visits. Please try again later." />}
      {state.status === 'ready' &&
        (upcoming.length === 0 ? (
          <p>No visits are booked.</p>
        ) : (
          <ul className="appointment-list">
            {upcoming.map((a) => (
              <li key={a.id}>
                <strong>{a.visitLabel}</strong> with {a.providerName}
                <br />
                {formatDateTime(a.startsAt)}, {a.durationMinutes} minutes
                <br />
                {a.telehealth ? 'By video (telehealth). We send the link before the visit.' : `At ${a.location ?? 'the clinic'}`}
              </li>
            ))}
          </ul>
        ))}
      {state.status === 'ready' && upcoming.length > 0 && (
        <p>
          <a className="button" href={`/api/v1/patients/${encodeURIComponent(patientId)}/appointments.ics`} download="painpath-appointments.ics">
            Add to my calendar
          </a>
        </p>
      )}
    </section>
  );
}
