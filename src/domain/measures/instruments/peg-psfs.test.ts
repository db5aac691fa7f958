import { describe, expect, it } from 'vitest';
import type { PsfsActivity } from '../types';
import { scoreInstrument } from '../score';

describe('PEG: mean of 3, one decimal', () => {
  it.each([
    [0, 0, 0, 0],
    [10, 10, 10, 10],
    [7, 7, 6, 6.7],
    [5, 5, 6, 5.3],
    [1, 0, 0, 0.3],
    [2, 0, 0, 0.7],
    [9, 8, 8, 8.3],
    [6, 5, 3, 4.7],
  ])('%i, %i, %i -> %d', (p, e, g, total) => {
    const score = scoreInstrument('peg', { 'peg.1': p, 'peg.2': e, 'peg.3': g });
    expect(score).toMatchObject({ complete: true, total, band: null, subscales: {}, flags: [], issues: [] });
  });

  it('gives no total with an item missing', () => {
    expect(scoreInstrument('peg', { 'peg.1': 5, 'peg.2': 5, 'peg.3': null })).toMatchObject({ complete: false, total: null });
  });
});

const act = (...scores: number[]): PsfsActivity[] => scores.map((score, i) => ({ name: `Activity ${i + 1}`, score }));

describe('PSFS: mean of 1 to 5 activities, one decimal', () => {
  it.each([
    [act(3), 3],
    [act(3, 4), 3.5],
    [act(1, 2, 4), 2.3],
    [act(2, 2, 3), 2.3],
    [act(1, 2, 3, 4), 2.5],
    [act(4, 4, 4, 5), 4.3],
    [act(5, 5, 5, 5, 6), 5.2],
    [act(0, 0, 0, 0, 0), 0],
    [act(10, 10, 10, 10, 10), 10],
  ])('%j -> %d', (activities, total) => {
    const score = scoreInstrument('psfs', { 'psfs.activities': activities });
    expect(score).toMatchObject({ complete: true, total, band: null, activities, issues: [] });
  });

  it('trims activity names', () => {
    const score = scoreInstrument('psfs', { 'psfs.activities': [{ name: '  Walk the dog ', score: 4 }] });
    expect(score.activities).toEqual([{ name: 'Walk the dog', score: 4 }]);
  });

  it.each([
    ['no activities yet', []],
    ['null', null],
  ])('is incomplete with %s', (_label, value) => {
    expect(scoreInstrument('psfs', { 'psfs.activities': value })).toMatchObject({ complete: false, total: null, issues: [] });
  });

  it.each([
    ['6 activities', act(1, 2, 3, 4, 5, 6), 'measure.too-many-activities', 'psfs.activities'],
    ['a blank name', [{ name: ' ', score: 3 }], 'measure.activity-name-required', 'psfs.activities[0].name'],
    ['a score of 11', [{ name: 'Walk', score: 11 }], 'measure.answer-out-of-range', 'psfs.activities[0].score'],
    ['a score of 2.5', [{ name: 'Walk', score: 2.5 }], 'measure.answer-out-of-range', 'psfs.activities[0].score'],
    ['a score as text', [{ name: 'Walk', score: '5' }], 'measure.wrong-answer-type', 'psfs.activities[0].score'],
    ['a repeated activity', [{ name: 'Walk', score: 5 }, { name: 'walk ', score: 6 }], 'measure.duplicate-activity', 'psfs.activities[1].name'],
    ['an extra field', [{ name: 'Walk', score: 5, note: 'x' }], 'measure.unknown-field', 'psfs.activities[0].note'],
    ['a number instead of a list', 5, 'measure.wrong-answer-type', 'psfs.activities'],
  ])('reports %s and gives no total', (_label, value, code, path) => {
    const score = scoreInstrument('psfs', { 'psfs.activities': value as PsfsActivity[] });
    expect(score).toMatchObject({ complete: false, total: null });
    expect(score.issues.map((i) => [i.code, i.path])).toEqual([[code, path]]);
  });
});
