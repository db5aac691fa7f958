/**
 * Admin → "Intake sections" (clinic lead): hide or show story sections and optional questionnaires in the
 * intake (PUT /api/v1/intake-templates/current with If-Match). PEG, PHQ-2 and the red-flag questions are
 * always asked: shown checked and disabled, with the reason. Questions themselves are never editable.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { ALWAYS_SHOWN_PAGES, type IntakePageId } from '../../domain/intake/pages';
import { STORY_QUESTIONS } from '../../domain/intake/story';
import { INSTRUMENTS } from '../../domain/measures/instruments';
import { etagFor, fieldErrors, isStaleVersion, request } from '../api';
import { formatDateTime } from '../format';
import { useApiData } from '../hooks';
import type { IntakeTemplateInfo, IntakeTemplates } from '../measures-types';
import { ErrorNotice, Loading, StatusMessage } from './status';

const PAGE_LABELS: Record<IntakePageId, string> = {
  onset: STORY_QUESTIONS.onset.title,
  where: `${STORY_QUESTIONS.where.title} (body map)`,
  feel: STORY_QUESTIONS.feel.title,
  impact: STORY_QUESTIONS.impact.title,
  tried: STORY_QUESTIONS.tried.title,
  hopes: STORY_QUESTIONS.hopes.title,
  peg: INSTRUMENTS.peg.title,
  phq2: INSTRUMENTS.phq2.title,
  phq9: `${INSTRUMENTS.phq9.title} — asked only after a positive PHQ-2`,
  gad7: INSTRUMENTS.gad7.title,
  psfs: INSTRUMENTS.psfs.title,
  startback: `${INSTRUMENTS.startback.title} — asked only when back pain is marked`,
  'red-flags': 'Red-flag questions (low back pain)',
};

const STORY_PAGES: IntakePageId[] = ['onset', 'where', 'feel', 'impact', 'tried', 'hopes'];

interface EditorProps {
  data: IntakeTemplates;
  etag: string | null;
  onSaved: (t: IntakeTemplateInfo, etag: string | null) => void;
}

function Editor({ data, etag, onSaved }: EditorProps): ReactElement {
  const [hidden, setHidden] = useState<IntakePageId[]>(data.current.hidden);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const byField = fieldErrors(error, ['hidden']);
  const hideable = new Set(data.pages.filter((p) => p.hideable).map((p) => p.id));

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await request<IntakeTemplateInfo>('PUT', '/api/v1/intake-templates/current', {
        body: { hidden },
        headers: { 'if-match': etag ?? etagFor(data.current.templateVersion) },
      });
      onSaved(res.data, res.etag);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const row = (id: IntakePageId): ReactElement => {
    const always = ALWAYS_SHOWN_PAGES.includes(id) || !hideable.has(id);
    const inputId = `intake-section-${id}`;
    return (
      <li key={id} className="choice">
        <input
          id={inputId}
          type="checkbox"
          checked={always || !hidden.includes(id)}
          disabled={always}
          aria-describedby={always ? 'always-on-note' : undefined}
          onChange={(e) => setHidden((h) => (e.target.checked ? h.filter((x) => x !== id) : [...h.filter((x) => x !== id), id]))}
        />
        <label htmlFor={inputId}>
          <span className="choice-label">{PAGE_LABELS[id]}</span>
          {always && <span className="choice-detail">Always asked</span>}
        </label>
      </li>
    );
  };

  const stale = isStaleVersion(error);
  return (
    <form className="form" onSubmit={(e) => void handleSubmit(e)} noValidate>
      {error !== null && (
        <ErrorNotice
          error={error}
          title={stale ? 'Someone else changed the sections first. Reload the page to see their change.' : 'We could not save the sections.'}
          extra={byField.hidden ?? byField[''] ?? []}
          focus
        />
      )}
      <p id="always-on-note" className="field-hint">
        PEG, PHQ-2 and the red-flag questions are always asked: they find pain, low mood and serious causes that need care
        the same day. The questions inside each questionnaire cannot be changed.
      </p>
      <fieldset>
        <legend>Story sections</legend>
        <ul className="plain-choices">{STORY_PAGES.map(row)}</ul>
      </fieldset>
      <fieldset>
        <legend>Questionnaires and safety questions</legend>
        <ul className="plain-choices">{data.pages.map((p) => p.id).filter((id) => !STORY_PAGES.includes(id)).map(row)}</ul>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save sections'}
        </button>
      </div>
    </form>
  );
}

export function IntakeSections(): ReactElement {
  const { state, replace } = useApiData<IntakeTemplates>('/api/v1/intake-templates');
  const [status, setStatus] = useState('');
  return (
    <section className="card" aria-labelledby="intake-sections-title">
      <h2 id="intake-sections-title">Intake sections</h2>
      <p>Choose what the intake asks. Hidden sections are left out of intakes sent from now on; intakes already sent keep their sections.</p>
      {state.status === 'loading' && <Loading label="Loading the intake sections…" />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load the intake sections." />}
      {state.status === 'ready' && (
        <>
          <p className="muted">
            Version {state.data.current.templateVersion}
            {state.data.current.updatedAt !== null && `, changed ${formatDateTime(state.data.current.updatedAt)}`}.
          </p>
          <Editor
            key={state.data.current.templateVersion}
            data={state.data}
            etag={state.etag}
            onSaved={(t, etag) => {
              replace({ ...state.data, current: t, history: [t, ...state.data.history] }, etag);
              setStatus(`Saved as version ${t.templateVersion}. Intakes sent from now on use it.`);
            }}
          />
        </>
      )}
      <StatusMessage>{status}</StatusMessage>
    </section>
  );
}
