/**
 * /patients/:id/care-plan for staff: the phase with the engine's statement and reasons, the goals, the
 * interventions with owners, waits and bridge plans, the quick session log, flares, the checkpoint with its
 * honest summary and decision form, charts (relief, goal activities, PEG, phase timeline) and the history.
 */
import { Suspense, useState, type ReactElement } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../api';
import type { PatientDetail } from '../api-types';
import type { CarePlanView } from '../care-plan-types';
import { CheckpointPanel } from '../components/care-plan/checkpoint-panel';
import { LazyStaffCharts } from '../components/care-plan/charts-lazy';
import { EngineStatement } from '../components/care-plan/engine-statement';
import { FlareForm, PhaseForm, PlanHistory } from '../components/care-plan/plan-changes';
import { PlanForm } from '../components/care-plan/plan-form';
import { PlanGoals, PlanInterventions } from '../components/care-plan/plan-summary';
import { SessionForm } from '../components/care-plan/session-form';
import { LazyMeasureChart } from '../components/measure-chart-lazy';
import { NotAvailable } from '../components/not-available';
import { ErrorNotice, Loading, StatusMessage } from '../components/status';
import { displayName } from '../format';
import { useApiData, usePageTitle } from '../hooks';
import type { MeasureSeries } from '../measures-types';

const todayLocal = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function PegChart({ patientId }: { patientId: string }): ReactElement | null {
  const { state } = useApiData<{ series: MeasureSeries[] }>(`/api/v1/patients/${patientId}/measures?instrumentId=peg`);
  if (state.status !== 'ready') return null;
  const peg = state.data.series[0];
  return peg === undefined ? <p className="muted">No PEG scores yet.</p> : <LazyMeasureChart series={peg} audience="staff" />;
}

function Plan({ view, patient, reload }: { view: CarePlanView; patient: PatientDetail; reload: () => void }): ReactElement {
  const [saved, setSaved] = useState('');
  const [historyKey, setHistoryKey] = useState(0);
  const plan = view.plan;
  const progression = view.progression;
  const today = todayLocal();
  const changed = (message: string): void => {
    setSaved(message);
    setHistoryKey((k) => k + 1);
    reload();
  };
  if (plan === null || progression === null) {
    return <PlanForm view={view} today={today} onSaved={() => changed('The care plan is saved (version 1). The first checkpoint is on the team’s task list.')} />;
  }
  const names = new Map(view.careTeam.map((m) => [m.id, m.displayName]));
  const last = view.sessions[view.sessions.length - 1];
  return (
    <>
      <p className="lead">
        {plan.title} · version {plan.version} · {view.sessions.length} session{view.sessions.length === 1 ? '' : 's'} logged
      </p>
      <StatusMessage>{saved}</StatusMessage>
      <EngineStatement progression={progression} recordedPhase={plan.phase} />
      <PhaseForm key={`${plan.version}-${progression.suggestedPhase}`} plan={plan} suggested={progression.suggestedPhase} onSaved={() => changed('Phase recorded: a new version of the plan.')} />
      <div className="patient-grid">
        <PlanGoals view={view} progression={progression} />
        <PlanInterventions view={view} />
      </div>
      <section className="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title">Sessions</h2>
        <SessionForm patientId={patient.id} goals={plan.goals} today={today} lastModalities={last?.modalities ?? []} onSaved={() => changed('Session logged.')} />
        <FlareForm view={view} onSaved={() => changed('Flare recorded.')} />
      </section>
      <CheckpointPanel checkpoints={view.checkpoints} progression={progression} today={today} onSaved={() => changed('Checkpoint decision recorded.')} />
      <section className="card" aria-labelledby="charts-title">
        <h2 id="charts-title">Progress</h2>
        <Suspense fallback={<Loading label="Drawing the charts…" />}>
          <LazyStaffCharts view={view} />
          <PegChart patientId={patient.id} />
        </Suspense>
      </section>
      <PlanHistory key={historyKey} patientId={patient.id} names={names} />
    </>
  );
}

export function CarePlanPage(): ReactElement {
  const { id = '' } = useParams();
  const patient = useApiData<PatientDetail>(`/api/v1/patients/${encodeURIComponent(id)}`);
  const plan = useApiData<CarePlanView>(`/api/v1/patients/${encodeURIComponent(id)}/care-plan`);
  const name = patient.state.status === 'ready' ? displayName(patient.state.data) : 'Patient';
  usePageTitle(`Care plan – ${name}`);
  if (patient.state.status === 'loading' || plan.state.status === 'loading') return <Loading label="Opening the care plan…" />;
  const err = patient.state.status === 'error' ? patient.state.error : plan.state.status === 'error' ? plan.state.error : null;
  if (err !== null) {
    if (isApiError(err) && (err.status === 403 || err.status === 404)) return <NotAvailable error={err} />;
    return (
      <>
        <h1>We could not open the care plan</h1>
        <ErrorNotice error={err} />
      </>
    );
  }
  if (patient.state.status !== 'ready' || plan.state.status !== 'ready') return <Loading />;
  return (
    <>
      <p>
        <Link to={`/patients/${id}`}>Back to {name}</Link>
      </p>
      <h1>Care plan: {name}</h1>
      <Plan view={plan.state.data} patient={patient.state.data} reload={plan.reload} />
    </>
  );
}
