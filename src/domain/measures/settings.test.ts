import { describe, expect, it } from 'vitest';
import type { Issue } from '../issues';
import { DEFAULT_MEASURE_SETTINGS, describeSetting, resolveMeasureSettings } from './settings';

const err = (code: string, path: string, message: string): Issue => ({ code, message, severity: 'error', path });

describe('DEFAULT_MEASURE_SETTINGS', () => {
  it('holds the reference defaults', () => {
    expect(DEFAULT_MEASURE_SETTINGS).toEqual({
      settingsVersion: 1,
      pegMeaningfulChangePercent: 30,
      psfsAverageMdc: 2,
      psfsActivityMdc: 3,
      phq9MeaningfulChangePoints: 5,
      gad7MeaningfulChangePoints: 4,
      ortOudHighRiskCutoff: 3,
    });
  });

  it('names a setting with its value and version', () => {
    expect(describeSetting(DEFAULT_MEASURE_SETTINGS, 'pegMeaningfulChangePercent')).toBe('pegMeaningfulChangePercent=30 (v1)');
  });
});

describe('resolveMeasureSettings', () => {
  it.each([undefined, null, {}, { pegMeaningfulChangePercent: null }])('uses the defaults for %j', (stored) => {
    expect(resolveMeasureSettings(stored)).toEqual({ settings: DEFAULT_MEASURE_SETTINGS, issues: [] });
  });

  it('merges valid values', () => {
    const { settings, issues } = resolveMeasureSettings({ psfsAverageMdc: 1.5, ortOudHighRiskCutoff: 4, settingsVersion: 1 });
    expect(issues).toEqual([]);
    expect(settings).toEqual({ ...DEFAULT_MEASURE_SETTINGS, psfsAverageMdc: 1.5, ortOudHighRiskCutoff: 4 });
  });

  it.each<[Record<string, unknown>, Issue]>([
    [{ pegMeaningfulChangePercent: 0 }, err('settings.out-of-range', 'pegMeaningfulChangePercent', 'pegMeaningfulChangePercent must be a whole number from 1 to 100; the default was used.')],
    [{ pegMeaningfulChangePercent: 30.5 }, err('settings.out-of-range', 'pegMeaningfulChangePercent', 'pegMeaningfulChangePercent must be a whole number from 1 to 100; the default was used.')],
    [{ psfsAverageMdc: 1.25 }, err('settings.out-of-range', 'psfsAverageMdc', 'psfsAverageMdc must be a number with at most one decimal place from 0.1 to 10; the default was used.')],
    [{ ortOudHighRiskCutoff: '3' }, err('settings.out-of-range', 'ortOudHighRiskCutoff', 'ortOudHighRiskCutoff must be a whole number from 1 to 9; the default was used.')],
    [{ settingsVersion: 2 }, err('settings.unsupported-version', 'settingsVersion', 'settingsVersion must be 1; version 1 was used.')],
    [{ mcid: 1 }, { code: 'settings.unknown-key', message: '"mcid" is not a measure setting and was ignored.', severity: 'warning', path: 'mcid' }],
  ])('reports %j and keeps the default', (stored, issue) => {
    expect(resolveMeasureSettings(stored)).toEqual({ settings: DEFAULT_MEASURE_SETTINGS, issues: [issue] });
  });

  it('reports a stored value that is not an object', () => {
    expect(resolveMeasureSettings([1]).issues.map((i) => i.code)).toEqual(['settings.not-an-object']);
  });
});
