/**
 * The taper planner: the clinician and patient choose a pace (the reference pace or any slower one), see the
 * schedule in whole tablets, add pauses, record the patient's agreement in their own words, and save. A
 * saved plan shows its chart of planned and actual dose with PEG beside it, and takes the doses actually
 * taken at follow-ups. A pace faster than the reference needs a documented life-threatening reason.
 */
import { lazy, Suspense, useState, type FormEvent, type ReactElement } from 'react';
import type { CustomPace, TaperPlan } from '../../../domain/opioids';
import { apiPost, fieldErrors } from '../../api';
import { formatDate } from '../../format';
import { useApiData } from '../../hooks';
import type { SavedTaperPlan } from '../../medications-types';
import { SelectField, TextArea, TextField } from '../form-field';
import { ErrorNotice, Loading } from '../status';

const LazyTaperChart = lazy(async () => ({ default: (await import('./taper-chart')).TaperChart }));

const PACES: Record<string, { label: string; pace?: CustomPace }> = {
  reference: { label: 'Reference pace for how long opioids have been taken' },
  'monthly-10': { label: '10 % of the original dose each month', pace: { every: { months: 1 }, cut: { percent: 10, of: 'original' }, label: '10 % of the original dose each month' } },
  'monthly-5': { label: '5 % of the original dose each month (slower)', pace: { every: { months: 1 }, cut: { percent: 5, of: 'original' }, label: '5 % of the original dose each month' } },
  'monthly-10-current': { label: '10 % of the current dose each month (slows as it goes)', pace: { every: { months: 1 }, cut: { percent: 10, of: 'current' }, label: '10 % of the current dose each month' } },
};

function doseWords(step: TaperPlan['steps'][number]): string {
  if (step.kind === 'pause') return `Hold this dose for ${step.pauseDays ?? 0} more days`;
  if (step.kind === 'stop') return 'Stop';
  return step.doses.map((d) => `${d.name} ${d.mgPerDay} mg/day${d.everyOtherDay ? ' (every other day)' : ''}: ${d.tablets.map((t) => `${t.count} × ${t.strengthMg} mg`).join(' + ') || 'none'}`).join('; ');
}

