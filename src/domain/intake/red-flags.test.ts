import { describe, expect, it } from 'vitest';
import type { RedFlagCondition } from './red-flags';
import { assessRedFlags, DEFAULT_RED_FLAG_SETTINGS, RED_FLAG_QUESTIONS, validateRedFlagAnswers } from './red-flags';

const yes = (...ids: string[]): Record<string, boolean> => Object.fromEntries(ids.map((id) => [id, true]));
const AGE = { ageYears: 40 };

describe('assessRedFlags: one yes answer per condition', () => {
  it.each<[string, RedFlagCondition, string]>([
    ['cauda-equina.bladder', 'cauda-equina', 'emergency'],
    ['cauda-equina.bowel', 'cauda-equina', 'emergency'],
    ['cauda-equina.saddle', 'cauda-equina', 'emergency'],
    ['cauda-equina.leg-weakness', 'cauda-equina', 'emergency'],
    ['cancer.history', 'cancer', 'urgent'],
    ['cancer.weight-loss', 'cancer', 'urgent'],
    ['infection.fever', 'infection', 'urgent'],
    ['infection.injected-drugs', 'infection', 'urgent'],
    ['infection.recent-infection', 'infection', 'urgent'],
    ['infection.weak-immune', 'infection', 'urgent'],
    ['infection.wound', 'infection', 'urgent'],
    ['fracture.major-injury', 'fracture', 'urgent'],
    ['fracture.deformity', 'fracture', 'urgent'],
  ])('%s -> %s, %s', (id, condition, urgency) => {
    const findings = assessRedFlags(yes(id), AGE);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ condition, urgency, questionIds: [id] });
    expect(findings[0]?.reasons).toEqual([RED_FLAG_QUESTIONS.find((q) => q.id === id)?.reason]);
  });

  it('cauda equina is an emergency: same day', () => {
    expect(assessRedFlags(yes('cauda-equina.saddle'), AGE)[0]).toEqual({
      condition: 'cauda-equina',
      label: 'Possible cauda equina syndrome',
      urgency: 'emergency',
      questionIds: ['cauda-equina.saddle'],
      reasons: ['Saddle anaesthesia'],
      action: 'Emergency: same-day assessment for possible cauda equina syndrome; image promptly (ACP 2007).',
    });
  });

  it('every question is covered by the table above or the fracture rules below', () => {
    expect(RED_FLAG_QUESTIONS).toHaveLength(22);
    expect(new Set(RED_FLAG_QUESTIONS.map((q) => q.id)).size).toBe(22);
  });
});

describe('assessRedFlags: age is never a finding on its own (NICE: one weak flag alone is not enough)', () => {
  it.each([18, 50, 51, 80])('age %i with every answer no -> no finding', (ageYears) => {
    const allNo = Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q.id, false]));
    expect(assessRedFlags(allNo, { ageYears })).toEqual([]);
    expect(assessRedFlags({}, { ageYears })).toEqual([]);
  });

  it.each([
    [50, ['Unexplained weight loss']],
    [51, ['Unexplained weight loss', 'Age 51, over 50 (setting olderAgeOverYears=50, v1)']],
  ])('age %i adds to an existing cancer finding only when over 50', (ageYears, reasons) => {
    const [finding] = assessRedFlags(yes('cancer.weight-loss'), { ageYears });
    expect(finding?.reasons).toEqual(reasons);
    expect(finding?.questionIds).toEqual(['cancer.weight-loss']);
  });

  it('uses a clinic age threshold of 55 and names it', () => {
    const settings = { ...DEFAULT_RED_FLAG_SETTINGS, olderAgeOverYears: 55 };
    expect(assessRedFlags(yes('cancer.history'), { ageYears: 54 }, settings)[0]?.reasons).toEqual(['History of cancer']);
    expect(assessRedFlags(yes('cancer.history'), { ageYears: 56 }, settings)[0]?.reasons).toEqual([
      'History of cancer',
      'Age 56, over 55 (setting olderAgeOverYears=55, v1)',
    ]);
  });

  it('age does not add to other conditions', () => {
    expect(assessRedFlags(yes('infection.fever'), { ageYears: 70 })[0]?.reasons).toEqual(['Fever or chills']);
  });
});

