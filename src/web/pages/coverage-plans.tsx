/**
 * /coverage/plans — payers, plans and benefit rules of the clinic. Every staff member can read them; clinic
 * leads, administrators and care coordinators add and change them (the server enforces the roles).
 */
import { useState, type FormEvent, type ReactElement, type ReactNode } from 'react';
import { apiPost, etagFor, fieldErrors, request } from '../api';
import { Checkbox, SelectField, TextField } from '../components/form-field';
import { serviceName, SERVICE_OPTIONS } from '../components/coverage/reasons';
import { ErrorNotice, Loading, StatusMessage } from '../components/status';
import type { Catalogue } from '../coverage-types';
import { humanize } from '../format';
import { useApiData, usePageTitle } from '../hooks';
import { useUser } from '../session';
import '../coverage.css';

const MANAGERS = ['clinic_lead', 'administrator', 'care_coordinator'];
type Rule = Catalogue['rules'][number];

function describe(r: Rule): string {
  if (r.kind === 'ncd-30.3.3') return 'Medicare NCD 30.3.3 (12 visits in 90 days, 8 more with improvement, 20 a year)';
  if (r.periodKind === 'none' || r.visitLimit === null) return 'No visit limit';
  const period = r.periodKind === 'rolling-days' ? `in any ${r.periodDays ?? '?'} days` : r.periodKind === 'calendar-month' ? 'per calendar month' : 'per calendar year';
  return `${r.visitLimit} visits ${period}`;
}

function RuleForm({ planId, onDone }: { planId: string; onDone: (m: string) => void }): ReactElement {
  const [service, setService] = useState('physical-therapy');
  const [kind, setKind] = useState('custom');
  const [visitLimit, setVisitLimit] = useState('20');
  const [periodKind, setPeriodKind] = useState('calendar-year');
  const [periodDays, setPeriodDays] = useState('');
  const [priorAuth, setPriorAuth] = useState(false);
  const [copay, setCopay] = useState('');
  const [error, setError] = useState<unknown>(null);
  const byField = fieldErrors(error, ['service', 'kind', 'visitLimit', 'periodKind', 'periodDays', 'priorAuthRequired', 'copayNote']);
  async function submit(e: FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    setError(null);
    const ncd = kind === 'ncd-30.3.3';
    try {
      await apiPost(`/api/v1/coverage/plans/${planId}/rules`, {
        service,
        kind,
        visitLimit: ncd || visitLimit === '' ? null : Number(visitLimit),
        periodKind: ncd ? 'none' : periodKind,
        periodDays: !ncd && periodKind === 'rolling-days' && periodDays !== '' ? Number(periodDays) : null,
        priorAuthRequired: priorAuth,
        copayNote: copay.trim() || null,
      });
      onDone(`Rule added for ${serviceName(service).toLowerCase()}.`);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <details>
      <summary>Add a benefit rule</summary>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Add a benefit rule">
        {error !== null && <ErrorNotice error={error} title="We could not add the rule." extra={byField[''] ?? []} />}
        <SelectField label="Service" name="service" value={service} onChange={setService} options={SERVICE_OPTIONS} errors={byField.service} />
        <SelectField
          label="Kind of rule"
          name="kind"
          value={kind}
          onChange={setKind}
          options={[
            { value: 'custom', label: 'Visit limit set here' },
            { value: 'ncd-30.3.3', label: 'Medicare NCD 30.3.3 (acupuncture only)' },
          ]}
          errors={byField.kind}
        />
        {kind === 'custom' && (
          <>
            <TextField label="Visits allowed" name="visitLimit" inputMode="numeric" value={visitLimit} onChange={setVisitLimit} errors={byField.visitLimit} />
            <SelectField
              label="Per"
              name="periodKind"
              value={periodKind}
              onChange={setPeriodKind}
              options={[
                { value: 'calendar-year', label: 'Calendar year' },
                { value: 'calendar-month', label: 'Calendar month' },
                { value: 'rolling-days', label: 'Rolling number of days' },
                { value: 'none', label: 'No limit' },
              ]}
              errors={byField.periodKind}
            />
            {periodKind === 'rolling-days' && <TextField label="Days in the rolling period" name="periodDays" inputMode="numeric" value={periodDays} onChange={setPeriodDays} errors={byField.periodDays} />}
          </>
        )}
        <Checkbox label="Prior authorisation required" name="priorAuthRequired" checked={priorAuth} onChange={setPriorAuth} />
        <TextField label="Copay note (optional)" name="copayNote" value={copay} onChange={setCopay} errors={byField.copayNote} />
        <button type="submit" className="button">
          Add rule
        </button>
      </form>
    </details>
  );
}

function NameForm({ label, onSubmit, children }: { label: string; onSubmit: (name: string) => Promise<void>; children?: ReactNode }): ReactElement {
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  return (
    <form
      className="form"
      aria-label={label}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        onSubmit(name.trim()).then(() => setName(''), setError);
      }}
    >
      {error !== null && <ErrorNotice error={error} title={`We could not save: ${label.toLowerCase()}.`} />}
      {children}
      <TextField label={label} name="name" value={name} onChange={setName} errors={fieldErrors(error, ['name']).name} />
      <button type="submit" className="button button--secondary">
        {label === 'Payer name' ? 'Add payer' : 'Add plan'}
      </button>
    </form>
  );
}

