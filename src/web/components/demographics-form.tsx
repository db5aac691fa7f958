/**
 * Edit a patient's contact and preference details. Sends only the fields that changed, with If-Match.
 * If someone else saved first (412), the person keeps what they typed, can reload the record to see the
 * other changes, and then save again.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import type { PatientDetail, PatientEdit } from '../api-types';
import { apiPatch, etagFor, fieldErrors, isApiError } from '../api';
import { Checkbox, TextField } from './form-field';
import { ErrorNotice } from './status';

const TEXT_FIELDS = [
  'preferredName',
  'pronouns',
  'preferredLanguage',
  'phone',
  'email',
  'addressLine',
  'city',
  'state',
  'postalCode',
  'payer',
] as const;
type TextKey = (typeof TEXT_FIELDS)[number];
const FIELDS: readonly string[] = [...TEXT_FIELDS, 'interpreterNeeded'];

type Draft = Record<TextKey, string> & { interpreterNeeded: boolean };
type Key = keyof Draft;

function draftFrom(p: PatientDetail): Draft {
  const d = Object.fromEntries(TEXT_FIELDS.map((k) => [k, p[k] ?? ''])) as Record<TextKey, string>;
  return { ...d, interpreterNeeded: p.interpreterNeeded };
}

/**
 * Only what the person changed, compared with the latest record; blank optional fields become null.
 * Fields they did not touch are never sent, so a reload after a conflict cannot undo someone else's edit.
 */
function changes(p: PatientDetail, edits: Partial<Draft>): Partial<PatientEdit> {
  const out: Partial<PatientEdit> = {};
  for (const k of TEXT_FIELDS) {
    const edited = edits[k];
    if (edited === undefined) continue;
    const typed = edited.trim();
    if (typed === (p[k] ?? '')) continue;
    if (k === 'preferredLanguage') out.preferredLanguage = typed;
    else out[k] = typed === '' ? null : typed;
  }
  if (edits.interpreterNeeded !== undefined && edits.interpreterNeeded !== p.interpreterNeeded) {
    out.interpreterNeeded = edits.interpreterNeeded;
  }
  return out;
}

const LABELS: Record<TextKey, string> = {
  preferredName: 'Preferred name',
  pronouns: 'Pronouns',
  preferredLanguage: 'Preferred language',
  phone: 'Phone',
  email: 'Email',
  addressLine: 'Street address',
  city: 'City or town',
  state: 'State',
  postalCode: 'ZIP code',
  payer: 'Insurance',
};

const HINTS: Partial<Record<TextKey, string>> = {
  preferredName: 'The name the person wants to be called.',
  preferredLanguage: 'A language code, such as en (English), es (Spanish) or vi (Vietnamese).',
};

const INPUT_TYPES: Partial<Record<TextKey, 'email' | 'tel'>> = { email: 'email', phone: 'tel' };

interface DemographicsFormProps {
  patient: PatientDetail;
  etag: string | null;
  onSaved: (patient: PatientDetail, etag: string | null) => void;
  onReload: () => void;
  onCancel: () => void;
}

export function DemographicsForm({ patient, etag, onSaved, onReload, onCancel }: DemographicsFormProps): ReactElement {
  // What the person typed, field by field; untouched fields show the latest saved value.
  const [edits, setEdits] = useState<Partial<Draft>>({});
  const draft: Draft = { ...draftFrom(patient), ...edits };
  const edit = <K extends Key>(key: K, value: Draft[K]): void => setEdits((e) => ({ ...e, [key]: value }));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  const byField = fieldErrors(error, FIELDS);
  const stale = isApiError(error) && error.code === 'conflict.stale-version';

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const body = changes(patient, edits);
    if (Object.keys(body).length === 0) {
      onCancel();
      return;
    }
    setBusy(true);
    setError(null);
    setReloaded(false);
    try {
      const res = await apiPatch<PatientDetail>(`/api/v1/patients/${patient.id}`, body, etag ?? etagFor(patient.version));
      onSaved(res.data, res.etag);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function reload(): void {
    setError(null);
    setReloaded(true);
    onReload();
  }

  return (
    <form className="form form--panel" onSubmit={(e) => void handleSubmit(e)} aria-labelledby="edit-details-title" noValidate>
      <h3 id="edit-details-title">Edit details</h3>
      {stale ? (
        <ErrorNotice error={error} title="Someone else changed this record. Reload to see their changes." focus hideMessage>
          <p>What you typed is kept below.</p>
          <button type="button" className="button button--secondary" onClick={reload}>
            Reload the record
          </button>
        </ErrorNotice>
      ) : (
        error !== null && <ErrorNotice error={error} title="We could not save the changes." extra={byField[''] ?? []} focus />
      )}
      {reloaded && (
        <p className="notice notice--info" role="status">
          The details above now show the latest saved version. The boxes you changed still hold what you typed; the
          others show the new values. Check them, then save again.
        </p>
      )}
      <div className="form-grid">
        {TEXT_FIELDS.map((k) => (
          <TextField
            key={k}
            label={LABELS[k]}
            name={k}
            type={INPUT_TYPES[k] ?? 'text'}
            value={draft[k]}
            onChange={(v) => edit(k, v)}
            hint={HINTS[k]}
            autoComplete="off"
            required={k === 'preferredLanguage'}
            errors={byField[k]}
          />
        ))}
      </div>
      <Checkbox
        label="Needs an interpreter"
        name="interpreterNeeded"
        checked={draft.interpreterNeeded}
        onChange={(v) => edit('interpreterNeeded', v)}
        errors={byField.interpreterNeeded}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
