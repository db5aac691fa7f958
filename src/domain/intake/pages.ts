/**
 * The intake as pages, and the clinic's template that hides pages.
 * Source: docs/intake-and-measures.md; PRODUCT.md capability 1; reference/clinical-facts.md 7.3 (PHQ-2 ≥ 3
 * → complete the PHQ-9) and 7.6 (STarT Back is for back pain).
 * Assumptions:
 * - Page order is the order of INTAKE_PAGE_IDS.
 * - 'peg', 'phq2' and 'red-flags' are always shown: a template that lists them in `hidden` is reported by
 *   validateIntakeTemplate, and intakePages shows them anyway.
 * - 'phq9' is shown only when the PHQ-2 is positive, 'startback' only when a back region is marked; a
 *   template can still hide either (the clinic then does it another way).
 * - A template can hide pages but never change instrument questions: any other key is reported.
 */
import type { Issue } from '../issues';
import { error } from '../issues';
import type { InstrumentId } from '../measures/instruments';

export const INTAKE_PAGE_IDS = [
  'onset',
  'where',
  'feel',
  'impact',
  'tried',
  'hopes',
  'peg',
  'phq2',
  'phq9',
  'gad7',
  'psfs',
  'startback',
  'red-flags',
] as const;
export type IntakePageId = (typeof INTAKE_PAGE_IDS)[number];

export const ALWAYS_SHOWN_PAGES: readonly IntakePageId[] = ['peg', 'phq2', 'red-flags'];

/** Pages that hold an instrument's answers. */
export const INSTRUMENT_PAGES: Readonly<Partial<Record<IntakePageId, InstrumentId>>> = {
  peg: 'peg',
  phq2: 'phq2',
  phq9: 'phq9',
  gad7: 'gad7',
  psfs: 'psfs',
  startback: 'startback',
};

export interface IntakeTemplate {
  templateVersion: number;
  hidden: IntakePageId[];
}

export const DEFAULT_INTAKE_TEMPLATE: Readonly<IntakeTemplate> = Object.freeze({ templateVersion: 1, hidden: [] });

export function isIntakePageId(value: unknown): value is IntakePageId {
  return INTAKE_PAGE_IDS.some((id) => id === value);
}

/** Every problem with a template, with paths such as `hidden[0]`. */
export function validateIntakeTemplate(template: unknown): Issue[] {
  if (typeof template !== 'object' || template === null || Array.isArray(template)) {
    return [error('intake.template-not-an-object', 'The template must be an object with templateVersion and hidden.')];
  }
  const issues: Issue[] = [];
  const record = template as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key !== 'templateVersion' && key !== 'hidden') {
      const message = `${key} is not part of a template: a template can hide pages, but never change instrument questions.`;
      issues.push(error('intake.unknown-field', message, key));
    }
  }
  const version = record.templateVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    issues.push(error('intake.invalid-template-version', 'templateVersion must be a whole number, 1 or more.', 'templateVersion'));
  }
  const hidden = record.hidden;
  if (!Array.isArray(hidden)) {
    issues.push(error('intake.invalid-hidden', 'hidden must be a list of page ids.', 'hidden'));
    return issues;
  }
  const seen = new Set<string>();
  hidden.forEach((page: unknown, index) => {
    const path = `hidden[${index}]`;
    if (!isIntakePageId(page)) {
      issues.push(error('intake.unknown-page', `${JSON.stringify(page)} is not an intake page.`, path));
    } else if (ALWAYS_SHOWN_PAGES.includes(page)) {
      const message = `The ${page} page cannot be hidden: PEG, PHQ-2 and the red-flag questions are always asked.`;
      issues.push(error('intake.page-cannot-be-hidden', message, path));
    } else if (seen.has(page)) {
      issues.push(error('intake.duplicate-page', `${page} is listed more than once.`, path));
    }
    if (typeof page === 'string') seen.add(page);
  });
  return issues;
}

/** The pages to show, in order. */
export function intakePages(template: IntakeTemplate, state: { phq2Positive: boolean; backPain: boolean }): IntakePageId[] {
  return INTAKE_PAGE_IDS.filter((page) => {
    if (ALWAYS_SHOWN_PAGES.includes(page)) return true;
    if (template.hidden.includes(page)) return false;
    if (page === 'phq9') return state.phq2Positive;
    if (page === 'startback') return state.backPain;
    return true;
  });
}
