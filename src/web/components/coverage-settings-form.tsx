/**
 * Admin → Clinic settings → "Coverage": the NCD 30.3.3 readings and the warning and bundling thresholds
 * (GET/PUT /api/v1/clinic/coverage-settings with If-Match). Each field shows the reference default; the
 * whole set is saved at once.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import type { ClinicCoverageValues } from '../../domain/coverage/clinic-settings';
import { etagFor, fieldErrors, isStaleVersion, request } from '../api';
import type { ClinicCoverageSettingsView } from '../coverage-types';
import { formatDateTime } from '../format';
import { useApiData } from '../hooks';
import { SelectField, TextField } from './form-field';
import { ErrorNotice, Loading, StatusMessage } from './status';

type NumberName = keyof ClinicCoverageSettingsView['ranges'];
const FIELDS = ['ncdYearWindow', 'ncdInitialAnchor', 'warnAtRemainingVisits', 'authEndWarningDays', 'bundlingWindowDays'] as const;

const YEAR_WINDOWS: Record<ClinicCoverageValues['ncdYearWindow'], string> = {
  'rolling-365-days': 'Rolling year (any 365 days)',
  'calendar-year': 'Calendar year (Jan to Dec)',
};
const ANCHORS: Record<ClinicCoverageValues['ncdInitialAnchor'], string> = {
  'first-visit': 'First acupuncture visit',
  'year-window-start': 'Start of the year',
};
const NUMBERS: { name: NumberName; label: string; unit: string }[] = [
  { name: 'warnAtRemainingVisits', label: 'Warn when this many covered visits (or fewer) remain', unit: 'visits' },
  { name: 'authEndWarningDays', label: 'Warn this many days (or fewer) before an authorisation ends', unit: 'days' },
  { name: 'bundlingWindowDays', label: 'Suggest bundling in-person visits at most this many days apart', unit: 'days' },
];

type Draft = Record<(typeof FIELDS)[number], string>;
const toDraft = (v: ClinicCoverageValues): Draft => ({
  ncdYearWindow: v.ncdYearWindow,
  ncdInitialAnchor: v.ncdInitialAnchor,
  warnAtRemainingVisits: String(v.warnAtRemainingVisits),
  authEndWarningDays: String(v.authEndWarningDays),
  bundlingWindowDays: String(v.bundlingWindowDays),
});

function Editor({ data, etag, onSaved }: { data: ClinicCoverageSettingsView; etag: string | null; onSaved: (view: ClinicCoverageSettingsView, etag: string | null) => void }): ReactElement {
  const [draft, setDraft] = useState<Draft>(() => toDraft(data.values));
  const [local, setLocal] = useState<Partial<Record<NumberName, string[]>>>({});
  // Made once per failed submit: a new object on every render would move focus back to the notice.
  const [localError, setLocalError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const byField = fieldErrors(error, FIELDS);
  const set = (name: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [name]: value }));

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setError(null);
    const problems: Partial<Record<NumberName, string[]>> = {};
    for (const { name } of NUMBERS) {
      const { min, max } = data.ranges[name];
      const text = draft[name].trim();
      const n = Number(text);
      if (!/^\d+$/.test(text) || n < min || n > max) problems[name] = [`Enter a whole number from ${min} to ${max}.`];
    }
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      setLocalError(new Error('Some values are not whole numbers in range; each is marked below.'));
      return;
    }
    setLocalError(null);
    setBusy(true);
    try {
      const body = { ...draft, warnAtRemainingVisits: Number(draft.warnAtRemainingVisits), authEndWarningDays: Number(draft.authEndWarningDays), bundlingWindowDays: Number(draft.bundlingWindowDays) };
      const res = await request<ClinicCoverageSettingsView>('PUT', '/api/v1/clinic/coverage-settings', { body, headers: { 'if-match': etag ?? etagFor(data.version) } });
      onSaved(res.data, res.etag);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const stale = isStaleVersion(error);
  return (
    <form className="form" onSubmit={(e) => void handleSubmit(e)} noValidate aria-labelledby="coverage-settings-title">
      {error !== null && (
        <ErrorNotice
          error={error}
          title={stale ? 'Someone else changed the coverage settings after you opened this page. Reload the page to see their change, then save again if you still want yours.' : 'We could not save the coverage settings.'}
          hideMessage={stale}
          extra={byField[''] ?? []}
          focus
        />
      )}
      {localError !== null && <ErrorNotice error={localError} title="We could not save the coverage settings." focus />}
      <p className="field-hint">
        Medicare's acupuncture rule (NCD 30.3.3) allows 12 visits in 90 days and no more than 20 a year, but does not say which year or what
        starts the 90 days. Choose the reading your clinic and its payers use.
      </p>
      <SelectField
        label="Which year counts toward the 20 visits"
        name="ncdYearWindow"
        value={draft.ncdYearWindow}
        onChange={set('ncdYearWindow')}
        options={Object.entries(YEAR_WINDOWS).map(([value, label]) => ({ value, label }))}
        hint={`Reference default: ${YEAR_WINDOWS[data.defaults.ncdYearWindow].toLowerCase()}.`}
        errors={byField.ncdYearWindow}
      />
      <SelectField
        label="What starts the 90 days of the first 12 visits"
        name="ncdInitialAnchor"
        value={draft.ncdInitialAnchor}
        onChange={set('ncdInitialAnchor')}
        options={Object.entries(ANCHORS).map(([value, label]) => ({ value, label }))}
        hint={`Reference default: ${ANCHORS[data.defaults.ncdInitialAnchor].toLowerCase()}.`}
        errors={byField.ncdInitialAnchor}
      />
      {NUMBERS.map(({ name, label, unit }) => (
        <TextField
          key={name}
          label={label}
          name={name}
          inputMode="numeric"
          value={draft[name]}
          onChange={set(name)}
          hint={`Reference default: ${data.defaults[name]} ${unit}. A whole number from ${data.ranges[name].min} to ${data.ranges[name].max}.`}
          errors={local[name] ?? byField[name]}
        />
      ))}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save coverage settings'}
        </button>
      </div>
    </form>
  );
}

export function CoverageSettingsForm(): ReactElement {
  const { state, replace } = useApiData<ClinicCoverageSettingsView>('/api/v1/clinic/coverage-settings');
  const [status, setStatus] = useState('');
  return (
    <div className="settings-block">
      <h3 id="coverage-settings-title">Coverage</h3>
      {state.status === 'loading' && <Loading label="Loading the coverage settings…" />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load the coverage settings." />}
      {state.status === 'ready' && (
        <>
          <p className="muted">
            {state.data.changed.length === 0 ? 'All reference defaults' : `${state.data.changed.length} changed from the reference defaults`}. Version {state.data.version}
            {state.data.updatedAt !== null && `, changed ${formatDateTime(state.data.updatedAt)}`}.
          </p>
          <Editor
            key={state.data.version}
            data={state.data}
            etag={state.etag}
            onSaved={(view, etag) => {
              replace(view, etag);
              setStatus(`Saved as version ${view.version}. Coverage answers and warnings use these settings from now on.`);
            }}
          />
        </>
      )}
      <StatusMessage>{status}</StatusMessage>
    </div>
  );
}
