/**
 * /patients/:id/summary — the one-page pre-visit summary, readable in a minute: safety items and red
 * flags first (with their task status), then the story in short sentences, the body map, scores with
 * bands and "since last time", the activities the person wants back, what was tried, fears and hopes, and
 * the latest assessment with chronicity. Prints on one page (styles.css, @media print); the same summary
 * as a PDF comes from /api/v1/patients/:id/summary.pdf.
 */
import type { ReactElement } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../api';
import { BodyFigure, regionLabels } from '../components/body-map';
import { NotAvailable } from '../components/not-available';
import { ErrorNotice, Loading } from '../components/status';
import { formatDate, formatDateTime, formatLanguage, humanize } from '../format';
import { useApiData, usePageTitle } from '../hooks';
import { PatientCoordinatorLine } from '../components/coordination/coordinator-contact';
import type { VisitSummary } from '../measures-types';

const TASK_STATUS: Record<string, string> = { open: 'Task not started', in_progress: 'Task in progress', done: 'Task done', cancelled: 'Task cancelled' };
const URGENCY: Record<string, string> = {
  emergency: 'Emergency',
  'same-day': 'Same day',
  urgent: 'Urgent',
  high: 'High priority',
  soon: 'Soon',
  routine: 'Routine',
};

function changeClass(label: string | undefined): string {
  return label === undefined ? 'change' : `change change--${label}`;
}

