/**
 * /patients/:id/agreement for staff. A prescriber creates the agreement from a template (goals come from the
 * person's latest PSFS activities), sees its reading grade, answers questions, signs, revises it (a new
 * version that both sign again, with the reason shown), and prints it. Everyone on the care team can read it.
 */
import { useDeferredValue, useState, type FormEvent, type ReactElement } from 'react';
import { Link, useParams } from 'react-router-dom';
import { agreementReadingGrade } from '../../domain/agreements/grade';
import { apiPost, etagFor, fieldErrors, request } from '../api';
import type { PatientDetail } from '../api-types';
import { AGREEMENT_STATUS_WORDS, type Agreement, type TemplateList } from '../agreements-types';
import { AgreementText, ReadingGrade } from '../components/agreement-text';
import { QuestionList, VersionHistory } from '../components/agreement-parts';
import { SelectField, TextField } from '../components/form-field';
import { ErrorNotice, Loading, StatusMessage } from '../components/status';
import { displayName, formatDate } from '../format';
import { useApiData, usePageTitle } from '../hooks';
import { useUser } from '../session';
import { CheckedTextArea } from '../components/language-checked-text-area';

function inMonths(months: number): string {
  const d = new Date();
  d.setMonth(d.getMonth() + months);
  return d.toISOString().slice(0, 10);
}

