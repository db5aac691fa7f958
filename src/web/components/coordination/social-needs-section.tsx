/** Social needs on the staff patient page: what is recorded, the suggestions they lead to, and a form to record or resolve one. */
import { useState, type FormEvent, type ReactElement } from 'react';
import { SOCIAL_NEED_KINDS, SOCIAL_NEED_LABELS, type SocialNeedKind } from '../../../domain/social-needs/needs';
import { etagFor, fieldErrors, request } from '../../api';
import type { NeedSuggestion, SocialNeed } from '../../coordination-types';
import { useApiData } from '../../hooks';
import { SelectField, TextField } from '../form-field';
import { ErrorNotice, Loading, StatusMessage } from '../status';

interface NeedList {
  items: SocialNeed[];
  suggestions: NeedSuggestion[];
}

export function SocialNeedsSection({ patientId }: { patientId: string }): ReactElement {
  const { state, reload } = useApiData<NeedList>(`/api/v1/patients/${patientId}/social-needs`);
  const [kind, setKind] = useState<SocialNeedKind>('transport');
  const [active, setActive] = useState('yes');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const byField = fieldErrors(error, ['active', 'note']);
  const items = state.status === 'ready' ? state.data.items : [];
  const activeNeeds = items.filter((n) => n.active);

  async function submit(e: FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const existing = items.find((n) => n.kind === kind);
    try {
      await request('PUT', `/api/v1/patients/${patientId}/social-needs/${kind}`, {
        body: { active: active === 'yes', note: note.trim() === '' ? null : note.trim() },
        headers: existing ? { 'if-match': etagFor(existing.version) } : {},
      });
      setStatus(`${SOCIAL_NEED_LABELS[kind]}: ${active === 'yes' ? 'recorded' : 'marked resolved'}.`);
      setNote('');
      reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" id="social-needs" aria-labelledby="needs-title">
      <h2 id="needs-title">Social needs</h2>
      <StatusMessage>{status}</StatusMessage>
      {state.status === 'loading' && <Loading label="Loading social needs…" />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load social needs." />}
      {state.status === 'ready' && (
        <>
          {activeNeeds.length === 0 ? (
            <p className="muted">None recorded.</p>
          ) : (
            <ul className="plain-list">
              {activeNeeds.map((n) => (
                <li key={n.id}>
                  <span className="tag">{n.label}</span> {n.note}
                </li>
              ))}
            </ul>
          )}
          {state.data.suggestions.length > 0 && (
            <>
              <h3>Where they matter</h3>
              <ul className="suggestion-list">
                {state.data.suggestions.map((s) => (
                  <li key={s.code}>
                    {s.suggestion} <span className="muted">({s.why} Matters for {s.contexts.join(' and ')}.)</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <form className="inline-form coord-form" onSubmit={(e) => void submit(e)} aria-label="Record a social need" noValidate>
        {error !== null && <ErrorNotice error={error} title="We could not save this need." extra={byField[''] ?? []} />}
        <SelectField label="Need" name="kind" value={kind} onChange={(v) => setKind(v as SocialNeedKind)} options={SOCIAL_NEED_KINDS.map((k) => ({ value: k, label: SOCIAL_NEED_LABELS[k] }))} />
        <SelectField label="Status" name="active" value={active} onChange={setActive} options={[{ value: 'yes', label: 'A barrier now' }, { value: 'no', label: 'Resolved' }]} errors={byField.active} />
        <TextField label="Note (optional)" name="note" value={note} onChange={setNote} errors={byField.note} />
        <button type="submit" className="button button--secondary" disabled={busy}>
          {busy ? 'Saving…' : 'Save need'}
        </button>
      </form>
    </section>
  );
}
