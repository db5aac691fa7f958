/**
 * The last screen of the intake: every page in a few words, what is still to answer, a "Change" button
 * per page, and "Send to my care team". Words only; no scores are worked out here.
 */
import type { ReactElement, ReactNode } from 'react';
import { isIntakePageId, type IntakePageId } from '../../../domain/intake/pages';
import { RED_FLAG_QUESTIONS } from '../../../domain/intake/red-flags';
import { PAIN_WORD_LABELS, STORY_QUESTIONS, TREATMENT_RESPONSE_LABELS, type PainWord } from '../../../domain/intake/story';
import { INSTRUMENT_PAGES } from '../../../domain/intake/pages';
import { INSTRUMENTS } from '../../../domain/measures/instruments';
import type { Intake } from '../../measures-types';
import { regionLabels } from '../body-map';
import { pageTitle } from './intake-screens';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function onsetWords(date: string | null | undefined, approximate: boolean | undefined): string | null {
  if (date === null || date === undefined || date === '') return null;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  if (m === null) return date;
  const month = MONTHS[Number(m[2]) - 1] ?? '';
  const when = m[3] === undefined ? `${month} ${m[1]}` : `${Number(m[3])} ${month} ${m[1]}`;
  return approximate === true ? `About ${when}` : when;
}

/** Joins bits of the person's own words into sentences without doubling their full stops. */
function sentences(parts: (string | null | undefined)[]): string | null {
  const kept = parts.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim().replace(/[.!?]+$/, ''));
  return kept.length === 0 ? null : `${kept.join('. ')}.`;
}

function isAnswered(value: unknown): boolean {
  return value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
}

/** A few words about what the person put on a page; null when nothing yet. */
export function pageSummary(page: IntakePageId, intake: Intake): ReactNode {
  const s = intake.story;
  switch (page) {
    case 'onset': {
      return sentences([onsetWords(s.onset?.date, s.onset?.approximate), s.onset?.how]);
    }
    case 'where': {
      const { front, back } = regionLabels(s.regions ?? []);
      const all = [...front, ...back];
      return all.length === 0 ? null : all.join(', ');
    }
    case 'feel': {
      const words = (s.character ?? []).map((w) => PAIN_WORD_LABELS[w as PainWord] ?? w).join(', ');
      return sentences([words, s.worse ? `Worse: ${s.worse}` : null, s.better ? `Better: ${s.better}` : null]);
    }
    case 'impact': {
      const q = STORY_QUESTIONS.impact;
      const impact = s.impact;
      if (impact === undefined) return null;
      const parts = (['sleep', 'mood', 'work', 'family', 'movement'] as const)
        .filter((a) => typeof impact[a] === 'number')
        .map((a) => `${q[a]}: ${impact[a]} of 10`);
      return parts.length === 0 ? null : parts.join(', ');
    }
    case 'tried': {
      const tried = s.tried ?? [];
      if (tried.length === 0) return intake.savedPages.includes('tried') ? 'Nothing listed' : null;
      return tried.map((t) => `${t.treatment} (helped: ${TREATMENT_RESPONSE_LABELS[t.helped].toLowerCase()})`).join(', ');
    }
    case 'hopes': {
      return sentences([s.fears ? `Worries: ${s.fears}` : null, s.hopes ? `Hopes: ${s.hopes}` : null]);
    }
    case 'red-flags': {
      const answered = RED_FLAG_QUESTIONS.filter((q) => typeof intake.redFlags[q.id] === 'boolean').length;
      return answered === 0 ? null : `${answered} of ${RED_FLAG_QUESTIONS.length} questions answered`;
    }
    case 'peg':
    case 'phq2':
    case 'phq9':
    case 'gad7':
    case 'psfs':
    case 'startback': {
      const id = INSTRUMENT_PAGES[page];
      if (id === undefined) return null;
      const answers = intake.instruments[id]?.answers ?? {};
      const items = INSTRUMENTS[id].items;
      if (id === 'psfs') {
        const list = answers['psfs.activities'];
        return Array.isArray(list) && list.length > 0 ? list.map((a) => `${a.name}: ${a.score} of 10`).join(', ') : null;
      }
      const answered = items.filter((i) => isAnswered(answers[i.id])).length;
      return answered === 0 ? null : `${answered} of ${items.length} questions answered`;
    }
  }
}

/** A page still needs answers when it was never saved, or an instrument on it is not complete. */
export function isPageDone(page: IntakePageId, intake: Intake): boolean {
  if (!intake.savedPages.includes(page)) return false;
  const id = INSTRUMENT_PAGES[page];
  return id === undefined || intake.instruments[id]?.score.complete === true;
}

interface ReviewProps {
  intake: Intake;
  /** Pages the server said are still to answer (409 on submit). */
  missing: string[];
  onChange: (page: IntakePageId) => void;
}

export function IntakeReview({ intake, missing, onChange }: ReviewProps): ReactElement {
  const todo = intake.pages.filter((p) => !isPageDone(p, intake) || missing.includes(p));
  return (
    <>
      {todo.length > 0 ? (
        <div className="notice notice--info">
          <p className="notice-title">
            {todo.length === 1 ? 'One part still needs answers:' : `${todo.length} parts still need answers:`}
          </p>
          <ul>
            {todo.map((p) => (
              <li key={p}>{pageTitle(p, intake)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p>You have answered every part. Check your answers, then send them to your care team.</p>
      )}
      <ol className="review-list">
        {intake.pages.map((page) => {
          const summary = pageSummary(page, intake);
          const done = isPageDone(page, intake) && !missing.includes(page);
          const title = pageTitle(page, intake);
          return (
            <li key={page} className="review-item">
              <div>
                <h2 className="review-title">{title}</h2>
                {summary === null ? <p className="muted">Not answered yet</p> : <p>{summary}</p>}
                {!done && summary !== null && <p className="tag tag--warning">Not finished</p>}
              </div>
              <button type="button" className="button button--secondary" onClick={() => onChange(page)}>
                {done ? 'Change' : 'Answer'}
                <span className="visually-hidden"> {title}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </>
  );
}

export function missingFromError(details: { path: string }[]): string[] {
  return details.map((d) => d.path.replace(/^pages[./]/, '')).filter((p) => isIntakePageId(p));
}
