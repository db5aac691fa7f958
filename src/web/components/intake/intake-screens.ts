/**
 * How each intake page is shown: its title, and the screens it is split into so a phone shows one
 * question at a time (story pages are one screen; an instrument shows one question per screen; the
 * red-flag questions come a few at a time, grouped as the domain groups them). Pure data from the
 * domain; no clinical rule is decided here.
 */
import { INSTRUMENT_PAGES, type IntakePageId } from '../../../domain/intake/pages';
import { RED_FLAG_QUESTIONS, type RedFlagQuestion } from '../../../domain/intake/red-flags';
import { STORY_PAGE_FIELDS, STORY_QUESTIONS, type StoryPageId } from '../../../domain/intake/story';
import { INSTRUMENTS, phq9AnswersFromPhq2, type Instrument, type InstrumentItem } from '../../../domain/measures/instruments';
import type { Answers } from '../../../domain/measures/score';
import type { Intake } from '../../measures-types';

export type PageModel =
  | { kind: 'story'; page: StoryPageId; title: string; screens: 1 }
  | { kind: 'instrument'; page: IntakePageId; title: string; instrument: Instrument; screens: InstrumentItem[][]; carried: Answers }
  | { kind: 'red-flags'; page: 'red-flags'; title: string; screens: RedFlagQuestion[][] };

export function isStoryPage(page: IntakePageId): page is StoryPageId {
  return page in STORY_PAGE_FIELDS;
}

/** Red-flag questions in the domain's groups (one group per condition), in the domain's order. */
function redFlagScreens(): RedFlagQuestion[][] {
  const groups: RedFlagQuestion[][] = [];
  for (const q of RED_FLAG_QUESTIONS) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last[0]?.condition === q.condition) last.push(q);
    else groups.push([q]);
  }
  return groups;
}

/** Answers carried over from an earlier page (PHQ-2 items 1–2 into the PHQ-9) are not asked again. */
function carriedAnswers(page: IntakePageId, intake: Intake): Answers {
  if (page !== 'phq9') return {};
  const phq2 = intake.instruments.phq2?.answers;
  return phq2 === undefined ? {} : phq9AnswersFromPhq2(phq2);
}

export function pageModel(page: IntakePageId, intake: Intake): PageModel {
  if (isStoryPage(page)) return { kind: 'story', page, title: STORY_QUESTIONS[page].title, screens: 1 };
  if (page === 'red-flags') return { kind: 'red-flags', page, title: 'A few safety questions', screens: redFlagScreens() };
  const instrumentId = INSTRUMENT_PAGES[page];
  if (instrumentId === undefined) throw new Error(`No page model for ${page}`);
  const instrument = INSTRUMENTS[instrumentId];
  const carried = carriedAnswers(page, intake);
  const asked = instrument.items.filter((item) => carried[item.id] === undefined);
  // The PHQ-9 follows the PHQ-2, which has the same plain title: say that it goes on.
  const title = page === 'phq9' ? 'More about your mood' : instrument.patientTitle;
  return { kind: 'instrument', page, title, instrument, screens: asked.map((item) => [item]), carried };
}

export function screenCount(model: PageModel): number {
  return model.kind === 'story' ? 1 : model.screens.length;
}

/** The screen (0-based) holding the first field named in `paths`, so an error is shown where it is. */
export function screenOf(model: PageModel, paths: readonly string[]): number | null {
  if (model.kind === 'story') return null;
  for (let i = 0; i < model.screens.length; i += 1) {
    const ids = (model.screens[i] ?? []).map((x) => x.id);
    if (paths.some((p) => ids.some((id) => p === id || p.startsWith(`${id}[`) || p.startsWith(`${id}.`)))) return i;
  }
  return null;
}

/** Plain name of a page, for the review screen and for "pages still to answer". */
export function pageTitle(page: string, intake: Intake): string {
  return pageModel(page as IntakePageId, intake).title;
}
