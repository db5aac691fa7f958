import { describe, expect, it } from 'vitest';
import type { Answers } from '../types';
import { scoreInstrument } from '../score';

function buildGad7(total: number): Answers {
  let left = total;
  const answers: Answers = {};
  for (let n = 1; n <= 7; n += 1) {
    const value = Math.min(3, left);
    answers[`gad7.${n}`] = value;
    left -= value;
  }
  return answers;
}

describe('GAD-7 bands (0–4 / 5–9 / 10–14 / 15–21)', () => {
  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ])('total %i -> %s', (total, code) => {
    expect(scoreInstrument('gad7', buildGad7(total))).toMatchObject({ complete: true, total, band: { code }, flags: [], issues: [] });
  });

  it('gives no total with one item missing', () => {
    const answers = buildGad7(21);
    delete answers['gad7.7'];
    expect(scoreInstrument('gad7', answers)).toMatchObject({ complete: false, total: null, band: null });
  });
});
