/**
 * Validation of one intake page's value, listing every bad field with its path inside the page
 * (the server prefixes `value.`). Story content and types: story-content.ts (re-exported here).
 * Source: docs/intake-and-measures.md; limits are ours (story-content.ts).
 * Page values:
 * - onset { date: 'YYYY-MM' | 'YYYY-MM-DD' | null, approximate: boolean, how: string | null }
 * - where { regions: BODY_REGIONS ids }; feel { character: PAIN_WORDS, worse, better }
 * - impact { sleep, mood, work, family, movement: whole 0–10 | null }
 * - tried { tried: [{ treatment, helped, sideEffects }] }; hopes { fears, hopes }
 * - instrument pages (peg, phq2, phq9, gad7, psfs, startback): that instrument's Answers (validateAnswers)
 * - red-flags: { [question id]: true | false | null } (validateRedFlagAnswers)
 * Assumptions: partial pages are allowed (progress saving): absent fields are fine, present ones must be
 * valid; unknown fields are errors; duplicates in lists are errors.
 */
import type { Issue } from '../issues';
import { error } from '../issues';
import { validateAnswers } from '../measures/score';
import type { IntakePageId } from './pages';
import { INSTRUMENT_PAGES } from './pages';
import { validateRedFlagAnswers } from './red-flags';
import {
  BODY_REGIONS,
  MAX_TREATMENTS,
  PAIN_WORDS,
  STORY_PAGE_FIELDS,
  STORY_TEXT_MAX_LENGTH,
  TREATMENT_NAME_MAX_LENGTH,
  TREATMENT_RESPONSES,
  type StoryPageId,
} from './story-content';

export * from './story-content';

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** YYYY-MM or YYYY-MM-DD naming a real month or day. */
export function isOnsetDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!match) return false;
  return isCalendarDate(Number(match[1]), Number(match[2]), match[3] === undefined ? 1 : Number(match[3]));
}

function text(value: unknown, path: string, issues: Issue[], max = STORY_TEXT_MAX_LENGTH): void {
  if (value === null || value === undefined) return;
  if (typeof value !== 'string') issues.push(error('intake.wrong-type', `${path} must be text.`, path));
  else if (value.length > max) issues.push(error('intake.too-long', `${path} must be at most ${max} characters.`, path));
}

function choices(value: unknown, path: string, allowed: readonly string[], what: string, issues: Issue[]): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    issues.push(error('intake.wrong-type', `${path} must be a list.`, path));
    return;
  }
  const seen = new Set<unknown>();
  value.forEach((entry: unknown, index) => {
    const at = `${path}[${index}]`;
    if (typeof entry !== 'string' || !allowed.includes(entry)) {
      issues.push(error('intake.unknown-value', `${JSON.stringify(entry)} is not ${what}.`, at));
    } else if (seen.has(entry)) {
      issues.push(error('intake.duplicate-value', `${entry} is listed more than once.`, at));
    }
    seen.add(entry);
  });
}

function rating(value: unknown, path: string, issues: Issue[]): void {
  if (value === null || value === undefined) return;
  if (typeof value !== 'number') issues.push(error('intake.wrong-type', `${path} must be a number from 0 to 10.`, path));
  else if (!Number.isInteger(value) || value < 0 || value > 10) {
    issues.push(error('intake.out-of-range', `${path} must be a whole number from 0 to 10.`, path));
  }
}

function triedList(value: unknown, issues: Issue[]): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    issues.push(error('intake.wrong-type', 'tried must be a list.', 'tried'));
    return;
  }
  if (value.length > MAX_TREATMENTS) {
    issues.push(error('intake.too-many', `List at most ${MAX_TREATMENTS} treatments.`, 'tried'));
  }
  value.forEach((entry: unknown, index) => {
    const path = `tried[${index}]`;
    if (!isObject(entry)) {
      issues.push(error('intake.wrong-type', `${path} must be an object with treatment, helped and sideEffects.`, path));
      return;
    }
    for (const key of Object.keys(entry)) {
      if (!['treatment', 'helped', 'sideEffects'].includes(key)) {
        issues.push(error('intake.unknown-field', `${path}.${key} is not part of a treatment.`, `${path}.${key}`));
      }
    }
    const name = entry.treatment;
    if (typeof name !== 'string' || name.trim() === '') {
      issues.push(error('intake.required', `${path}.treatment: say what you tried.`, `${path}.treatment`));
    } else text(name, `${path}.treatment`, issues, TREATMENT_NAME_MAX_LENGTH);
    if (typeof entry.helped !== 'string' || !TREATMENT_RESPONSES.some((r) => r === entry.helped)) {
      const message = `${path}.helped must be one of ${TREATMENT_RESPONSES.join(', ')}.`;
      issues.push(error('intake.unknown-value', message, `${path}.helped`));
    }
    text(entry.sideEffects, `${path}.sideEffects`, issues);
  });
}

function validateStoryFields(page: StoryPageId, value: Fields, issues: Issue[]): void {
  switch (page) {
    case 'onset':
      if (value.date !== undefined && value.date !== null) {
        if (typeof value.date !== 'string') issues.push(error('intake.wrong-type', 'date must be text (YYYY-MM or YYYY-MM-DD).', 'date'));
        else if (!isOnsetDate(value.date)) {
          issues.push(error('intake.invalid-date', 'date must be a real month (YYYY-MM) or day (YYYY-MM-DD).', 'date'));
        }
      }
      if (value.approximate !== undefined && typeof value.approximate !== 'boolean') {
        issues.push(error('intake.wrong-type', 'approximate must be true or false.', 'approximate'));
      }
      text(value.how, 'how', issues);
      return;
    case 'where':
      choices(value.regions, 'regions', BODY_REGIONS.map((r) => r.id), 'a body region', issues);
      return;
    case 'feel':
      choices(value.character, 'character', PAIN_WORDS, 'a pain word', issues);
      text(value.worse, 'worse', issues);
      text(value.better, 'better', issues);
      return;
    case 'impact':
      for (const area of STORY_PAGE_FIELDS.impact) rating(value[area], area, issues);
      return;
    case 'tried':
      triedList(value.tried, issues);
      return;
    case 'hopes':
      text(value.fears, 'fears', issues);
      text(value.hopes, 'hopes', issues);
      return;
  }
}

function isStoryPage(page: IntakePageId): page is StoryPageId {
  return page in STORY_PAGE_FIELDS;
}

/** Every bad field of one page's value, with paths inside the page. */
export function validateStoryPage(pageId: IntakePageId, value: unknown): Issue[] {
  const instrumentId = INSTRUMENT_PAGES[pageId];
  if (instrumentId !== undefined) {
    if (!isObject(value)) return [error('intake.not-an-object', 'The answers must be an object keyed by question id.')];
    return validateAnswers(instrumentId, value as Parameters<typeof validateAnswers>[1]);
  }
  if (pageId === 'red-flags') return validateRedFlagAnswers(value);
  if (!isStoryPage(pageId)) throw new Error(`validateStoryPage: no rule for page ${pageId}`);
  if (!isObject(value)) return [error('intake.not-an-object', `The ${pageId} page must be an object.`)];
  const issues: Issue[] = [];
  const allowed: readonly string[] = STORY_PAGE_FIELDS[pageId];
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) issues.push(error('intake.unknown-field', `${key} is not part of the ${pageId} page.`, key));
  }
  validateStoryFields(pageId, value, issues);
  return issues;
}
