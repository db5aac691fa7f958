/**
 * The risk review in words: every finding with its reason, suggestion and sources; the naloxone criteria of
 * CDC 2022 Rec 8 as met / not met / not recorded; and a form to record the risk factors the team knows.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import type { RiskReview } from '../../../domain/opioids';
import { etagFor, request } from '../../api';
import { ErrorNotice } from '../status';

const HISTORY_FIELDS: ReadonlyArray<[key: string, label: string]> = [
  ['overdose', 'Overdose in the past'],
  ['substanceUseDisorder', 'Substance use disorder'],
  ['opioidUseDisorder', 'Opioid use disorder'],
  ['sleepDisorderedBreathing', 'Sleep-disordered breathing (for example sleep apnoea)'],
  ['recentTaperOrStop', 'Recent taper or stop (tolerance may be lower)'],
  ['recentReleaseFromPrison', 'Recent release from prison or jail'],
];

const metWords = (met: boolean | null): string => (met === null ? 'Not recorded' : met ? 'Yes' : 'No');

function RiskFactorsForm({ patientId, history, version, onSaved }: { patientId: string; history: Record<string, boolean>; version: number; onSaved: () => void }): ReactElement {
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(HISTORY_FIELDS.map(([k]) => [k, history[k] === undefined ? '' : String(history[k])])));
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '').map(([k, v]) => [k, v === 'true']));
    try {
      await request('PUT', `/api/v1/patients/${patientId}/medications/risk-factors`, { body, headers: { 'if-match': etagFor(version) } });
      onSaved();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="form form--panel" onSubmit={(e) => void submit(e)} aria-label="Record risk factors">
      {error !== null && <ErrorNotice error={error} focus />}
      <div className="form-grid">
        {HISTORY_FIELDS.map(([key, label]) => (
          <div className="field" key={key}>
            <label htmlFor={`risk-${key}`}>{label}</label>
            <select id={`risk-${key}`} value={values[key]} onChange={(e) => setValues({ ...values, [key]: e.target.value })}>
              <option value="">Not recorded</option>
              <option value="true">Yes</option>
              <option value="false">No</option>
            </select>
          </div>
        ))}
      </div>
      <div className="button-row">
        <button type="submit" className="button">Save risk factors</button>
      </div>
    </form>
  );
}

export function RiskPanel({ risk, patientId, history, historyVersion, onChanged }: { risk: RiskReview; patientId: string; history: Record<string, boolean>; historyVersion: number; onChanged: () => void }): ReactElement {
  const [editing, setEditing] = useState(false);
  return (
    <section className="card" aria-labelledby="risk-title">
      <div className="section-heading">
        <h2 id="risk-title">Risk review</h2>
        <button type="button" className="button button--secondary" onClick={() => setEditing(!editing)} aria-expanded={editing}>
          Record risk factors
        </button>
      </div>
      {editing && <RiskFactorsForm patientId={patientId} history={history} version={historyVersion} onSaved={() => { setEditing(false); onChanged(); }} />}
      <p className="muted">Decision support: it suggests and explains. The plan is yours and the patient's to make together.</p>
      {risk.findings.length === 0 ? (
        <p>No findings.</p>
      ) : (
        <ul className="finding-list">
          {risk.findings.map((f) => (
            <li key={f.code} className={f.severity === 'warning' ? 'finding finding--warning' : 'finding'}>
              <h3>{f.title}</h3>
              <p>{f.message}</p>
              <p>
                <strong>You might:</strong> {f.suggestion}
              </p>
              <p className="muted">
                Source: {f.sources.map((s) => s.source).join('; ')}
                {f.setting !== undefined && ` · setting ${f.setting}`}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h3>Naloxone (CDC 2022 recommendation 8)</h3>
      <p>{risk.naloxone.onList ? 'Naloxone is on the medication list.' : 'Naloxone is not on the medication list.'}</p>
      <div className="table-wrap">
        <table className="table table--compact">
          <caption className="visually-hidden">Naloxone criteria</caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Present?</th>
            </tr>
          </thead>
          <tbody>
            {risk.naloxone.criteria.map((c) => (
              <tr key={c.code}>
                <th scope="row">{c.label}</th>
                <td>{metWords(c.met)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
