/** The referrals section of the staff patient page: open and closed referrals, and "Send a referral". */
import { useState, type ReactElement } from 'react';
import type { Referral, ReferralList } from '../../coordination-types';
import { useApiData } from '../../hooks';
import { ErrorNotice, Loading, StatusMessage } from '../status';
import { ReferralCard } from './referral-card';
import { ReferralForm } from './referral-form';

export function ReferralsSection({ patientId }: { patientId: string }): ReactElement {
  const { state, replace } = useApiData<ReferralList>(`/api/v1/patients/${patientId}/referrals`);
  const [sending, setSending] = useState(false);
  const [status, setStatus] = useState('');
  const data = state.status === 'ready' ? state.data : null;
  const put = (r: Referral): void => {
    if (data === null) return;
    const exists = data.items.some((x) => x.id === r.id);
    replace({ ...data, items: exists ? data.items.map((x) => (x.id === r.id ? r : x)) : [r, ...data.items] });
  };

  return (
    <section className="card" id="referrals" aria-labelledby="referrals-title">
      <div className="section-heading">
        <h2 id="referrals-title">Referrals</h2>
        {!sending && (
          <button type="button" className="button button--secondary" onClick={() => { setSending(true); setStatus(''); }}>
            Send a referral
          </button>
        )}
      </div>
      <StatusMessage>{status}</StatusMessage>
      {sending && (
        <ReferralForm
          patientId={patientId}
          onCancel={() => setSending(false)}
          onSent={(r) => {
            put(r);
            setSending(false);
            setStatus(`Referral to ${r.serviceLabel.toLowerCase()} sent. A follow-up task is due ${r.step?.dueDate ?? ''}.`);
          }}
        />
      )}
      {state.status === 'loading' && <Loading label="Loading referrals…" />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load referrals." />}
      {data !== null && data.items.length === 0 && <p className="muted">No referrals yet.</p>}
      {data !== null && data.items.map((r) => <ReferralCard key={r.id} referral={r} onChanged={(x) => { put(x); setStatus(`${x.serviceLabel}: ${x.statusLabel.toLowerCase()} recorded.`); }} />)}
      {data !== null && data.hiddenRestricted > 0 && (
        <p className="muted">{data.hiddenRestricted} restricted referral{data.hiddenRestricted === 1 ? '' : 's'} (behavioural health or substance use) not shown to your role.</p>
      )}
    </section>
  );
}
