/**
 * /me and /me/:patientId for patients and caregivers. A patient sees their own page. A caregiver sees the
 * people who chose to share with them, and opens one to see what was shared.
 */
import type { ReactElement } from 'react';
import { Link, Navigate, useParams } from 'react-router-dom';
import type { Items, MyPatient } from '../api-types';
import { PortalView } from '../components/portal-view';
import { ErrorNotice, Loading } from '../components/status';
import { displayName, humanize } from '../format';
import { useApiData, usePageTitle } from '../hooks';
import { useUser } from '../session';

const SCOPE_WORDS: Record<string, string> = {
  demographics: 'contact details',
  appointments: 'visits',
  'check-ins': 'check-ins',
  checkins: 'check-ins',
  medications: 'medicines',
  'medication-calendar': 'medicine calendar',
  messages: 'messages',
  goals: 'goals',
  plan: 'care plan',
  'care-plan': 'care plan',
};

function scopeWords(scopes: string[]): string {
  if (scopes.length === 0) return 'Nothing shared yet';
  return scopes.map((s) => SCOPE_WORDS[s] ?? humanize(s).toLowerCase()).join(', ');
}

function PeopleList({ items }: { items: MyPatient[] }): ReactElement {
  usePageTitle('My page');
  const user = useUser();
  const others = items.filter((i) => i.relationship === 'caregiver');
  return (
    <>
      <h1>Hello, {user.displayName}</h1>
      <p className="lead">These are the people who asked you to help with their care.</p>
      {others.length === 0 ? (
        <p>No one has shared their care with you yet. When they do, they will show up here.</p>
      ) : (
        <ul className="people-list">
          {others.map((p) => (
            <li key={p.id} className="card">
              <h2>
                <Link to={`/me/${p.id}`}>{displayName(p)}</Link>
              </h2>
              <p>They share: {scopeWords(p.scopes)}.</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function MyPeople(): ReactElement {
  const { state } = useApiData<Items<MyPatient>>('/api/v1/me/patients');
  usePageTitle('My page');
  if (state.status === 'loading') return <Loading label="Opening your page…" />;
  if (state.status === 'error') {
    return (
      <>
        <h1>My page</h1>
        <ErrorNotice error={state.error} title="We could not open your page. Please try again soon." />
      </>
    );
  }
  const self = state.data.items.find((i) => i.relationship === 'self');
  const caring = state.data.items.some((i) => i.relationship === 'caregiver');
  if (self !== undefined && !caring) return <PortalView patientId={self.id} own />;
  return <PeopleList items={state.data.items} />;
}

export function MePage(): ReactElement {
  const user = useUser();
  if (user.role === 'patient' && user.patientId !== null) return <PortalView patientId={user.patientId} own />;
  return <MyPeople />;
}

export function MePatientPage(): ReactElement {
  const { patientId = '' } = useParams();
  const user = useUser();
  if (patientId === user.patientId) return <Navigate to="/me" replace />;
  return (
    <>
      <p>
        <Link to="/me">Back to my page</Link>
      </p>
      <PortalView key={patientId} patientId={patientId} own={false} />
    </>
  );
}
