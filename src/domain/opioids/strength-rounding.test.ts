import { describe, expect, it } from 'vitest';
import { nextReachableBelow, roundUpToReachable, smallestStepMg, tabletsFor } from './strength-rounding';
import { STRENGTH_TABLE, strengthsFor } from './strength-table';

describe('strength table (data, [U])', () => {
  it.each([
    ['oxycodone', [5, 10, 15, 20, 30]],
    ['morphine', [15, 30]],
    ['hydrocodone', [5, 7.5, 10]],
    ['tramadol', [50]],
    ['methadone', [5, 10]],
  ])('%s: %j mg (the issue examples)', (ingredient, strengths) => {
    expect(strengthsFor(ingredient)?.strengthsMg).toEqual(strengths);
  });

  it('every row is tagged unverified', () => {
    expect(STRENGTH_TABLE.every((r) => r.tag === 'U')).toBe(true);
  });
});

describe('rounding to whole tablets', () => {
  const hydrocodone = [5, 7.5, 10];
  it.each([
    [[5, 10, 15, 20, 30], 36, 40],
    [[5, 10, 15, 20, 30], 35, 35],
    [[15, 30], 16, 30],
    [hydrocodone, 2, 5],
    [hydrocodone, 11, 12.5],
    [[50], 140, 150],
    [[50], 0, 0],
  ])('%j: %s mg/day rounds up to %s', (strengths, target, rounded) => {
    expect(roundUpToReachable(strengths, target)).toBe(rounded);
  });

  it('smallest step and the next total below', () => {
    expect(smallestStepMg(hydrocodone)).toBe(2.5);
    expect(smallestStepMg([15, 30])).toBe(15);
    expect(nextReachableBelow(hydrocodone, 7.5)).toBe(5);
    expect(nextReachableBelow(hydrocodone, 5)).toBe(0);
  });

  it('shows the fewest tablets', () => {
    expect(tabletsFor([5, 10, 15, 20, 30], 35)).toEqual([{ strengthMg: 30, count: 1 }, { strengthMg: 5, count: 1 }]);
    expect(tabletsFor(hydrocodone, 12.5)).toEqual([{ strengthMg: 7.5, count: 1 }, { strengthMg: 5, count: 1 }]);
    expect(tabletsFor([15, 30], 20)).toEqual([]);
  });
});
