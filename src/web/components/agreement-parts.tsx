/** Parts shared by the prescriber's agreement page and the patient's portal page: questions, versions and signatures. */
import { useState, type FormEvent, type ReactElement } from 'react';
import { apiPost, fieldErrors } from '../api';
import type { Agreement } from '../agreements-types';
import { formatDateTime } from '../format';
import { ErrorNotice } from './status';
import { CheckedTextArea } from './language-checked-text-area';

export function AskQuestionForm({ agreementId, onAsked, label = 'Your question' }: { agreementId: string; onAsked: (a: Agreement) => void; label?: string }): ReactElement {
  const [question, setQuestion] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onAsked(await apiPost<Agreement>(`/api/v1/agreements/${agreementId}/questions`, { question }));
      setQuestion('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {error !== null && <ErrorNotice error={error} title="Your question was not sent." />}
      <CheckedTextArea label={label} name="question" value={question} onChange={setQuestion} rows={3} errors={fieldErrors(error, ['question']).question} required />
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Sending…' : 'Send question'}
      </button>
    </form>
  );
}

function AnswerForm({ agreementId, questionId, onAnswered }: { agreementId: string; questionId: string; onAnswered: (a: Agreement) => void }): ReactElement {
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    try {
      onAnswered(await apiPost<Agreement>(`/api/v1/agreements/${agreementId}/questions/${questionId}/answer`, { answer }));
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {error !== null && <ErrorNotice error={error} title="The answer was not saved." />}
      <CheckedTextArea label="Answer" name="answer" value={answer} onChange={setAnswer} rows={3} errors={fieldErrors(error, ['answer']).answer} required />
      <button type="submit" className="button">
        Save answer
      </button>
    </form>
  );
}

export function QuestionList({ agreement, canAnswer, onChanged }: { agreement: Agreement; canAnswer: boolean; onChanged: (a: Agreement) => void }): ReactElement {
  if (agreement.questions.length === 0) return <p className="muted">No questions yet.</p>;
  return (
    <ul className="plain-list question-list">
      {agreement.questions.map((q) => (
        <li key={q.id}>
          <p>
            <strong>Question:</strong> {q.question}
          </p>
          <p className="muted">
            {q.askedByName}, {formatDateTime(q.askedAt)} (version {q.versionNumber})
          </p>
          {q.answer !== null ? (
            <>
              <p>
                <strong>Answer:</strong> {q.answer}
              </p>
              <p className="muted">
                {q.answeredByName}, {formatDateTime(q.answeredAt)}
              </p>
            </>
          ) : canAnswer ? (
            <AnswerForm agreementId={agreement.id} questionId={q.id} onAnswered={onChanged} />
          ) : (
            <p className="muted">Not answered yet. Your care team will answer soon.</p>
          )}
        </li>
      ))}
    </ul>
  );
}

export function VersionHistory({ agreement }: { agreement: Agreement }): ReactElement {
  return (
    <table className="table table--stack agreement-versions">
      <caption className="visually-hidden">Versions and signatures</caption>
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Written</th>
          <th scope="col">Why it changed</th>
          <th scope="col">Signed by</th>
          <th scope="col">Text fingerprint (SHA-256)</th>
        </tr>
      </thead>
      <tbody>
        {[...agreement.versions].reverse().map((v) => (
          <tr key={v.number}>
            <td>
              {v.number}
              {v.number === agreement.current.number ? ' (current)' : ''}
            </td>
            <td>
              {formatDateTime(v.createdAt)} by {v.createdByName}
            </td>
            <td>{v.reason ?? 'First version'}</td>
            <td>
              {v.signatures.length === 0
                ? 'No one yet'
                : v.signatures.map((s) => `${s.signerName} (${s.signerRole}), ${formatDateTime(s.signedAt)}`).join('; ')}
            </td>
            <td>
              <code className="hash">{v.textHash.slice(0, 16)}…</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