export function CoveragePlansPage(): ReactElement {
  usePageTitle('Payers, plans and benefit rules');
  const user = useUser();
  const canManage = MANAGERS.includes(user.role);
  const { state, reload } = useApiData<Catalogue>('/api/v1/coverage/catalogue');
  const [status, setStatus] = useState('');
  const [payerKind, setPayerKind] = useState('commercial');
  const done = (m: string): void => {
    setStatus(m);
    reload();
  };
  async function toggleRule(r: Rule): Promise<void> {
    await request('PATCH', `/api/v1/coverage/rules/${r.id}`, { body: { active: !r.active }, headers: { 'if-match': etagFor(r.version) } });
    done(`Rule for ${serviceName(r.service).toLowerCase()} ${r.active ? 'switched off' : 'switched on'}.`);
  }
  return (
    <>
      <h1>Payers, plans and benefit rules</h1>
      <p className="lead">The rules Painpath counts visits against. {canManage ? 'You can add and change them.' : 'Clinic leads, administrators and care coordinators change them.'}</p>
      <StatusMessage>{status}</StatusMessage>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load the plans." />}
      {state.status === 'ready' &&
        state.data.payers.map((payer) => (
          <section key={payer.id} className="card" aria-labelledby={`payer-${payer.id}`}>
            <h2 id={`payer-${payer.id}`}>
              {payer.name} <span className="tag">{humanize(payer.kind)}</span>
            </h2>
            {state.data.plans
              .filter((p) => p.payerId === payer.id)
              .map((plan) => (
                <div key={plan.id} className="rule-card">
                  <h3>{plan.name}</h3>
                  <ul>
                    {state.data.rules
                      .filter((r) => r.planId === plan.id)
                      .map((r) => (
                        <li key={r.id}>
                          <strong>{serviceName(r.service)}</strong>: {describe(r)}
                          {r.priorAuthRequired && ', prior authorisation required'}
                          {r.copayNote !== null && `; copay: ${r.copayNote}`}
                          {!r.active && <span className="tag">Off</span>}{' '}
                          {canManage && (
                            <button type="button" className="button button--secondary" onClick={() => void toggleRule(r)}>
                              {r.active ? 'Switch off' : 'Switch on'}
                              <span className="visually-hidden"> the {serviceName(r.service).toLowerCase()} rule of {plan.name}</span>
                            </button>
                          )}
                        </li>
                      ))}
                  </ul>
                  {canManage && <RuleForm planId={plan.id} onDone={done} />}
                </div>
              ))}
            {canManage && <NameForm label={`Name of a new plan of ${payer.name}`} onSubmit={async (name) => { await apiPost('/api/v1/coverage/plans', { payerId: payer.id, name }); done(`Plan ${name} added.`); }} />}
          </section>
        ))}
      {canManage && (
        <section className="card" aria-labelledby="new-payer-title">
          <h2 id="new-payer-title">Add a payer</h2>
          <NameForm label="Payer name" onSubmit={async (name) => { await apiPost('/api/v1/coverage/payers', { name, kind: payerKind }); done(`Payer ${name} added.`); }}>
            <SelectField
              label="Kind of payer"
              name="payerKind"
              value={payerKind}
              onChange={setPayerKind}
              options={['medicare', 'medicaid', 'commercial', 'other'].map((k) => ({ value: k, label: humanize(k) }))}
            />
          </NameForm>
        </section>
      )}
    </>
  );
}
