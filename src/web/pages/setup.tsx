/** /setup: first run. Creates the clinic and its first administrator, then signs them in. */
import { useState, type FormEvent, type ReactElement } from 'react';
import { Navigate } from 'react-router-dom';
import type { Session } from '../api-types';
import { apiPost, fieldErrors } from '../api';
import { TextField } from '../components/form-field';
import { PublicFrame } from '../components/public-frame';
import { ErrorNotice } from '../components/status';
import { usePageTitle } from '../hooks';
import { useSession } from '../session';

const FIELDS = ['clinicName', 'displayName', 'email', 'password'] as const;
type Field = (typeof FIELDS)[number];

export function SetupPage(): ReactElement {
  usePageTitle('Set up your clinic');
  const { state, completeSetup } = useSession();
  const [values, setValues] = useState<Record<Field, string>>({ clinicName: '', displayName: '', email: '', password: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (state.status === 'signed-out' && !state.needsSetup) return <Navigate to="/login" replace />;
  const byField = fieldErrors(error, FIELDS);
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await apiPost<Session>('/api/v1/setup', {
        clinicName: values.clinicName.trim(),
        displayName: values.displayName.trim(),
        email: values.email.trim(),
        password: values.password,
      });
      completeSetup(session);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <PublicFrame>
      <h1>Set up your clinic</h1>
      <p>
        Welcome to Painpath. Tell us your clinic&rsquo;s name and create the first administrator account. You can
        add your team after this.
      </p>
      {error !== null && (
        <ErrorNotice error={error} title="We could not finish setup." extra={byField[''] ?? []} focus />
      )}
      <form className="form" onSubmit={(e) => void handleSubmit(e)} noValidate>
        <TextField
          label="Clinic name"
          name="clinicName"
          value={values.clinicName}
          onChange={set('clinicName')}
          autoComplete="organization"
          required
          errors={byField.clinicName}
        />
        <TextField
          label="Your name"
          name="displayName"
          value={values.displayName}
          onChange={set('displayName')}
          autoComplete="name"
          hint="How your name will appear to your team."
          required
          errors={byField.displayName}
        />
        <TextField
          label="Your email"
          name="email"
          type="email"
          value={values.email}
          onChange={set('email')}
          autoComplete="email"
          required
          errors={byField.email}
        />
        <TextField
          label="Choose a password"
          name="password"
          type="password"
          value={values.password}
          onChange={set('password')}
          autoComplete="new-password"
          hint="Use a long password. A few words you can remember works well."
          required
          errors={byField.password}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Setting up…' : 'Create clinic and sign in'}
        </button>
      </form>
    </PublicFrame>
  );
}
