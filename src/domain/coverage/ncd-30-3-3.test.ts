/** NCD 30.3.3 (clinical-facts §5). Tests marked "policy-configurable" depend on the named settings. */
import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import { evaluateNcdVisit, ncdEligibility } from './ncd-30-3-3';
import type { NcdFacts } from './ncd-30-3-3';
import { DEFAULT_COVERAGE_SETTINGS } from './settings';

const eligible: NcdFacts = { painOnsetDate: '2025-06-01', nonspecific: true, associatedWithSurgery: false, associatedWithPregnancy: false, reviews: [] };
const S = DEFAULT_COVERAGE_SETTINGS;
/** n visits every 5 days from start. */
const series = (start: string, n: number, step = 5): string[] => Array.from({ length: n }, (_, i) => addDays(start, i * step));
const unmet = (a: { reasons: { code: string; met: boolean }[] }): string[] => a.reasons.filter((r) => !r.met).map((r) => r.code);

describe('eligibility: all four conditions', () => {
  it.each([
    ['all met', eligible, []],
    ['pain 11 weeks 6 days', { ...eligible, painOnsetDate: addDays('2026-03-01', -83) }, ['ncd.duration']],
    ['pain exactly 12 weeks', { ...eligible, painOnsetDate: addDays('2026-03-01', -84) }, []],
    ['onset not recorded', { ...eligible, painOnsetDate: null }, ['ncd.duration']],
    ['systemic cause', { ...eligible, nonspecific: false }, ['ncd.nonspecific']],
    ['nonspecific not recorded', { ...eligible, nonspecific: null }, ['ncd.nonspecific']],
    ['after surgery', { ...eligible, associatedWithSurgery: true }, ['ncd.not-surgical']],
    ['surgery not recorded', { ...eligible, associatedWithSurgery: null }, ['ncd.not-surgical']],
    ['pregnancy', { ...eligible, associatedWithPregnancy: true }, ['ncd.not-pregnancy']],
    ['pregnancy not recorded', { ...eligible, associatedWithPregnancy: null }, ['ncd.not-pregnancy']],
  ] as const)('%s', (_name, facts, codes) => {
    expect(ncdEligibility(facts, '2026-03-01').filter((r) => !r.met).map((r) => r.code)).toEqual(codes);
  });
  it('a visit before 21 Jan 2020 is outside the NCD; on that day it is inside', () => {
    const f = { ...eligible, painOnsetDate: '2019-01-01' };
    expect(unmet(evaluateNcdVisit(f, [], '2020-01-20', S))).toEqual(['ncd.effective-date']);
    expect(evaluateNcdVisit(f, [], '2020-01-21', S).covered).toBe(true);
  });
});

