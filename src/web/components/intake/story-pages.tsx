/**
 * The story pages of the intake (onset, where, feel, impact, tried, hopes): what the person fills in, and
 * how a page's draft becomes the `value` the server stores. Questions, body regions and pain words come
 * from the domain (src/domain/intake/story); only the layout lives here.
 */
import { useId, type ReactElement } from 'react';
import {
  IMPACT_AREAS,
  PAIN_WORD_LABELS,
  PAIN_WORDS,
  STORY_QUESTIONS,
  TREATMENT_RESPONSE_LABELS,
  TREATMENT_RESPONSES,
  type PainStory,
  type StoryPageId,
  type TreatmentResponse,
} from '../../../domain/intake/story';
import { BodyMapField } from '../body-map';
import { CheckboxGroup, FieldErrors, RadioGroup, ScaleGroup } from '../choice-group';
import { TextArea } from '../form-field';
import { errorsAt, errorsFor, type PageErrors } from './page-errors';

export interface TriedDraft {
  key: number;
  treatment: string;
  helped: TreatmentResponse | null;
  sideEffects: string;
}

export interface StoryDraft {
  month: string;
  year: string;
  approximate: boolean;
  how: string;
  regions: string[];
  character: string[];
  worse: string;
  better: string;
  impact: Record<(typeof IMPACT_AREAS)[number], number | null>;
  tried: TriedDraft[];
  fears: string;
  hopes: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

let nextKey = 1;
export function newTried(): TriedDraft {
  nextKey += 1;
  return { key: nextKey, treatment: '', helped: null, sideEffects: '' };
}

export function storyDraft(story: Partial<PainStory>): StoryDraft {
  const date = story.onset?.date ?? '';
  const m = /^(\d{4})-(\d{2})/.exec(date);
  return {
    year: m?.[1] ?? '',
    month: m?.[2] ?? '',
    approximate: story.onset?.approximate ?? false,
    how: story.onset?.how ?? '',
    regions: story.regions ?? [],
    character: story.character ?? [],
    worse: story.worse ?? '',
    better: story.better ?? '',
    impact: {
      sleep: story.impact?.sleep ?? null,
      mood: story.impact?.mood ?? null,
      work: story.impact?.work ?? null,
      family: story.impact?.family ?? null,
      movement: story.impact?.movement ?? null,
    },
    tried: (story.tried ?? []).map((t) => ({ ...newTried(), treatment: t.treatment, helped: t.helped, sideEffects: t.sideEffects ?? '' })),
    fears: story.fears ?? '',
    hopes: story.hopes ?? '',
  };
}

const textOrNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** The month and year as the server wants them; anything half-filled is sent as typed so the server can say what is wrong. */
function onsetDate(d: StoryDraft): string | null {
  const year = d.year.trim();
  if (year === '' && d.month === '') return null;
  return d.month === '' ? year : `${year}-${d.month}`;
}

export function storyPageValue(page: StoryPageId, d: StoryDraft): Record<string, unknown> {
  switch (page) {
    case 'onset':
      return { date: onsetDate(d), approximate: d.approximate, how: textOrNull(d.how) };
    case 'where':
      return { regions: d.regions };
    case 'feel':
      return { character: d.character, worse: textOrNull(d.worse), better: textOrNull(d.better) };
    case 'impact':
      return { ...d.impact };
    case 'tried':
      return {
        tried: d.tried
          .filter((t) => t.treatment.trim() !== '' || t.helped !== null || t.sideEffects.trim() !== '')
          .map((t) => ({ treatment: t.treatment.trim(), helped: t.helped, sideEffects: textOrNull(t.sideEffects) })),
      };
    case 'hopes':
      return { fears: textOrNull(d.fears), hopes: textOrNull(d.hopes) };
  }
}

interface Props {
  draft: StoryDraft;
  onChange: (change: Partial<StoryDraft>) => void;
  errors: PageErrors;
}

function OnsetPage({ draft, onChange, errors }: Props): ReactElement {
  const id = useId();
  const q = STORY_QUESTIONS.onset;
  const dateErrors = errorsAt(errors, 'date');
  const invalid = dateErrors.length > 0 || undefined;
  return (
    <>
      <fieldset className={dateErrors.length > 0 ? 'choice-group choice-group--invalid' : 'choice-group'} aria-describedby={dateErrors.length > 0 ? `${id}-date-error` : undefined}>
        <legend className="question">{q.date}</legend>
        <FieldErrors id={`${id}-date-error`} errors={dateErrors} />
        <div className="date-parts">
          <div className="field">
            <label htmlFor={`${id}-month`}>Month</label>
            <select id={`${id}-month`} value={draft.month} onChange={(e) => onChange({ month: e.target.value })} aria-invalid={invalid}>
              <option value="">Choose a month</option>
              {MONTHS.map((name, i) => (
                <option key={name} value={String(i + 1).padStart(2, '0')}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-year`}>Year</label>
            <input
              id={`${id}-year`}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              maxLength={4}
              value={draft.year}
              onChange={(e) => onChange({ year: e.target.value.replace(/\D/g, '') })}
              aria-invalid={invalid}
            />
          </div>
        </div>
        <div className="choice choice--single">
          <input id={`${id}-about`} type="checkbox" checked={draft.approximate} onChange={(e) => onChange({ approximate: e.target.checked })} />
          <label htmlFor={`${id}-about`}>
            <span className="choice-label">About — I am not sure of the exact date</span>
          </label>
        </div>
      </fieldset>
      <TextArea label={q.how} name="how" value={draft.how} onChange={(how) => onChange({ how })} errors={errorsFor(errors, 'how')} rows={4} />
    </>
  );
}

function WherePage({ draft, onChange, errors }: Props): ReactElement {
  return (
    <>
      <p className="question">{STORY_QUESTIONS.where.regions}</p>
      <BodyMapField value={draft.regions} onChange={(regions) => onChange({ regions })} errors={errorsAt(errors, 'regions')} />
    </>
  );
}

function FeelPage({ draft, onChange, errors }: Props): ReactElement {
  const q = STORY_QUESTIONS.feel;
  return (
    <>
      <CheckboxGroup
        legend={q.character}
        legendClassName="question"
        name="character"
        choices={PAIN_WORDS.map((w) => ({ value: w, label: PAIN_WORD_LABELS[w] }))}
        values={draft.character}
        onChange={(character) => onChange({ character })}
        errors={errorsAt(errors, 'character')}
      />
      <TextArea label={q.worse} name="worse" value={draft.worse} onChange={(worse) => onChange({ worse })} errors={errorsFor(errors, 'worse')} rows={3} />
      <TextArea label={q.better} name="better" value={draft.better} onChange={(better) => onChange({ better })} errors={errorsFor(errors, 'better')} rows={3} />
    </>
  );
}

function ImpactPage({ draft, onChange, errors }: Props): ReactElement {
  const q = STORY_QUESTIONS.impact;
  return (
    <>
      <p className="question">{q.intro}</p>
      {IMPACT_AREAS.map((area) => (
        <ScaleGroup
          key={area}
          legend={q[area]}
          name={`impact-${area}`}
          value={draft.impact[area]}
          onChange={(n) => onChange({ impact: { ...draft.impact, [area]: n } })}
          anchors={{ low: 'Not at all', high: 'Completely' }}
          errors={errorsFor(errors, area)}
        />
      ))}
    </>
  );
}

function TriedPage({ draft, onChange, errors }: Props): ReactElement {
  const q = STORY_QUESTIONS.tried;
  const update = (key: number, change: Partial<TriedDraft>): void =>
    onChange({ tried: draft.tried.map((t) => (t.key === key ? { ...t, ...change } : t)) });
  return (
    <>
      <p className="question">{q.tried}</p>
      <FieldErrors errors={errorsFor(errors, 'tried')} />
      {draft.tried.length === 0 && <p className="muted">Nothing added yet. If you have not tried anything, that is fine: go on to the next step.</p>}
      <ol className="tried-list">
        {draft.tried.map((t, index) => (
          <li key={t.key}>
            <fieldset className="tried-row">
              <legend>Thing {index + 1} you tried</legend>
              <TriedFields
                row={t}
                index={index}
                errors={errors}
                onChange={(change) => update(t.key, change)}
              />
              <button type="button" className="button button--secondary" onClick={() => onChange({ tried: draft.tried.filter((x) => x.key !== t.key) })}>
                Remove<span className="visually-hidden"> thing {index + 1}</span>
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" className="button button--secondary" onClick={() => onChange({ tried: [...draft.tried, newTried()] })}>
        {draft.tried.length === 0 ? 'Add something you tried' : 'Add another'}
      </button>
    </>
  );
}

function TriedFields({ row, index, errors, onChange }: { row: TriedDraft; index: number; errors: PageErrors; onChange: (c: Partial<TriedDraft>) => void }): ReactElement {
  const id = useId();
  const at = `tried[${index}]`;
  const nameErrors = errorsFor(errors, `${at}.treatment`);
  return (
    <>
      <div className={nameErrors.length > 0 ? 'field field--invalid' : 'field'}>
        <label htmlFor={`${id}-name`}>What did you try?</label>
        <FieldErrors id={`${id}-name-error`} errors={nameErrors} />
        <input
          id={`${id}-name`}
          type="text"
          value={row.treatment}
          onChange={(e) => onChange({ treatment: e.target.value })}
          aria-invalid={nameErrors.length > 0 || undefined}
          aria-describedby={nameErrors.length > 0 ? `${id}-name-error` : undefined}
        />
      </div>
      <RadioGroup
        legend={STORY_QUESTIONS.tried.helped}
        name={`helped-${row.key}`}
        choices={TREATMENT_RESPONSES.map((r) => ({ value: r, label: TREATMENT_RESPONSE_LABELS[r] }))}
        value={row.helped}
        onChange={(helped) => onChange({ helped })}
        errors={errorsFor(errors, `${at}.helped`)}
        layout="inline"
      />
      <TextArea
        label={STORY_QUESTIONS.tried.sideEffects}
        name={`side-effects-${row.key}`}
        value={row.sideEffects}
        onChange={(sideEffects) => onChange({ sideEffects })}
        errors={errorsFor(errors, `${at}.sideEffects`)}
        rows={2}
      />
    </>
  );
}

function HopesPage({ draft, onChange, errors }: Props): ReactElement {
  const q = STORY_QUESTIONS.hopes;
  return (
    <>
      <TextArea label={q.fears} name="fears" value={draft.fears} onChange={(fears) => onChange({ fears })} errors={errorsFor(errors, 'fears')} rows={4} />
      <TextArea label={q.hopes} name="hopes" value={draft.hopes} onChange={(hopes) => onChange({ hopes })} errors={errorsFor(errors, 'hopes')} rows={4} />
    </>
  );
}

export const STORY_PAGES: Record<StoryPageId, (props: Props) => ReactElement> = {
  onset: OnsetPage,
  where: WherePage,
  feel: FeelPage,
  impact: ImpactPage,
  tried: TriedPage,
  hopes: HopesPage,
};

export function storyPageTitle(page: StoryPageId): string {
  return STORY_QUESTIONS[page].title;
}
