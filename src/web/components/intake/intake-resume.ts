/**
 * Pure helpers for /intake/:id: where the intake picks up (the server's currentPage is the next page not
 * yet saved; a questionnaire left half-answered before it comes first), the drafts it starts from, and
 * the `value` each page sends.
 */
import type { IntakePageId } from '../../../domain/intake/pages';
import { RED_FLAG_QUESTIONS } from '../../../domain/intake/red-flags';
import type { Answers } from '../../../domain/measures/score';
import type { Intake } from '../../measures-types';
import { cleanActivities } from './instrument-fields';
import { isPageDone } from './intake-review';
import { pageModel, type PageModel } from './intake-screens';
import { storyDraft, storyPageValue, type StoryDraft } from './story-pages';

export type View = { page: IntakePageId; screen: number } | { page: 'review' } | { page: 'done' };

export function instrumentDrafts(intake: Intake): Partial<Record<IntakePageId, Answers>> {
  const out: Partial<Record<IntakePageId, Answers>> = {};
  for (const page of intake.pages) {
    const model = pageModel(page, intake);
    if (model.kind === 'instrument') out[page] = { ...(intake.instruments[model.instrument.id]?.answers ?? {}) };
  }
  return out;
}

/** The first screen of a page with a question still unanswered (0 when all are answered). */
function firstOpenScreen(model: PageModel, answers: Answers): number {
  if (model.kind !== 'instrument') return 0;
  const i = model.screens.findIndex((items) => items.some((item) => answers[item.id] === undefined || answers[item.id] === null));
  return i < 0 ? 0 : i;
}

/**
 * Where a person picks up: the server's currentPage — unless a page before it was left half-answered
 * ("Save and finish later" in the middle of a questionnaire), then that page at its first open question.
 */
export function resumeView(intake: Intake): View {
  if (intake.status === 'submitted') return { page: 'done' };
  if (intake.pages.every((p) => isPageDone(p, intake))) return { page: 'review' };
  const upTo = intake.pages.indexOf(intake.currentPage);
  const earlier = intake.pages.slice(0, upTo < 0 ? 0 : upTo).find((p) => intake.savedPages.includes(p) && !isPageDone(p, intake));
  const page = earlier ?? (upTo < 0 ? intake.pages[0] : intake.currentPage);
  if (page === undefined) return { page: 'review' };
  const model = pageModel(page, intake);
  const answers = model.kind === 'instrument' ? (intake.instruments[model.instrument.id]?.answers ?? {}) : {};
  return { page, screen: firstOpenScreen(model, answers) };
}

interface Drafts {
  story: StoryDraft;
  answers: Partial<Record<IntakePageId, Answers>>;
  redFlags: Record<string, boolean | null>;
}

/** The `value` to PUT for a page; answers carried over from the PHQ-2 go with the PHQ-9's. */
export function valueToSave(page: IntakePageId, m: PageModel, d: Drafts): unknown {
  if (m.kind === 'story') return storyPageValue(m.page, d.story);
  if (m.kind === 'red-flags') {
    return Object.fromEntries(RED_FLAG_QUESTIONS.filter((q) => d.redFlags[q.id] !== undefined).map((q) => [q.id, d.redFlags[q.id] ?? null]));
  }
  const draft = { ...(d.answers[page] ?? {}), ...m.carried };
  const value: Answers = {};
  for (const item of m.instrument.items) {
    if (draft[item.id] === undefined) continue;
    value[item.id] = item.kind === 'activity' ? cleanActivities(draft[item.id]) : (draft[item.id] ?? null);
  }
  return value;
}

/** What the server already has for a page, in the same shape, to skip saving a page nobody touched. */
export function valueOnServer(m: PageModel, intake: Intake): unknown {
  if (m.kind === 'story') return storyPageValue(m.page, storyDraft(intake.story));
  if (m.kind === 'red-flags') return Object.fromEntries(Object.entries(intake.redFlags).filter(([, v]) => v !== undefined));
  return intake.instruments[m.instrument.id]?.answers ?? {};
}