function CreateAgreementForm({ patientId, onCreated }: { patientId: string; onCreated: (a: Agreement) => void }): ReactElement {
  const templates = useApiData<TemplateList>('/api/v1/agreement-templates');
  const [templateId, setTemplateId] = useState('');
  const [reviewDate, setReviewDate] = useState(inMonths(3));
  const [pharmacy, setPharmacy] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (templates.state.status === 'loading') return <Loading label="Loading templates…" />;
  if (templates.state.status === 'error') return <ErrorNotice error={templates.state.error} title="We could not load the templates." />;
  const items = templates.state.data.items;
  const chosen = templateId !== '' ? templateId : (items.find((t) => t.isDefault) ?? items[0])?.id ?? '';
  const errors = fieldErrors(error, ['templateId', 'reviewDate', 'pharmacy']);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onCreated(await apiPost<Agreement>(`/api/v1/patients/${patientId}/agreements`, { templateId: chosen, reviewDate, pharmacy: pharmacy.trim() === '' ? null : pharmacy }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="create-title" noValidate>
      <h2 id="create-title">Start an agreement</h2>
      <p>
        The agreement names the person&apos;s own goals (from their latest Patient-Specific Functional Scale), what you both
        commit to, and a date to look at it again together. Talk it through; they can ask questions here and sign when ready.
      </p>
      {error !== null && <ErrorNotice error={error} title="The agreement was not created." />}
      <SelectField label="Template" name="templateId" value={chosen} onChange={setTemplateId} options={items.map((t) => ({ value: t.id, label: `${t.name} (reading grade ${t.readingGrade ?? '–'})` }))} errors={errors.templateId} />
      <TextField label="Review together on" name="reviewDate" type="date" value={reviewDate} onChange={setReviewDate} errors={errors.reviewDate} required hint="A reminder goes to your inbox for this date." />
      <TextField label="Pharmacy (optional)" name="pharmacy" value={pharmacy} onChange={setPharmacy} errors={errors.pharmacy} hint='Leave empty to say "one pharmacy we choose together".' />
      <button type="submit" className="button" disabled={busy || chosen === ''}>
        {busy ? 'Creating…' : 'Create agreement'}
      </button>
    </form>
  );
}

function ReviseForm({ agreement, onRevised, onCancel }: { agreement: Agreement; onRevised: (a: Agreement) => void; onCancel: () => void }): ReactElement {
  const [text, setText] = useState(agreement.current.text);
  const [reason, setReason] = useState('');
  const [reviewDate, setReviewDate] = useState(agreement.reviewDate);
  const [error, setError] = useState<unknown>(null);
  const grade = agreementReadingGrade(useDeferredValue(text));
  const errors = fieldErrors(error, ['text', 'reason', 'reviewDate']);
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    try {
      const res = await request<Agreement>('POST', `/api/v1/agreements/${agreement.id}/versions`, { body: { text, reason, reviewDate }, headers: { 'if-match': etagFor(agreement.version) } });
      onRevised(res.data);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="revise-title" noValidate>
      <h2 id="revise-title">Write a new version</h2>
      <p>A new version is a new conversation: the signatures on this version stay with it, and you both sign the new one.</p>
      {error !== null && <ErrorNotice error={error} title="The new version was not saved." />}
      <CheckedTextArea label="Agreement text" name="text" value={text} onChange={setText} rows={18} errors={errors.text} required />
      <ReadingGrade grade={grade.grade} max={grade.maxGrade} live />
      <CheckedTextArea label="What changed and why" name="reason" value={reason} onChange={setReason} rows={2} errors={errors.reason} required />
      <TextField label="Review together on" name="reviewDate" type="date" value={reviewDate} onChange={setReviewDate} errors={errors.reviewDate} />
      <div className="button-row">
        <button type="submit" className="button">
          Save new version
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function AgreementDetail({ agreement, onChanged }: { agreement: Agreement; onChanged: (a: Agreement, note: string) => void }): ReactElement {
  const user = useUser();
  const prescriber = user.role === 'prescriber';
  const [revising, setRevising] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const clinicianSigned = agreement.current.signatures.some((s) => s.signerRole === 'clinician');

  async function sign(): Promise<void> {
    setError(null);
    try {
      onChanged(await apiPost<Agreement>(`/api/v1/agreements/${agreement.id}/signatures`, { versionNumber: agreement.current.number, textHash: agreement.current.textHash }), 'You signed this version.');
    } catch (err) {
      setError(err);
    }
  }

  return (
    <>
      <section className="card" aria-labelledby="status-title">
        <h2 id="status-title">Version {agreement.current.number}: {AGREEMENT_STATUS_WORDS[agreement.status]}</h2>
        <ReadingGrade grade={agreement.current.readingGrade} max={agreement.maxReadingGrade} />
        <p>
          Review together on <strong>{formatDate(agreement.reviewDate)}</strong> (a reminder is in the inbox).
          {agreement.goalsSource === 'care-plan' && ' Goals come from the care plan.'}
          {agreement.goalsSource === 'psfs' && ' Goals come from the latest PSFS activities.'}
          {agreement.goalsSource === 'none' && ' No goals were recorded yet: write them together in a new version.'}
        </p>
        {agreement.issues.map((i) => (
          <p key={i.code} className="banner banner--warning">
            {i.message}
          </p>
        ))}
        {error !== null && <ErrorNotice error={error} title="The signature was not saved." />}
        <div className="button-row">
          {prescriber && !clinicianSigned && (
            <button type="button" className="button" onClick={() => void sign()}>
              Sign as clinician
            </button>
          )}
          {prescriber && !revising && (
            <button type="button" className="button button--secondary" onClick={() => setRevising(true)}>
              Write a new version
            </button>
          )}
          <a className="button button--secondary" href={`/api/v1/agreements/${agreement.id}/agreement.pdf`} target="_blank" rel="noreferrer">
            Print (PDF)
          </a>
        </div>
      </section>
      {revising && (
        <ReviseForm
          agreement={agreement}
          onCancel={() => setRevising(false)}
          onRevised={(a) => {
            setRevising(false);
            onChanged(a, `Version ${a.current.number} saved. Go over it together; you both sign again.`);
          }}
        />
      )}
      <section className="card" aria-labelledby="text-title">
        <h2 id="text-title" className="visually-hidden">
          Agreement text
        </h2>
        <AgreementText text={agreement.current.text} />
      </section>
      <section className="card" aria-labelledby="questions-title">
        <h2 id="questions-title">Questions and answers</h2>
        <QuestionList agreement={agreement} canAnswer onChanged={(a) => onChanged(a, 'Answer saved.')} />
      </section>
      <section className="card" aria-labelledby="versions-title">
        <h2 id="versions-title">Versions and signatures</h2>
        <p className="muted">Each signature records the SHA-256 fingerprint of the exact text signed.</p>
        <div className="table-wrap">
          <VersionHistory agreement={agreement} />
        </div>
      </section>
    </>
  );
}

export function PatientAgreementPage(): ReactElement {
  const { id = '' } = useParams();
  const user = useUser();
  const patient = useApiData<PatientDetail>(`/api/v1/patients/${encodeURIComponent(id)}`);
  const { state, replace } = useApiData<{ items: Agreement[] }>(`/api/v1/patients/${encodeURIComponent(id)}/agreements`);
  const [note, setNote] = useState('');
  const name = patient.state.status === 'ready' ? displayName(patient.state.data) : 'Patient';
  usePageTitle(`Agreement – ${name}`);
  const items = state.status === 'ready' ? state.data.items : [];
  const current = items[0];
  const update = (a: Agreement, message: string): void => {
    replace({ items: [a, ...items.filter((x) => x.id !== a.id)] });
    setNote(message);
  };
  return (
    <>
      <p>
        <Link to={`/patients/${id}`}>Back to {name}</Link>
      </p>
      <h1>Treatment agreement: {name}</h1>
      <StatusMessage>{note}</StatusMessage>
      {state.status === 'loading' && <Loading label="Loading the agreement…" />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load the agreement." />}
      {state.status === 'ready' && current === undefined && (user.role === 'prescriber' ? <CreateAgreementForm patientId={id} onCreated={(a) => update(a, 'Agreement created.')} /> : <p>No agreement yet. A prescriber on the care team can start one.</p>)}
      {current !== undefined && <AgreementDetail key={current.id + current.version} agreement={current} onChanged={update} />}
    </>
  );
}
