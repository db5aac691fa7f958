/**
 * "My medicines" in the portal: the person's active medicines in plain words (reading grade 6 or below),
 * what naloxone is for when it is on the list, and the next steps of a taper plan as the care team saved
 * it. A caregiver sees it only with the person's 'medications' consent; without it, a quiet line says so.
 * No MME and no risk review here: those are the care team's tools (the staff Medications page).
 */
import type { ReactElement } from 'react';
import { isApiError } from '../api';
import { formatDate } from '../format';
import { useApiData } from '../hooks';
import type { MyMedicine, MyMedicines as MyMedicinesData, MyTaperStep } from '../medications-types';
import { ErrorNotice, Loading } from './status';

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** One medicine as short sentences: the name, how to take it, when needed, who prescribed it and since when. */
function Medicine({ m }: { m: MyMedicine }): ReactElement {
  const who = m.prescriber !== null ? `Prescribed by ${m.prescriber}.` : '';
  const since = m.since !== null ? `Since ${formatDate(m.since)}.` : '';
  return (
    <li>
      <h3>{capitalise(m.name)}</h3>
      <p>{capitalise(m.directions)}.</p>
      {m.onlyWhenNeeded && (
        <p>
          <strong>Only when needed.</strong>
          {m.mostPerDay !== null && ` No more than ${m.mostPerDay} in a day.`}
        </p>
      )}
      {(who !== '' || since !== '') && <p className="muted">{[who, since].filter((x) => x !== '').join(' ')}</p>}
    </li>
  );
}

function TaperSteps({ startDate, steps, own }: { startDate: string; steps: MyTaperStep[]; own: boolean }): ReactElement {
  return (
    <>
      <h3 id="my-taper-title">{own ? 'Your plan to lower the dose' : 'Their plan to lower the dose'}</h3>
      <p>
        {own ? 'You and your care team' : 'They and their care team'} started this plan on {formatDate(startDate)}. Each step starts on the date
        shown. The amounts are for the whole day: {own ? 'your' : 'the'} prescription says which tablets to take, and when.{' '}
        {own ? 'If a step is hard, tell your team. You can pause.' : 'If a step is hard, they can tell their team and pause.'}
      </p>
      {steps.length === 0 ? (
        <p>No more steps are planned.</p>
      ) : (
        <ol className="plain-list" aria-labelledby="my-taper-title">
          {steps.map((s) => (
            <li key={`${s.startsOn}-${s.kind}`}>
              <p>
                <strong>{s.current ? `Now (since ${formatDate(s.startsOn)})` : `From ${formatDate(s.startsOn)}`}</strong>
              </p>
              <p>{s.words}</p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function Content({ data, own }: { data: MyMedicinesData; own: boolean }): ReactElement {
  if (data.medicines.length === 0 && data.taper === null) {
    return <p>{own ? 'No medicines are on your list.' : 'No medicines are on their list.'}</p>;
  }
  return (
    <>
      {data.medicines.length === 0 ? (
        <p>{own ? 'No medicines are on your list.' : 'No medicines are on their list.'}</p>
      ) : (
        <ul className="plain-list my-medicines">
          {data.medicines.map((m) => (
            <Medicine key={m.id} m={m} />
          ))}
        </ul>
      )}
      {data.naloxoneOnList && (
        <p className="callout">
          Naloxone is a rescue medicine. It can undo an opioid overdose while help is on the way.{' '}
          {own ? 'Keep it with you, and tell your family and friends where it is.' : 'Make sure you know where it is kept.'}
        </p>
      )}
      {data.taper !== null && <TaperSteps startDate={data.taper.startDate} steps={data.taper.steps} own={own} />}
    </>
  );
}

export function MyMedicines({ patientId, own }: { patientId: string; own: boolean }): ReactElement {
  const { state } = useApiData<MyMedicinesData>(`/api/v1/patients/${patientId}/my-medicines`);
  return (
    <section className="card" aria-labelledby="my-medicines-title">
      <h2 id="my-medicines-title">{own ? 'My medicines' : 'Their medicines'}</h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' &&
        (isApiError(state.error) && state.error.status === 403 ? (
          <p className="muted">This list is not shared with you.</p>
        ) : (
          <ErrorNotice error={state.error} title="We could not load this list. Please try again later." />
        ))}
      {state.status === 'ready' && (
        <>
          <Content data={state.data} own={own} />
          <p>If something here is wrong, tell {own ? 'your' : 'their'} care team.</p>
        </>
      )}
    </section>
  );
}
