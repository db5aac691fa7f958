/**
 * "Assessment" on the staff patient page: the latest pain mechanism, irritability (with the criteria
 * shown beside each level — the clinician chooses, nothing is decided for them), comorbidities, onset and
 * chronicity, and a form to record a new assessment (POST /patients/:id/assessments).
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { classifyChronicity } from '../../domain/intake/chronicity';
import { IRRITABILITY_CRITERIA, IRRITABILITY_LEVELS, IRRITABILITY_SOURCE, PAIN_MECHANISMS } from '../../domain/intake/irritability';
import { apiPost, fieldErrors } from '../api';
import { formatDateTime, humanize } from '../format';
import { useApiData } from '../hooks';
import type { Assessment, AssessmentList } from '../measures-types';
import { useUser } from '../session';
import { RadioGroup } from './choice-group';
import { onsetWords } from './intake/intake-review';
import { TextField } from './form-field';
import { CheckedTextArea } from './language-checked-text-area';
import { ErrorNotice, Loading, StatusMessage } from './status';

const FIELDS = ['mechanism', 'irritability', 'comorbidities', 'onsetDate', 'notes'] as const;
const RECORDERS = ['prescriber', 'therapist', 'behavioural_health'];

/** Acute, subacute or chronic today, by the domain's rule (CDC 2022), from the onset and where it came from. */
export function chronicityWords(onset: string | null, from: string): string | null {
  if (onset === null || onset === '') return null;
  const result = classifyChronicity(onset, new Date());
  if (result === null) return null;
  const months = `${result.months} month${result.months === 1 ? '' : 's'}`;
  return `${humanize(result.category)}: ${months} since ${onsetWords(onset, false) ?? onset} (onset from the ${from}; ${result.source})`;
}

function Latest({ a, intakeOnset }: { a: Assessment | undefined; intakeOnset: string | null }): ReactElement {
  const chronicity = a?.onsetDate ? chronicityWords(a.onsetDate, 'assessment') : chronicityWords(intakeOnset, 'intake');
  if (a === undefined) {
    return (
      <>
        <p className="muted">No assessment recorded yet.</p>
        {chronicity !== null && <p>{chronicity}</p>}
      </>
    );
  }
  return (
    <dl className="facts">
      <div className="facts-row">
        <dt>Mechanism</dt>
        <dd>{humanize(a.mechanism)}</dd>
      </div>
      <div className="facts-row">
        <dt>Irritability</dt>
        <dd>{humanize(a.irritability)}</dd>
      </div>
      <div className="facts-row">
        <dt>Other conditions</dt>
        <dd>{a.comorbidities.length === 0 ? <span className="muted">None recorded</span> : a.comorbidities.join(', ')}</dd>
      </div>
      <div className="facts-row">
        <dt>Onset and chronicity</dt>
        <dd>{chronicity ?? <span className="muted">No onset date yet</span>}</dd>
      </div>
      {a.notes !== null && a.notes !== '' && (
        <div className="facts-row">
          <dt>Notes</dt>
          <dd>{a.notes}</dd>
        </div>
      )}
      <div className="facts-row">
        <dt>Recorded</dt>
        <dd>
          {formatDateTime(a.assessedAt)}
          {a.assessedByName !== null && ` by ${a.assessedByName}`}
        </dd>
      </div>
    </dl>
  );
}

interface Draft {
  mechanism: string | null;
  irritability: string | null;
  comorbidities: string[];
  newComorbidity: string;
  onsetDate: string;
  notes: string;
}

