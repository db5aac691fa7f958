/**
 * /patients/:id/coverage — Coverage & visits: warnings first (visits near a cap, authorisations ending), the
 * plan, benefit rules with visits counted, prior authorisations with their transitions, the NCD 30.3.3 facts
 * for acupuncture, and appointments (book, attended, calendar file, bundling suggestions).
 */
import type { ReactElement } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { PatientDetail } from '../api-types';
import { AppointmentsPanel } from '../components/coverage/appointments-panel';
import { NcdPanel } from '../components/coverage/ncd-panel';
import { PlanPanel } from '../components/coverage/plan-panel';
import { PriorAuthPanel } from '../components/coverage/prior-auth-panel';
import { serviceName } from '../components/coverage/reasons';
import { RulesPanel } from '../components/coverage/rules-panel';
import { ErrorNotice, Loading } from '../components/status';
import type { PatientCoverageView } from '../coverage-types';
import { displayName } from '../format';
import { useApiData, usePageTitle } from '../hooks';
import '../coverage.css';

function Warnings({ view }: { view: PatientCoverageView }): ReactElement {
  if (view.warnings.length === 0) return <p className="callout">No coverage warnings today.</p>;
  return (
    <section className="coverage-warnings" aria-labelledby="coverage-warnings-title">
      <h2 id="coverage-warnings-title">Coverage warnings</h2>
      <ul>
        {view.warnings.map((w) => (
          <li key={w.code + w.service + (w.authorisationId ?? '')}>
            <strong>{serviceName(w.service)}:</strong> {w.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CoveragePage(): ReactElement {
  const { id = '' } = useParams();
  const patient = useApiData<PatientDetail>(`/api/v1/patients/${encodeURIComponent(id)}`);
  const { state, reload } = useApiData<PatientCoverageView>(`/api/v1/patients/${encodeURIComponent(id)}/coverage`);
  const name = patient.state.status === 'ready' ? displayName(patient.state.data) : 'Patient';
  usePageTitle(`Coverage & visits – ${name}`);
  return (
    <>
      <p>
        <Link to={`/patients/${id}`}>Back to {name}</Link>
      </p>
      <h1>Coverage &amp; visits: {name}</h1>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load coverage." />}
      {state.status === 'ready' && (
        <>
          <Warnings view={state.data} />
          <PlanPanel patientId={id} view={state.data} onChanged={reload} />
          <RulesPanel view={state.data} />
          <PriorAuthPanel patientId={id} view={state.data} onChanged={reload} />
          <NcdPanel key={state.data.eligibility?.version ?? 0} patientId={id} view={state.data} onChanged={reload} />
          <AppointmentsPanel patientId={id} onChanged={reload} />
          <p>
            <Link to="/coverage/plans">Payers, plans and benefit rules</Link>
          </p>
        </>
      )}
    </>
  );
}
