import { describe, expect, it } from 'vitest';
import { periodWindow, validateBenefitRule } from './benefit-rule';
import type { BenefitRule } from './benefit-rule';
import { calculateRuleUsage } from './visit-count';
import type { CountedVisit } from './visit-count';
import { DEFAULT_COVERAGE_SETTINGS } from './settings';

describe('periodWindow', () => {
  it.each([
    ['calendar-year', null, '2026-01-01', '2026-01-01', '2026-12-31'],
    ['calendar-year', null, '2026-12-31', '2026-01-01', '2026-12-31'],
    ['calendar-month', null, '2026-02-15', '2026-02-01', '2026-02-28'],
    ['calendar-month', null, '2024-02-29', '2024-02-01', '2024-02-29'],
    ['calendar-month', null, '2026-12-31', '2026-12-01', '2026-12-31'],
    ['rolling-days', 90, '2026-03-31', '2026-01-01', '2026-03-31'],
    ['rolling-days', 365, '2026-12-31', '2026-01-01', '2026-12-31'],
    ['rolling-days', 1, '2026-05-05', '2026-05-05', '2026-05-05'],
  ] as const)('%s %s on %s → %s..%s', (periodKind, periodDays, date, start, end) => {
    expect(periodWindow({ periodKind, periodDays }, date)).toEqual({ start, end });
  });
  it('none has no window', () => {
    expect(periodWindow({ periodKind: 'none', periodDays: null }, '2026-05-05')).toBeNull();
  });
});

describe('validateBenefitRule', () => {
  const ok: Omit<BenefitRule, 'id'> = { service: 'physical-therapy', kind: 'custom', visitLimit: 20, periodKind: 'calendar-year', periodDays: null, priorAuthRequired: false, copayNote: null };
  it.each([
    [{}, []],
    [{ periodKind: 'rolling-days' as const, periodDays: null }, ['rule.period-days']],
    [{ periodKind: 'rolling-days' as const, periodDays: 0 }, ['rule.period-days']],
    [{ periodKind: 'rolling-days' as const, periodDays: 731 }, ['rule.period-days']],
    [{ periodKind: 'rolling-days' as const, periodDays: 730 }, []],
    [{ periodDays: 30 }, ['rule.period-days-unused']],
    [{ visitLimit: null }, ['rule.visit-limit']],
    [{ visitLimit: -1 }, ['rule.visit-limit-range']],
    [{ kind: 'ncd-30.3.3' as const }, ['rule.ncd-only-acupuncture']],
    [{ kind: 'ncd-30.3.3' as const, service: 'acupuncture' as const, visitLimit: null, periodKind: 'none' as const }, []],
  ])('%o → %o', (patch, codes) => {
    expect(validateBenefitRule({ ...ok, ...patch }).map((p) => p.code)).toEqual(codes);
  });
});

function visits(dates: string[], status: CountedVisit['status'] = 'attended'): CountedVisit[] {
  return dates.map((date) => ({ date, service: 'physical-therapy', status }));
}
const rule: BenefitRule = { id: 'r', service: 'physical-therapy', kind: 'custom', visitLimit: 10, periodKind: 'calendar-year', periodDays: null, priorAuthRequired: false, copayNote: null };
const settings = DEFAULT_COVERAGE_SETTINGS;

describe('calculateRuleUsage (warn at 2 or fewer remaining)', () => {
  const days = (n: number, from = 1): string[] => Array.from({ length: n }, (_, i) => `2026-03-${String(i + from).padStart(2, '0')}`);
  it.each([
    [7, 3, []],
    [8, 2, ['coverage.visit-cap-near']],
    [9, 1, ['coverage.visit-cap-near']],
    [10, 0, ['coverage.visit-cap-reached']],
    [12, 0, ['coverage.visit-cap-reached']],
  ])('%i attended of 10 → %i remaining, %o', (n, remaining, codes) => {
    const usage = calculateRuleUsage(rule, visits(days(n)), '2026-03-31', settings);
    expect(usage.used).toBe(n);
    expect(usage.remaining).toBe(remaining);
    expect(usage.issues.map((i) => i.code)).toEqual(codes);
  });
  it('calendar year: visits of last December do not count on 1 January', () => {
    const usage = calculateRuleUsage(rule, visits(['2025-12-31', '2026-01-01']), '2026-01-01', settings);
    expect(usage.used).toBe(1);
    expect(usage.window).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  });
  it('rolling 30 days: a visit 30 days back is out, 29 days back is in', () => {
    const rolling = { ...rule, periodKind: 'rolling-days' as const, periodDays: 30 };
    expect(calculateRuleUsage(rolling, visits(['2026-03-01', '2026-03-02']), '2026-03-31', settings).used).toBe(1);
  });
  it('cancelled, no-show and booked visits do not count as used; future booked beyond the cap warns', () => {
    const v = [...visits(days(8)), ...visits(['2026-03-20'], 'cancelled'), ...visits(['2026-03-21'], 'no-show'), ...visits(['2026-04-02', '2026-04-03', '2026-04-04'], 'booked')];
    const usage = calculateRuleUsage(rule, v, '2026-03-31', settings);
    expect(usage.used).toBe(8);
    expect(usage.booked).toBe(3);
    expect(usage.issues.map((i) => i.code)).toEqual(['coverage.visit-cap-near', 'coverage.booked-beyond-cap']);
  });
  it('other services do not count; the warning threshold is a setting', () => {
    const v = [...visits(days(7)), { date: '2026-03-09', service: 'acupuncture' as const, status: 'attended' as const }];
    const usage = calculateRuleUsage(rule, v, '2026-03-31', { ...settings, warnAtRemainingVisits: 3 });
    expect(usage.used).toBe(7);
    expect(usage.issues.map((i) => i.code)).toEqual(['coverage.visit-cap-near']);
  });
  it('a rule with no period has no limit and no warning', () => {
    const usage = calculateRuleUsage({ ...rule, periodKind: 'none', visitLimit: null }, visits(days(30)), '2026-03-31', settings);
    expect(usage.limit).toBeNull();
    expect(usage.issues).toEqual([]);
  });
});