function Safety({ items }: { items: VisitSummary['safety'] }): ReactElement {
  return (
    <section className={items.length > 0 ? 'summary-block summary-safety summary-safety--alert' : 'summary-block summary-safety'} aria-labelledby="safety-title">
      <h2 id="safety-title">Safety and red flags</h2>
      {items.length === 0 ? (
        <p>No safety items or red flags.</p>
      ) : (
        <ul className="safety-list">
          {items.map((item, i) => (
            <li key={`${item.kind}-${i}`}>
              <p>
                <span className="tag tag--priority">{URGENCY[item.urgency] ?? humanize(item.urgency)}</span>
                <strong>{item.title}</strong>
              </p>
              {item.detail !== '' && <p>{item.detail}</p>}
              <p className="task-meta">
                <span>{item.kind === 'safety' ? 'Safety (PHQ-9 item 9)' : 'Red flag'}</span>
                <span>{item.taskStatus === null ? 'No open task' : (TASK_STATUS[item.taskStatus] ?? humanize(item.taskStatus))}</span>
                {item.at !== null && <span>{formatDateTime(item.at)}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Story({ s }: { s: VisitSummary }): ReactElement {
  const { front, back } = regionLabels(s.story.regions.map((r) => r.id));
  const unknown = s.story.regions.filter((r) => ![...front, ...back].includes(r.label)).map((r) => r.label);
  return (
    <section className="summary-block" aria-labelledby="story-title">
      <h2 id="story-title">Their story</h2>
      {s.intake === null ? (
        <p className="muted">No intake yet.</p>
      ) : (
        <p className="muted">
          Intake {s.intake.status === 'submitted' && s.intake.submittedAt !== null ? `sent back ${formatDate(s.intake.submittedAt)}` : 'not finished yet'}.
        </p>
      )}
      {s.story.sentences.length > 0 ? (
        <ul className="story-sentences">
          {s.story.sentences.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        s.intake !== null && <p className="muted">No story answers yet.</p>
      )}
      {s.story.regions.length > 0 && (
        <div className="summary-body">
          <BodyFigure selected={s.story.regions.map((r) => r.id)} className="body-figure--summary" />
          <div>
            <h3>Where it hurts</h3>
            {front.length > 0 && <p>Front: {front.join(', ')}</p>}
            {back.length > 0 && <p>Back: {back.join(', ')}</p>}
            {unknown.length > 0 && <p>Other: {unknown.join(', ')}</p>}
          </div>
        </div>
      )}
      {s.story.impact.length > 0 && (
        <>
          <h3>How much pain gets in the way (0–10)</h3>
          <ul className="impact-list">
            {s.story.impact.map((i) => (
              <li key={i.area}>
                {i.label}: <strong>{i.value}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Scores({ s }: { s: VisitSummary }): ReactElement {
  return (
    <section className="summary-block" aria-labelledby="scores-title">
      <h2 id="scores-title">Scores</h2>
      {s.scores.length === 0 ? (
        <p className="muted">No questionnaires answered yet.</p>
      ) : (
        <ul className="score-list">
          {s.scores.map((sc) => (
            <li key={sc.instrumentId}>
              <p>
                <strong>{sc.text}</strong>
              </p>
              <p className={changeClass(sc.change?.label)}>
                <span className="change-when">Since last time:</span> {sc.changeText}
              </p>
              <p className="task-meta">
                <span>{formatDate(sc.at)}</span>
                {sc.change !== null && (
                  <span>
                    Threshold: {sc.change.threshold} ({sc.change.setting})
                  </span>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Goals({ s }: { s: VisitSummary }): ReactElement {
  return (
    <section className="summary-block" aria-labelledby="goals-title">
      <h2 id="goals-title">What they want to do again</h2>
      {s.activities.length === 0 ? (
        <p className="muted">No activities named yet.</p>
      ) : (
        <ul className="activity-scores">
          {s.activities.map((a) => (
            <li key={a.name}>
              <strong>{a.name}</strong>: {a.score} of 10
              <span className={changeClass(a.change?.label)}> — {a.change?.text ?? 'first time rated'}</span>
            </li>
          ))}
        </ul>
      )}
      {(s.story.hopes !== null || s.story.fears !== null) && (
        <dl className="facts facts--compact">
          {s.story.hopes !== null && (
            <div className="facts-row">
              <dt>Hopes</dt>
              <dd>“{s.story.hopes}”</dd>
            </div>
          )}
          {s.story.fears !== null && (
            <div className="facts-row">
              <dt>Worries</dt>
              <dd>“{s.story.fears}”</dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
}

function Tried({ s }: { s: VisitSummary }): ReactElement {
  return (
    <section className="summary-block" aria-labelledby="tried-title">
      <h2 id="tried-title">What they tried</h2>
      {s.story.tried.length === 0 ? (
        <p className="muted">Nothing listed.</p>
      ) : (
        <table className="table table--compact table--stack">
          <thead>
            <tr>
              <th scope="col">Treatment</th>
              <th scope="col">Helped?</th>
              <th scope="col">Problems or side effects</th>
            </tr>
          </thead>
          <tbody>
            {s.story.tried.map((t, i) => (
              <tr key={`${t.treatment}-${i}`}>
                <th scope="row">{t.treatment}</th>
                <td data-label="Helped?">{t.helped}</td>
                <td data-label="Problems or side effects">{t.sideEffects ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AssessmentBlock({ s }: { s: VisitSummary }): ReactElement {
  const a = s.assessment;
  return (
    <section className="summary-block" aria-labelledby="summary-assessment-title">
      <h2 id="summary-assessment-title">Assessment and chronicity</h2>
      {s.chronicity !== null ? (
        <p>
          <strong>{s.chronicity.text}</strong>{' '}
          <span className="muted">
            (onset from the {s.chronicity.from}; {s.chronicity.source}
            {s.chronicity.note !== null ? `; ${s.chronicity.note}` : ''})
          </span>
        </p>
      ) : (
        <p className="muted">No onset date yet, so chronicity is not known.</p>
      )}
      {a === null ? (
        <p className="muted">No assessment recorded yet.</p>
      ) : (
        <p>
          {humanize(a.mechanism)} pain, {a.irritability} irritability
          {a.comorbidities.length > 0 && `; other conditions: ${a.comorbidities.join(', ')}`}. <span className="muted">Assessed {formatDate(a.assessedAt)}.</span>
          {a.notes !== null && a.notes !== '' && <span className="block">Notes: {a.notes}</span>}
        </p>
      )}
    </section>
  );
}

function SummaryView({ s, patientId }: { s: VisitSummary; patientId: string }): ReactElement {
  usePageTitle(`Pre-visit summary: ${s.patient.name}`);
  return (
    <article className="visit-summary">
      <p className="no-print">
        <Link to={`/patients/${patientId}`}>Back to {s.patient.name}</Link>
      </p>
      <div className="page-heading">
        <h1>Pre-visit summary: {s.patient.name}</h1>
        <div className="button-row no-print">
          <a className="button" href={`/api/v1/patients/${encodeURIComponent(patientId)}/summary.pdf`}>
            Download PDF
          </a>
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            Print
          </button>
        </div>
      </div>
      <PatientCoordinatorLine patientId={patientId} />
      <ul className="key-facts" aria-label="Key facts">
        <li>
          {s.patient.age} years, {humanize(s.patient.sex).toLowerCase()}
          {s.patient.pronouns !== null && ` (${s.patient.pronouns})`}
        </li>
        <li>MRN {s.patient.mrn}</li>
        <li>
          Speaks {formatLanguage(s.patient.preferredLanguage)}
          {s.patient.interpreterNeeded && <span className="tag">Interpreter needed</span>}
        </li>
        <li className="muted">Made {formatDateTime(s.generatedAt)}</li>
      </ul>
      <Safety items={s.safety} />
      <div className="summary-grid">
        <div>
          <Story s={s} />
          <Tried s={s} />
        </div>
        <div>
          <Scores s={s} />
          <Goals s={s} />
          <AssessmentBlock s={s} />
        </div>
      </div>
    </article>
  );
}

export function SummaryPage(): ReactElement {
  const { id = '' } = useParams();
  const { state, reload } = useApiData<VisitSummary>(`/api/v1/patients/${encodeURIComponent(id)}/summary`);
  usePageTitle('Pre-visit summary');
  if (state.status === 'loading') return <Loading label="Putting the summary together…" />;
  if (state.status === 'error') {
    const err = state.error;
    if (isApiError(err) && (err.status === 403 || err.status === 404)) {
      return <NotAvailable title={err.status === 404 ? 'We could not find this patient' : undefined} error={err} />;
    }
    return (
      <>
        <h1>We could not make the summary</h1>
        <ErrorNotice error={err} />
        <button type="button" className="button" onClick={reload}>
          Try again
        </button>
      </>
    );
  }
  return <SummaryView s={state.data} patientId={id} />;
}
