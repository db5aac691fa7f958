import { describe, expect, it } from 'vitest';
import { ageOn, isCalendarDate } from './age';

describe('ageOn', () => {
  const rows: [string, string, number][] = [
    ['1980-06-15', '2026-06-14', 45],
    ['1980-06-15', '2026-06-15', 46],
    ['1980-06-15', '2026-06-16', 46],
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
    ['2000-02-29', '2028-02-29', 28],
    ['2026-11-22', '2026-11-22', 0],
    ['1938-01-01', '2026-12-31', 88],
  ];
  it.each(rows)('born %s, on %s is %i', (birth, asOf, age) => {
    expect(ageOn(birth, new Date(`${asOf}T12:00:00Z`))).toBe(age);
  });
  it('refuses a malformed date (programmer error)', () => {
    expect(() => ageOn('15/06/1980', new Date())).toThrow(/YYYY-MM-DD/);
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-02-30', false],
    ['2023-13-01', false],
    ['2023-04-31', false],
    ['2023-04-30', true],
    ['23-04-30', false],
    ['2023-4-30', false],
  ])('%s -> %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});
