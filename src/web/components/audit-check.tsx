/** "Check the audit log": asks the server to re-walk the hash chain and says what it found. */
import { useState, type ReactElement } from 'react';
import type { AuditVerifyResult } from '../api-types';
import { apiGet } from '../api';
import { ErrorNotice, StatusMessage } from './status';

export function AuditCheck(): ReactElement {
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);

  async function check(): Promise<void> {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await apiGet<AuditVerifyResult>('/api/v1/audit/verify'));
      setCheckedAt(new Date());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      <p>
        Every time someone opens or changes a record, Painpath writes it in the audit log. Each entry is sealed to
        the one before it, so a changed or missing entry shows up here.
      </p>
      <button type="button" className="button" onClick={() => void check()} disabled={busy}>
        {busy ? 'Checking…' : 'Check the audit log'}
      </button>
      <StatusMessage>
        {busy && 'Checking the audit log. This can take a moment.'}
        {result !== null && result.ok && (
          <p className="notice notice--success">
            <strong>The audit log is intact.</strong> {result.checked.toLocaleString()}{' '}
            {result.checked === 1 ? 'entry' : 'entries'} checked
            {checkedAt !== null && ` at ${checkedAt.toLocaleTimeString()}`}.
          </p>
        )}
      </StatusMessage>
      {result !== null && !result.ok && (
        <div className="notice notice--error" role="alert">
          <p>
            <strong>The audit log does not check out.</strong> {result.checked.toLocaleString()} entries checked.
          </p>
          {result.firstBroken !== null && (
            <p>
              The first problem is at entry {result.firstBroken.seq}: {result.firstBroken.problem}
            </p>
          )}
          <p>Keep the database as it is, and tell your IT team and clinic lead now.</p>
        </div>
      )}
      {error !== null && <ErrorNotice error={error} title="We could not check the audit log." />}
    </section>
  );
}