describe('assessRedFlags: fracture (minor injury counts only with osteoporosis, steroids or older age)', () => {
  it.each([
    ['minor injury alone, age 40', ['fracture.minor-injury'], 40, null],
    ['osteoporosis alone', ['fracture.osteoporosis'], 70, null],
    ['steroids alone', ['fracture.steroids'], 70, null],
    ['osteoporosis and steroids, no injury', ['fracture.osteoporosis', 'fracture.steroids'], 70, null],
    ['minor injury + osteoporosis', ['fracture.minor-injury', 'fracture.osteoporosis'], 40, ['fracture.minor-injury', 'fracture.osteoporosis']],
    ['minor injury + steroids', ['fracture.minor-injury', 'fracture.steroids'], 40, ['fracture.minor-injury', 'fracture.steroids']],
    ['minor injury at 50', ['fracture.minor-injury'], 50, null],
    ['minor injury at 51', ['fracture.minor-injury'], 51, ['fracture.minor-injury']],
    ['major injury, with an unused osteoporosis answer', ['fracture.major-injury', 'fracture.osteoporosis'], 40, ['fracture.major-injury']],
  ])('%s', (_label, ids, ageYears, questionIds) => {
    const finding = assessRedFlags(yes(...ids), { ageYears }).find((f) => f.condition === 'fracture');
    if (questionIds === null) expect(finding).toBeUndefined();
    else expect(finding?.questionIds).toEqual(questionIds);
  });

  it('names the age setting when older age made a minor injury count', () => {
    const [finding] = assessRedFlags(yes('fracture.minor-injury'), { ageYears: 72 });
    expect(finding?.reasons).toEqual(['Minor trauma or strenuous lifting', 'Age 72, over 50 (setting olderAgeOverYears=50, v1)']);
  });
});

describe('assessRedFlags: weak flags need company (NICE: one weak flag alone is not enough)', () => {
  it.each<[string[], number, string[] | null]>([
    [['cancer.not-improving'], 40, null],
    [['cancer.night-pain'], 72, null],
    [['cancer.not-improving', 'cancer.night-pain'], 40, ['cancer.not-improving', 'cancer.night-pain']],
    [['cancer.night-pain', 'cancer.weight-loss'], 40, ['cancer.weight-loss', 'cancer.night-pain']],
    [['cancer.not-improving', 'cancer.history'], 40, ['cancer.history', 'cancer.not-improving']],
  ])('cancer flags %j at age %i -> %j', (ids, ageYears, expected) => {
    const finding = assessRedFlags(yes(...ids), { ageYears }).find((f) => f.condition === 'cancer');
    expect(finding?.questionIds ?? null).toEqual(expected);
  });

  const FEATURES = ['inflammatory.morning-stiffness', 'inflammatory.better-with-exercise', 'inflammatory.buttock-pain', 'inflammatory.wakes-late-night'];
  it.each(FEATURES)('one inflammatory feature alone (%s) -> no finding', (id) => {
    expect(assessRedFlags(yes(id), AGE)).toEqual([]);
  });
  it.each([
    [FEATURES.slice(0, 2), 'soon'],
    [FEATURES.slice(1, 3), 'soon'],
    [FEATURES, 'soon'],
  ])('inflammatory features %j -> a finding, %s (2 of 4, Berlin criteria, setting)', (ids, urgency) => {
    expect(assessRedFlags(yes(...ids), AGE)).toEqual([expect.objectContaining({ condition: 'inflammatory', urgency, questionIds: ids })]);
  });
  it('the inflammatory threshold is a setting', () => {
    const settings = { ...DEFAULT_RED_FLAG_SETTINGS, inflammatoryMinFeatures: 3 };
    expect(assessRedFlags(yes(...FEATURES.slice(0, 2)), AGE, settings)).toEqual([]);
    expect(assessRedFlags(yes(...FEATURES.slice(0, 3)), AGE, settings)).toHaveLength(1);
  });
});

describe('assessRedFlags: several findings, most urgent first; only true is yes', () => {
  it('orders emergency, urgent, soon', () => {
    const findings = assessRedFlags(yes('inflammatory.buttock-pain', 'inflammatory.morning-stiffness', 'infection.fever', 'cauda-equina.bowel', 'cancer.history'), AGE);
    expect(findings.map((f) => [f.condition, f.urgency])).toEqual([
      ['cauda-equina', 'emergency'],
      ['cancer', 'urgent'],
      ['infection', 'urgent'],
      ['inflammatory', 'soon'],
    ]);
  });

  it('lists every yes answer of a condition', () => {
    expect(assessRedFlags(yes('cancer.night-pain', 'cancer.history'), AGE)[0]?.questionIds).toEqual(['cancer.history', 'cancer.night-pain']);
  });

  it('ignores false, null and unknown ids', () => {
    expect(assessRedFlags({ 'cancer.history': false, 'infection.fever': null, 'made.up': true }, AGE)).toEqual([]);
  });
});

describe('validateRedFlagAnswers', () => {
  it('accepts yes, no and not answered', () => {
    expect(validateRedFlagAnswers({ 'cancer.history': true, 'infection.fever': false, 'fracture.deformity': null })).toEqual([]);
  });

  it('reports every bad answer with the question id as path', () => {
    expect(validateRedFlagAnswers({ 'cancer.history': 'yes', 'made.up': true }).map((i) => [i.code, i.path])).toEqual([
      ['intake.wrong-answer-type', 'cancer.history'],
      ['intake.unknown-question', 'made.up'],
    ]);
    expect(validateRedFlagAnswers([]).map((i) => i.code)).toEqual(['intake.not-an-object']);
  });
});
