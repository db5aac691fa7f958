/** One referral for staff: service, step and days waiting, the question, attachments, bridge plan, dated history, and buttons for the next steps. */
import { useState, type FormEvent, type ReactElement } from 'react';
import { REFERRAL_TRANSITIONS, STATUS_LABELS, type ReferralStatus } from '../../../domain/referrals/status';
import { etagFor, fieldErrors, request } from '../../api';
import type { Referral } from '../../coordination-types';
import { formatDate } from '../../format';
import { TextArea, TextField } from '../form-field';
import { ErrorNotice } from '../status';
import { BridgePlanView } from './bridge-plan-view';
import { localToday } from './dates';

const FIELDS = ['date', 'appointmentDate', 'reason', 'status'] as const;
const ACTION_WORDS: Record<ReferralStatus, string> = {
  sent: 'Sent',
  accepted: 'Record accepted',
  scheduled: 'Record scheduled',
  seen: 'Record seen',
  'report-received': 'Record report received',
  declined: 'Record declined',
};

function StepForm({ referral, to, onDone, onCancel }: { referral: Referral; to: ReferralStatus; onDone: (r: Referral) => void; onCancel: () => void }): ReactElement {
  const [date, setDate] = useState(localToday());
  const [appointmentDate, setAppointmentDate] = useState(referral.appointmentDate ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const byField = fieldErrors(error, FIELDS);
  const rebook = to === 'scheduled' && referral.status === 'scheduled';

  async function submit(e: FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body: Record<string, unknown> = { status: to, date };
    if (to === 'scheduled') body.appointmentDate = appointmentDate;
    if (to === 'declined') body.reason = reason;
    try {
      const res = await request<Referral>('POST', `/api/v1/referrals/${referral.id}/status`, { body, headers: { 'if-match': etagFor(referral.version) } });
      onDone(res.data);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const title = rebook ? 'Change the visit date' : ACTION_WORDS[to];
  return (
    <form className="form form--panel" onSubmit={(e) => void submit(e)} aria-label={`${title}: ${referral.serviceLabel}`} noValidate>
      <h4>{title}</h4>
      {error !== null && <ErrorNotice error={error} title="We could not record this step." extra={byField[''] ?? []} focus />}
      <TextField label={to === 'scheduled' ? 'Date it was booked' : `Date it was ${STATUS_LABELS[to].toLowerCase()}`} name="date" type="date" value={date} onChange={setDate} errors={byField.date ?? byField.status} required />
      {to === 'scheduled' && <TextField label="Date of the first visit" name="appointmentDate" type="date" value={appointmentDate} onChange={setAppointmentDate} errors={byField.appointmentDate} required />}
      {to === 'declined' && <TextArea label="Why it was declined" name="reason" value={reason} onChange={setReason} errors={byField.reason} rows={2} required />}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function ReferralCard({ referral, onChanged }: { referral: Referral; onChanged: (r: Referral) => void }): ReactElement {
  const [step, setStep] = useState<ReferralStatus | null>(null);
  const next = REFERRAL_TRANSITIONS[referral.status as ReferralStatus] ?? [];
  const s = referral.step;
  return (
    <article className="referral" aria-labelledby={`ref-${referral.id}`}>
      <div className="referral-head">
        <h3 id={`ref-${referral.id}`}>
          {referral.serviceLabel}
          {referral.receivingProvider !== null && <span className="muted"> · {referral.receivingProvider}</span>}
        </h3>
        <p>
          <span className={referral.open ? 'tag' : 'tag tag--done'}>{referral.statusLabel}</span>{' '}
          {referral.urgency !== 'routine' && <span className="tag tag--priority">{referral.urgency}</span>}
          {s?.overdue === true && <span className="tag tag--warning">Overdue {s.daysOverdue} day{s.daysOverdue === 1 ? '' : 's'}</span>}
        </p>
      </div>
      {s !== null && (
        <p>
          Now {s.label}: {s.daysInStep} day{s.daysInStep === 1 ? '' : 's'} so far, due by {formatDate(s.dueDate)}{' '}
          <span className="muted">({s.setting})</span>
        </p>
      )}
      {referral.status === 'declined' && <p>Declined: {referral.declineReason}</p>}
      <p>
        <strong>Question:</strong> {referral.question}
      </p>
      <p className="muted">
        Reason: {referral.reason.replace(/[.\s]+$/, "")}. Expected wait when sent: {referral.expectedWaitDays === null ? 'not known' : `${referral.expectedWaitDays} days`} ({referral.expectedWaitSource}).
        {referral.appointmentDate !== null && ` First visit ${formatDate(referral.appointmentDate)}.`}
      </p>
      {referral.handoff && <p className="muted">Handoff: {referral.handoffState.explanation}</p>}
      {referral.attachments.length > 0 && (
        <p>
          Attached:{' '}
          {referral.attachments.map((a, i) => (
            <span key={`${a.kind}-${a.ref}`}>
              {i > 0 && ', '}
              {a.href !== null ? <a href={a.href}>{a.label}</a> : a.label}
            </span>
          ))}
        </p>
      )}
      {referral.bridgePlan !== null && <BridgePlanView plan={referral.bridgePlan} serviceLabel={referral.serviceLabel} />}
      <ol className="step-list" aria-label={`Steps of the ${referral.serviceLabel} referral`}>
        {referral.history.map((h) => (
          <li key={`${h.status}-${h.recordedAt}`}>
            {h.statusLabel} {formatDate(h.date)}
            {h.appointmentDate !== null && ` (visit ${formatDate(h.appointmentDate)})`}
          </li>
        ))}
      </ol>
      {step === null && next.length > 0 && (
        <div className="button-row">
          {next.map((to) => (
            <button key={to} type="button" className={to === 'declined' ? 'button button--secondary' : 'button'} onClick={() => setStep(to)}>
              {to === 'scheduled' && referral.status === 'scheduled' ? 'Change the visit date' : ACTION_WORDS[to]}
              <span className="visually-hidden"> for {referral.serviceLabel}</span>
            </button>
          ))}
        </div>
      )}
      {step !== null && (
        <StepForm
          referral={referral}
          to={step}
          onCancel={() => setStep(null)}
          onDone={(r) => {
            setStep(null);
            onChanged(r);
          }}
        />
      )}
    </article>
  );
}
