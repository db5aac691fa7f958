/**
 * /me/agreement: the person reads their treatment agreement on a phone (large text, one heading per section
 * for screen readers), asks questions (kept with the answers), and signs when ready. Signing sends the
 * version and the fingerprint of the text shown, so what they sign is exactly what they read.
 * Reading level of the words on this page: short sentences, common words.
 */
import { useState, type ReactElement } from 'react';
import { Link } from 'react-router-dom';
import { apiPost } from '../api';
import type { Agreement } from '../agreements-types';
import { AgreementText } from '../components/agreement-text';
import { AskQuestionForm, QuestionList } from '../components/agreement-parts';
import { Checkbox } from '../components/form-field';
import { ErrorNotice, Loading, StatusMessage } from '../components/status';
import { formatDate, formatDateTime } from '../format';
import { useApiData, usePageTitle } from '../hooks';
import { useUser } from '../session';

function SignSection({ agreement, onSigned }: { agreement: Agreement; onSigned: (a: Agreement) => void }): ReactElement {
  const [read, setRead] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mine = agreement.current.signatures.find((s) => s.signerRole === 'patient');
  if (mine) {
    return (
      <p>
        You signed version {agreement.current.number} on {formatDateTime(mine.signedAt)}.
      </p>
    );
  }
  async function sign(): Promise<void> {
    setError(null);
    try {
      onSigned(await apiPost<Agreement>(`/api/v1/agreements/${agreement.id}/signatures`, { versionNumber: agreement.current.number, textHash: agreement.current.textHash }));
    } catch (err) {
      setError(err);
    }
  }
  return (
    <>
      <p>Sign only when you are ready. You can ask a question first.</p>
      {error !== null && <ErrorNotice error={error} title="Your signature was not saved." />}
      <Checkbox label="I have read this agreement and had the chance to ask questions." name="read" checked={read} onChange={setRead} />
      <button type="button" className="button" disabled={!read} onClick={() => void sign()}>
        Sign the agreement
      </button>
    </>
  );
}

export function MyAgreementPage(): ReactElement {
  usePageTitle('My agreement');
  const user = useUser();
  const patientId = user.patientId ?? '';
  const { state, replace } = useApiData<{ items: Agreement[] }>(patientId === '' ? null : `/api/v1/patients/${patientId}/agreements`);
  const [note, setNote] = useState('');
  const agreement = state.status === 'ready' ? state.data.items[0] : undefined;
  const update = (a: Agreement, message: string): void => {
    if (state.status === 'ready') replace({ items: state.data.items.map((x) => (x.id === a.id ? a : x)) });
    setNote(message);
  };
  return (
    <div className="portal-agreement">
      <p>
        <Link to="/me">Back to my page</Link>
      </p>
      <h1>My treatment agreement</h1>
      <StatusMessage>{note}</StatusMessage>
      {patientId === '' && <p>This page is for the person the agreement is with.</p>}
      {state.status === 'loading' && <Loading label="Opening your agreement…" />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not open your agreement. Please try again soon." />}
      {state.status === 'ready' && agreement === undefined && <p>You do not have an agreement yet. Your care team will talk it over with you first.</p>}
      {agreement !== undefined && (
        <>
          <p className="lead">
            Version {agreement.current.number}. We will go over it together on {formatDate(agreement.reviewDate)}.
          </p>
          {agreement.current.reason !== null && (
            <p className="callout">
              What changed in this version: {agreement.current.reason}
            </p>
          )}
          <article className="card" aria-label="Agreement text">
            <AgreementText text={agreement.current.text} large />
          </article>
          <section className="card" aria-labelledby="my-questions-title">
            <h2 id="my-questions-title">Questions</h2>
            <p>Ask anything. Your care team will answer here, and the answer is kept with your agreement.</p>
            <QuestionList agreement={agreement} canAnswer={false} onChanged={(a) => update(a, '')} />
            <AskQuestionForm agreementId={agreement.id} onAsked={(a) => update(a, 'Your question was sent to your care team.')} />
          </section>
          <section className="card" aria-labelledby="sign-title">
            <h2 id="sign-title">Sign</h2>
            <SignSection agreement={agreement} onSigned={(a) => update(a, 'Thank you. You signed the agreement.')} />
          </section>
          <p>
            <a href={`/api/v1/agreements/${agreement.id}/agreement.pdf`} target="_blank" rel="noreferrer">
              Print or save a copy (PDF)
            </a>
          </p>
        </>
      )}
    </div>
  );
}
