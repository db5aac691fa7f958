/**
 * "My plan" in the portal: the plan in plain words (grade 6 or below), where the person is, what happens
 * while they wait for something, a simple chart of how long the relief lasted, and a short form to tell
 * the care team "How long did the relief last?" and how the goal activities went. Works on a phone.
 */
import { Suspense, useState, type FormEvent, type ReactElement } from 'react';
import { apiPost, fieldErrors, isApiError } from '../api';
import type { CarePlanView } from '../care-plan-types';
import { PHASE_WORDS } from '../care-plan-types';
import { formatDate } from '../format';
import { useApiData } from '../hooks';
import { LazyReliefChart } from './care-plan/charts-lazy';
import { RadioGroup, ScaleGroup } from './choice-group';
import { ErrorNotice, Loading, StatusMessage } from './status';

const PHASE_MEANING: Record<string, string> = {
  'establishing-response': 'We are finding out if the treatment helps you. Some soreness for a day or two after a visit is normal.',
  'extending-window': 'The treatment helps for a while. Now we try to make the good days last longer.',
  'movement-entry': 'The relief now lasts about a week. We start adding gentle exercise, and keep the hands-on care too.',
  'active-progression': 'Most of each visit is now exercise. You are building strength step by step.',
  graduation: 'You have reached your goals. You carry on by yourself, with a plan for bad days.',
  'ongoing-care': 'You and your team chose regular care on purpose. You look at this choice again on the review date.',
};

const RELIEF_CHOICES = [
  { value: 0, label: 'No relief' },
  { value: 0.5, label: 'Half a day' },
  { value: 1, label: '1 day' },
  { value: 2, label: '2 days' },
  { value: 3, label: '3 days' },
  { value: 5, label: '4 to 5 days' },
  { value: 7, label: 'About a week' },
  { value: 10, label: 'More than a week' },
];

function ReportForm({ view, onSaved }: { view: CarePlanView; onSaved: () => void }): ReactElement {
  const goals = view.plan?.goals.filter((g) => g.status === 'active') ?? [];
  const [relief, setRelief] = useState<number | null>(null);
  const [scores, setScores] = useState<Record<string, number>>({});
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const errs = fieldErrors(error, ['reliefWindowDays', 'goalScores', 'reportedOn']);
  const today = new Date();
  const reportedOn = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setSending(true);
    setError(null);
    try {
      await apiPost(`/api/v1/patients/${view.patientId}/care-plan/reports`, {
        reportedOn,
        afterSessionId: null,
        reliefWindowDays: relief,
        goalScores: Object.entries(scores).map(([goalId, score]) => ({ goalId, score })),
        symptomScore: null,
        note: null,
      });
      setRelief(null);
      setScores({});
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setSending(false);
    }
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-labelledby="report-title" noValidate>
      <h3 id="report-title">Tell your team how it went</h3>
      {error !== null && <ErrorNotice error={error} title="We could not send this." extra={[...(errs[''] ?? []), ...(errs.reportedOn ?? [])]} focus />}
      <RadioGroup legend="How long did the relief last after your last visit?" name="relief" layout="inline" value={relief} onChange={setRelief} choices={RELIEF_CHOICES} errors={errs.reliefWindowDays} />
      {goals.map((g) => (
        <ScaleGroup key={g.id} legend={`How did this go since your last visit: ${g.statement}?`} name={`goal-${g.id}`} value={scores[g.id] ?? null} onChange={(v) => setScores((s) => ({ ...s, [g.id]: v }))} anchors={{ low: 'I could not do it', high: 'As well as before my pain' }} errors={errs.goalScores} />
      ))}
      <div className="button-row">
        <button type="submit" className="button" disabled={sending}>
          {sending ? 'Sending…' : 'Send to my care team'}
        </button>
      </div>
    </form>
  );
}

export function MyPlan({ patientId }: { patientId: string }): ReactElement | null {
  const { state, reload } = useApiData<CarePlanView>(`/api/v1/patients/${patientId}/care-plan`);
  const [sent, setSent] = useState('');
  if (state.status === 'loading') return <Loading label="Opening your plan…" />;
  if (state.status === 'error') return isApiError(state.error) && state.error.status === 403 ? null : <ErrorNotice error={state.error} title="We could not open your plan." />;
  const view = state.data;
  const plan = view.plan;
  if (plan === null) return null;
  const next = view.checkpoints.find((c) => c.status === 'due');
  const waits = plan.interventions.filter((i) => i.bridgePlan !== null && i.status === 'waiting');
  return (
    <section className="card my-plan" aria-labelledby="my-plan-title">
      <h2 id="my-plan-title">My plan</h2>
      {plan.patientSummary !== null && <p>{plan.patientSummary}</p>}
      <p>
        <strong>Where you are: {PHASE_WORDS[plan.phase].patient}.</strong> {PHASE_MEANING[plan.phase]}
      </p>
      <h3>My goals</h3>
      <ul className="goal-list">
        {plan.goals.map((g) => {
          const p = view.progression?.checkpoint.goals.find((x) => x.goalId === g.id);
          return (
            <li key={g.id}>
              <strong>{g.statement}.</strong> You started at {g.baselineScore} out of 10
              {p?.latestScore !== null && p?.latestScore !== undefined ? `, now ${p.latestScore}` : ''}. The aim is {g.targetScore} by {formatDate(g.targetDate)}.
            </li>
          );
        })}
      </ul>
      {waits.length > 0 && (
        <>
          <h3>While you wait</h3>
          <ul>
            {waits.map((w) => (
              <li key={w.id}>
                {w.description}
                {w.expectedStartDate !== null && <> should start around {formatDate(w.expectedStartDate)}</>}. Until then: {w.bridgePlan?.text}
              </li>
            ))}
          </ul>
        </>
      )}
      {next !== undefined && <p>Your next check-in with your team about the plan is on {formatDate(next.dueOn)}. You will look at where you started, where you are and where you want to go.</p>}
      <Suspense fallback={<Loading label="Drawing the chart…" />}>
        <LazyReliefChart view={view} audience="patient" />
      </Suspense>
      <StatusMessage>{sent}</StatusMessage>
      <ReportForm view={view} onSaved={() => { setSent('Thank you. Your care team can see this now.'); reload(); }} />
    </section>
  );
}
