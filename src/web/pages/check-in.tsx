/**
 * /check-in/:requestId?instrument=peg — answering a questionnaire the care team sent (a to-do on /me):
 * one question per screen, then POST /instrument-requests/{id}/response. A PHQ-9 answer that needs the
 * crisis panel shows it, and the person can still finish.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { getInstrument, type Instrument } from '../../domain/measures/instruments';
import type { Answers } from '../../domain/measures/score';
import { apiPost, isApiError } from '../api';
import { CrisisPanel } from '../components/crisis-panel';
import { cleanActivities, ItemField } from '../components/intake/instrument-fields';
import { pageErrors, type PageErrors } from '../components/intake/page-errors';
import { NotAvailable } from '../components/not-available';
import { ErrorNotice } from '../components/status';
import { usePageTitle } from '../hooks';
import type { Crisis, InstrumentResponseResult } from '../measures-types';

function CheckIn({ requestId, instrument }: { requestId: string; instrument: Instrument }): ReactElement {
  const [screen, setScreen] = useState(0);
  const [answers, setAnswers] = useState<Answers>({});
  const [errors, setErrors] = useState<PageErrors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [crisis, setCrisis] = useState<Crisis | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const first = useRef(true);
  const items = instrument.items;
  const count = items.length;
  usePageTitle(done ? 'Thank you' : `${instrument.patientTitle} (question ${screen + 1} of ${count})`);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    headingRef.current?.focus();
  }, [screen, done]);

  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  async function handleNext(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    if (screen < count - 1) {
      setScreen(screen + 1);
      return;
    }
    const body: Answers = {};
    for (const item of items) body[item.id] = item.kind === 'activity' ? cleanActivities(answers[item.id]) : (answers[item.id] ?? null);
    setBusy(true);
    try {
      const result = await apiPost<InstrumentResponseResult>(`/api/v1/instrument-requests/${encodeURIComponent(requestId)}/response`, { answers: body });
      if (result.crisis?.show === true) setCrisis(result.crisis);
      setDone(true);
    } catch (err) {
      if (isApiError(err) && err.status === 400 && err.details.length > 0) {
        const found = pageErrors(err);
        const at = items.findIndex((item) => Object.keys(found).some((p) => p === item.id || p.startsWith(`${item.id}[`)));
        if (at >= 0 && at !== screen) setScreen(at);
        setErrors(found);
        if (found[''] !== undefined || at < 0) setFormError(err);
      } else {
        setFormError(err);
      }
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <div className="intake">
        {crisis !== null && <CrisisPanel crisis={crisis} />}
        <h1 ref={headingRef} tabIndex={-1}>
          Thank you
        </h1>
        <p className="lead">Your answers are saved and your care team can see them.</p>
        <p>
          <Link to="/me" className="button">
            Back to my page
          </Link>
        </p>
      </div>
    );
  }

  const item = items[screen];
  return (
    <div className="intake">
      <div className="progress">
        <p className="step-count">
          Question {screen + 1} of {count}
        </p>
        <div className="progress-bar" aria-hidden="true">
          <span style={{ width: `${Math.round((screen / count) * 100)}%` }} />
        </div>
      </div>
      <h1 ref={headingRef} tabIndex={-1}>
        {instrument.patientTitle}
      </h1>
      {formError !== null && <ErrorNotice error={formError} title="We could not save your answers." extra={errors[''] ?? []} focus />}
      <form ref={formRef} className="form intake-form" onSubmit={(e) => void handleNext(e)} noValidate>
        <p className="prompt">{instrument.prompt}</p>
        {item !== undefined && (
          <ItemField item={item} value={answers[item.id]} onChange={(v) => setAnswers((a) => ({ ...a, [item.id]: v }))} errors={errors} />
        )}
        <div className="step-nav">
          {screen > 0 && (
            <button type="button" className="button button--secondary" onClick={() => setScreen(screen - 1)} disabled={busy}>
              Back
            </button>
          )}
          <button type="submit" className="button button--big" disabled={busy}>
            {busy ? 'Sending…' : screen < count - 1 ? 'Next question' : 'Send my answers'}
          </button>
        </div>
        <p>
          <Link to="/me" className="secondary-link">
            Answer later
          </Link>
        </p>
      </form>
    </div>
  );
}

export function CheckInPage(): ReactElement {
  const { requestId = '' } = useParams();
  const [params] = useSearchParams();
  const instrument = getInstrument(params.get('instrument') ?? '');
  if (instrument === undefined) return <NotAvailable title="We could not find these questions" />;
  return <CheckIn key={requestId} requestId={requestId} instrument={instrument} />;
}
