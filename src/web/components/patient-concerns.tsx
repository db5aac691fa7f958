/**
 * Concerns on the staff patient page: early refill requests, lost prescriptions, unexpected test results,
 * PDMP findings, missed visits. Each one is a reason to talk, not a verdict: it closes only after the
 * conversation and the plan are written down, and the page says what is still missing.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { apiPost, etagFor, fieldErrors, request } from '../api';
import type { Concern, ConcernList } from '../agreements-types';
import { Checkbox, SelectField, TextField } from './form-field';
import { ErrorNotice, Loading, StatusMessage } from './status';
import { formatDate } from '../format';
import { useApiData } from '../hooks';
import { CheckedTextArea } from './language-checked-text-area';

const today = (): string => new Date().toISOString().slice(0, 10);

function RecordConcernForm({ patientId, kinds, onRecorded }: { patientId: string; kinds: ConcernList['kinds']; onRecorded: (c: Concern) => void }): ReactElement {
  const [kind, setKind] = useState<string>(kinds[0]?.value ?? 'other');
  const [occurredOn, setOccurredOn] = useState(today());
  const [details, setDetails] = useState('');
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, ['kind', 'occurredOn', 'details']);
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    try {
      onRecorded(await apiPost<Concern>(`/api/v1/patients/${patientId}/concerns`, { kind, occurredOn, details }));
      setDetails('');
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="record-concern-title">
      <h3 id="record-concern-title">Record a concern</h3>
      {error !== null && <ErrorNotice error={error} title="The concern was not recorded." />}
      <SelectField label="What happened" name="kind" value={kind} onChange={setKind} options={kinds} errors={errors.kind} />
      <TextField label="When" name="occurredOn" type="date" value={occurredOn} onChange={setOccurredOn} errors={errors.occurredOn} />
      <CheckedTextArea label="Details, in the person's words where you can" name="details" value={details} onChange={setDetails} rows={3} errors={errors.details} required />
      <button type="submit" className="button">
        Record concern
      </button>
    </form>
  );
}

function ConversationForm({ concern, onSaved }: { concern: Concern; onSaved: (c: Concern) => void }): ReactElement {
  const [heldOn, setHeldOn] = useState(today());
  const [withWhom, setWithWhom] = useState('');
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, ['heldOn', 'withWhom', 'summary']);
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    try {
      const res = await request<Concern>('POST', `/api/v1/concerns/${concern.id}/conversations`, { body: { heldOn, withWhom, summary }, headers: { 'if-match': etagFor(concern.version) } });
      onSaved(res.data);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <h4>Add the conversation</h4>
      {error !== null && <ErrorNotice error={error} title="The conversation was not saved." />}
      <TextField label="Date of the conversation" name="heldOn" type="date" value={heldOn} onChange={setHeldOn} errors={errors.heldOn} />
      <TextField label="Who took part" name="withWhom" value={withWhom} onChange={setWithWhom} errors={errors.withWhom} required />
      <CheckedTextArea label="What you talked about" name="summary" value={summary} onChange={setSummary} rows={3} errors={errors.summary} required />
      <button type="submit" className="button button--secondary">
        Save conversation
      </button>
    </form>
  );
}

function PlanForm({ concern, actions, onSaved }: { concern: Concern; actions: ConcernList['planActions']; onSaved: (c: Concern) => void }): ReactElement {
  const [chosen, setChosen] = useState<string[]>(concern.plan?.actions ?? []);
  const [details, setDetails] = useState(concern.plan?.details ?? '');
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, ['actions', 'details']);
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    try {
      const res = await request<Concern>('PUT', `/api/v1/concerns/${concern.id}/plan`, { body: { actions: chosen, details }, headers: { 'if-match': etagFor(concern.version) } });
      onSaved(res.data);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <h4>The plan you agreed</h4>
      {error !== null && <ErrorNotice error={error} title="The plan was not saved." />}
      <fieldset>
        <legend>Steps (choose one or more)</legend>
        {errors.actions !== undefined && <p className="field-error">{errors.actions.join(' ')}</p>}
        {actions.map((a) => (
          <Checkbox
            key={a.value}
            label={a.label}
            name={`action-${a.value}`}
            checked={chosen.includes(a.value)}
            onChange={(on) => setChosen((all) => (on ? [...all, a.value] : all.filter((x) => x !== a.value)))}
          />
        ))}
      </fieldset>
      <CheckedTextArea label="Plan details" name="details" value={details} onChange={setDetails} rows={3} errors={errors.details} />
      <button type="submit" className="button button--secondary">
        Save plan
      </button>
    </form>
  );
}

function ConcernItem({ concern, actions, onChanged }: { concern: Concern; actions: ConcernList['planActions']; onChanged: (c: Concern, note: string) => void }): ReactElement {
  const [error, setError] = useState<unknown>(null);
  const labels = new Map(actions.map((a) => [a.value, a.label]));
  async function close(): Promise<void> {
    setError(null);
    try {
      const res = await request<Concern>('POST', `/api/v1/concerns/${concern.id}/close`, { body: {}, headers: { 'if-match': etagFor(concern.version) } });
      onChanged(res.data, 'Concern closed.');
    } catch (err) {
      setError(err);
    }
  }
  const titleId = `concern-${concern.id}`;
  return (
    <li className="card concern" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {concern.kindLabel}, {formatDate(concern.occurredOn)} <span className={concern.status === 'open' ? 'tag tag--warning' : 'tag'}>{concern.status === 'open' ? 'Open' : 'Closed'}</span>
      </h3>
      <p>{concern.details}</p>
      <p className="muted">Recorded by {concern.createdByName}</p>
      {concern.conversations.length > 0 && (
        <>
          <h4>Conversations</h4>
          <ul>
            {concern.conversations.map((c, i) => (
              <li key={i}>
                {formatDate(c.heldOn)}, {c.withWhom}: {c.summary} <span className="muted">({c.recordedBy})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {concern.plan !== null && (
        <>
          <h4>Plan</h4>
          <ul>
            {concern.plan.actions.map((a) => (
              <li key={a}>{labels.get(a) ?? a}</li>
            ))}
          </ul>
          {concern.plan.details !== '' && <p>{concern.plan.details}</p>}
        </>
      )}
      {concern.status === 'open' && (
        <>
          {concern.missingBeforeClose.length > 0 && (
            <div className="callout">
              <p>Before this can close:</p>
              <ul>
                {concern.missingBeforeClose.map((m) => (
                  <li key={m.code}>{m.message}</li>
                ))}
              </ul>
            </div>
          )}
          <ConversationForm concern={concern} onSaved={(c) => onChanged(c, 'Conversation saved.')} />
          <PlanForm concern={concern} actions={actions} onSaved={(c) => onChanged(c, 'Plan saved.')} />
          {error !== null && <ErrorNotice error={error} title="The concern is still open." focus />}
          <button type="button" className="button" onClick={() => void close()}>
            Close concern
          </button>
        </>
      )}
    </li>
  );
}

export function PatientConcerns({ patientId }: { patientId: string }): ReactElement {
  const { state, replace } = useApiData<ConcernList>(`/api/v1/patients/${patientId}/concerns`);
  const [note, setNote] = useState('');
  const update = (c: Concern, message: string): void => {
    if (state.status !== 'ready') return;
    const exists = state.data.items.some((x) => x.id === c.id);
    replace({ ...state.data, items: exists ? state.data.items.map((x) => (x.id === c.id ? c : x)) : [c, ...state.data.items] });
    setNote(message);
  };
  return (
    <section className="card" aria-labelledby="concerns-title">
      <h2 id="concerns-title">Concerns</h2>
      <p className="muted">
        A concern is a reason to talk, not a verdict. Each one closes after a conversation and a plan. Painpath never ends care on its own.
      </p>
      <StatusMessage>{note}</StatusMessage>
      {state.status === 'loading' && <Loading label="Loading concerns…" />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load concerns." />}
      {state.status === 'ready' && (
        <>
          {state.data.items.length === 0 ? (
            <p>No concerns recorded.</p>
          ) : (
            <ul className="concern-list">
              {state.data.items.map((c) => (
                <ConcernItem key={`${c.id}-${c.version}`} concern={c} actions={state.data.planActions} onChanged={update} />
              ))}
            </ul>
          )}
          <RecordConcernForm patientId={patientId} kinds={state.data.kinds} onRecorded={(c) => update(c, 'Concern recorded.')} />
        </>
      )}
    </section>
  );
}
