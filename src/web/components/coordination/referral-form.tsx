/**
 * "Send a referral": service, where to, urgency, reason, the question to answer, attachments from the
 * record (the pre-visit summary, the latest result of each measure), the expected wait for the service, and
 * the bridge plan, which is required when the service has a wait.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { REFERRAL_SERVICES, REFERRAL_URGENCIES, SERVICE_LABELS, type ReferralService } from '../../../domain/referrals/services';
import { apiPost, fieldErrors } from '../../api';
import type { Referral, ServiceWait } from '../../coordination-types';
import { formatDate } from '../../format';
import { useApiData } from '../../hooks';
import type { Measures } from '../../measures-types';
import { Checkbox, SelectField, TextArea, TextField } from '../form-field';
import { ErrorNotice } from '../status';
import { localToday } from './dates';

const FIELDS = ['service', 'urgency', 'reason', 'question', 'receivingProvider', 'sentDate', 'attachments', 'bridgePlan', 'handoff'] as const;
const URGENCY_LABELS: Record<string, string> = { routine: 'Routine', soon: 'Soon', urgent: 'Urgent' };

interface Props {
  patientId: string;
  onSent: (r: Referral) => void;
  onCancel: () => void;
}

export function ReferralForm({ patientId, onSent, onCancel }: Props): ReactElement {
  const waits = useApiData<{ items: ServiceWait[] }>('/api/v1/service-waits');
  const measures = useApiData<Measures>(`/api/v1/patients/${patientId}/measures`);
  const [service, setService] = useState<ReferralService>('physical-therapy');
  const [receivingProvider, setReceivingProvider] = useState('');
  const [urgency, setUrgency] = useState('routine');
  const [reason, setReason] = useState('');
  const [question, setQuestion] = useState('');
  const [handoff, setHandoff] = useState(false);
  const [sentDate, setSentDate] = useState(localToday());
  const [attachSummary, setAttachSummary] = useState(true);
  const [attachMeasures, setAttachMeasures] = useState<string[]>([]);
  const [activity, setActivity] = useState('');
  const [sleep, setSleep] = useState('');
  const [selfCare, setSelfCare] = useState('');
  const [callUsIf, setCallUsIf] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const byField = fieldErrors(error, FIELDS);
  const planErrors = (path: string): string[] | undefined => {
    if (!(error instanceof Error) || !('details' in error)) return undefined;
    const found = (error as { details: { path: string; message: string }[] }).details.filter((d) => d.path.startsWith(`body.bridgePlan${path}`)).map((d) => d.message);
    return found.length > 0 ? found : undefined;
  };

  const wait = waits.state.status === 'ready' ? waits.state.data.items.find((w) => w.service === service) : undefined;
  const latest = measures.state.status === 'ready' ? measures.state.data.series.flatMap((s) => (s.points.length > 0 ? [{ id: s.points[s.points.length - 1]?.responseId ?? '', title: s.title, at: s.points[s.points.length - 1]?.at ?? '' }] : [])) : [];
  const planRequired = wait?.bridgePlan.required ?? true;
  const planStarted = [activity, sleep, selfCare, callUsIf].some((v) => v.trim() !== '');

  async function submit(e: FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const items = [
      { kind: 'activity', text: activity.trim() },
      { kind: 'sleep', text: sleep.trim() },
      { kind: 'self-care', text: selfCare.trim() },
    ].filter((i) => i.text !== '');
    const attachments = [
      ...(attachSummary ? [{ kind: 'summary', ref: patientId, label: 'Pre-visit summary' }] : []),
      ...latest.filter((m) => attachMeasures.includes(m.id)).map((m) => ({ kind: 'measure', ref: m.id, label: `${m.title} (${formatDate(m.at.slice(0, 10))})` })),
    ];
    const body = {
      service,
      urgency,
      reason,
      question,
      sentDate,
      handoff,
      receivingProvider: receivingProvider.trim() === '' ? null : receivingProvider.trim(),
      attachments,
      bridgePlan: planRequired || planStarted ? { items, callUsIf: callUsIf.trim() } : null,
    };
    try {
      onSent(await apiPost<Referral>(`/api/v1/patients/${patientId}/referrals`, body));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <form className="form form--panel" onSubmit={(e) => void submit(e)} aria-labelledby="send-referral-title" noValidate>
      <h3 id="send-referral-title">Send a referral</h3>
      {error !== null && <ErrorNotice error={error} title="We could not send the referral." extra={byField[''] ?? []} focus />}
      <SelectField label="Service" name="service" value={service} onChange={(v) => setService(v as ReferralService)} options={REFERRAL_SERVICES.map((s) => ({ value: s, label: SERVICE_LABELS[s] }))} errors={byField.service} />
      <p className="callout" aria-live="polite">
        Expected wait for {SERVICE_LABELS[service].toLowerCase()}:{' '}
        <strong>{wait === undefined ? 'checking…' : wait.current.days === null ? 'not known' : `${wait.current.days} days`}</strong>
        {wait !== undefined && <span className="muted"> — {wait.current.explanation}</span>}
      </p>
      <TextField label="Receiving clinic or clinician (optional)" name="receivingProvider" value={receivingProvider} onChange={setReceivingProvider} errors={byField.receivingProvider} />
      <SelectField label="Urgency" name="urgency" value={urgency} onChange={setUrgency} options={REFERRAL_URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] ?? u }))} errors={byField.urgency} />
      <TextArea label="Reason for referral" name="reason" value={reason} onChange={setReason} errors={byField.reason} rows={2} required />
      <TextArea label="The question the service should answer" name="question" value={question} onChange={setQuestion} errors={byField.question} rows={2} hint="For example: “What graded activity plan gets her walking 30 minutes?”" required />
      <TextField label="Date sent" name="sentDate" type="date" value={sentDate} onChange={setSentDate} errors={byField.sentDate} required />
      <Checkbox label="Hand care over (both teams stay active until the report is in)" name="handoff" checked={handoff} onChange={setHandoff} />
      <fieldset className="plain-choices">
        <legend>Attach from the record</legend>
        <Checkbox label="Pre-visit summary" name="attach-summary" checked={attachSummary} onChange={setAttachSummary} />
        {latest.map((m) => (
          <Checkbox
            key={m.id}
            label={`Latest ${m.title} (${formatDate(m.at.slice(0, 10))})`}
            name={`attach-${m.id}`}
            checked={attachMeasures.includes(m.id)}
            onChange={(on) => setAttachMeasures((all) => (on ? [...all, m.id] : all.filter((x) => x !== m.id)))}
          />
        ))}
        {byField.attachments !== undefined && <ul className="field-error">{byField.attachments.map((x) => <li key={x}>{x}</li>)}</ul>}
      </fieldset>
      <fieldset className="plain-choices">
        <legend>Bridge plan {planRequired ? '(required: the service has a wait)' : '(optional)'}</legend>
        <p className="field-hint">What the person does until the service starts, in plain words they can follow.</p>
        {planErrors('.items') !== undefined && <ul className="field-error">{planErrors('.items')?.map((x) => <li key={x}>{x}</li>)}</ul>}
        {error !== null && planErrors('') !== undefined && planErrors('.items') === undefined && planErrors('.callUsIf') === undefined && (
          <ul className="field-error">{planErrors('')?.map((x) => <li key={x}>{x}</li>)}</ul>
        )}
        <TextArea label="Moving (walking plan, exercises)" name="activity" value={activity} onChange={setActivity} rows={2} errors={planErrors('.items.0')} />
        <TextArea label="Sleep routine" name="sleep" value={sleep} onChange={setSleep} rows={2} />
        <TextArea label="Looking after yourself" name="selfCare" value={selfCare} onChange={setSelfCare} rows={2} />
        <TextArea label="Call us if…" name="callUsIf" value={callUsIf} onChange={setCallUsIf} rows={2} errors={planErrors('.callUsIf')} />
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Sending…' : 'Send referral'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
