/**
 * Validates and scores instrument answers. The rules themselves live with each instrument
 * (./instruments/*.ts, sources there); this file checks every answer against the instrument's items and
 * hands only valid, complete answers to the rule.
 * Source: docs/intake-and-measures.md ("Scoring"); reference/clinical-facts.md section 7.
 * Assumptions:
 * - Partial answers are allowed (progress saving): a missing or null answer is "not answered", never an
 *   error. An empty PSFS list is "not answered" too.
 * - Every invalid answer is reported with path = item id (PSFS fields: `psfs.activities[0].score`) and is
 *   treated as not answered: nothing is guessed, rounded or clamped. Unknown item ids are errors.
 * - complete = every item has a valid answer. Only then is a total given.
 * - PHQ-9 item 9 > 0 raises its flag as soon as item 9 is answered, whatever else is missing.
 */
import type { Issue } from '../issues';
import { error } from '../issues';
import { INSTRUMENT_MODULES } from './instruments';
import { PSFS_MAX_ACTIVITIES, PSFS_NAME_MAX_LENGTH } from './instruments/psfs';
import type { MeasureSettings } from './settings';
import { DEFAULT_MEASURE_SETTINGS } from './settings';
import type {
  Answers,
  InstrumentId,
  InstrumentItem,
  InstrumentScore,
  PsfsActivity,
  ScoreContext,
  ValidAnswers,
} from './types';

export type { Answers, InstrumentScore, PsfsActivity, ScoreBand, ScoreContext, ScoreFlag } from './types';

function wrongType(itemId: string, expected: string): Issue {
  return error('measure.wrong-answer-type', `The answer to ${itemId} must be ${expected}.`, itemId);
}

function outOfRange(itemId: string, allowed: string, path = itemId): Issue {
  return error('measure.answer-out-of-range', `The answer to ${itemId} must be ${allowed}.`, path);
}

function isWholeInRange(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function validateActivities(item: InstrumentItem, value: unknown): Issue[] {
  if (!Array.isArray(value)) return [wrongType(item.id, 'a list of activities, each with a name and a score')];
  const issues: Issue[] = [];
  if (value.length > PSFS_MAX_ACTIVITIES) {
    const message = `Name at most ${PSFS_MAX_ACTIVITIES} activities (got ${value.length}).`;
    issues.push(error('measure.too-many-activities', message, item.id));
  }
  const seen = new Set<string>();
  value.forEach((entry: unknown, index) => {
    const path = `${item.id}[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      issues.push(error('measure.wrong-answer-type', `${path} must be an activity with a name and a score.`, path));
      return;
    }
    const { name, score, ...rest } = entry as Record<string, unknown>;
    for (const key of Object.keys(rest)) {
      issues.push(error('measure.unknown-field', `${path}.${key} is not part of an activity.`, `${path}.${key}`));
    }
    const trimmed = typeof name === 'string' ? name.trim() : '';
    if (typeof name !== 'string' || trimmed === '') {
      issues.push(error('measure.activity-name-required', `${path}.name: give the activity a name.`, `${path}.name`));
    } else if (trimmed.length > PSFS_NAME_MAX_LENGTH) {
      const message = `${path}.name must be at most ${PSFS_NAME_MAX_LENGTH} characters.`;
      issues.push(error('measure.activity-name-too-long', message, `${path}.name`));
    } else if (seen.has(trimmed.toLowerCase())) {
      issues.push(error('measure.duplicate-activity', `${path}.name repeats an activity already listed.`, `${path}.name`));
    } else {
      seen.add(trimmed.toLowerCase());
    }
    if (typeof score !== 'number') {
      issues.push(error('measure.wrong-answer-type', `${path}.score must be a number from 0 to 10.`, `${path}.score`));
    } else if (!isWholeInRange(score, 0, 10)) {
      issues.push(outOfRange(item.id, 'a whole number from 0 to 10 for each activity', `${path}.score`));
    }
  });
  return issues;
}

function validateItem(item: InstrumentItem, value: unknown): Issue[] {
  switch (item.kind) {
    case 'choice': {
      const values = (item.options ?? []).map((o) => o.value);
      if (typeof value !== 'number') return [wrongType(item.id, `a number (${values.join(', ')})`)];
      return values.includes(value) ? [] : [outOfRange(item.id, `one of ${values.join(', ')}`)];
    }
    case 'scale-0-10':
      if (typeof value !== 'number') return [wrongType(item.id, 'a number from 0 to 10')];
      return isWholeInRange(value, 0, 10) ? [] : [outOfRange(item.id, 'a whole number from 0 to 10')];
    case 'yes-no':
      return typeof value === 'boolean' ? [] : [wrongType(item.id, 'yes or no (true or false)')];
    case 'activity':
      return validateActivities(item, value);
  }
}

/** Every problem with the answers given so far; missing and null answers are allowed (partial saving). */
export function validateAnswers(id: InstrumentId, answers: Answers): Issue[] {
  const { instrument } = INSTRUMENT_MODULES[id];
  const raw: unknown = answers;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return [error('measure.answers-not-an-object', 'Answers must be an object keyed by question id.')];
  }
  const issues: Issue[] = [];
  for (const [itemId, value] of Object.entries(raw as Record<string, unknown>)) {
    const item = instrument.items.find((i) => i.id === itemId);
    if (item === undefined) {
      issues.push(error('measure.unknown-item', `${itemId} is not a question of the ${instrument.title}.`, itemId));
    } else if (value !== null && value !== undefined) {
      issues.push(...validateItem(item, value));
    }
  }
  return issues;
}

function belongsTo(itemId: string, path: string | undefined): boolean {
  return path === itemId || (path?.startsWith(`${itemId}[`) ?? false);
}

function validAnswers(items: readonly InstrumentItem[], answers: Answers, issues: readonly Issue[]): Map<string, number | boolean | PsfsActivity[]> {
  const valid = new Map<string, number | boolean | PsfsActivity[]>();
  if (typeof answers !== 'object' || answers === null) return valid;
  for (const item of items) {
    const value = answers[item.id];
    if (value === null || value === undefined || issues.some((i) => belongsTo(item.id, i.path))) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    valid.set(item.id, value);
  }
  return valid;
}

/** Scores the answers; a total only when every item has a valid answer. */
export function scoreInstrument(
  id: InstrumentId,
  answers: Answers,
  context: ScoreContext = {},
  settings: MeasureSettings = DEFAULT_MEASURE_SETTINGS,
): InstrumentScore {
  const module = INSTRUMENT_MODULES[id];
  if (module === undefined) throw new Error(`scoreInstrument: unknown instrument ${String(id)}`);
  const { instrument } = module;
  const issues = validateAnswers(id, answers);
  const valid: ValidAnswers = validAnswers(instrument.items, answers, issues);
  const itemFlags = module.itemFlags?.(valid) ?? [];
  const base = { instrumentId: instrument.id, instrumentVersion: instrument.version };
  const complete = instrument.items.every((item) => valid.has(item.id));
  if (!complete) {
    return { ...base, complete: false, total: null, band: null, subscales: {}, flags: itemFlags, issues };
  }
  const parts = module.score(valid, context, settings);
  return {
    ...base,
    complete: true,
    total: parts.total,
    band: parts.band,
    subscales: parts.subscales ?? {},
    flags: [...itemFlags, ...(parts.flags ?? [])],
    ...(parts.activities === undefined ? {} : { activities: parts.activities }),
    issues: [...issues, ...(parts.issues ?? [])],
  };
}
