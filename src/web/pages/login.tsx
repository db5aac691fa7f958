/** /login: sign in with email and password. Explains lockouts and too many tries in plain words. */
import { useState, type FormEvent, type ReactElement } from 'react';
import { Navigate } from 'react-router-dom';
import { ApiError, fieldErrors, isApiError, type ErrorDetail } from '../api';
import { TextField } from '../components/form-field';
import { PublicFrame } from '../components/public-frame';
import { ErrorNotice, StatusMessage } from '../components/status';
import { usePageTitle } from '../hooks';
import { useSession } from '../session';

const FIELDS = ['email', 'password'] as const;

/** The server's message says it all for the expected cases; otherwise add a plain title. */
function errorTitle(error: unknown): string | undefined {
  const known = ['auth.invalid-credentials', 'auth.locked', 'rate-limited', 'validation'];
  return isApiError(error) && known.includes(error.code) ? undefined : 'We could not sign you in.';
}

export function LoginPage(): ReactElement {
  usePageTitle('Sign in');
  const { state, signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (state.status === 'signed-out' && state.needsSetup) return <Navigate to="/setup" replace />;
  const notice = state.status === 'signed-out' && error === null ? state.notice : null;
  const byField = fieldErrors(error, FIELDS);

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const missing: ErrorDetail[] = [];
    if (email.trim() === '') missing.push({ path: 'body.email', message: 'Enter your email.' });
    if (password === '') missing.push({ path: 'body.password', message: 'Enter your password.' });
    if (missing.length > 0) {
      setError(new ApiError(400, 'validation', 'Please fill in both boxes.', missing));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (err) {
      setError(err);
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <PublicFrame>
      <h1>Sign in to Painpath</h1>
      <StatusMessage>{notice !== null && <p className="notice notice--info">{notice}</p>}</StatusMessage>
      {error !== null && <ErrorNotice error={error} title={errorTitle(error)} extra={byField[''] ?? []} focus />}
      <form className="form" onSubmit={(e) => void handleSubmit(e)} noValidate>
        <TextField
          label="Email"
          name="email"
          type="email"
          value={email}
          onChange={setEmail}
          autoComplete="username"
          required
          errors={byField.email}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          required
          errors={byField.password}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="muted">Forgot your password? Ask your clinic to reset it.</p>
    </PublicFrame>
  );
}
