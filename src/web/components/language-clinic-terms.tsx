/**
 * Admin section "Person-first language": the reference table (read-only), the clinic's own terms (the
 * clinic lead adds and removes them; every change saves a new version of the list with If-Match), and how
 * often saved notes held a listed term in the last 30 days.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import type { ClinicTerm } from '../../domain/language/clinic-terms';
import { request, withQuery } from '../api';
import { useApiData } from '../hooks';
import { TextField } from './form-field';
import { resetLanguageChecker } from './language-check';
import { ErrorNotice, Loading, StatusMessage } from './status';

interface ClinicTerms {
  terms: ClinicTerm[];
  version: number;
  termsVersion: string;
}
interface ReferenceTerms {
  version: string;
  rows: { id: string; avoid: string; prefer: string; source: string; certainty: string }[];
}
interface FlagSummary {
  since: string;
  fieldsChecked: number;
  fieldsFlagged: number;
  termsFlagged: number;
}

function thirtyDaysAgo(): string {
  return new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
}

function FlagRate({ canSee }: { canSee: boolean }): ReactElement | null {
  const [since] = useState(thirtyDaysAgo);
  const { state } = useApiData<FlagSummary>(canSee ? withQuery('/api/v1/language/flags/summary', { since }) : null);
  if (!canSee || state.status !== 'ready') return null;
  const s = state.data;
  const share = s.fieldsChecked === 0 ? 0 : Math.round((s.fieldsFlagged / s.fieldsChecked) * 100);
  return (
    <p>
      Since {s.since}: {s.fieldsFlagged} of {s.fieldsChecked} saved notes held a listed term ({share} %), {s.termsFlagged} {s.termsFlagged === 1 ? 'term' : 'terms'} in all.
    </p>
  );
}

export function LanguageClinicTerms({ canEdit }: { canEdit: boolean }): ReactElement {
  const { state, replace } = useApiData<ClinicTerms>('/api/v1/language/clinic-terms');
  const reference = useApiData<ReferenceTerms>('/api/v1/language/terms');
  const [phrase, setPhrase] = useState('');
  const [suggestion, setSuggestion] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  async function save(terms: ClinicTerm[], done: string): Promise<boolean> {
    if (state.status !== 'ready') return false;
    setBusy(true);
    setError(null);
    try {
      const res = await request<ClinicTerms>('PUT', '/api/v1/language/clinic-terms', { body: { terms }, headers: { 'if-match': state.etag ?? `W/"${state.data.version}"` } });
      replace(res.data, res.etag);
      resetLanguageChecker();
      setStatus(done);
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function add(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (state.status !== 'ready') return;
    const term: ClinicTerm = note.trim() === '' ? { phrase, suggestion } : { phrase, suggestion, note };
    if (await save([...state.data.terms, term], `Added “${phrase.trim()}”.`)) {
      setPhrase('');
      setSuggestion('');
      setNote('');
    }
  }

  return (
    <section className="card" aria-labelledby="language-title">
      <h2 id="language-title">Person-first language</h2>
      <p>
        Notes are checked as people type. Each listed term gets a person-first alternative; saving is never blocked.
      </p>
      <FlagRate canSee={canEdit} />
      {reference.state.status === 'ready' && (
        <details className="language-reference">
          <summary>The reference table ({reference.state.data.rows.length} rows)</summary>
          <table className="table table--stack">
            <caption className="visually-hidden">Terms to avoid and what to write instead</caption>
            <thead>
              <tr>
                <th scope="col">Avoid</th>
                <th scope="col">Prefer</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {reference.state.data.rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.avoid}</td>
                  <td>{r.prefer}</td>
                  <td>
                    {r.source} [{r.certainty}]
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <h3>Your clinic’s own terms</h3>
      {state.status === 'loading' && <Loading label="Loading your clinic’s terms…" />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="Your clinic’s terms could not be loaded." />}
      {state.status === 'ready' && (
        <>
          {state.data.terms.length === 0 ? (
            <p>None yet.</p>
          ) : (
            <ul className="plain-list">
              {state.data.terms.map((t, i) => (
                <li key={t.phrase}>
                  <q>{t.phrase}</q> → {t.suggestion}
                  {t.note !== undefined && <span className="field-hint"> ({t.note})</span>}{' '}
                  {canEdit && (
                    <button
                      type="button"
                      className="button-link"
                      disabled={busy}
                      onClick={() => void save(state.data.terms.filter((_, j) => j !== i), `Removed “${t.phrase}”.`)}
                    >
                      Remove “{t.phrase}”
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          <p className="field-hint">List version {state.data.version}.</p>
          {canEdit && (
            <form onSubmit={(e) => void add(e)} noValidate>
              <TextField label="Phrase to flag" name="phrase" value={phrase} onChange={setPhrase} required hint="Hyphen and space spellings both match." />
              <TextField label="Person-first alternative" name="suggestion" value={suggestion} onChange={setSuggestion} required />
              <TextField label="Why (optional)" name="note" value={note} onChange={setNote} />
              {error !== null && <ErrorNotice error={error} title="The term was not saved." focus />}
              <div className="button-row">
                <button type="submit" className="button" disabled={busy}>
                  Add term
                </button>
              </div>
            </form>
          )}
          <StatusMessage>{status}</StatusMessage>
        </>
      )}
    </section>
  );
}
