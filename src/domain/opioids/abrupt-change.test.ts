import { describe, expect, it } from 'vitest';
import { detectAbruptChange, type AbruptChangeContext } from './abrupt-change';
import { addDays } from './dates';
import { DEFAULT_OPIOID_SETTINGS } from './settings';

const D0 = '2025-01-01';
const change = (before: number, after: number, days: number, context: Partial<AbruptChangeContext> & { useDays?: number } = {}): ReturnType<typeof detectAbruptChange> => {
  const { useDays = 800, ...rest } = context;
  return detectAbruptChange({ perDay: before, on: D0 }, { perDay: after, on: addDays(D0, days) }, { durationOfUse: { days: useDays }, ...rest });
};

describe('detectAbruptChange: bounds by duration of use (both sides of each bound)', () => {
  it.each([
    // [name, original, before, after, days since the before dose began, days of use, flagged, bound id]
    ['1 year+: 25 % after 14 days (FDA label, fast end)', 100, 100, 75, 14, 800, false, 'fda-2019-label'],
    ['1 year+: 26 % after 14 days', 100, 100, 74, 14, 800, true, 'fda-2019-label'],
    ['1 year+: 12.5 % after 7 days (FDA prorated)', 100, 100, 87.5, 7, 800, false, 'fda-2019-label'],
    ['1 year+: 20 % after 7 days', 100, 100, 80, 7, 800, true, 'fda-2019-label'],
    ['1 year+: 10 % of original after 28 days (CDC monthly), from 40 % of original', 100, 40, 30, 28, 800, false, 'cdc-2022-monthly'],
    ['1 year+: a little over 10 % of original after 28 days', 100, 40, 29.9, 28, 800, true, 'cdc-2022-monthly'],
    ['1–12 months: 10 % after 7 days', 100, 100, 90, 7, 200, false, 'fda-2019-label'],
    ['1–12 months: 10 % of original per week, from 60 % of original', 100, 60, 50, 7, 200, false, 'cdc-2022-weekly'],
    ['1–12 months: 11 % of original in a week, from 60 % of original', 100, 60, 49, 7, 200, true, 'cdc-2022-weekly'],
    ['1–12 months: below 30 %, 10 % of the remaining per week', 100, 20, 18, 7, 200, false, 'fda-2019-label'],
    ['1 week – 1 month: 20 % every 2 days', 100, 100, 80, 2, 20, false, 'cdc-2022-acute-20'],
    ['1 week – 1 month: 21 % in 2 days', 100, 100, 79, 2, 20, true, 'cdc-2022-acute-20'],
    ['1 week – 1 month: stop from 20 % of the original', 100, 20, 0, 2, 20, false, 'cdc-2022-acute-20'],
    ['under 1 week: 50 % for 2 days', 100, 100, 50, 2, 5, false, 'cdc-2022-acute-50'],
    ['under 1 week: 51 %', 100, 100, 49, 2, 5, true, 'cdc-2022-acute-50'],
    ['under 1 week: stop after 2 days at 50 %', 100, 50, 0, 2, 5, false, 'cdc-2022-acute-50'],
  ] as const)('%s', (_name, original, before, after, days, useDays, flagged, boundId) => {
    const result = change(before, after, days, { useDays, originalPerDay: original });
    expect(result.flagged).toBe(flagged);
    expect(result.requiresLifeThreateningReason).toBe(flagged);
    expect(result.bound?.id).toBe(boundId);
  });

  it('returns the bound it used, with its source and settings', () => {
    const result = change(100, 60, 14);
    expect(result.bound).toMatchObject({ id: 'fda-2019-label', allowedCutPerDay: 25, settings: ['abruptMaxCutPercent=25 (v1)', 'abruptCutIntervalDays=14 (v1)'] });
    expect(result.bound?.sources).toEqual([{ source: 'FDA Drug Safety Communication, 9 Apr 2019 (label wording via a secondary source)', tag: 'S' }]);
    expect(result.cutPercent).toBe(40);
    expect(result.message).toContain('document the reason');
  });

  it('credit for a long hold is capped at one interval', () => {
    expect(change(100, 60, 365).flagged).toBe(true);
  });

  it('a sudden stop is flagged; a documented life-threatening reason is recorded, the flag stays', () => {
    const plain = change(90, 0, 1);
    expect(plain).toMatchObject({ flagged: true, change: 'stop', reasonDocumented: false });
    const withReason = change(90, 0, 1, { lifeThreateningReason: 'sedation and slurred speech at current dose' });
    expect(withReason).toMatchObject({ flagged: true, requiresLifeThreateningReason: true, reasonDocumented: true });
    expect(withReason.message).toContain('Documented reason: sedation and slurred speech at current dose.');
  });

  it('stopping once taken less often than once a day is within bounds (CDC 2022 Rec 5)', () => {
    const result = detectAbruptChange({ perDay: 2.5, on: D0, administrationsPerDay: 0.5 }, { perDay: 0, on: addDays(D0, 7) }, { durationOfUse: { days: 800 }, originalPerDay: 40 });
    expect(result).toMatchObject({ flagged: false, change: 'stop' });
    expect(result.bound?.id).toBe('cdc-2022-less-than-daily');
  });

  it.each([
    [28, false],
    [27, true],
  ])('the smallest available step (15 mg morphine, 30 → 15) after %s days → flagged %s', (days, flagged) => {
    const result = change(30, 15, days, { originalPerDay: 60, smallestStepMgPerDay: 15 });
    expect(result.flagged).toBe(flagged);
    if (!flagged) expect(result.bound?.id).toBe('smallest-available-step');
  });

  it('increases and unchanged doses are never flagged', () => {
    expect(change(50, 80, 0)).toMatchObject({ flagged: false, change: 'increase', bound: null });
    expect(change(50, 50, 0)).toMatchObject({ flagged: false, change: 'no-change' });
  });

  it('3 days of use or less is never flagged; not physically dependent (recorded) is never flagged', () => {
    expect(change(90, 0, 0, { useDays: 3 }).flagged).toBe(false);
    expect(change(90, 0, 0, { useDays: 4 }).flagged).toBe(true);
    expect(change(90, 0, 0, { physicallyDependent: false }).flagged).toBe(false);
  });

  it('follows the settings', () => {
    const settings = { ...DEFAULT_OPIOID_SETTINGS, abruptMaxCutPercent: 10 };
    expect(change(100, 80, 14, { settings }).flagged).toBe(true);
    expect(change(100, 80, 14).flagged).toBe(false);
  });

  it('reports reversed or invalid dates and judges the change as immediate', () => {
    const reversed = detectAbruptChange({ perDay: 100, on: '2025-02-01' }, { perDay: 90, on: '2025-01-01' }, { durationOfUse: { days: 800 } });
    expect(reversed.issues.map((i) => i.code)).toEqual(['abrupt.dates-reversed']);
    expect(reversed.flagged).toBe(true);
    expect(detectAbruptChange({ perDay: 100, on: 'x' }, { perDay: 90, on: D0 }, { durationOfUse: { days: 800 } }).issues[0]?.code).toBe('abrupt.date-invalid');
  });

  it('throws on a negative dose (programmer error)', () => {
    expect(() => change(-1, 0, 0)).toThrow();
  });
});
