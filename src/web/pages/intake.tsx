/**
 * /intake/:id — the patient's intake on a phone: one page at a time (one question at a time on
 * instrument pages), each page saved with PUT + If-Match before moving on, "Step 3 of 11", Back, Save and
 * continue, Save and finish later. A reload resumes at the server's currentPage. A save that answers
 * `crisis.show` shows the crisis panel and lets the person go on. Ends with a review, "Send to my care
 * team" and a thank-you.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { IntakePageId } from '../../domain/intake/pages';
import type { Answers } from '../../domain/measures/score';
import { etagFor, isApiError, request } from '../api';
import { CrisisPanel } from '../components/crisis-panel';
import { instrumentDrafts, resumeView, valueOnServer, valueToSave, type View } from '../components/intake/intake-resume';
import { IntakeReview, missingFromError } from '../components/intake/intake-review';
import { pageModel, screenCount, screenOf, type PageModel } from '../components/intake/intake-screens';
import { pageErrors, type PageErrors } from '../components/intake/page-errors';
import { StepFields } from '../components/intake/step-fields';
import { storyDraft, type StoryDraft } from '../components/intake/story-pages';
import { NotAvailable } from '../components/not-available';
import { ErrorNotice, Loading, StatusMessage } from '../components/status';
import { useApiData, usePageTitle } from '../hooks';
import type { Crisis, Intake } from '../measures-types';

const INTAKE_NAME = 'Tell us about your pain';

function IntakeFlow({ initial, initialEtag }: { initial: Intake; initialEtag: string | null }): ReactElement {
  const navigate = useNavigate();
  const [intake, setIntake] = useState(initial);
  const [etag, setEtag] = useState(initialEtag ?? etagFor(initial.version));
  const [view, setView] = useState<View>(() => resumeView(initial));
  const [story, setStory] = useState<StoryDraft>(() => storyDraft(initial.story));
  const [answers, setAnswers] = useState(() => instrumentDrafts(initial));
  const [redFlags, setRedFlags] = useState<Record<string, boolean | null>>(() => ({ ...initial.redFlags }));
  const [errors, setErrors] = useState<PageErrors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [crisis, setCrisis] = useState<Crisis | null>(initial.crisis?.show === true ? initial.crisis : null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const firstView = useRef(true);
  // The full crisis panel shows on the screen after the save that raised it; later screens get the short one.
  const crisisPending = useRef(false);
  const [crisisView, setCrisisView] = useState<string | null>(null);

  const model = view.page === 'review' || view.page === 'done' ? null : pageModel(view.page, intake);
  const stepIndex = view.page === 'review' || view.page === 'done' ? intake.pages.length : intake.pages.indexOf(view.page);
  const title = view.page === 'review' ? 'Check your answers' : view.page === 'done' ? 'Thank you' : (model?.title ?? INTAKE_NAME);
  usePageTitle(view.page === 'done' || view.page === 'review' ? title : `${title} (step ${stepIndex + 1} of ${intake.pages.length})`);

  // A new screen: start at the top and put focus on its heading, so screen readers start there too.
  const viewKey = JSON.stringify(view);
  useEffect(() => {
    if (crisisPending.current) {
      crisisPending.current = false;
      setCrisisView(viewKey);
    }
    if (firstView.current) {
      firstView.current = false;
      return;
    }
    window.scrollTo(0, 0);
    // The crisis panel takes focus itself on the screen where it first appears.
    if (!(crisisView === null && crisis !== null)) headingRef.current?.focus();
  }, [viewKey]);

  // Errors from the server: focus the first field that has one.
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
  }, [errors]);

  const pageValue = (page: IntakePageId, m: PageModel): unknown => valueToSave(page, m, { story, answers, redFlags });
  const savedValue = (m: PageModel): unknown => valueOnServer(m, intake);

  function adopt(fresh: Intake, freshEtag: string | null): void {
    setIntake(fresh);
    setEtag(freshEtag ?? etagFor(fresh.version));
    if (fresh.crisis?.show === true) {
      if (crisis === null) crisisPending.current = true;
      setCrisis(fresh.crisis);
    }
  }

  async function reloadIntake(): Promise<void> {
    const { data, etag: fresh } = await request<Intake>('GET', `/api/v1/intakes/${intake.id}`);
    adopt(data, fresh);
    setStory(storyDraft(data.story));
    setAnswers(instrumentDrafts(data));
    setRedFlags({ ...data.redFlags });
  }

  /** PUT the page; returns the updated intake, or null when the person needs to fix something. */
  async function save(page: IntakePageId, m: PageModel): Promise<Intake | null> {
    setFormError(null);
    setErrors({});
    try {
      const { data, etag: fresh } = await request<Intake>('PUT', `/api/v1/intakes/${intake.id}/pages/${page}`, {
        body: { value: pageValue(page, m) },
        headers: { 'if-match': etag },
      });
      adopt(data, fresh);
      return data;
    } catch (err) {
      if (isApiError(err) && err.status === 400 && err.details.length > 0) {
        const found = pageErrors(err);
        const at = screenOf(m, Object.keys(found));
        if (at !== null && view.page !== 'review' && view.page !== 'done' && at !== view.screen) setView({ page, screen: at });
        setErrors(found);
        if (found[''] !== undefined) setFormError(err);
      } else if (isApiError(err) && (err.status === 412 || err.code === 'conflict.stale-version')) {
        await reloadIntake().catch(() => undefined);
        setFormError(new Error('Your answers were changed in another window. We loaded the newest answers. Please check this page and save again.'));
      } else if (isApiError(err) && err.code === 'intake.submitted') {
        setView({ page: 'done' });
      } else {
        setFormError(err);
      }
      return null;
    }
  }

  function goTo(next: View): void {
    setErrors({});
    setFormError(null);
    setView(next);
  }

  async function handleNext(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (model === null || view.page === 'review' || view.page === 'done') return;
    if (view.screen < screenCount(model) - 1) {
      goTo({ page: view.page, screen: view.screen + 1 });
      return;
    }
    setBusy(true);
    const saved = await save(view.page, model);
    setBusy(false);
    if (saved === null) return;
    setStatus('Saved.');
    const at = saved.pages.indexOf(view.page);
    const next = saved.pages[at + 1];
    goTo(next === undefined ? { page: 'review' } : { page: next, screen: 0 });
  }

  function handleBack(): void {
    if (view.page === 'done') return;
    if (view.page === 'review') {
      const last = intake.pages[intake.pages.length - 1];
      if (last !== undefined) goTo({ page: last, screen: Math.max(0, screenCount(pageModel(last, intake)) - 1) });
      return;
    }
    if (view.screen > 0) {
      goTo({ page: view.page, screen: view.screen - 1 });
      return;
    }
    const prev = intake.pages[intake.pages.indexOf(view.page) - 1];
    if (prev !== undefined) goTo({ page: prev, screen: Math.max(0, screenCount(pageModel(prev, intake)) - 1) });
  }

  async function handleFinishLater(): Promise<void> {
    if (model !== null && view.page !== 'review' && view.page !== 'done') {
      const changed = JSON.stringify(pageValue(view.page, model)) !== JSON.stringify(savedValue(model));
      if (changed) {
        setBusy(true);
        const saved = await save(view.page, model);
        setBusy(false);
        if (saved === null) return;
      }
    }
    void navigate('/me', { state: { notice: 'Your answers are saved. You can come back and finish any time.' } });
  }

  async function handleSubmit(): Promise<void> {
    setBusy(true);
    setFormError(null);
    setMissing([]);
    try {
      const { data, etag: fresh } = await request<Intake>('POST', `/api/v1/intakes/${intake.id}/submit`, {});
      adopt(data, fresh);
      goTo({ page: 'done' });
    } catch (err) {
      if (isApiError(err) && err.code === 'intake.pages-missing') setMissing(missingFromError(err.details));
      else if (isApiError(err) && err.code === 'intake.submitted') goTo({ page: 'done' });
      setFormError(err);
    } finally {
      setBusy(false);
    }
  }

  const panel = crisis !== null && <CrisisPanel crisis={crisis} compact={crisisView !== null && crisisView !== viewKey} />;

  if (view.page === 'done') {
    return (
      <div className="intake">
        {panel}
        <h1 ref={headingRef} tabIndex={-1}>
          Thank you
        </h1>
        <p className="lead">Your answers are with your care team. They will read them before your visit.</p>
        <p>If something changes, or you want to add something, tell your care team at your visit.</p>
        <p>
          <Link to="/me" className="button">
            Back to my page
          </Link>
        </p>
      </div>
    );
  }

  if (view.page === 'review') {
    return (
      <div className="intake">
        {panel}
        <p className="step-count">Last step: check and send</p>
        <h1 ref={headingRef} tabIndex={-1}>
          Check your answers
        </h1>
        {formError !== null && (
          <ErrorNotice
            error={formError}
            title={missing.length > 0 ? 'A few parts still need answers before you can send.' : 'We could not send your answers.'}
            hideMessage={missing.length > 0}
            focus
          />
        )}
        <IntakeReview intake={intake} missing={missing} onChange={(page) => goTo({ page, screen: 0 })} />
        <div className="step-nav">
          <button type="button" className="button button--secondary" onClick={handleBack}>
            Back
          </button>
          <button type="button" className="button button--big" onClick={() => void handleSubmit()} disabled={busy}>
            {busy ? 'Sending…' : 'Send to my care team'}
          </button>
        </div>
        <p>
          <Link to="/me" className="secondary-link">
            Finish later
          </Link>
        </p>
      </div>
    );
  }

  if (model === null) return <Loading />;
  const count = screenCount(model);
  const screen = view.screen;
  const lastScreen = screen >= count - 1;
  const isFirst = intake.pages.indexOf(view.page) === 0 && screen === 0;
  const percent = Math.round(((stepIndex + (count > 1 ? screen / count : 0)) / intake.pages.length) * 100);
  const setAnswer = (itemId: string, value: Answers[string]): void =>
    setAnswers((all) => ({ ...all, [view.page]: { ...(all[view.page] ?? {}), [itemId]: value } }));

  return (
    <div className="intake">
      {panel}
      <div className="progress">
        <p className="step-count">
          Step {stepIndex + 1} of {intake.pages.length}
        </p>
        <div className="progress-bar" aria-hidden="true">
          <span style={{ width: `${percent}%` }} />
        </div>
      </div>
      <h1 ref={headingRef} tabIndex={-1}>
        {model.title}
      </h1>
      {model.kind !== 'story' && count > 1 && (
        <p className="muted">
          {model.kind === 'red-flags' ? `Part ${screen + 1} of ${count}` : `Question ${screen + 1} of ${count}`}
        </p>
      )}
      <StatusMessage>{status}</StatusMessage>
      {formError !== null && <ErrorNotice error={formError} title="We could not save this page." extra={errors[''] ?? []} focus />}
      <form ref={formRef} className="form intake-form" onSubmit={(e) => void handleNext(e)} noValidate>
        <StepFields
          model={model}
          screen={screen}
          story={story}
          onStory={(change) => setStory((d) => ({ ...d, ...change }))}
          answers={answers[view.page] ?? {}}
          onAnswer={setAnswer}
          redFlags={redFlags}
          onRedFlag={(id, v) => setRedFlags((all) => ({ ...all, [id]: v }))}
          errors={errors}
        />
        <div className="step-nav">
          {!isFirst && (
            <button type="button" className="button button--secondary" onClick={handleBack} disabled={busy}>
              Back
            </button>
          )}
          <button type="submit" className="button button--big" disabled={busy}>
            {busy ? 'Saving…' : lastScreen ? 'Save and continue' : model.kind === 'red-flags' ? 'Next' : 'Next question'}
          </button>
        </div>
        <p>
          <button type="button" className="button-link" onClick={() => void handleFinishLater()} disabled={busy}>
            Save and finish later
          </button>
        </p>
      </form>
    </div>
  );
}

export function IntakePage(): ReactElement {
  const { id = '' } = useParams();
  const { state, reload } = useApiData<Intake>(`/api/v1/intakes/${encodeURIComponent(id)}`);
  usePageTitle(INTAKE_NAME);
  if (state.status === 'loading') return <Loading label="Opening your questions…" />;
  if (state.status === 'error') {
    const err = state.error;
    if (isApiError(err) && (err.status === 403 || err.status === 404)) {
      return <NotAvailable title={err.status === 404 ? 'We could not find these questions' : undefined} error={err} />;
    }
    return (
      <>
        <h1>We could not open your questions</h1>
        <ErrorNotice error={err} />
        <button type="button" className="button" onClick={reload}>
          Try again
        </button>
      </>
    );
  }
  return <IntakeFlow key={state.data.id} initial={state.data} initialEtag={state.etag} />;
}
