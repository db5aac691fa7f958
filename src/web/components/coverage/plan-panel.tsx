/** The patient's plans, and recording a new plan membership. */
import { useState, type FormEvent, type ReactElement } from 'react';
import { apiPost, fieldErrors } from '../../api';
import type { Catalogue, PatientCoverageView } from '../../coverage-types';
import { formatDate } from '../../format';
import { useApiData } from '../../hooks';
import { SelectField, TextField } from '../form-field';
import { ErrorNotice, StatusMessage } from '../status';

export function PlanPanel({ patientId, view, onChanged }: { patientId: string; view: PatientCoverageView; onChanged: () => void }): ReactElement {
  const { state } = useApiData<Catalogue>('/api/v1/coverage/catalogue');
  const [planId, setPlanId] = useState('');
  const [memberId, setMemberId] = useState('');
  const [startDate, setStartDate] = useState(view.asOf);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const byField = fieldErrors(error, ['planId', 'memberId', 'startDate', 'endDate']);
  const plans = state.status === 'ready' ? state.data.plans.filter((p) => p.active) : [];
  const payerName = (id: string): string => (state.status === 'ready' ? (state.data.payers.find((p) => p.id === id)?.name ?? '') : '');

  async function submit(e: FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    setError(null);
    try {
      await apiPost(`/api/v1/patients/${patientId}/coverages`, { planId, memberId: memberId.trim() || null, startDate });
      setStatus('Plan recorded.');
      onChanged();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="card" aria-labelledby="plan-title">
      <h2 id="plan-title">Plan</h2>
      {view.coverages.length === 0 ? (
        <p>No plan is recorded.</p>
      ) : (
        <ul>
          {view.coverages.map((c) => (
            <li key={c.id}>
              <strong>
                {c.payerName} – {c.planName}
              </strong>
              {view.current?.coverageId === c.id && <span className="tag">Active</span>} from {formatDate(c.startDate)}
              {c.endDate !== null && ` to ${formatDate(c.endDate)}`}
              {c.memberId !== null && <span className="muted"> · member {c.memberId}</span>}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>Record a plan</summary>
        <StatusMessage>{status}</StatusMessage>
        <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Record a plan">
          {error !== null && <ErrorNotice error={error} title="We could not record the plan." extra={byField[''] ?? []} />}
          <SelectField
            label="Plan"
            name="planId"
            value={planId}
            onChange={setPlanId}
            options={[{ value: '', label: 'Choose a plan' }, ...plans.map((p) => ({ value: p.id, label: `${payerName(p.payerId)} – ${p.name}` }))]}
            errors={byField.planId}
          />
          <TextField label="Member ID (optional)" name="memberId" value={memberId} onChange={setMemberId} errors={byField.memberId} />
          <TextField label="Covered from" name="startDate" type="date" value={startDate} onChange={setStartDate} errors={byField.startDate} />
          <button type="submit" className="button">
            Record plan
          </button>
        </form>
      </details>
    </section>
  );
}
