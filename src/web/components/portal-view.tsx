/**
 * A person's own page (or, for a caregiver, the page of someone they help) in plain words:
 * what they have been asked to fill in (their own page), their progress over time, their medicines, their details, their
 * care team and coordinator, and who has looked at the record.
 * Reading level: short sentences, common words (grade 6 or below).
 */
import type { ReactElement, ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { AccessEvent, Items, PatientDetail } from '../api-types';
import { isApiError } from '../api';
import { formatDate, formatLanguage, roleLabel } from '../format';
import { useApiData, usePageTitle } from '../hooks';
import { AccessHistoryPlain } from './access-history';
import { CaregiverConsents } from './caregiver-consents';
import { formatAddress } from './demographics';
import { MyMedicines } from './my-medicines';
import { MyPlan } from './my-plan';
import { MyProgress } from './my-progress';
import { NotAvailable } from './not-available';
import { ErrorNotice, Loading } from './status';
import { TodoList } from './todo-list';
import { MyAppointments } from './coverage/my-appointments';
import { CoordinatorContact } from './coordination/coordinator-contact';
import { MyReferrals } from './coordination/my-referrals';

function Detail({ term, children }: { term: string; children: ReactNode }): ReactElement {
  return (
    <div className="facts-row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function missing(value: string | null): ReactNode {
  return value === null || value === '' ? <span className="muted">Not on file</span> : value;
}

function History({ patientId, own }: { patientId: string; own: boolean }): ReactElement {
  const { state } = useApiData<Items<AccessEvent>>(`/api/v1/patients/${patientId}/access-history?limit=50`);
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{own ? 'Who has looked at my record' : 'Who has looked at this record'}</h2>
      <p>Each time someone opens {own ? 'your' : 'this'} record, we write it down. No one can change this list.</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' &&
        (isApiError(state.error) && state.error.status === 403 ? (
          <p className="muted">This list is not shared with you.</p>
        ) : (
          <ErrorNotice error={state.error} title="We could not load this list. Please try again later." />
        ))}
      {state.status === 'ready' && <AccessHistoryPlain events={state.data.items} ownRecord={own} />}
    </section>
  );
}

function View({ p, own }: { p: PatientDetail; own: boolean }): ReactElement {
  const first = p.preferredName !== null && p.preferredName !== '' ? p.preferredName : p.givenName;
  usePageTitle(own ? 'My page' : `${first} ${p.familyName}`);
  const your = own ? 'Your' : 'Their';
  return (
    <>
      <h1>{own ? `Hello, ${first}` : `${first} ${p.familyName}`}</h1>
      <p className="lead">
        {own
          ? 'This is your page. Here you can see your details and the people who care for you.'
          : `You are helping ${first}. Here is what ${first} chose to share with you.`}
      </p>

      <CoordinatorContact coordinator={p.coordinator} audience={own ? 'self' : 'caregiver'} />
      {own && <TodoList />}
      {own && <MyPlan patientId={p.id} />}
      {own && <MyProgress patientId={p.id} />}
      {own && (
        <section className="card" aria-labelledby="agreement-title">
          <h2 id="agreement-title">Your treatment agreement</h2>
          <p>
            <Link to="/me/agreement">Read your agreement, ask a question, or sign</Link>
          </p>
        </section>
      )}
      <MyMedicines patientId={p.id} own={own} />
      <MyAppointments patientId={p.id} own={own} />

      <MyReferrals patientId={p.id} own={own} />

      <section className="card" aria-labelledby="team-title">
        <h2 id="team-title">{your} care team</h2>
        {p.coordinator !== null ? (
          <div className="callout">
            <p>
              <strong>{p.coordinator.displayName}</strong> is {own ? 'your' : 'their'} care coordinator. This is the
              one person to ask about visits, waits, insurance and forms.
            </p>
            {p.coordinator.email !== null && (
              <p>
                Email: <a href={`mailto:${p.coordinator.email}`}>{p.coordinator.email}</a>
              </p>
            )}
          </div>
        ) : (
          <p>{own ? 'You do not' : 'They do not'} have a care coordinator yet. Ask the clinic who to contact.</p>
        )}
        {p.careTeam !== null && p.careTeam.members.length > 0 && (
          <>
            <p>The people on {own ? 'your' : 'their'} team:</p>
            <ul className="member-list">
              {p.careTeam.members.map((m) => (
                <li key={m.id}>
                  <span>{m.displayName}</span> <span className="muted">{roleLabel(m.role)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title">{your} details</h2>
        <dl className="facts">
          <Detail term="Name we use">{first}</Detail>
          <Detail term="Full name">
            {p.givenName} {p.familyName}
          </Detail>
          <Detail term="Pronouns">{missing(p.pronouns)}</Detail>
          <Detail term="Birthday">{formatDate(p.birthDate)}</Detail>
          <Detail term="Language">
            {formatLanguage(p.preferredLanguage)}
            {p.interpreterNeeded ? (own ? '. We will have an interpreter for you.' : '. We will have an interpreter.') : ''}
          </Detail>
          <Detail term="Phone">{missing(p.phone)}</Detail>
          <Detail term="Email">{missing(p.email)}</Detail>
          <Detail term="Address">{missing(formatAddress(p))}</Detail>
          <Detail term="Insurance">{missing(p.payer)}</Detail>
        </dl>
        <p>Is something wrong or out of date? Tell {p.coordinator?.displayName ?? 'your care team'} and they will fix it.</p>
      </section>

      {own && <CaregiverConsents patientId={p.id} />}
      <History patientId={p.id} own={own} />
    </>
  );
}

function NotShared(): ReactElement {
  usePageTitle('Not shared with you');
  return (
    <>
      <h1>Not shared with you</h1>
      <p>This person has not shared these details with you right now.</p>
      <p>They can change what they share at any time. Ask them, or their care team, if you need it.</p>
    </>
  );
}

export function PortalView({ patientId, own }: { patientId: string; own: boolean }): ReactElement {
  const { state, reload } = useApiData<PatientDetail>(`/api/v1/patients/${encodeURIComponent(patientId)}`);
  if (state.status === 'loading') return <Loading label="Opening your page…" />;
  if (state.status === 'error') {
    const code = isApiError(state.error) ? state.error.code : '';
    if (code === 'access.scope-not-consented' || code === 'access.no-consent') return <NotShared />;
    if (isApiError(state.error) && (state.error.status === 403 || state.error.status === 404)) {
      return <NotAvailable error={state.error} />;
    }
    return (
      <>
        <h1>We could not open this page</h1>
        <ErrorNotice error={state.error} />
        <button type="button" className="button" onClick={reload}>
          Try again
        </button>
      </>
    );
  }
  return <View p={state.data} own={own} />;
}
