/**
 * Making the plan: goals start from the person's PSFS activities (baseline = their score), each made
 * specific, measurable and dated; interventions per domain with an owner on the care team, and a bridge
 * plan whenever there is a wait; the checkpoint schedule (every 14 days by default); graduation criteria.
 * The server checks everything and lists every problem; they are shown at the top and next to the fields.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { apiPost, fieldErrors } from '../../api';
import { INTERVENTION_DOMAINS } from '../../../domain/care-plan/types';
import type { CarePlanView } from '../../care-plan-types';
import { DOMAIN_WORDS } from '../../care-plan-types';
import { roleLabel } from '../../format';
import { ErrorNotice } from '../status';

interface GoalRow { activity: string; statement: string; baseline: string; target: string; date: string }
interface InterventionRow { domain: string; description: string; owner: string; waitDays: string; bridge: string }

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export function PlanForm({ view, today, onSaved }: { view: CarePlanView; today: string; onSaved: () => void }): ReactElement {
  const firstOwner = view.careTeam[0]?.id ?? '';
  const [title, setTitle] = useState('Back to the things that matter');
  const [goals, setGoals] = useState<GoalRow[]>(
    view.suggestedGoals.length > 0
      ? view.suggestedGoals.map((g) => ({ activity: g.activity, statement: g.activity, baseline: String(g.baselineScore), target: String(Math.min(10, g.baselineScore + 4)), date: addDays(today, 84) }))
      : [{ activity: '', statement: '', baseline: '', target: '', date: addDays(today, 84) }],
  );
  const [interventions, setInterventions] = useState<InterventionRow[]>([{ domain: 'rehabilitation', description: '', owner: firstOwner, waitDays: '', bridge: '' }]);
  const [criterion, setCriterion] = useState('Every goal activity at its target score, held for two weeks');
  const [summary, setSummary] = useState('');
  const [interval, setInterval] = useState('14');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const errs = fieldErrors(error, []);

  const setGoal = (i: number, patch: Partial<GoalRow>): void => setGoals((gs) => gs.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  const setIv = (i: number, patch: Partial<InterventionRow>): void => setInterventions((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    const days = Number(interval);
    try {
      await apiPost(`/api/v1/patients/${view.patientId}/care-plan`, {
        title,
        status: 'active',
        startDate: today,
        phase: 'establishing-response',
        ongoingCare: null,
        baselineSymptomScore: null,
        goals: goals.map((g, i) => ({ id: `goal-${i + 1}`, activity: g.activity, statement: g.statement, baselineScore: Number(g.baseline), targetScore: Number(g.target), targetDate: g.date, status: 'active' })),
        interventions: interventions.map((x, i) => {
          const wait = x.waitDays.trim() === '' ? null : Number(x.waitDays);
          return {
            id: `iv-${i + 1}`, domain: x.domain, description: x.description, ownerUserId: x.owner === '' ? null : x.owner, ownerRole: null,
            status: wait !== null && wait > 0 ? 'waiting' : 'active', expectedStartDate: wait !== null && wait > 0 ? addDays(today, wait) : null, expectedWaitDays: wait,
            bridgePlan: x.bridge.trim() === '' ? null : { text: x.bridge.trim(), ownerUserId: null },
          };
        }),
        checkpointSchedule: { firstDate: addDays(today, days), intervalDays: days },
        graduationCriteria: criterion.trim() === '' ? [] : [{ id: 'gc-1', statement: criterion.trim(), goalId: null }],
        patientSummary: summary.trim() === '' ? null : summary.trim(),
      });
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="form form--panel" onSubmit={(e) => void submit(e)} aria-labelledby="plan-form-title" noValidate>
      <h2 id="plan-form-title">Make the care plan</h2>
      {view.suggestedGoals.length > 0 && <p className="muted">Goals start from the activities the person named in their latest PSFS.</p>}
      {error !== null && <ErrorNotice error={error} title="The plan was not saved. Please fix these:" extra={errs[''] ?? []} focus />}
      <div className="field">
        <label htmlFor="plan-title">Plan title</label>
        <input id="plan-title" value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <h3>Goals</h3>
      {goals.map((g, i) => (
        <fieldset key={i} className="choice-group goal-row">
          <legend>Goal {i + 1}</legend>
          <div className="form-grid">
            <div className="field"><label htmlFor={`g${i}-a`}>Activity</label><input id={`g${i}-a`} value={g.activity} onChange={(e) => setGoal(i, { activity: e.target.value })} /></div>
            <div className="field"><label htmlFor={`g${i}-s`}>Specific goal</label><input id={`g${i}-s`} value={g.statement} onChange={(e) => setGoal(i, { statement: e.target.value })} /></div>
            <div className="field"><label htmlFor={`g${i}-b`}>Score now (0–10)</label><input id={`g${i}-b`} type="number" min={0} max={10} value={g.baseline} onChange={(e) => setGoal(i, { baseline: e.target.value })} /></div>
            <div className="field"><label htmlFor={`g${i}-t`}>Target score (0–10)</label><input id={`g${i}-t`} type="number" min={0} max={10} value={g.target} onChange={(e) => setGoal(i, { target: e.target.value })} /></div>
            <div className="field"><label htmlFor={`g${i}-d`}>By</label><input id={`g${i}-d`} type="date" value={g.date} onChange={(e) => setGoal(i, { date: e.target.value })} /></div>
          </div>
        </fieldset>
      ))}
      <h3>Interventions</h3>
      {interventions.map((x, i) => (
        <fieldset key={i} className="choice-group goal-row">
          <legend>Intervention {i + 1}</legend>
          <div className="form-grid">
            <div className="field">
              <label htmlFor={`i${i}-d`}>Domain</label>
              <select id={`i${i}-d`} value={x.domain} onChange={(e) => setIv(i, { domain: e.target.value })}>
                {INTERVENTION_DOMAINS.map((d) => <option key={d} value={d}>{DOMAIN_WORDS[d]}</option>)}
              </select>
            </div>
            <div className="field"><label htmlFor={`i${i}-x`}>What is done</label><input id={`i${i}-x`} value={x.description} onChange={(e) => setIv(i, { description: e.target.value })} /></div>
            <div className="field">
              <label htmlFor={`i${i}-o`}>Owner on the care team</label>
              <select id={`i${i}-o`} value={x.owner} onChange={(e) => setIv(i, { owner: e.target.value })}>
                {view.careTeam.map((m) => <option key={m.id} value={m.id}>{m.displayName} ({roleLabel(m.role)})</option>)}
              </select>
            </div>
            <div className="field"><label htmlFor={`i${i}-w`}>Expected wait (days, if any)</label><input id={`i${i}-w`} type="number" min={0} value={x.waitDays} onChange={(e) => setIv(i, { waitDays: e.target.value })} /></div>
            <div className="field"><label htmlFor={`i${i}-b`}>Bridge plan (needed when there is a wait)</label><textarea id={`i${i}-b`} rows={2} value={x.bridge} onChange={(e) => setIv(i, { bridge: e.target.value })} /></div>
          </div>
        </fieldset>
      ))}
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => setInterventions((xs) => [...xs, { domain: 'self-management', description: '', owner: firstOwner, waitDays: '', bridge: '' }])}>
          Add an intervention
        </button>
      </div>
      <div className="form-grid">
        <div className="field"><label htmlFor="plan-interval">Checkpoint every (days)</label><input id="plan-interval" type="number" min={1} max={182} value={interval} onChange={(e) => setInterval(e.target.value)} /></div>
        <div className="field"><label htmlFor="plan-grad">Graduation looks like</label><input id="plan-grad" value={criterion} onChange={(e) => setCriterion(e.target.value)} /></div>
      </div>
      <div className="field"><label htmlFor="plan-summary">The plan in plain words, for the person</label><textarea id="plan-summary" rows={2} value={summary} onChange={(e) => setSummary(e.target.value)} /></div>
      <div className="button-row">
        <button type="submit" className="button" disabled={saving}>{saving ? 'Saving…' : 'Save the plan'}</button>
      </div>
    </form>
  );
}
