/**
 * /break-glass: emergency access to a patient outside your care teams. Time-limited, recorded, reviewed.
 * The MRN can arrive in the query (?mrn=) from the "not on your care teams" page.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { BreakGlassGrant } from '../api-types';
import { apiPost, fieldErrors } from '../api';
import { TextField } from '../components/form-field';
import { CheckedTextArea } from '../components/language-checked-text-area';
import { ErrorNotice } from '../components/status';
import { usePageTitle } from '../hooks';

const FIELDS = ['mrn', 'reason'] as const;
const MIN_REASON = 10;

export function BreakGlassPage(): ReactElement {
  usePageTitle('Emergency access');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [mrn, setMrn] = useState(params.get('mrn') ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const serverErrors = fieldErrors(error, FIELDS);
  const errorsFor = (f: string): string[] | undefined => localErrors[f] ?? serverErrors[f];

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const local: Record<string, string[]> = {};
    if (mrn.trim() === '') local.mrn = ['Enter the MRN of the patient.'];
    if (reason.trim().length < MIN_REASON) local.reason = [`Tell us why in at least ${MIN_REASON} characters.`];
    setLocalErrors(local);
    if (Object.keys(local).length > 0) {
      setError(null);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const grant = await apiPost<BreakGlassGrant>('/api/v1/break-glass', { mrn: mrn.trim(), reason: reason.trim() });
      void navigate(`/patients/${grant.patientId}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const hasLocal = Object.keys(localErrors).length > 0;

  return (
    <div className="narrow">
      <h1>Emergency access to a patient</h1>
      <div className="banner banner--warning">
        <p>
          <strong>Use this only when you need a record now to keep a person safe</strong> and they are not on your
          care teams.
        </p>
        <ul>
          <li>Access ends on its own after a short time.</li>
          <li>Every page you open is recorded with your name and your reason.</li>
          <li>Your clinic lead is told and reviews each use.</li>
        </ul>
      </div>
      {error !== null && (
        <ErrorNotice error={error} title="We could not give emergency access." extra={serverErrors[''] ?? []} focus />
      )}
      {hasLocal && (
        <div className="notice notice--error" role="alert">
          <p>Please fix the fields marked below.</p>
        </div>
      )}
      <form className="form" onSubmit={(e) => void handleSubmit(e)} noValidate>
        <TextField
          label="MRN"
          name="mrn"
          value={mrn}
          onChange={setMrn}
          hint="The medical record number of the patient."
          autoComplete="off"
          required
          errors={errorsFor('mrn')}
        />
        <CheckedTextArea
          label="Why do you need this record now?"
          name="reason"
          value={reason}
          onChange={setReason}
          hint="For example: seen in the emergency department tonight, need the medication list. Your clinic lead will read this."
          required
          minLength={MIN_REASON}
          errors={errorsFor('reason')}
        />
        <div className="button-row">
          <button type="submit" className="button button--danger" disabled={busy}>
            {busy ? 'Opening…' : 'Open the record with emergency access'}
          </button>
          <Link to="/patients" className="button button--secondary">
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}
