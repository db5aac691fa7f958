/**
 * One instrument question as the person sees it: a fieldset whose legend is the question, with big
 * choices. Items, options and anchors come from the instrument definitions in src/domain/measures; the
 * wording of validated questionnaires is shown as published.
 */
import { useId, type ReactElement } from 'react';
import { PSFS_MAX_ACTIVITIES } from '../../../domain/measures/instruments/psfs';
import type { InstrumentItem } from '../../../domain/measures/instruments';
import type { Answers, PsfsActivity } from '../../../domain/measures/score';
import { FieldErrors, RadioGroup, ScaleGroup } from '../choice-group';
import { errorsFor, type PageErrors } from './page-errors';

export type AnswerValue = Answers[string];

interface ItemProps {
  item: InstrumentItem;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
  errors: PageErrors;
}

const YES_NO = [
  { value: true, label: 'Yes' },
  { value: false, label: 'No' },
];

export function ItemField({ item, value, onChange, errors }: ItemProps): ReactElement {
  const own = errorsFor(errors, item.id);
  switch (item.kind) {
    case 'choice':
      return (
        <RadioGroup
          legend={item.text}
          legendClassName="question"
          name={item.id}
          choices={(item.options ?? []).map((o) => ({ value: o.value, label: o.label }))}
          value={typeof value === 'number' ? value : null}
          onChange={onChange}
          errors={own}
        />
      );
    case 'scale-0-10':
      return (
        <ScaleGroup
          legend={item.text}
          legendClassName="question"
          name={item.id}
          value={typeof value === 'number' ? value : null}
          onChange={onChange}
          anchors={item.anchors ?? { low: 'None', high: 'The most' }}
          errors={own}
        />
      );
    case 'yes-no':
      return (
        <RadioGroup
          legend={item.text}
          legendClassName="question"
          name={item.id}
          choices={YES_NO}
          value={typeof value === 'boolean' ? value : null}
          onChange={onChange}
          errors={own}
          layout="inline"
        />
      );
    case 'activity':
      return <ActivitiesField item={item} value={Array.isArray(value) ? value : []} onChange={onChange} errors={errors} />;
  }
}

/** A PSFS activity while it is typed: the score may still be missing. */
export interface ActivityDraft {
  name: string;
  score: number | null;
}

interface ActivitiesProps {
  item: InstrumentItem;
  value: (PsfsActivity | ActivityDraft)[];
  onChange: (value: AnswerValue) => void;
  errors: PageErrors;
}

/** PSFS: up to five activities, each with a name and a 0–10 rating. */
function ActivitiesField({ item, value, onChange, errors }: ActivitiesProps): ReactElement {
  const id = useId();
  const rows: ActivityDraft[] = value.length === 0 ? [{ name: '', score: null }] : value;
  // Activities without a score are sent as they are, so the server can say what is missing.
  const emit = (next: ActivityDraft[]): void => onChange(next as unknown as PsfsActivity[]);
  const update = (index: number, change: Partial<ActivityDraft>): void => emit(rows.map((r, i) => (i === index ? { ...r, ...change } : r)));
  const anchors = item.anchors ?? { low: 'I cannot do it', high: 'I can do it as well as before' };
  const listErrors = errorsFor(errors, item.id);
  return (
    <div className="activities">
      <p className="question">{item.text}</p>
      <FieldErrors errors={listErrors} />
      <ol className="tried-list">
        {rows.map((row, index) => {
          const at = `${item.id}[${index}]`;
          const nameErrors = errorsFor(errors, `${at}.name`);
          return (
            <li key={index}>
              <fieldset className="tried-row">
                <legend>Activity {index + 1}</legend>
                <div className={nameErrors.length > 0 ? 'field field--invalid' : 'field'}>
                  <label htmlFor={`${id}-${index}-name`}>What is the activity?</label>
                  <p id={`${id}-${index}-hint`} className="field-hint">
                    For example: lift my grandchild, walk to the shop, sleep through the night.
                  </p>
                  <FieldErrors id={`${id}-${index}-error`} errors={nameErrors} />
                  <input
                    id={`${id}-${index}-name`}
                    type="text"
                    value={row.name}
                    maxLength={100}
                    onChange={(e) => update(index, { name: e.target.value })}
                    aria-invalid={nameErrors.length > 0 || undefined}
                    aria-describedby={[`${id}-${index}-hint`, nameErrors.length > 0 ? `${id}-${index}-error` : ''].join(' ').trim()}
                  />
                </div>
                <ScaleGroup
                  legend={`How well can you do it now?`}
                  name={`${item.id}-${index}-score`}
                  value={row.score}
                  onChange={(score) => update(index, { score })}
                  anchors={anchors}
                  errors={errorsFor(errors, `${at}.score`)}
                />
                {rows.length > 1 && (
                  <button type="button" className="button button--secondary" onClick={() => emit(rows.filter((_, i) => i !== index))}>
                    Remove<span className="visually-hidden"> activity {index + 1}</span>
                  </button>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {rows.length < PSFS_MAX_ACTIVITIES && (
        <button type="button" className="button button--secondary" onClick={() => emit([...rows, { name: '', score: null }])}>
          Add another activity
        </button>
      )}
    </div>
  );
}

/** PSFS rows the person left completely empty are not sent. */
export function cleanActivities(value: AnswerValue | undefined): AnswerValue {
  if (!Array.isArray(value)) return value ?? null;
  const rows = (value as ActivityDraft[]).filter((r) => r.name.trim() !== '' || r.score !== null);
  return rows.map((r) => ({ name: r.name.trim(), score: r.score })) as unknown as PsfsActivity[];
}
