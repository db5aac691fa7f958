/**
 * The checkpoint: the honest summary (where we started, where we are, where we said we would go), the
 * options the data support, and the decision form — adjust, refer with an overlap period, graduate, or
 * ongoing care on purpose with a review date. People decide; the engine only lists the options.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { etagFor, fieldErrors, isApiError, plainDetail, request } from '../../api';
import type { CheckpointDecisionKind, CheckpointView, ProgressionResult } from '../../care-plan-types';
import { DECISION_WORDS } from '../../care-plan-types';
import { formatDate } from '../../format';
import { Checkbox } from '../form-field';
import { RadioGroup } from '../choice-group';
import { ErrorNotice, StatusMessage } from '../status';

const FIELDS = ['decision', 'date', 'rationale', 'changes', 'referral', 'selfManagementPlan', 'followUpDate', 'ongoingCare', 'discussedWithPatient'];

/** Errors for one nested field (e.g. referral.reason), which fieldErrors would group under "referral". */
function nestedErrors(error: unknown, path: string): string[] {
  if (!isApiError(error)) return [];
  return error.details.filter((d) => d.path === `body.${path}` || d.path.startsWith(`body.${path}.`)).map((d) => plainDetail(d.message));
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

function Field({ id, label, errors = [], children }: { id: string; label: string; errors?: string[]; children: ReactElement }): ReactElement {
  return (
    <div className={errors.length > 0 ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {errors.length > 0 && <ul className="field-error">{errors.map((e) => <li key={e}>{e}</li>)}</ul>}
      {children}
    </div>
  );
}

function DecisionForm({ checkpoint, progression, today, onSaved }: { checkpoint: CheckpointView; progression: ProgressionResult; today: string; onSaved: (message: string) => void }): ReactElement {
  const supported = progression.checkpoint.options.find((o) => o.dataSupport)?.decision ?? 'adjust';
  const overlapDays = progression.checkpoint.options.find((o) => o.decision === 'refer')?.suggestedOverlapDays ?? 28;
  const [decision, setDecision] = useState<CheckpointDecisionKind>(supported);
  const [rationale, setRationale] = useState('');
  const [discussed, setDiscussed] = useState(true);
  const [changes, setChanges] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [overlapStart, setOverlapStart] = useState(today);
  const [overlapEnd, setOverlapEnd] = useState(addDays(today, overlapDays));
  const [selfPlan, setSelfPlan] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [ongoingReason, setOngoingReason] = useState('');
  const [reviewDate, setReviewDate] = useState(addDays(today, 90));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const errs = fieldErrors(error, FIELDS);

  const body = (): Record<string, unknown> => {
    const base = { decision, date: today, rationale, discussedWithPatient: discussed };
    switch (decision) {
      case 'adjust':
        return { ...base, changes };
      case 'refer':
        return { ...base, referral: { to, reason, overlapStartDate: overlapStart, overlapEndDate: overlapEnd } };
      case 'graduate':
        return { ...base, selfManagementPlan: selfPlan, followUpDate: followUp === '' ? null : followUp };
      case 'ongoing-care':
        return { ...base, ongoingCare: { reason: ongoingReason, reviewDate } };
      default: {
        const never: never = decision;
        return never;
      }
    }
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await request('POST', `/api/v1/care-plan/checkpoints/${checkpoint.id}/decision`, { body: body(), headers: { 'if-match': etagFor(checkpoint.version) } });
      onSaved(`Decision recorded: ${DECISION_WORDS[decision] ?? decision}.`);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="form form--panel" onSubmit={(e) => void submit(e)} aria-labelledby="decision-title" noValidate>
      <h3 id="decision-title">Record the decision</h3>
      {error !== null && <ErrorNotice error={error} title="The decision was not recorded." extra={errs[''] ?? []} focus />}
      <RadioGroup
        legend="Decision, made with the person"
        name="decision"
        value={decision}
        onChange={setDecision}
        choices={progression.checkpoint.options.map((o) => ({
          value: o.decision,
          label: DECISION_WORDS[o.decision] ?? o.decision,
          detail: `${o.dataSupport ? 'The data point this way. ' : ''}${o.reasons.map((r) => r.message).join(' ')}`,
        }))}
      />
      {decision === 'adjust' && (
        <Field id="d-changes" label="What changes" errors={errs.changes}>
          <textarea id="d-changes" rows={2} value={changes} onChange={(e) => setChanges(e.target.value)} />
        </Field>
      )}
      {decision === 'refer' && (
        <div className="form-grid">
          <Field id="d-to" label="Refer to (who, where)" errors={[...nestedErrors(error, 'referral.to'), ...(errs.referral ?? []).filter((m) => !/referral|overlap/i.test(m))]}>
            <input id="d-to" value={to} onChange={(e) => setTo(e.target.value)} />
          </Field>
          <Field id="d-reason" label="Why this referral" errors={nestedErrors(error, 'referral.reason')}>
            <input id="d-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <Field id="d-os" label="Both run in parallel from" errors={nestedErrors(error, 'referral.overlapStartDate')}>
            <input id="d-os" type="date" value={overlapStart} onChange={(e) => setOverlapStart(e.target.value)} />
          </Field>
          <Field id="d-oe" label="Until the handoff is complete" errors={nestedErrors(error, 'referral.overlapEndDate')}>
            <input id="d-oe" type="date" value={overlapEnd} onChange={(e) => setOverlapEnd(e.target.value)} />
          </Field>
        </div>
      )}
      {decision === 'graduate' && (
        <div className="form-grid">
          <Field id="d-self" label="Self-management plan" errors={errs.selfManagementPlan}>
            <textarea id="d-self" rows={2} value={selfPlan} onChange={(e) => setSelfPlan(e.target.value)} />
          </Field>
          <Field id="d-fu" label="Follow-up (optional)" errors={errs.followUpDate}>
            <input id="d-fu" type="date" value={followUp} onChange={(e) => setFollowUp(e.target.value)} />
          </Field>
        </div>
      )}
      {decision === 'ongoing-care' && (
        <div className="form-grid">
          <Field id="d-oreason" label="Why ongoing care is the right choice" errors={nestedErrors(error, 'ongoingCare.reason')}>
            <textarea id="d-oreason" rows={2} value={ongoingReason} onChange={(e) => setOngoingReason(e.target.value)} />
          </Field>
          <Field id="d-review" label="Review on" errors={nestedErrors(error, 'ongoingCare.reviewDate')}>
            <input id="d-review" type="date" value={reviewDate} onChange={(e) => setReviewDate(e.target.value)} />
          </Field>
        </div>
      )}
      <Field id="d-rationale" label="Reasoning, in words shared with the person" errors={errs.rationale}>
        <textarea id="d-rationale" rows={3} value={rationale} onChange={(e) => setRationale(e.target.value)} />
      </Field>
      <Checkbox name="discussed" label="Decided together with the person" checked={discussed} onChange={setDiscussed} />
      <div className="button-row">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : 'Record decision'}
        </button>
      </div>
    </form>
  );
}

export function CheckpointPanel({ checkpoints, progression, today, onSaved }: { checkpoints: CheckpointView[]; progression: ProgressionResult; today: string; onSaved: () => void }): ReactElement {
  const [message, setMessage] = useState('');
  const open = checkpoints.find((c) => c.status === 'due');
  const decided = checkpoints.filter((c) => c.status === 'decided');
  const s = progression.checkpoint;
  return (
    <section className="card" aria-labelledby="checkpoint-title">
      <h2 id="checkpoint-title">Checkpoint{open !== undefined && <> — due {formatDate(open.dueOn)}</>}</h2>
      <StatusMessage>{message}</StatusMessage>
      <div className="honest-summary">
        <h3>The honest summary</h3>
        <p>{s.text}</p>
        <dl className="facts">
          <div className="facts-row">
            <dt>Where we started</dt>
            <dd>
              {formatDate(s.started.date)}: goal activities {s.started.meanGoalScore ?? '–'}/10, symptoms {s.started.symptomScore ?? '–'}/10, relief {s.started.reliefWindowDays} days
            </dd>
          </div>
          <div className="facts-row">
            <dt>Where we are</dt>
            <dd>
              Goal activities {s.now.meanGoalScore ?? '–'}/10, symptoms {s.now.symptomScore ?? '–'}/10, relief {s.now.reliefWindowDays ?? '–'} days
            </dd>
          </div>
          <div className="facts-row">
            <dt>Where we said we would go</dt>
            <dd>
              Goal activities {s.aim.meanTargetScore ?? '–'}/10{s.aim.latestTargetDate !== null && <> by {formatDate(s.aim.latestTargetDate)}</>}
            </dd>
          </div>
        </dl>
      </div>
      {open !== undefined ? (
        <DecisionForm key={open.id} checkpoint={open} progression={progression} today={today} onSaved={(m) => { setMessage(m); onSaved(); }} />
      ) : (
        <p className="muted">No checkpoint is open: the plan has graduated.</p>
      )}
      {decided.length > 0 && (
        <>
          <h3>Decisions so far</h3>
          <ul className="plain-list decision-list">
            {decided.map((c) => (
              <li key={c.id}>
                <strong>{c.decision !== null ? formatDate(c.decision.date) : formatDate(c.dueOn)}: {DECISION_WORDS[c.decision?.decision ?? ''] ?? c.decision?.decision}</strong>
                {c.decision !== null && <> — {c.decision.rationale}</>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
