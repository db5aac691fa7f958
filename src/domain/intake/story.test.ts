import { describe, expect, it } from 'vitest';
import type { IntakePageId } from './pages';
import { BODY_REGIONS, hasBackPain, isOnsetDate, validateStoryPage } from './story';

const paths = (pageId: IntakePageId, value: unknown): [string, string | undefined][] =>
  validateStoryPage(pageId, value).map((i) => [i.code, i.path]);

describe('BODY_REGIONS', () => {
  it('has unique ids on both sides of the body', () => {
    expect(new Set(BODY_REGIONS.map((r) => r.id)).size).toBe(BODY_REGIONS.length);
    expect(BODY_REGIONS.some((r) => r.side === 'front')).toBe(true);
    expect(BODY_REGIONS.some((r) => r.side === 'back')).toBe(true);
  });

  it.each([
    [['lower-back'], true],
    [['upper-back', 'knee-left'], true],
    [['mid-back'], true],
    [['neck', 'buttock-left', 'hip-right'], false],
    [[], false],
  ])('hasBackPain(%j) is %s', (regions, expected) => {
    expect(hasBackPain(regions)).toBe(expected);
  });
});

describe('validateStoryPage: valid pages (partial allowed)', () => {
  it.each<[IntakePageId, unknown]>([
    ['onset', { date: '2025-11', approximate: true, how: 'Lifting a box' }],
    ['onset', { date: '2025-11-03' }],
    ['onset', { date: null, how: null }],
    ['onset', {}],
    ['where', { regions: ['lower-back', 'back-thigh-left'] }],
    ['feel', { character: ['aching', 'shooting'], worse: 'Sitting', better: null }],
    ['impact', { sleep: 0, mood: 10, work: null }],
    ['tried', { tried: [{ treatment: 'Ibuprofen', helped: 'a-little', sideEffects: 'Upset stomach' }] }],
    ['tried', { tried: [] }],
    ['hopes', { fears: 'That it will never stop', hopes: 'Play with my kids' }],
    ['peg', { 'peg.1': 7, 'peg.2': null }],
    ['psfs', { 'psfs.activities': [{ name: 'Walk to the shop', score: 3 }] }],
    ['red-flags', { 'cancer.history': false }],
  ])('%s %j', (pageId, value) => {
    expect(validateStoryPage(pageId, value)).toEqual([]);
  });
});

describe('validateStoryPage: every bad field, path inside the page', () => {
  it.each<[IntakePageId, unknown, [string, string | undefined][]]>([
    ['onset', { date: '2025-02-30' }, [['intake.invalid-date', 'date']]],
    ['onset', { date: '11/2025' }, [['intake.invalid-date', 'date']]],
    ['onset', { date: 2025, approximate: 'yes', how: 5 }, [['intake.wrong-type', 'date'], ['intake.wrong-type', 'approximate'], ['intake.wrong-type', 'how']]],
    ['onset', { when: 'May' }, [['intake.unknown-field', 'when']]],
    ['where', { regions: ['lower-back', 'tail', 'lower-back'] }, [['intake.unknown-value', 'regions[1]'], ['intake.duplicate-value', 'regions[2]']]],
    ['where', { regions: 'lower-back' }, [['intake.wrong-type', 'regions']]],
    ['feel', { character: ['sharp'], worse: 'x'.repeat(1001) }, [['intake.unknown-value', 'character[0]'], ['intake.too-long', 'worse']]],
    ['impact', { sleep: 11, mood: 2.5, work: '3', family: -1 }, [['intake.out-of-range', 'sleep'], ['intake.out-of-range', 'mood'], ['intake.wrong-type', 'work'], ['intake.out-of-range', 'family']]],
    [
      'tried',
      { tried: [{ treatment: ' ', helped: 'maybe', sideEffects: 3, cost: 1 }, 'PT'] },
      [['intake.unknown-field', 'tried[0].cost'], ['intake.required', 'tried[0].treatment'], ['intake.unknown-value', 'tried[0].helped'], ['intake.wrong-type', 'tried[0].sideEffects'], ['intake.wrong-type', 'tried[1]']],
    ],
    ['tried', { tried: Array.from({ length: 31 }, () => ({ treatment: 'Rest', helped: 'no', sideEffects: null })) }, [['intake.too-many', 'tried']]],
    ['hopes', { fears: 1, hopes: [] }, [['intake.wrong-type', 'fears'], ['intake.wrong-type', 'hopes']]],
    ['hopes', 'I hope', [['intake.not-an-object', undefined]]],
    ['phq9', { 'phq9.9': 4 }, [['measure.answer-out-of-range', 'phq9.9']]],
    ['startback', [], [['intake.not-an-object', undefined]]],
    ['red-flags', { 'cancer.history': 1 }, [['intake.wrong-answer-type', 'cancer.history']]],
  ])('%s %j', (pageId, value, expected) => {
    expect(paths(pageId, value)).toEqual(expected);
  });
});

describe('isOnsetDate', () => {
  it.each([
    ['2024-02', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13', false],
    ['2024-00', false],
    ['2024', false],
    ['2024-2', false],
  ])('%s -> %s', (value, expected) => {
    expect(isOnsetDate(value)).toBe(expected);
  });
});
