import { describe, expect, it } from 'vitest';
import type { Answers } from '../types';
import { scoreInstrument } from '../score';

/** Items 1–4 (physical), items 5–8 (psychosocial agree/disagree), item 9 answer 0–4. */
function buildStartBack(physical: number[], psychosocial: number[], item9: number): Answers {
  const answers: Answers = { 'startback.9': item9 };
  physical.forEach((v, i) => (answers[`startback.${i + 1}`] = v));
  psychosocial.forEach((v, i) => (answers[`startback.${i + 5}`] = v));
  return answers;
}

describe('STarT Back: total, psychosocial subscale and risk group', () => {
  it.each([
    ['all disagree', [0, 0, 0, 0], [0, 0, 0, 0], 0, 0, 0, 'low'],
    ['total 3 (physical only)', [1, 1, 1, 0], [0, 0, 0, 0], 0, 3, 0, 'low'],
    ['total 3 with subscale 3', [0, 0, 0, 0], [1, 1, 1, 0], 0, 3, 3, 'low'],
    ['total 4 (physical only)', [1, 1, 1, 1], [0, 0, 0, 0], 0, 4, 0, 'medium'],
    ['total 4 with subscale 3', [1, 0, 0, 0], [1, 1, 1, 0], 0, 4, 3, 'medium'],
    ['total 4 with subscale 4 (all psychosocial)', [0, 0, 0, 0], [1, 1, 1, 1], 0, 4, 4, 'high'],
    ['total 7 with subscale 3', [1, 1, 1, 1], [1, 1, 0, 0], 3, 7, 3, 'medium'],
    ['total 8 with subscale 4', [1, 1, 1, 1], [1, 1, 1, 0], 4, 8, 4, 'high'],
    ['total 9, subscale 5', [1, 1, 1, 1], [1, 1, 1, 1], 4, 9, 5, 'high'],
  ])('%s', (_label, physical, psychosocial, item9, total, subscale, band) => {
    const score = scoreInstrument('startback', buildStartBack(physical, psychosocial, item9));
    expect(score).toMatchObject({ complete: true, total, subscales: { psychosocial: subscale }, band: { code: band }, issues: [] });
  });

  it.each([
    [0, 'not at all', 0],
    [1, 'slightly', 0],
    [2, 'moderately', 0],
    [3, 'very much', 1],
    [4, 'extremely', 1],
  ])('item 9 answer %i (%s) scores %i', (item9, _label, points) => {
    const score = scoreInstrument('startback', buildStartBack([0, 0, 0, 0], [0, 0, 0, 0], item9));
    expect(score.total).toBe(points);
    expect(score.subscales).toEqual({ psychosocial: points });
  });

  it.each([
    [2, 'measure.answer-out-of-range'],
    [-1, 'measure.answer-out-of-range'],
    [true, 'measure.wrong-answer-type'],
  ])('reports an item 1 answer of %j and gives no total', (value, code) => {
    const answers = { ...buildStartBack([0, 0, 0, 0], [0, 0, 0, 0], 0), 'startback.1': value as number };
    const score = scoreInstrument('startback', answers);
    expect(score).toMatchObject({ complete: false, total: null, band: null, subscales: {} });
    expect(score.issues.map((i) => [i.code, i.path])).toEqual([[code, 'startback.1']]);
  });
});