function AssessmentForm({ patientId, latest, onSaved, onCancel }: { patientId: string; latest: Assessment | undefined; onSaved: (a: Assessment) => void; onCancel: () => void }): ReactElement {
  const [draft, setDraft] = useState<Draft>({
    mechanism: latest?.mechanism ?? null,
    irritability: latest?.irritability ?? null,
    comorbidities: latest?.comorbidities ?? [],
    newComorbidity: '',
    onsetDate: latest?.onsetDate ?? '',
    notes: '',
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const byField = fieldErrors(error, FIELDS);
  const set = (change: Partial<Draft>): void => setDraft((d) => ({ ...d, ...change }));

  function addComorbidity(): void {
    const name = draft.newComorbidity.trim();
    if (name === '' || draft.comorbidities.includes(name)) return;
    set({ comorbidities: [...draft.comorbidities, name], newComorbidity: '' });
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const pending = draft.newComorbidity.trim();
    const comorbidities = pending !== '' && !draft.comorbidities.includes(pending) ? [...draft.comorbidities, pending] : draft.comorbidities;
    try {
      const saved = await apiPost<Assessment>(`/api/v1/patients/${encodeURIComponent(patientId)}/assessments`, {
        mechanism: draft.mechanism ?? '',
        irritability: draft.irritability ?? '',
        comorbidities,
        onsetDate: draft.onsetDate === '' ? null : draft.onsetDate,
        notes: draft.notes.trim() === '' ? null : draft.notes.trim(),
      });
      onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form form--panel" onSubmit={(e) => void handleSubmit(e)} aria-labelledby="assessment-form-title" noValidate>
      <h3 id="assessment-form-title">Record an assessment</h3>
      {error !== null && <ErrorNotice error={error} title="We could not save the assessment." extra={byField[''] ?? []} focus />}
      <RadioGroup
        legend="Pain mechanism"
        name="mechanism"
        choices={PAIN_MECHANISMS.map((m) => ({ value: m, label: humanize(m) }))}
        value={draft.mechanism}
        onChange={(mechanism) => set({ mechanism })}
        errors={byField.mechanism}
        layout="inline"
      />
      <RadioGroup
        legend="Irritability"
        name="irritability"
        hint={<p>Criteria to weigh (unverified operational scheme; you decide): {IRRITABILITY_SOURCE}</p>}
        choices={IRRITABILITY_LEVELS.map((level) => ({
          value: level,
          label: humanize(level),
          detail: (
            <ul className="criteria">
              {IRRITABILITY_CRITERIA[level].map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          ),
        }))}
        value={draft.irritability}
        onChange={(irritability) => set({ irritability })}
        errors={byField.irritability}
        layout="columns"
      />
      <fieldset className="choice-group">
        <legend>Other conditions (comorbidities)</legend>
        {draft.comorbidities.length === 0 ? (
          <p className="muted">None listed.</p>
        ) : (
          <ul className="chip-list">
            {draft.comorbidities.map((c) => (
              <li key={c}>
                <span>{c}</span>
                <button type="button" className="button button--secondary button--small" onClick={() => set({ comorbidities: draft.comorbidities.filter((x) => x !== c) })}>
                  Remove<span className="visually-hidden"> {c}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="inline-form">
          <TextField label="Add a condition" name="comorbidity" value={draft.newComorbidity} onChange={(newComorbidity) => set({ newComorbidity })} errors={byField.comorbidities} />
          <button type="button" className="button button--secondary" onClick={addComorbidity}>
            Add
          </button>
        </div>
      </fieldset>
      <TextField label="Onset date (optional)" name="onsetDate" type="date" value={draft.onsetDate} onChange={(onsetDate) => set({ onsetDate })} errors={byField.onsetDate} hint="Used to work out acute, subacute or chronic (CDC 2022)." />
      <CheckedTextArea label="Notes (optional)" name="notes" value={draft.notes} onChange={(notes) => set({ notes })} errors={byField.notes} rows={3} />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save assessment'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function AssessmentSection({ patientId, intakeOnset = null }: { patientId: string; intakeOnset?: string | null }): ReactElement {
  const user = useUser();
  const { state, replace } = useApiData<AssessmentList>(`/api/v1/patients/${encodeURIComponent(patientId)}/assessments`);
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState('');
  const canRecord = RECORDERS.includes(user.role);
  const latest = state.status === 'ready' ? state.data.items[0] : undefined;

  return (
    <section className="card" aria-labelledby="assessment-title">
      <div className="section-heading">
        <h2 id="assessment-title">Assessment</h2>
        {canRecord && !editing && state.status === 'ready' && (
          <button type="button" className="button button--secondary" onClick={() => { setEditing(true); setStatus(''); }}>
            {latest === undefined ? 'Record an assessment' : 'Record a new assessment'}
          </button>
        )}
      </div>
      <StatusMessage>{status}</StatusMessage>
      {state.status === 'loading' && <Loading label="Loading assessments…" />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load the assessments." />}
      {state.status === 'ready' && <Latest a={latest} intakeOnset={intakeOnset} />}
      {!canRecord && <p className="muted">Prescribers, therapists and behavioural-health clinicians record assessments.</p>}
      {editing && state.status === 'ready' && (
        <AssessmentForm
          patientId={patientId}
          latest={latest}
          onCancel={() => setEditing(false)}
          onSaved={(a) => {
            replace({ ...state.data, items: [a, ...state.data.items] });
            setEditing(false);
            setStatus('Assessment saved.');
          }}
        />
      )}
    </section>
  );
}
