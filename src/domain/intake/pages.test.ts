import { describe, expect, it } from 'vitest';
import type { IntakeTemplate } from './pages';
import { DEFAULT_INTAKE_TEMPLATE, intakePages, validateIntakeTemplate } from './pages';

const STORY = ['onset', 'where', 'feel', 'impact', 'tried', 'hopes'];

describe('intakePages', () => {
  it.each([
    [false, false, [...STORY, 'peg', 'phq2', 'gad7', 'psfs', 'red-flags']],
    [true, false, [...STORY, 'peg', 'phq2', 'phq9', 'gad7', 'psfs', 'red-flags']],
    [false, true, [...STORY, 'peg', 'phq2', 'gad7', 'psfs', 'startback', 'red-flags']],
    [true, true, [...STORY, 'peg', 'phq2', 'phq9', 'gad7', 'psfs', 'startback', 'red-flags']],
  ])('PHQ-2 positive %s, back pain %s', (phq2Positive, backPain, pages) => {
    expect(intakePages(DEFAULT_INTAKE_TEMPLATE, { phq2Positive, backPain })).toEqual(pages);
  });

  it('hides the pages a template hides', () => {
    const template: IntakeTemplate = { templateVersion: 2, hidden: ['tried', 'gad7', 'startback'] };
    expect(intakePages(template, { phq2Positive: false, backPain: true })).toEqual([
      'onset', 'where', 'feel', 'impact', 'hopes', 'peg', 'phq2', 'psfs', 'red-flags',
    ]);
  });

  it('always shows peg, phq2 and red-flags, even if a template lists them', () => {
    const template = { templateVersion: 2, hidden: ['peg', 'phq2', 'red-flags'] } as IntakeTemplate;
    expect(intakePages(template, { phq2Positive: false, backPain: false })).toEqual(
      intakePages(DEFAULT_INTAKE_TEMPLATE, { phq2Positive: false, backPain: false }),
    );
  });
});

describe('validateIntakeTemplate', () => {
  it('accepts a template hiding optional pages', () => {
    expect(validateIntakeTemplate({ templateVersion: 3, hidden: ['gad7', 'psfs', 'phq9', 'onset'] })).toEqual([]);
    expect(validateIntakeTemplate(DEFAULT_INTAKE_TEMPLATE)).toEqual([]);
  });

  it.each([
    ['peg', 'hidden[0]'],
    ['phq2', 'hidden[0]'],
    ['red-flags', 'hidden[0]'],
  ])('reports an attempt to hide %s', (page, path) => {
    expect(validateIntakeTemplate({ templateVersion: 1, hidden: [page] })).toEqual([
      {
        code: 'intake.page-cannot-be-hidden',
        message: `The ${page} page cannot be hidden: PEG, PHQ-2 and the red-flag questions are always asked.`,
        severity: 'error',
        path,
      },
    ]);
  });

  it('reports every problem, including an attempt to edit instrument items', () => {
    const issues = validateIntakeTemplate({ templateVersion: 0, hidden: ['gad7', 'gad7', 'phq10', 'red-flags'], items: {} });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['intake.unknown-field', 'items'],
      ['intake.invalid-template-version', 'templateVersion'],
      ['intake.duplicate-page', 'hidden[1]'],
      ['intake.unknown-page', 'hidden[2]'],
      ['intake.page-cannot-be-hidden', 'hidden[3]'],
    ]);
  });

  it.each([null, [], 'x'])('reports a template that is not an object (%j)', (template) => {
    expect(validateIntakeTemplate(template).map((i) => i.code)).toEqual(['intake.template-not-an-object']);
  });

  it('reports hidden that is not a list', () => {
    expect(validateIntakeTemplate({ templateVersion: 1, hidden: 'gad7' }).map((i) => i.path)).toEqual(['hidden']);
  });
});