describe('12 visits in 90 days, 8 more with improvement, 20 a year', () => {
  const start = '2026-01-05';
  it('visit 1 anchors the 90 days (reference default: first visit)', () => {
    const a = evaluateNcdVisit(eligible, [], start, S);
    expect(a).toMatchObject({ covered: true, phase: 'initial', visitNumberInYear: 1, initialWindow: { start, end: addDays(start, 89) } });
    expect(a.settings).toEqual({ id: 'coverage-settings', version: 1, ncdYearWindow: 'rolling-365-days', ncdInitialAnchor: 'first-visit' });
  });
  it('visit 11 is covered and warns that the first course is ending; visit 12 is covered', () => {
    const eleventh = evaluateNcdVisit(eligible, series(start, 10), addDays(start, 50), S);
    expect(eleventh.covered).toBe(true);
    expect(eleventh.issues.map((i) => i.code)).toContain('ncd.initial-course-ending');
    expect(evaluateNcdVisit(eligible, series(start, 11), addDays(start, 55), S)).toMatchObject({ covered: true, phase: 'initial' });
  });
  it('visit 13 inside the 90 days needs documented improvement', () => {
    const a = evaluateNcdVisit(eligible, series(start, 12), addDays(start, 60), S);
    expect(a.phase).toBe('additional');
    expect(unmet(a)).toEqual(['ncd.improvement-documented']);
  });
  it('visit 13 with improvement documented in this course is covered', () => {
    const f = { ...eligible, reviews: [{ date: addDays(start, 58), outcome: 'improving' as const, note: null, by: 'u' }] };
    expect(evaluateNcdVisit(f, series(start, 12), addDays(start, 60), S).covered).toBe(true);
  });
  it('day 90 of the window is initial; day 91 is additional (boundary)', () => {
    expect(evaluateNcdVisit(eligible, series(start, 3), addDays(start, 89), S).phase).toBe('initial');
    expect(evaluateNcdVisit(eligible, series(start, 3), addDays(start, 90), S).phase).toBe('additional');
  });
  it('the 20th visit is covered with improvement; the 21st is not (annual maximum)', () => {
    const f = { ...eligible, reviews: [{ date: addDays(start, 58), outcome: 'improving' as const, note: null, by: 'u' }] };
    const nineteen = [...series(start, 12), ...series(addDays(start, 60), 7)];
    expect(evaluateNcdVisit(f, nineteen, addDays(start, 100), S)).toMatchObject({ covered: true, visitNumberInYear: 20 });
    const twentyFirst = evaluateNcdVisit(f, [...nineteen, addDays(start, 100)], addDays(start, 105), S);
    expect(twentyFirst.phase).toBe('over-limit');
    expect(unmet(twentyFirst)).toEqual(['ncd.annual-limit']);
  });
  it('additional sessions stop at 8 even when fewer than 12 were used in the first 90 days', () => {
    const f = { ...eligible, reviews: [{ date: addDays(start, 95), outcome: 'improving' as const, note: null, by: 'u' }] };
    const visits = [...series(start, 5), ...series(addDays(start, 100), 8)];
    const a = evaluateNcdVisit(f, visits, addDays(start, 150), S);
    expect(unmet(a)).toEqual(['ncd.additional-limit']);
  });
  it.each([
    ['not-improving' as const],
    ['regressing' as const],
  ])('a latest review of %s stops coverage, even in the first 12', (outcome) => {
    const f = { ...eligible, reviews: [{ date: addDays(start, 20), outcome, note: null, by: 'u' }] };
    expect(unmet(evaluateNcdVisit(f, series(start, 5), addDays(start, 25), S))).toEqual(['ncd.not-improving']);
  });
  it('a later review of improvement resumes coverage', () => {
    const f = {
      ...eligible,
      reviews: [
        { date: addDays(start, 20), outcome: 'not-improving' as const, note: null, by: 'u' },
        { date: addDays(start, 40), outcome: 'improving' as const, note: null, by: 'u' },
      ],
    };
    expect(evaluateNcdVisit(f, series(start, 5), addDays(start, 45), S).covered).toBe(true);
  });
});

describe('policy-configurable windows (settings)', () => {
  it('rolling year (default): 20 visits in the last 365 days block the next even across 1 January', () => {
    const f = { ...eligible, reviews: [{ date: '2026-10-01', outcome: 'improving' as const, note: null, by: 'u' }] };
    const visits = series('2026-10-02', 20, 4);
    const a = evaluateNcdVisit(f, visits, '2027-01-20', S);
    expect(a.yearWindow).toEqual({ start: '2026-01-21', end: '2027-01-20' });
    expect(unmet(a)).toContain('ncd.annual-limit');
  });
  it('calendar year: the same visit on 20 Jan 2027 starts a new year and a new 90-day course', () => {
    const visits = series('2026-10-02', 20, 4);
    const a = evaluateNcdVisit(eligible, visits, '2027-01-20', { ...S, ncdYearWindow: 'calendar-year' });
    expect(a).toMatchObject({ covered: true, visitNumberInYear: 1, phase: 'initial', yearWindow: { start: '2027-01-01', end: '2027-12-31' } });
    expect(a.settings.ncdYearWindow).toBe('calendar-year');
  });
  it('anchor at the year window start: with a calendar year the 90 days run from 1 January', () => {
    const settings = { ...S, ncdYearWindow: 'calendar-year' as const, ncdInitialAnchor: 'year-window-start' as const };
    const a = evaluateNcdVisit(eligible, ['2026-03-10'], '2026-04-05', settings);
    expect(a.initialWindow).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(a.phase).toBe('additional');
    const byFirstVisit = evaluateNcdVisit(eligible, ['2026-03-10'], '2026-04-05', { ...S, ncdYearWindow: 'calendar-year' });
    expect(byFirstVisit.phase).toBe('initial');
  });
});
