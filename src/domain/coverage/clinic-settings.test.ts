import { describe, expect, it } from 'vitest';
import { DEFAULT_BUNDLING_SETTINGS, DEFAULT_CLINIC_COVERAGE_VALUES, resolveCoverageSettings } from './clinic-settings';
import { DEFAULT_COVERAGE_SETTINGS } from './settings';

describe('clinic coverage settings', () => {
  it('nothing stored: the reference defaults, nothing changed, no issues', () => {
    for (const stored of [undefined, null, {}]) {
      const r = resolveCoverageSettings(stored);
      expect(r.coverage).toEqual(DEFAULT_COVERAGE_SETTINGS);
      expect(r.bundling).toEqual({ id: 'bundling-settings', version: 1, bundlingWindowDays: 3 });
      expect(r.values).toEqual({ ncdYearWindow: 'rolling-365-days', ncdInitialAnchor: 'first-visit', warnAtRemainingVisits: 2, authEndWarningDays: 14, bundlingWindowDays: 3 });
      expect(r.changed).toEqual([]);
      expect(r.issues).toEqual([]);
    }
  });

  it.each([
    ['ncdYearWindow', 'rolling-365-days', false],
    ['ncdYearWindow', 'calendar-year', true],
    ['ncdInitialAnchor', 'first-visit', false],
    ['ncdInitialAnchor', 'year-window-start', true],
  ] as const)('%s accepts %s', (name, value, changed) => {
    const r = resolveCoverageSettings({ [name]: value });
    expect(r.issues).toEqual([]);
    expect(r.values[name]).toBe(value);
    expect(r.coverage[name]).toBe(value);
    expect(r.changed).toEqual(changed ? [name] : []);
  });

  it.each([
    ['ncdYearWindow', 'rolling-year'],
    ['ncdYearWindow', 365],
    ['ncdInitialAnchor', 'last-visit'],
    ['ncdInitialAnchor', true],
  ] as const)('%s rejects %s and keeps the default', (name, value) => {
    const r = resolveCoverageSettings({ [name]: value });
    expect(r.issues.map((i) => [i.code, i.path, i.severity])).toEqual([['settings.out-of-range', name, 'error']]);
    expect(r.values[name]).toBe(DEFAULT_CLINIC_COVERAGE_VALUES[name]);
  });

  // One row per range boundary: [name, value, accepted].
  it.each([
    ['warnAtRemainingVisits', -1, false],
    ['warnAtRemainingVisits', 0, true],
    ['warnAtRemainingVisits', 20, true],
    ['warnAtRemainingVisits', 21, false],
    ['warnAtRemainingVisits', 2.5, false],
    ['warnAtRemainingVisits', '5', false],
    ['authEndWarningDays', -1, false],
    ['authEndWarningDays', 0, true],
    ['authEndWarningDays', 90, true],
    ['authEndWarningDays', 91, false],
    ['authEndWarningDays', 7.5, false],
    ['bundlingWindowDays', -1, false],
    ['bundlingWindowDays', 0, true],
    ['bundlingWindowDays', 14, true],
    ['bundlingWindowDays', 15, false],
    ['bundlingWindowDays', 1.5, false],
  ] as const)('%s = %s accepted: %s', (name, value, accepted) => {
    const r = resolveCoverageSettings({ [name]: value });
    if (accepted) {
      expect(r.issues).toEqual([]);
      expect(r.values[name]).toBe(value);
      expect(r.changed).toEqual([name]);
    } else {
      expect(r.issues.map((i) => [i.code, i.path])).toEqual([['settings.out-of-range', name]]);
      expect(r.values[name]).toBe(DEFAULT_CLINIC_COVERAGE_VALUES[name]);
      expect(r.changed).toEqual([]);
    }
  });

  it('the numbers reach the named settings the answers carry', () => {
    const r = resolveCoverageSettings({ warnAtRemainingVisits: 5, authEndWarningDays: 30, bundlingWindowDays: 0 });
    expect(r.coverage).toEqual({ ...DEFAULT_COVERAGE_SETTINGS, warnAtRemainingVisits: 5, authEndWarningDays: 30 });
    expect(r.bundling).toEqual({ ...DEFAULT_BUNDLING_SETTINGS, bundlingWindowDays: 0 });
    expect(r.changed).toEqual(['warnAtRemainingVisits', 'authEndWarningDays', 'bundlingWindowDays']);
  });

  it('null takes the default silently; unknown keys are warnings; every bad value is listed', () => {
    const r = resolveCoverageSettings({ ncdYearWindow: null, colour: 'blue', ncdInitialAnchor: 'x', warnAtRemainingVisits: 99, authEndWarningDays: -3, bundlingWindowDays: 3 });
    expect(r.issues.map((i) => [i.code, i.path, i.severity])).toEqual([
      ['settings.unknown-key', 'colour', 'warning'],
      ['settings.out-of-range', 'ncdInitialAnchor', 'error'],
      ['settings.out-of-range', 'warnAtRemainingVisits', 'error'],
      ['settings.out-of-range', 'authEndWarningDays', 'error'],
    ]);
    expect(r.values).toEqual(DEFAULT_CLINIC_COVERAGE_VALUES);
  });

  it.each([['a string'], [[1, 2]], [42]])('a stored value that is not an object (%j) keeps every default', (stored) => {
    const r = resolveCoverageSettings(stored);
    expect(r.issues.map((i) => i.code)).toEqual(['settings.not-an-object']);
    expect(r.values).toEqual(DEFAULT_CLINIC_COVERAGE_VALUES);
  });
});
