/**
 * The session log a therapist completes in under a minute: date (today), modalities (as last time), the
 * passive share (worked out from the modalities), and what the person reports — relief after the last
 * session, soreness, symptoms today, and each goal activity. Everything but date and modalities is optional.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { apiPost, fieldErrors } from '../../api';
import { ACTIVE_MODALITIES, PASSIVE_MODALITIES } from '../../../domain/care-plan/types';
import type { CarePlanGoal, Modality } from '../../care-plan-types';
import { MODALITY_WORDS } from '../../care-plan-types';
import { CheckboxGroup } from '../choice-group';
import { ErrorNotice } from '../status';
import { NumberField, numberOrNull } from './number-field';

const FIELDS = ['date', 'modalities', 'passivePercent', 'reliefWindowDaysReported', 'soreness', 'symptomScore', 'goalScores', 'note'];

function defaultPassive(modalities: readonly Modality[]): number {
  const passive = modalities.filter((m) => (PASSIVE_MODALITIES as readonly string[]).includes(m)).length;
  if (passive === modalities.length) return 100;
  if (passive === 0) return 0;
  return 60;
}

interface Props {
  patientId: string;
  goals: CarePlanGoal[];
  today: string;
  lastModalities: Modality[];
  onSaved: () => void;
}

export function SessionForm({ patientId, goals, today, lastModalities, onSaved }: Props): ReactElement {
  const [date, setDate] = useState(today);
  const [modalities, setModalities] = useState<Modality[]>(lastModalities.length > 0 ? lastModalities : ['needling']);
  const [passive, setPassive] = useState(String(defaultPassive(lastModalities.length > 0 ? lastModalities : ['needling'])));
  const [relief, setRelief] = useState('');
  const [soreness, setSoreness] = useState('');
  const [sorenessHours, setSorenessHours] = useState('');
  const [symptom, setSymptom] = useState('');
  const [scores, setScores] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const errs = fieldErrors(error, FIELDS);

  const chooseModalities = (next: string[]): void => {
    const typed = next as Modality[];
    setModalities(typed);
    setPassive(String(defaultPassive(typed)));
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    const sorenessScore = numberOrNull(soreness);
    try {
      await apiPost(`/api/v1/patients/${patientId}/care-plan/sessions`, {
        date,
        modalities,
        passivePercent: Number(passive),
        soreness: sorenessScore === null ? null : { score: sorenessScore, hours: numberOrNull(sorenessHours) ?? 0 },
        reliefWindowDaysReported: numberOrNull(relief),
        goalScores: goals.flatMap((g) => {
          const v = numberOrNull(scores[g.id] ?? '');
          return v === null ? [] : [{ goalId: g.id, score: v }];
        }),
        symptomScore: numberOrNull(symptom),
        precipitatingEvent: null,
        note: note.trim() === '' ? null : note.trim(),
      });
      setRelief('');
      setSoreness('');
      setSorenessHours('');
      setSymptom('');
      setScores({});
      setNote('');
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="form form--panel" onSubmit={(e) => void submit(e)} aria-labelledby="session-form-title" noValidate>
      <h3 id="session-form-title">Log a session</h3>
      {error !== null && <ErrorNotice error={error} title="The session was not saved." extra={errs[''] ?? []} focus />}
      <div className="form-grid">
        <div className="field">
          <label htmlFor="session-date">Session date</label>
          <input id="session-date" type="date" value={date} max={today} onChange={(e) => setDate(e.target.value)} aria-invalid={errs.date ? true : undefined} />
          {errs.date && <ul className="field-error">{errs.date.map((m) => <li key={m}>{m}</li>)}</ul>}
        </div>
        <NumberField label="Passive share (%)" name="passivePercent" value={passive} onChange={setPassive} min={0} max={100} step={5} hint="The rest of the session was active work." errors={errs.passivePercent} />
      </div>
      <CheckboxGroup
        legend="What was done"
        name="modalities"
        className="modality-choices"
        values={modalities}
        onChange={chooseModalities}
        errors={errs.modalities}
        choices={[...PASSIVE_MODALITIES, ...ACTIVE_MODALITIES].map((m) => ({ value: m, label: MODALITY_WORDS[m] ?? m, detail: (PASSIVE_MODALITIES as readonly string[]).includes(m) ? 'Passive' : 'Active' }))}
      />
      <div className="form-grid">
        <NumberField label="Relief after the last session (days)" name="relief" value={relief} onChange={setRelief} min={0} max={90} step={0.5} hint="What the person reports: days of meaningful relief. 0 = none." errors={errs.reliefWindowDaysReported} />
        <NumberField label="Soreness after the last session (0–10)" name="soreness" value={soreness} onChange={setSoreness} min={0} max={10} hint="Leave empty if none." errors={errs.soreness} />
        <NumberField label="Soreness lasted (hours)" name="sorenessHours" value={sorenessHours} onChange={setSorenessHours} min={0} max={336} />
        <NumberField label="Symptoms today (0–10)" name="symptomScore" value={symptom} onChange={setSymptom} min={0} max={10} hint="10 = worst" errors={errs.symptomScore} />
      </div>
      {goals.length > 0 && (
        <fieldset className="choice-group">
          <legend>How the goal activities went between sessions (0 = cannot do it, 10 = as before)</legend>
          <div className="form-grid">
            {goals.map((g) => (
              <NumberField key={g.id} label={g.activity} name={`goal-${g.id}`} value={scores[g.id] ?? ''} onChange={(v) => setScores((s) => ({ ...s, [g.id]: v }))} min={0} max={10} />
            ))}
          </div>
          {errs.goalScores && <ul className="field-error">{errs.goalScores.map((m) => <li key={m}>{m}</li>)}</ul>}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor="session-note">Note (optional)</label>
        <textarea id="session-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : 'Log session'}
        </button>
      </div>
    </form>
  );
}
