/**
 * Small changes to a plan, each a new version: record the phase the team agrees on (the engine only
 * suggests), and record a flare and how it settled. Also the version history.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { apiPost, etagFor, fieldErrors, request } from '../../api';
import { PROGRESSION_PHASES } from '../../../domain/care-plan/types';
import type { CarePlan, CarePlanView, PlanVersion, ProgressionPhase } from '../../care-plan-types';
import { PHASE_WORDS } from '../../care-plan-types';
import { formatDateTime } from '../../format';
import { useApiData } from '../../hooks';
import { ErrorNotice, Loading } from '../status';

function contentOf(plan: CarePlan): Record<string, unknown> {
  const { id: _id, patientId: _p, version: _v, ...content } = plan as CarePlan & { updatedAt?: string; updatedBy?: string };
  const { updatedAt: _u, updatedBy: _b, ...rest } = content as typeof content & { updatedAt?: string; updatedBy?: string };
  return rest;
}

export function PhaseForm({ plan, suggested, onSaved }: { plan: CarePlan; suggested: ProgressionPhase; onSaved: () => void }): ReactElement {
  const [phase, setPhase] = useState<ProgressionPhase>(suggested === 'ongoing-care' || suggested === 'graduation' ? plan.phase : suggested);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const errs = fieldErrors(error, []);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    try {
      await request('PUT', `/api/v1/patients/${plan.patientId}/care-plan`, { body: { ...contentOf(plan), phase, changeNote: note.trim() === '' ? `Phase recorded: ${PHASE_WORDS[phase].staff}` : note.trim() }, headers: { 'if-match': etagFor(plan.version) } });
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  // Graduation and ongoing care are checkpoint decisions (with a self-management plan or a review date).
  const choices = PROGRESSION_PHASES.filter((p) => p !== 'graduation' && p !== 'ongoing-care');
  return (
    <form className="form form--inline-panel" onSubmit={(e) => void submit(e)} aria-labelledby="phase-form-title" noValidate>
      <h3 id="phase-form-title">Record the phase</h3>
      {error !== null && <ErrorNotice error={error} extra={errs[''] ?? []} focus />}
      <div className="form-grid">
        <div className="field">
          <label htmlFor="phase-select">Phase</label>
          <select id="phase-select" value={phase} onChange={(e) => setPhase(e.target.value as ProgressionPhase)}>
            {choices.map((p) => <option key={p} value={p}>{PHASE_WORDS[p].staff}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="phase-note">Why (kept in the history)</label>
          <input id="phase-note" value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="button button--secondary">Record phase</button>
      </div>
    </form>
  );
}

export function FlareForm({ view, onSaved }: { view: CarePlanView; onSaved: () => void }): ReactElement {
  const [started, setStarted] = useState('');
  const [baseline, setBaseline] = useState('');
  const [peak, setPeak] = useState('');
  const [settled, setSettled] = useState('');
  const [after, setAfter] = useState('');
  const [trigger, setTrigger] = useState('');
  const [error, setError] = useState<unknown>(null);
  const errs = fieldErrors(error, []);
  const iso = (local: string): string | null => (local === '' ? null : new Date(local).toISOString());
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    try {
      await apiPost(`/api/v1/patients/${view.patientId}/care-plan/flares`, {
        startedAt: iso(started), baselineSymptomScore: Number(baseline), peakSymptomScore: Number(peak),
        settledAt: iso(settled), symptomScoreAfter: after === '' ? null : Number(after), trigger: trigger.trim() === '' ? null : trigger.trim(), reportedBy: 'patient',
      });
      setStarted(''); setBaseline(''); setPeak(''); setSettled(''); setAfter(''); setTrigger('');
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="form form--panel" onSubmit={(e) => void submit(e)} aria-labelledby="flare-form-title" noValidate>
      <h3 id="flare-form-title">Record a flare</h3>
      {error !== null && <ErrorNotice error={error} title="The flare was not saved." extra={errs[''] ?? []} focus />}
      <div className="form-grid">
        <div className="field"><label htmlFor="fl-start">Symptoms rose on</label><input id="fl-start" type="datetime-local" value={started} onChange={(e) => setStarted(e.target.value)} /></div>
        <div className="field"><label htmlFor="fl-base">Symptoms before (0–10)</label><input id="fl-base" type="number" min={0} max={10} value={baseline} onChange={(e) => setBaseline(e.target.value)} /></div>
        <div className="field"><label htmlFor="fl-peak">At worst (0–10)</label><input id="fl-peak" type="number" min={0} max={10} value={peak} onChange={(e) => setPeak(e.target.value)} /></div>
        <div className="field"><label htmlFor="fl-settled">Settled on (empty if not yet)</label><input id="fl-settled" type="datetime-local" value={settled} onChange={(e) => setSettled(e.target.value)} /></div>
        <div className="field"><label htmlFor="fl-after">Symptoms once settled (0–10)</label><input id="fl-after" type="number" min={0} max={10} value={after} onChange={(e) => setAfter(e.target.value)} /></div>
        <div className="field"><label htmlFor="fl-trigger">What set it off, if known</label><input id="fl-trigger" value={trigger} onChange={(e) => setTrigger(e.target.value)} /></div>
      </div>
      <div className="button-row"><button type="submit" className="button button--secondary">Save flare</button></div>
    </form>
  );
}

/** Remount (key) to load again after a change. */
export function PlanHistory({ patientId, names }: { patientId: string; names: ReadonlyMap<string, string> }): ReactElement {
  const { state } = useApiData<{ items: PlanVersion[] }>(`/api/v1/patients/${patientId}/care-plan/versions`);
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">Plan history</h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} />}
      {state.status === 'ready' && (
        <ol className="plain-list version-list">
          {state.data.items.map((v) => (
            <li key={v.version}>
              <strong>Version {v.version}</strong> · {formatDateTime(v.changedAt)} · {names.get(v.changedBy) ?? 'Care team'} · {PHASE_WORDS[v.plan.phase].staff}
              {v.changeNote !== null && <> — {v.changeNote}</>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
