import { describe, expect, it } from 'vitest';
import type { Answers } from '../types';
import { phq9AnswersFromPhq2 } from './phq9';
import { scoreInstrument } from '../score';

/** Nine PHQ-9 answers adding up to `total`, item 9 fixed; fills items 1–8 in order, 3 at most each. */
function buildPhq9(total: number, item9 = 0): Answers {
  let left = total - item9;
  const answers: Answers = { 'phq9.9': item9 };
  for (let n = 1; n <= 8; n += 1) {
    const value = Math.min(3, left);
    answers[`phq9.${n}`] = value;
    left -= value;
  }
  if (left !== 0) throw new Error(`buildPhq9: cannot reach ${total}`);
  return answers;
}

describe('PHQ-9 bands (0–4 / 5–9 / 10–14 / 15–19 / 20–27)', () => {
  it.each([
    [0, 'minimal', 'None or minimal'],
    [4, 'minimal', 'None or minimal'],
    [5, 'mild', 'Mild'],
    [9, 'mild', 'Mild'],
    [10, 'moderate', 'Moderate'],
    [14, 'moderate', 'Moderate'],
    [15, 'moderately-severe', 'Moderately severe'],
    [19, 'moderately-severe', 'Moderately severe'],
    [20, 'severe', 'Severe'],
    [24, 'severe', 'Severe'],
  ])('total %i -> %s', (total, code, label) => {
    const score = scoreInstrument('phq9', buildPhq9(total));
    expect(score).toMatchObject({ complete: true, total, band: { code, label }, flags: [], issues: [] });
  });

  it('total 27 (every item 3) is severe and raises the item 9 flag', () => {
    const score = scoreInstrument('phq9', buildPhq9(27, 3));
    expect(score.total).toBe(27);
    expect(score.band?.code).toBe('severe');
    expect(score.flags.map((f) => f.code)).toEqual(['phq9.item9-positive']);
  });
});

describe('PHQ-9 item 9: same-day safety flag whatever the total', () => {
  it.each([
    ['total 1 (item 9 = 1, all else 0)', buildPhq9(1, 1), 1],
    ['total 27', buildPhq9(27, 3), 27],
    ['item 9 = 2, total 2', buildPhq9(2, 2), 2],
  ])('%s', (_label, answers, total) => {
    const score = scoreInstrument('phq9', answers);
    expect(score.total).toBe(total);
    expect(score.flags).toEqual([{ code: 'phq9.item9-positive', message: expect.stringMatching(/same-day safety assessment/) }]);
  });

  it('is raised before the other items are answered (progress saving)', () => {
    const score = scoreInstrument('phq9', { 'phq9.9': 1 });
    expect(score).toMatchObject({ complete: false, total: null, band: null });
    expect(score.flags.map((f) => f.code)).toEqual(['phq9.item9-positive']);
  });

  it.each([
    ['item 9 = 0', { ...buildPhq9(20, 0) }],
    ['item 9 not answered', { 'phq9.1': 3 }],
    ['item 9 null', { 'phq9.9': null }],
    ['item 9 invalid (4): reported, not guessed', { 'phq9.9': 4 }],
  ])('is not raised when %s', (_label, answers) => {
    expect(scoreInstrument('phq9', answers).flags).toEqual([]);
  });
});

describe('PHQ-2 (positive ≥ 3)', () => {
  it.each([
    [0, 0, 'negative', false],
    [1, 1, 'negative', false],
    [2, 0, 'negative', false],
    [2, 1, 'positive', true],
    [0, 3, 'positive', true],
    [3, 3, 'positive', true],
  ])('%i + %i -> %s', (a, b, band, positive) => {
    const score = scoreInstrument('phq2', { 'phq2.1': a, 'phq2.2': b });
    expect(score).toMatchObject({ complete: true, total: a + b, band: { code: band } });
    expect(score.flags.map((f) => f.code)).toEqual(positive ? ['phq2.positive'] : []);
  });

  it('is not called positive from one item alone', () => {
    expect(scoreInstrument('phq2', { 'phq2.1': 3 })).toMatchObject({ complete: false, total: null, flags: [] });
  });
});

describe('phq9AnswersFromPhq2', () => {
  it('carries items 1 and 2 over, and nothing else', () => {
    expect(phq9AnswersFromPhq2({ 'phq2.1': 2, 'phq2.2': 1 })).toEqual({ 'phq9.1': 2, 'phq9.2': 1 });
    expect(phq9AnswersFromPhq2({ 'phq2.1': null, 'phq2.2': true })).toEqual({});
  });
});
