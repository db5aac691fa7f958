/** Import FHIR MedicationRequests: paste JSON (one resource, an array or a Bundle), preview, then import. */
import { useState, type FormEvent, type ReactElement } from 'react';
import { apiPost } from '../../api';
import { TextArea } from '../form-field';
import { ErrorNotice } from '../status';

interface ImportEntry { index: number; outcome: string; reason: string | null; issues: { message: string; path?: string }[] }

function resourcesFrom(text: string): unknown[] {
  const json = JSON.parse(text) as { resourceType?: string; entry?: { resource?: unknown }[] } | unknown[];
  if (Array.isArray(json)) return json;
  if (json.resourceType === 'Bundle') return (json.entry ?? []).map((e) => e.resource).filter((r) => (r as { resourceType?: string } | undefined)?.resourceType === 'MedicationRequest');
  return [json];
}

const OUTCOME_WORDS: Record<string, string> = { 'would-import': 'Ready to import', imported: 'Imported', skipped: 'Not imported' };

export function ImportForm({ patientId, onImported }: { patientId: string; onImported: (m: string) => void }): ReactElement {
  const [text, setText] = useState('');
  const [entries, setEntries] = useState<ImportEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [jsonError, setJsonError] = useState('');

  async function send(dryRun: boolean): Promise<void> {
    setError(null);
    setJsonError('');
    let resources: unknown[];
    try {
      resources = resourcesFrom(text);
    } catch {
      setJsonError('This is not valid JSON.');
      return;
    }
    try {
      const result = await apiPost<{ entries: ImportEntry[] }>(`/api/v1/patients/${patientId}/medications/import`, { resources, dryRun });
      setEntries(result.entries);
      if (!dryRun) onImported(`${result.entries.filter((e) => e.outcome === 'imported').length} medication(s) imported.`);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="form form--panel" onSubmit={(e: FormEvent) => { e.preventDefault(); void send(false); }} aria-label="Import FHIR MedicationRequests">
      {error !== null && <ErrorNotice error={error} focus />}
      <TextArea label="FHIR MedicationRequest JSON" name="fhir" value={text} onChange={setText} rows={5} hint="One MedicationRequest, a list of them, or a Bundle." errors={jsonError === '' ? [] : [jsonError]} />
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void send(true)} disabled={text.trim() === ''}>Preview</button>
        <button type="submit" className="button" disabled={entries === null}>Import</button>
      </div>
      {entries !== null && (
        <ul>
          {entries.map((e) => (
            <li key={e.index}>
              Entry {e.index + 1}: {OUTCOME_WORDS[e.outcome] ?? e.outcome}
              {e.reason !== null && ` — ${e.reason}`}
              {e.issues.length > 0 && (
                <ul>
                  {e.issues.map((i) => (
                    <li key={`${i.path ?? ''}${i.message}`}>{i.message}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
