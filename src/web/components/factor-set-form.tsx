/**
 * Admin → Clinic settings → "Opioid conversion factors": the clinic's factor set (GET/PUT
 * /api/v1/clinic/opioid-settings with If-Match). CDC 2022 is the reference default; CDC 2016 stays
 * selectable for clinics that still work to it (its methadone factors rise with the daily dose).
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { etagFor, isStaleVersion, request } from '../api';
import { useApiData } from '../hooks';
import { RadioGroup, type Choice } from './choice-group';
import { ErrorNotice, Loading, StatusMessage } from './status';

type FactorSetId = 'cdc-2022' | 'cdc-2016';
interface OpioidSettingsView {
  settings: { factorSet: FactorSetId };
  version: number;
}

const DEFAULT_FACTOR_SET: FactorSetId = 'cdc-2022';
export const FACTOR_SET_NAMES: Record<FactorSetId, string> = { 'cdc-2022': 'CDC 2022', 'cdc-2016': 'CDC 2016' };
const CHOICES: Choice<FactorSetId>[] = [
  { value: 'cdc-2022', label: 'CDC 2022 (reference default)', detail: 'The current CDC table: one conversion factor for each opioid, methadone included.' },
  { value: 'cdc-2016', label: 'CDC 2016', detail: 'The earlier CDC table, where the methadone factor rises with the daily dose.' },
];

function Editor({ data, etag, onSaved }: { data: OpioidSettingsView; etag: string | null; onSaved: (factorSet: FactorSetId, version: number, etag: string | null) => void }): ReactElement {
  const [factorSet, setFactorSet] = useState<FactorSetId>(data.settings.factorSet);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await request<{ factorSet: FactorSetId; version: number }>('PUT', '/api/v1/clinic/opioid-settings', { body: { factorSet }, headers: { 'if-match': etag ?? etagFor(data.version) } });
      onSaved(res.data.factorSet, res.data.version, res.etag);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const stale = isStaleVersion(error);
  return (
    <form className="form" onSubmit={(e) => void handleSubmit(e)} noValidate aria-labelledby="factor-set-title">
      {error !== null && (
        <ErrorNotice
          error={error}
          title={stale ? 'Someone else changed the factor set after you opened this page. Reload the page to see their choice, then save again if you still want to change it.' : 'We could not save the factor set.'}
          hideMessage={stale}
          focus
        />
      )}
      <RadioGroup
        legend="Factor set used to convert doses to morphine milligram equivalents (MME)"
        name="factorSet"
        choices={CHOICES}
        value={factorSet}
        onChange={setFactorSet}
        hint={`Reference default: ${FACTOR_SET_NAMES[DEFAULT_FACTOR_SET]}. Every MME result names the factor set it used.`}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save factor set'}
        </button>
      </div>
    </form>
  );
}

export function FactorSetForm(): ReactElement {
  const { state, replace } = useApiData<OpioidSettingsView>('/api/v1/clinic/opioid-settings');
  const [status, setStatus] = useState('');
  return (
    <div className="settings-block">
      <h3 id="factor-set-title">Opioid conversion factors</h3>
      {state.status === 'loading' && <Loading label="Loading the factor set…" />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load the factor set." />}
      {state.status === 'ready' && (
        <>
          <p className="muted">
            In use: {FACTOR_SET_NAMES[state.data.settings.factorSet]}
            {state.data.settings.factorSet === DEFAULT_FACTOR_SET ? ' (the reference default)' : ` (reference default: ${FACTOR_SET_NAMES[DEFAULT_FACTOR_SET]})`}. Version {state.data.version}.
          </p>
          <Editor
            key={state.data.version}
            data={state.data}
            etag={state.etag}
            onSaved={(factorSet, version, etag) => {
              replace({ ...state.data, settings: { ...state.data.settings, factorSet }, version }, etag);
              setStatus(`Saved: ${FACTOR_SET_NAMES[factorSet]} is the clinic's factor set (version ${version}).`);
            }}
          />
        </>
      )}
      <StatusMessage>{status}</StatusMessage>
    </div>
  );
}
