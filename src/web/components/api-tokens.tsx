/**
 * API tokens for other systems (an EHR, a reporting tool): list, create with scopes, show the new token
 * once with a copy button, and revoke after a confirmation.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { TOKEN_SCOPES, type ApiToken, type Items, type TokenScope } from '../api-types';
import { apiDelete, apiPost, fieldErrors } from '../api';
import { formatDateTime } from '../format';
import { useApiData } from '../hooks';
import { Checkbox, TextField } from './form-field';
import { ErrorNotice, Loading, StatusMessage } from './status';

const SCOPE_LABELS: Record<TokenScope, string> = {
  'patients.read': 'Read patient records',
  'patients.write': 'Change patient records',
  'restricted.read': 'Read restricted records (behavioural health, substance use)',
};

function NewTokenNotice({ token, name, onDone }: { token: string; name: string; onDone: () => void }): ReactElement {
  const [copied, setCopied] = useState('');
  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(token);
      setCopied('Copied.');
    } catch {
      setCopied('Your browser did not allow copying. Select the token and copy it yourself.');
    }
  }
  return (
    <div className="banner banner--warning" role="alert">
      <p>
        <strong>Copy the token for “{name}” now. You will not see it again.</strong> Keep it somewhere safe, like a
        password manager. Anyone with it can act with the scopes you chose.
      </p>
      <p className="token-box">
        <code>{token}</code>
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy token
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          I have saved it
        </button>
      </div>
      <StatusMessage>{copied}</StatusMessage>
    </div>
  );
}

export function ApiTokens(): ReactElement {
  const { state, reload } = useApiData<Items<ApiToken>>('/api/v1/api-tokens');
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['patients.read']);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const byField = fieldErrors(error, ['name', 'scopes', 'id']);

  async function create(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      const res = await apiPost<{ token: string; item: ApiToken }>('/api/v1/api-tokens', { name: name.trim(), scopes });
      setCreated({ token: res.token, name: res.item.name });
      setName('');
      reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function revoke(t: ApiToken): Promise<void> {
    setError(null);
    try {
      await apiDelete(`/api/v1/api-tokens/${t.id}`);
      setStatus(`The token “${t.name}” is revoked. It no longer works.`);
      reload();
    } catch (err) {
      setError(err);
    } finally {
      setConfirming(null);
    }
  }

  const toggle = (s: TokenScope) => (on: boolean) =>
    setScopes((all) => (on ? [...all.filter((x) => x !== s), s] : all.filter((x) => x !== s)));

  return (
    <section className="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <p>Tokens let another system, like your health record system, use Painpath&rsquo;s API.</p>
      {created !== null && <NewTokenNotice token={created.token} name={created.name} onDone={() => setCreated(null)} />}
      <StatusMessage>{status}</StatusMessage>
      {error !== null && <ErrorNotice error={error} title="That did not work." extra={byField[''] ?? byField.id ?? []} focus />}

      {state.status === 'loading' && <Loading label="Loading tokens…" />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load the tokens." />}
      {state.status === 'ready' && state.data.items.length === 0 && <p className="muted">No tokens yet.</p>}
      {state.status === 'ready' && state.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption>Tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Starts with</th>
                <th scope="col">Can</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {state.data.items.map((t) => (
                <tr key={t.id}>
                  <th scope="row" data-label="Name">{t.name}</th>
                  <td data-label="Starts with"><code>{t.tokenPrefix}</code></td>
                  <td data-label="Can">{t.scopes.map((s) => SCOPE_LABELS[s] ?? s).join('; ')}</td>
                  <td data-label="Created">{formatDateTime(t.createdAt)}</td>
                  <td data-label="Last used">{t.lastUsedAt === null ? 'Never' : formatDateTime(t.lastUsedAt)}</td>
                  <td data-label="Status">
                    {t.revokedAt !== null ? (
                      `Revoked ${formatDateTime(t.revokedAt)}`
                    ) : confirming === t.id ? (
                      <div className="confirm" role="group" aria-label={`Confirm revoking ${t.name}`}>
                        <p>Revoke “{t.name}”? Systems using it will stop working.</p>
                        <div className="button-row">
                          <button type="button" className="button button--danger" onClick={() => void revoke(t)}>
                            Yes, revoke
                          </button>
                          <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
                            Keep it
                          </button>
                        </div>
                      </div>
                    ) : (
                      <>
                        Active{' '}
                        <button type="button" className="button button--secondary" onClick={() => setConfirming(t.id)}>
                          Revoke<span className="visually-hidden"> {t.name}</span>
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <form className="form form--panel" onSubmit={(e) => void create(e)} aria-labelledby="new-token-title" noValidate>
        <h3 id="new-token-title">Create a token</h3>
        <TextField
          label="Name"
          name="name"
          value={name}
          onChange={setName}
          hint="Say what will use it, for example “Epic test system”."
          required
          errors={byField.name}
        />
        <fieldset>
          <legend>What it can do</legend>
          {TOKEN_SCOPES.map((s) => (
            <Checkbox key={s} label={SCOPE_LABELS[s]} name={`scope-${s}`} checked={scopes.includes(s)} onChange={toggle(s)} />
          ))}
          {byField.scopes !== undefined && (
            <ul className="field-error">
              {byField.scopes.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </fieldset>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Creating…' : 'Create token'}
        </button>
      </form>
    </section>
  );
}
