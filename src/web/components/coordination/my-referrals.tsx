/**
 * The portal's referrals in plain words (reading grade 6 or below): where the person was sent, where it is
 * now, and their bridge plan — what to do until the service starts, and when to call.
 */
import type { ReactElement } from 'react';
import { isApiError } from '../../api';
import type { Referral, ReferralList } from '../../coordination-types';
import { formatDate } from '../../format';
import { useApiData } from '../../hooks';
import { ErrorNotice, Loading } from '../status';
import { BridgePlanView } from './bridge-plan-view';

function plainStatus(r: Referral): string {
  switch (r.status) {
    case 'sent':
      return `We sent your referral on ${formatDate(r.sentDate)}. We are waiting for them to say yes.`;
    case 'accepted':
      return 'They said yes. We are waiting for them to give you a date.';
    case 'scheduled':
      return `Your first visit is on ${formatDate(r.appointmentDate)}.`;
    case 'seen':
      return 'You had your first visit. We are waiting for their notes.';
    case 'report-received':
      return 'We have their notes. Your team will talk with you about next steps.';
    case 'declined':
      return 'This referral did not go ahead. Your coordinator will talk with you about other choices.';
    default:
      return r.statusLabel;
  }
}

export function MyReferrals({ patientId, own }: { patientId: string; own: boolean }): ReactElement | null {
  const { state } = useApiData<ReferralList>(`/api/v1/patients/${patientId}/referrals`);
  if (state.status === 'error' && isApiError(state.error) && state.error.status === 403) return null;
  return (
    <section className="card" aria-labelledby="my-referrals-title">
      <h2 id="my-referrals-title">{own ? 'Where we sent you' : 'Where they were sent'}</h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load this. Please try again later." />}
      {state.status === 'ready' && state.data.items.length === 0 && <p>{own ? 'You have no referrals right now.' : 'No referrals right now.'}</p>}
      {state.status === 'ready' &&
        state.data.items.map((r) => (
          <article key={r.id} className="referral" aria-labelledby={`my-ref-${r.id}`}>
            <h3 id={`my-ref-${r.id}`}>{r.serviceLabel}</h3>
            <p>{plainStatus(r)}</p>
            {r.open && r.expectedWaitDays !== null && r.status !== 'scheduled' && r.status !== 'seen' && <p>The wait is often about {Math.max(1, Math.round(r.expectedWaitDays / 7))} week{Math.round(r.expectedWaitDays / 7) === 1 ? '' : 's'}.</p>}
            {r.open && r.bridgePlan !== null && <BridgePlanView plan={r.bridgePlan} serviceLabel={r.serviceLabel} />}
          </article>
        ))}
    </section>
  );
}
