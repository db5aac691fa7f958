import { describe, expect, it } from 'vitest';
import { classifyChronicity } from './chronicity';

const on = (date: string): Date => new Date(`${date}T12:00:00Z`);

describe('classifyChronicity (CDC 2022: < 1 month acute, 1–3 subacute, > 3 chronic)', () => {
  it.each([
    ['2026-01-15', '2026-01-15', 'acute', 0],
    ['2026-01-15', '2026-02-14', 'acute', 0],
    ['2026-01-15', '2026-02-15', 'subacute', 1],
    ['2026-01-15', '2026-04-14', 'subacute', 2],
    ['2026-01-15', '2026-04-15', 'subacute', 3],
    ['2026-01-15', '2026-04-16', 'chronic', 3],
    ['2025-01-15', '2026-01-15', 'chronic', 12],
    ['2026-01-31', '2026-02-27', 'acute', 0],
    ['2026-01-31', '2026-02-28', 'subacute', 1],
    ['2026-01-31', '2026-04-30', 'subacute', 3],
    ['2026-01-31', '2026-05-01', 'chronic', 3],
    ['2025-11-30', '2026-02-28', 'subacute', 3],
    ['2025-11-30', '2026-03-01', 'chronic', 3],
  ])('onset %s, on %s -> %s (%i whole months)', (onset, asOf, category, months) => {
    expect(classifyChronicity(onset, on(asOf))).toEqual({
      category,
      months,
      source: 'CDC 2022: acute < 1 month, subacute 1–3 months, chronic > 3 months',
      note: null,
    });
  });

  it.each([
    ['2026-01', '2026-01-31', 'acute', 0],
    ['2026-01', '2026-02-01', 'subacute', 1],
    ['2026-01', '2026-04-01', 'subacute', 3],
    ['2026-01', '2026-04-02', 'chronic', 3],
  ])('month-only onset %s uses the first day and says so (on %s -> %s)', (onset, asOf, category, months) => {
    expect(classifyChronicity(onset, on(asOf))).toMatchObject({
      category,
      months,
      note: `Onset given as ${onset}; the first day of the month was used.`,
    });
  });

  it('uses the UTC date of asOf', () => {
    expect(classifyChronicity('2026-01-15', new Date('2026-02-14T23:59:59Z'))?.category).toBe('acute');
    expect(classifyChronicity('2026-01-15', new Date('2026-02-15T00:00:00Z'))?.category).toBe('subacute');
  });

  it.each(['2026-02-30', '2026-13', '2026', '15/01/2026', '', '2026-07-01'])('returns null for %j (invalid or after asOf)', (onset) => {
    expect(classifyChronicity(onset, on('2026-06-30'))).toBeNull();
  });
});
