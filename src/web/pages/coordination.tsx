/**
 * /coordination: the coordinator's workspace — their patients with what is waiting on whom (open referrals
 * with step and days waiting, overdue tasks, coverage warnings, upcoming visits, no contact for N weeks), the
 * social needs counted, and each service's expected wait.
 */
import { useState, type ReactElement } from 'react';
import { Link } from 'react-router-dom';
import { withQuery } from '../api';
import { ServiceWaitsTable } from '../components/coordination/service-waits-table';
import { SelectField } from '../components/form-field';
import { ErrorNotice, Loading } from '../components/status';
import type { WaitingItem, Workspace } from '../coordination-types';
import { useApiData, usePageTitle } from '../hooks';
import '../coordination.css';

const KIND_LABELS: Record<WaitingItem['kind'], string> = { referral: 'Referral', task: 'Task', coverage: 'Coverage', appointment: 'Visit', 'no-contact': 'No contact' };

export function CoordinationPage(): ReactElement {
  usePageTitle('Coordination');
  const [scope, setScope] = useState('mine');
  const [weeks, setWeeks] = useState('4');
  const { state } = useApiData<Workspace>(withQuery('/api/v1/coordination/workspace', { scope, noContactWeeks: weeks }));

  return (
    <>
      <h1>Coordination</h1>
      <p className="lead">Your patients and what is waiting on whom.</p>
      <div className="toolbar">
        <SelectField label="Patients" name="scope" value={scope} onChange={setScope} options={[{ value: 'mine', label: 'I coordinate' }, { value: 'teams', label: 'On my care teams' }]} />
        <SelectField label="No contact for" name="noContactWeeks" value={weeks} onChange={setWeeks} options={['2', '4', '6', '8', '12'].map((w) => ({ value: w, label: `${w} weeks` }))} />
      </div>
      {state.status === 'loading' && <Loading label="Loading your workspace…" />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load the workspace." />}
      {state.status === 'ready' && (
        <>
          <ul className="workspace-counts" aria-label="Totals">
            <li><strong>{state.data.counts.patients}</strong> patients</li>
            <li><strong>{state.data.counts.openReferrals}</strong> open referrals</li>
            <li><strong>{state.data.counts.overdueReferralSteps}</strong> overdue referral steps</li>
            <li><strong>{state.data.counts.overdueTasks}</strong> overdue tasks</li>
            <li><strong>{state.data.counts.coverageWarnings}</strong> coverage warnings</li>
            <li><strong>{state.data.counts.noContact}</strong> no contact for {state.data.noContactWeeks} weeks</li>
          </ul>
          {Object.keys(state.data.counts.socialNeeds).length > 0 && (
            <p>
              Social needs: {Object.entries(state.data.counts.socialNeeds).map(([k, n]) => `${k.replace('-', ' ')} ${n}`).join(', ')}.
            </p>
          )}
          {state.data.rows.length === 0 && <p>No patients here yet.</p>}
          {state.data.rows.filter((r) => r.items.length > 0).map((row) => (
            <section key={row.patient.id} className="card workspace-patient" aria-labelledby={`ws-${row.patient.id}`}>
              <h2 id={`ws-${row.patient.id}`}>
                <Link to={`/patients/${row.patient.id}`}>{row.patient.name}</Link> <span className="muted">MRN {row.patient.mrn}</span>
              </h2>
              {row.socialNeeds.length > 0 && <p className="muted">Social needs: {row.socialNeeds.join(', ')}</p>}
              <ul className="waiting-list">
                {row.items.map((i) => (
                  <li key={`${i.kind}-${i.text}`}>
                    <span className={i.overdue ? 'tag tag--warning' : 'tag'}>{KIND_LABELS[i.kind]}{i.overdue ? ' · overdue' : ''}</span> {i.text}{' '}
                    <span className="waiting-on">— waiting on {i.waitingOn}</span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <p className="muted">Settings: {state.data.setting}; referral steps: referralStepDays v1.</p>
        </>
      )}
      <ServiceWaitsTable />
    </>
  );
}
