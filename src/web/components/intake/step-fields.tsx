/**
 * The fields of one intake screen: a story page, one question of a questionnaire (items and options from
 * the domain), or a few red-flag questions with yes and no.
 */
import type { ReactElement } from 'react';
import type { Answers } from '../../../domain/measures/score';
import { RadioGroup } from '../choice-group';
import { ItemField } from './instrument-fields';
import type { PageModel } from './intake-screens';
import { errorsFor, type PageErrors } from './page-errors';
import { STORY_PAGES, type StoryDraft } from './story-pages';

interface StepFieldsProps {
  model: PageModel;
  screen: number;
  story: StoryDraft;
  onStory: (change: Partial<StoryDraft>) => void;
  answers: Answers;
  onAnswer: (itemId: string, value: Answers[string]) => void;
  redFlags: Record<string, boolean | null>;
  onRedFlag: (id: string, value: boolean) => void;
  errors: PageErrors;
}

export function StepFields({ model, screen, story, onStory, answers, onAnswer, redFlags, onRedFlag, errors }: StepFieldsProps): ReactElement {
  return (
    <>
    {model.kind === 'story' &&
      (() => {
        const Page = STORY_PAGES[model.page];
        return <Page draft={story} onChange={onStory} errors={errors} />;
      })()}
    {model.kind === 'instrument' && (
      <>
        <p className="prompt">{model.instrument.prompt}</p>
        {screen === 0 && Object.keys(model.carried).length > 0 && (
          <p className="muted">You already answered the first {Object.keys(model.carried).length} questions, so we skip them here.</p>
        )}
        {(model.screens[screen] ?? []).map((item) => (
          <ItemField
            key={item.id}
            item={item}
            value={answers[item.id]}
            onChange={(v) => onAnswer(item.id, v)}
            errors={errors}
          />
        ))}
      </>
    )}
    {model.kind === 'red-flags' && (
      <>
        {screen === 0 && <p className="prompt">These questions help us make sure nothing serious is missed. Most people answer no to all of them.</p>}
        {(model.screens[screen] ?? []).map((q) => (
          <RadioGroup
            key={q.id}
            legend={q.text}
            legendClassName="question"
            name={q.id}
            choices={[
              { value: true, label: 'Yes' },
              { value: false, label: 'No' },
            ]}
            value={redFlags[q.id] ?? null}
            onChange={(v) => onRedFlag(q.id, v)}
            errors={errorsFor(errors, q.id)}
            layout="inline"
          />
        ))}
      </>
    )}
    </>
  );
}
