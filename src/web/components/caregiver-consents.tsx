/**
 * "People who help me": the patient chooses who may help with their care, with what, and can take it
 * back at any time. Plain words; every change is recorded in the access history.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { apiDelete, apiPost, fieldErrors } from '../api';
import { formatDate } from '../format';
import { useApiData } from '../hooks';
import { Checkbox, TextField } from './form-field';
import { ErrorNotice, Loading, StatusMessage } from './status';

interface Consent {
  id: string;
  caregiver: { id: string; displayName: string; email: string };
  scopes: string[];
  grantedAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  active: boolean;
}

const SCOPE_WORDS: Record<string, string> = {
  demographics: 'See my contact details and my care team',
  appointments: 'Help with my appointments',
  'check-ins': 'Help me fill in my check-ins',
  medications: 'See my medicines',
  'care-plan': 'See my care plan',
};

export function CaregiverConsents({ patientId }: { patientId: string }): ReactElement {
  const { state, reload } = useApiData<{ items: Consent[] }>(`/api/v1/patients/${patientId}/caregivers`);
  const [email, setEmail] = useState('');
  const [scopes, setScopes] = useState<string[]>(['demographics']);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error, ['email', 'scopes', 'expiresAt']);

  async function grant(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await apiPost<Consent>(`/api/v1/patients/${patientId}/caregivers`, { email: email.trim(), scopes });
      setStatus(`${created.caregiver.displayName} can now help you.`);
      setEmail('');
      reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function revoke(consent: Consent): Promise<void> {
    if (!window.confirm(`Stop ${consent.caregiver.displayName} from seeing your details?`)) return;
    try {
      await apiDelete(`/api/v1/patients/${patientId}/caregivers/${consent.id}`);
      setStatus(`${consent.caregiver.displayName} can no longer see your details.`);
      reload();
    } catch (err) {
      setError(err);
    }
  }

  const active = state.status === 'ready' ? state.data.items.filter((c) => c.active) : [];
  return (
    <section className="card" aria-labelledby="helpers-title">
      <h2 id="helpers-title">People who help me</h2>
      <p>You choose who can help with your care, and what they can see. You can stop it at any time.</p>
      {status !== '' && <StatusMessage>{status}</StatusMessage>}
      {state.status === 'loading' && <Loading label="Loading the people who help you…" />}
      {state.status === 'error' && <ErrorNotice error={state.error} />}
      {state.status === 'ready' && active.length === 0 && <p className="muted">No one can see your details right now.</p>}
      {active.length > 0 && (
        <ul className="plain-list">
          {active.map((c) => (
            <li key={c.id}>
              <strong>{c.caregiver.displayName}</strong> ({c.caregiver.email}) — since {formatDate(c.grantedAt)}
              {c.expiresAt !== null && `, until ${formatDate(c.expiresAt)}`}
              <ul>
                {c.scopes.map((s) => (
                  <li key={s}>{SCOPE_WORDS[s] ?? s}</li>
                ))}
              </ul>
              <button type="button" className="button button--secondary" onClick={() => void revoke(c)}>
                Stop {c.caregiver.displayName} from helping
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void grant(e)} noValidate>
        <h3>Let someone help</h3>
        {error !== null && Object.values(errors).every((e) => e.length === 0) && <ErrorNotice error={error} />}
        <TextField label="Their e-mail" name="email" type="email" value={email} onChange={setEmail} errors={errors.email} hint="They need a caregiver account. Your care coordinator can set one up." />
        <fieldset>
          <legend>What they can do</legend>
          {Object.entries(SCOPE_WORDS).map(([scope, words]) => (
            <Checkbox
              key={scope}
              name={`scope-${scope}`}
              label={words}
              checked={scopes.includes(scope)}
              onChange={(on) => setScopes((now) => (on ? [...now, scope] : now.filter((s) => s !== scope)))}
            />
          ))}
          {(errors.scopes ?? []).length > 0 && <p className="field-error">{errors.scopes?.join(' ')}</p>}
        </fieldset>
        <button type="submit" className="button" disabled={busy}>
          Let them help
        </button>
      </form>
    </section>
  );
}
