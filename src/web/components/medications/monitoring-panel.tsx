/**
 * Monitoring: when the PDMP check, the benefit/risk review and the urine drug test are due (and why), PEG and
 * PSFS beside the dose, forms to record a PDMP check, a review and a urine test, and each urine test
 * reconciled against the list in words. A result is a starting point for a conversation, never a verdict.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import type { MonitoringItem, UdsLineStatus } from '../../../domain/opioids';
import { apiPost, fieldErrors } from '../../api';
import { formatDate } from '../../format';
import type { MedicationOverview, UrineTestView } from '../../medications-types';
import { SelectField, TextArea, TextField } from '../form-field';
import { ErrorNotice } from '../status';

const KIND_WORDS: Record<MonitoringItem['kind'], string> = {
  'pdmp-check': 'Prescription drug monitoring program (PDMP) check',
  'benefit-risk-review': 'Benefit and risk review',
  'urine-drug-test': 'Urine drug test (consider)',
};
const STATUS_WORDS: Record<MonitoringItem['status'], string> = { overdue: 'Past due', due: 'Due today', upcoming: 'Upcoming', 'not-applicable': 'Not needed now' };
export const UDS_WORDS: Record<UdsLineStatus, string> = {
  'expected-found': 'Expected and found',
  'expected-absent': 'Expected but not found',
  unexpected: 'Found, not on the medication list',
  'not-found': 'Not found, not expected',
  inconclusive: 'Inconclusive',
  'expected-not-tested': 'Expected, not tested',
};

function PdmpForm({ patientId, today, onSaved }: { patientId: string; today: string; onSaved: (m: string) => void }): ReactElement {
  const [checkedOn, setCheckedOn] = useState(today);
  const [findings, setFindings] = useState('');
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, ['checkedOn', 'findings']);
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    try {
      await apiPost(`/api/v1/patients/${patientId}/medications/pdmp-checks`, { checkedOn, findings });
      onSaved('The PDMP check was recorded.');
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="form form--panel" onSubmit={(e) => void submit(e)} aria-label="Record a PDMP check">
      {error !== null && <ErrorNotice error={error} focus />}
      <TextField label="Checked on" name="checkedOn" type="date" value={checkedOn} onChange={setCheckedOn} errors={errors.checkedOn} required />
      <TextArea label="What the PDMP showed" name="findings" value={findings} onChange={setFindings} rows={2} errors={errors.findings} required hint="For example: prescriptions from one prescriber and one pharmacy, matching the list." />
      <div className="button-row"><button type="submit" className="button">Save PDMP check</button></div>
    </form>
  );
}

function ReviewForm({ patientId, today, onSaved }: { patientId: string; today: string; onSaved: (m: string) => void }): ReactElement {
  const [reviewedOn, setReviewedOn] = useState(today);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, ['reviewedOn', 'note']);
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    try {
      await apiPost(`/api/v1/patients/${patientId}/medications/reviews`, { reviewedOn, note });
      onSaved('The benefit and risk review was recorded.');
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="form form--panel" onSubmit={(e) => void submit(e)} aria-label="Record a benefit and risk review">
      {error !== null && <ErrorNotice error={error} focus />}
      <TextField label="Reviewed on" name="reviewedOn" type="date" value={reviewedOn} onChange={setReviewedOn} errors={errors.reviewedOn} required />
      <TextArea label="What you and the patient discussed" name="note" value={note} onChange={setNote} rows={3} errors={errors.note} required />
      <div className="button-row"><button type="submit" className="button">Save review</button></div>
    </form>
  );
}

function UdsForm({ patientId, today, onSaved }: { patientId: string; today: string; onSaved: (m: string) => void }): ReactElement {
  const [collectedOn, setCollectedOn] = useState(today);
  const [method, setMethod] = useState('screen');
  const [rows, setRows] = useState([{ substance: '', result: 'positive' }]);
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, ['collectedOn', 'method', 'results']);
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    try {
      const saved = await apiPost<UrineTestView>(`/api/v1/patients/${patientId}/medications/urine-tests`, { collectedOn, method, results: rows.filter((r) => r.substance.trim() !== '') });
      onSaved(saved.conversationTaskId !== null ? 'The result was recorded. Something was not expected, so a task to talk it over with the patient was added.' : 'The result was recorded. Everything matched the medication list.');
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="form form--panel" onSubmit={(e) => void submit(e)} aria-label="Enter a urine test result">
      {error !== null && <ErrorNotice error={error} focus extra={errors.results ?? []} />}
      <div className="form-grid">
        <TextField label="Collected on" name="collectedOn" type="date" value={collectedOn} onChange={setCollectedOn} errors={errors.collectedOn} required />
        <SelectField label="Kind of test" name="method" value={method} onChange={setMethod} options={[{ value: 'screen', label: 'Screening (immunoassay)' }, { value: 'confirmatory', label: 'Confirmatory (laboratory)' }]} />
      </div>
      {rows.map((row, i) => (
        <div className="form-grid" key={i}>
          <TextField label={`Substance ${i + 1}`} name={`substance-${i}`} value={row.substance} onChange={(v) => setRows(rows.map((r, j) => (j === i ? { ...r, substance: v } : r)))} />
          <SelectField label={`Result ${i + 1}`} name={`result-${i}`} value={row.result} onChange={(v) => setRows(rows.map((r, j) => (j === i ? { ...r, result: v } : r)))} options={[{ value: 'positive', label: 'Tested positive' }, { value: 'negative', label: 'Tested negative' }, { value: 'inconclusive', label: 'Inconclusive' }]} />
        </div>
      ))}
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => setRows([...rows, { substance: '', result: 'negative' }])}>Add a substance</button>
        <button type="submit" className="button">Save result</button>
      </div>
    </form>
  );
}

export function UdsTable({ test }: { test: UrineTestView }): ReactElement {
  return (
    <div className="table-wrap">
      <table className="table table--stack uds-table">
        <caption>Urine test of {formatDate(test.collectedOn)} compared with the medication list</caption>
        <thead>
          <tr>
            <th scope="col">Substance</th>
            <th scope="col">Compared with the list</th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {test.reconciliation.lines.map((l) => (
            <tr key={`${l.substance}-${l.status}`}>
              <th scope="row">{l.substance}</th>
              <td data-label="Compared with the list">{UDS_WORDS[l.status]}</td>
              <td data-label="Notes">{[...l.notes, ...(l.conversation !== null ? [l.conversation.message] : [])].join(' ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type FormKind = 'pdmp' | 'review' | 'uds' | null;

export function MonitoringPanel({ patientId, overview, today, onSaved }: { patientId: string; overview: MedicationOverview; today: string; onSaved: (m: string) => void }): ReactElement {
  const [open, setOpen] = useState<FormKind>(null);
  const done = (m: string): void => { setOpen(null); onSaved(m); };
  const toggle = (kind: FormKind): void => setOpen(open === kind ? null : kind);
  const { peg, psfs } = overview.function;
  return (
    <section className="card" aria-labelledby="monitoring-title">
      <h2 id="monitoring-title">Monitoring</h2>
      <ul className="due-list">
        {overview.monitoring.items.map((item) => (
          <li key={item.kind}>
            <strong>{KIND_WORDS[item.kind]}:</strong> {STATUS_WORDS[item.status]}
            {item.dueOn !== null && ` — ${formatDate(item.dueOn)}`}
            {item.lastDoneOn !== null && <span className="muted"> (last {formatDate(item.lastDoneOn)})</span>}
            <br />
            <span className="muted">{item.basis}</span>
          </li>
        ))}
      </ul>
      <p>
        <strong>Function beside dose:</strong> {overview.mme.totalMmePerDay} MME/day · PEG {peg?.total ?? 'not recorded'}
        {peg !== null && ` (${formatDate(peg.authoredOn)})`} · PSFS {psfs?.total ?? 'not recorded'}
        {psfs !== null && ` (${formatDate(psfs.authoredOn)})`}
      </p>
      <div className="button-row">
        <button type="button" className="button button--secondary" aria-expanded={open === 'pdmp'} onClick={() => toggle('pdmp')}>Record PDMP check</button>
        <button type="button" className="button button--secondary" aria-expanded={open === 'review'} onClick={() => toggle('review')}>Record benefit and risk review</button>
        <button type="button" className="button button--secondary" aria-expanded={open === 'uds'} onClick={() => toggle('uds')}>Enter urine test result</button>
      </div>
      {open === 'pdmp' && <PdmpForm patientId={patientId} today={today} onSaved={done} />}
      {open === 'review' && <ReviewForm patientId={patientId} today={today} onSaved={done} />}
      {open === 'uds' && <UdsForm patientId={patientId} today={today} onSaved={done} />}
      {overview.pdmpChecks[0] !== undefined && (
        <p>
          <strong>Latest PDMP check</strong> ({formatDate(overview.pdmpChecks[0].checkedOn)}, {overview.pdmpChecks[0].checkedByName}): {overview.pdmpChecks[0].findings}
        </p>
      )}
      {overview.urineTests.slice(0, 2).map((t) => (
        <UdsTable key={t.id} test={t} />
      ))}
      <p className="muted">A urine test result is a starting point for a conversation with the patient, not a conclusion.</p>
    </section>
  );
}
