/** NCD 30.3.3 facts: the four conditions of chronic low back pain, and dated improvement reviews. */
import { useState, type FormEvent, type ReactElement } from 'react';
import { etagFor, fieldErrors, request } from '../../api';
import type { PatientCoverageView } from '../../coverage-types';
import { formatDate, humanize } from '../../format';
import { SelectField, TextArea, TextField } from '../form-field';
import { ErrorNotice, StatusMessage } from '../status';

const YES_NO = [
  { value: '', label: 'Not recorded' },
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
const toChoice = (v: boolean | null): string => (v === null ? '' : v ? 'yes' : 'no');
const fromChoice = (v: string): boolean | null => (v === '' ? null : v === 'yes');

export function NcdPanel({ patientId, view, onChanged }: { patientId: string; view: PatientCoverageView; onChanged: () => void }): ReactElement | null {
  const e = view.eligibility;
  const [onset, setOnset] = useState(e?.painOnsetDate ?? '');
  const [nonspecific, setNonspecific] = useState(toChoice(e?.nonspecific ?? null));
  const [surgery, setSurgery] = useState(toChoice(e?.associatedWithSurgery ?? null));
  const [pregnancy, setPregnancy] = useState(toChoice(e?.associatedWithPregnancy ?? null));
  const [reviewDate, setReviewDate] = useState(view.asOf);
  const [outcome, setOutcome] = useState('improving');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const byField = fieldErrors(error, ['painOnsetDate', 'nonspecific', 'associatedWithSurgery', 'associatedWithPregnancy', 'date', 'outcome', 'note']);
  if (!view.rules.some((r) => r.kind === 'ncd-30.3.3') && e === null) return null;

  async function save(ev: FormEvent<HTMLFormElement>): Promise<void> {
    ev.preventDefault();
    setError(null);
    try {
      await request('PUT', `/api/v1/patients/${patientId}/acupuncture-eligibility`, {
        body: { painOnsetDate: onset || null, nonspecific: fromChoice(nonspecific), associatedWithSurgery: fromChoice(surgery), associatedWithPregnancy: fromChoice(pregnancy) },
        headers: e ? { 'if-match': etagFor(e.version) } : {},
      });
      setStatus('Conditions saved.');
      onChanged();
    } catch (err) {
      setError(err);
    }
  }
  async function review(ev: FormEvent<HTMLFormElement>): Promise<void> {
    ev.preventDefault();
    setError(null);
    if (!e) return;
    try {
      await request('POST', `/api/v1/patients/${patientId}/acupuncture-eligibility/reviews`, { body: { date: reviewDate, outcome, note: note.trim() || null }, headers: { 'if-match': etagFor(e.version) } });
      setStatus('Review saved.');
      setNote('');
      onChanged();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="card" aria-labelledby="ncd-title">
      <h2 id="ncd-title">Acupuncture for chronic low back pain (Medicare NCD 30.3.3)</h2>
      <StatusMessage>{status}</StatusMessage>
      {error !== null && <ErrorNotice error={error} title="We could not save this." extra={byField[''] ?? []} />}
      <form className="form" onSubmit={(ev) => void save(ev)} noValidate aria-label="Conditions of chronic low back pain">
        <p>All four must hold: pain for 12 weeks or longer; nonspecific; not associated with surgery; not associated with pregnancy.</p>
        <TextField label="Low back pain began on" name="painOnsetDate" type="date" value={onset} onChange={setOnset} errors={byField.painOnsetDate} />
        <SelectField label="Nonspecific (no identifiable systemic cause)" name="nonspecific" value={nonspecific} onChange={setNonspecific} options={YES_NO} errors={byField.nonspecific} />
        <SelectField label="Associated with surgery" name="associatedWithSurgery" value={surgery} onChange={setSurgery} options={YES_NO} errors={byField.associatedWithSurgery} />
        <SelectField label="Associated with pregnancy" name="associatedWithPregnancy" value={pregnancy} onChange={setPregnancy} options={YES_NO} errors={byField.associatedWithPregnancy} />
        <button type="submit" className="button">
          Save conditions
        </button>
      </form>
      {e !== null && (
        <>
          <h3>Improvement reviews</h3>
          {e.reviews.length === 0 ? (
            <p>No review yet. Visits after the first 12 need documented improvement.</p>
          ) : (
            <ul>
              {e.reviews.map((r, i) => (
                <li key={i}>
                  {formatDate(r.date)}: {humanize(r.outcome)} ({r.by}){r.note !== null && ` — ${r.note}`}
                </li>
              ))}
            </ul>
          )}
          <form className="form" onSubmit={(ev) => void review(ev)} noValidate aria-label="Document a review">
            <TextField label="Review date" name="reviewDate" type="date" value={reviewDate} onChange={setReviewDate} errors={byField.date} />
            <SelectField
              label="Outcome"
              name="outcome"
              value={outcome}
              onChange={setOutcome}
              options={[
                { value: 'improving', label: 'Improving' },
                { value: 'not-improving', label: 'Not improving' },
                { value: 'regressing', label: 'Regressing' },
              ]}
              errors={byField.outcome}
            />
            <TextArea label="What shows it (optional)" name="note" value={note} onChange={setNote} rows={2} errors={byField.note} />
            <button type="submit" className="button button--secondary">
              Save review
            </button>
          </form>
        </>
      )}
    </section>
  );
}