function Schedule({ plan }: { plan: TaperPlan }): ReactElement {
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <caption>Schedule ({plan.pace?.label ?? 'no pace'})</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">From</th>
            <th scope="col">Daily dose</th>
            <th scope="col">MME/day</th>
          </tr>
        </thead>
        <tbody>
          {plan.steps.map((s) => (
            <tr key={s.index}>
              <th scope="row">{s.index}{s.abrupt.some((a) => a.flagged) && <span className="tag tag--warning">Faster than the reference</span>}</th>
              <td data-label="From">{formatDate(s.startsOn)}</td>
              <td data-label="Daily dose">{doseWords(s)}</td>
              <td data-label="MME/day">{s.mmePerDay ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SavedPlan({ patientId, planId, today }: { patientId: string; planId: string; today: string }): ReactElement {
  const { state, reload } = useApiData<SavedTaperPlan>(`/api/v1/patients/${patientId}/medications/taper-plans/${planId}`);
  const [takenOn, setTakenOn] = useState(today);
  const [mme, setMme] = useState('');
  const [error, setError] = useState<unknown>(null);
  if (state.status === 'loading') return <Loading label="Opening the taper plan…" />;
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  const saved = state.data;
  async function record(e: FormEvent): Promise<void> {
    e.preventDefault();
    try {
      await apiPost(`/api/v1/patients/${patientId}/medications/taper-plans/${planId}/actual-doses`, { takenOn, mmePerDay: Number(mme) });
      setMme('');
      reload();
    } catch (err) {
      setError(err);
    }
  }
  const errors = fieldErrors(error, ['takenOn', 'mmePerDay']);
  return (
    <div>
      <h3>Current taper plan (from {formatDate(saved.startDate)})</h3>
      <blockquote className="agreement">
        <p>“{saved.patientAgreement}”</p>
        <footer>The patient’s agreement, in their words</footer>
      </blockquote>
      <p>{saved.naloxoneOffered ? 'Naloxone was offered.' : 'Naloxone has not been offered yet: tolerance can drop within a week.'}</p>
      <Suspense fallback={<Loading label="Drawing the chart…" />}>
        <LazyTaperChart plan={saved.plan} actual={saved.actualDoses} peg={saved.peg ?? []} />
      </Suspense>
      <form className="form form--panel" onSubmit={(e) => void record(e)} aria-label="Record the dose actually taken">
        {error !== null && <ErrorNotice error={error} focus />}
        <div className="form-grid">
          <TextField label="Taken on" name="takenOn" type="date" value={takenOn} onChange={setTakenOn} errors={errors.takenOn} />
          <TextField label="Actual MME/day" name="mmePerDay" value={mme} onChange={setMme} inputMode="numeric" errors={errors.mmePerDay} />
        </div>
        <div className="button-row"><button type="submit" className="button button--secondary">Record dose taken</button></div>
      </form>
      <Schedule plan={saved.plan} />
    </div>
  );
}

export function TaperPlanner({ patientId, activePlanId, today, onSaved }: { patientId: string; activePlanId: string | null; today: string; onSaved: (m: string) => void }): ReactElement {
  const [startDate, setStartDate] = useState(today);
  const [paceKey, setPaceKey] = useState('reference');
  const [pauses, setPauses] = useState<{ afterStep: number; days: number }[]>([]);
  const [pauseStep, setPauseStep] = useState('');
  const [pauseDays, setPauseDays] = useState('28');
  const [plan, setPlan] = useState<TaperPlan | null>(null);
  const [agreement, setAgreement] = useState('');
  const [naloxone, setNaloxone] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [planning, setPlanning] = useState(activePlanId === null);
  const errors = fieldErrors(error, ['startDate', 'pace', 'pauses', 'patientAgreement', 'naloxoneOffered', 'lifeThreateningReason']);
  const pace = PACES[paceKey]?.pace;
  const body = (): Record<string, unknown> => ({ startDate, ...(pace ? { pace } : {}), ...(pauses.length > 0 ? { pauses } : {}), ...(reason.trim() !== '' ? { lifeThreateningReason: reason.trim() } : {}) });

  async function preview(next = pauses): Promise<void> {
    setError(null);
    try {
      setPlan(await apiPost<TaperPlan>(`/api/v1/patients/${patientId}/medications/taper-plans/preview`, { ...body(), ...(next.length > 0 ? { pauses: next } : {}) }));
    } catch (err) {
      setError(err);
    }
  }
  async function save(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    try {
      await apiPost(`/api/v1/patients/${patientId}/medications/taper-plans`, { ...body(), patientAgreement: agreement, naloxoneOffered: naloxone });
      setPlanning(false);
      onSaved('The taper plan was saved, with monthly follow-up tasks.');
    } catch (err) {
      setError(err);
    }
  }
  const flagged = plan !== null && plan.flaggedSteps > 0;
  return (
    <section className="card" aria-labelledby="taper-title">
      <div className="section-heading">
        <h2 id="taper-title">Taper planner</h2>
        {activePlanId !== null && !planning && <button type="button" className="button button--secondary" onClick={() => setPlanning(true)}>Plan a new taper</button>}
      </div>
      <p className="muted">
        A taper is planned with the patient, at a pace they agree to, and can pause at any step. It is one option among several; continuing
        the current dose with regular review is another.
      </p>
      {activePlanId !== null && !planning && <SavedPlan patientId={patientId} planId={activePlanId} today={today} />}
      {planning && (
        <form className="form" onSubmit={(e) => void save(e)} aria-label="Plan a taper">
          {error !== null && <ErrorNotice error={error} focus extra={errors[''] ?? []} />}
          <div className="form-grid">
            <TextField label="Start on" name="startDate" type="date" value={startDate} onChange={setStartDate} errors={errors.startDate} />
            <SelectField label="Pace" name="pace" value={paceKey} onChange={setPaceKey} options={Object.entries(PACES).map(([value, p]) => ({ value, label: p.label }))} errors={errors.pace} />
          </div>
          <div className="button-row">
            <button type="button" className="button button--secondary" onClick={() => void preview()}>Show the schedule</button>
          </div>
          {plan !== null && (
            <>
              {plan.issues.map((i) => (
                <p key={`${i.code}-${i.path ?? ''}`} className={i.severity === 'info' ? 'notice' : 'banner banner--warning'}>{i.message}</p>
              ))}
              <Schedule plan={plan} />
              <p className="notice">{plan.naloxone.message}</p>
              <fieldset className="form--panel">
                <legend>Add a pause</legend>
                <div className="form-grid">
                  <TextField label="After step" name="pauseStep" value={pauseStep} onChange={setPauseStep} inputMode="numeric" />
                  <TextField label="Days to hold the dose" name="pauseDays" value={pauseDays} onChange={setPauseDays} inputMode="numeric" />
                </div>
                <div className="button-row">
                  <button type="button" className="button button--secondary" disabled={pauseStep === ''} onClick={() => { const next = [...pauses, { afterStep: Number(pauseStep), days: Number(pauseDays) }]; setPauses(next); setPauseStep(''); void preview(next); }}>
                    Add pause
                  </button>
                </div>
                {pauses.length > 0 && <p>Pauses: {pauses.map((p) => `after step ${p.afterStep} for ${p.days} days`).join('; ')}</p>}
              </fieldset>
              <TextArea label="The patient's agreement, in their own words" name="patientAgreement" value={agreement} onChange={setAgreement} rows={3} errors={errors.patientAgreement} required />
              <div className="checkbox">
                <input id="naloxone-offered" type="checkbox" checked={naloxone} onChange={(e) => setNaloxone(e.target.checked)} />
                <label htmlFor="naloxone-offered">Naloxone and overdose education were offered</label>
              </div>
              {(flagged || errors.lifeThreateningReason !== undefined) && (
                <TextArea label="Life-threatening reason for this pace" name="lifeThreateningReason" value={reason} onChange={setReason} rows={2} errors={errors.lifeThreateningReason} hint="Some steps are faster than the reference bounds. They need a documented life-threatening reason, which is recorded; a slower pace needs none." />
              )}
              <div className="button-row">
                <button type="submit" className="button">Save taper plan</button>
              </div>
            </>
          )}
        </form>
      )}
    </section>
  );
}
