import { describe, expect, it } from 'vitest';
import { DEFAULT_OPIOID_SETTINGS, OPIOID_SETTING_INFO, describeSetting, resolveOpioidSettings } from './settings';

describe('opioid settings', () => {
  it('defaults are the reference figures, each with a tag and source', () => {
    expect(DEFAULT_OPIOID_SETTINGS).toEqual({
      settingsVersion: 1,
      factorSet: 'cdc-2022',
      mmeReassessPerDay: 50,
      naloxoneMmePerDay: 50,
      reviewAfterChangeDays: 28,
      reviewAfterChangeHigherRiskDays: 7,
      reviewAfterMethadoneChangeDays: 3,
      reviewIntervalMonths: 3,
      pdmpIntervalMonths: 3,
      udsIntervalMonths: 12,
      subacuteOrderDaysSupply: 28,
      longTermUseDays: 365,
      abruptMaxCutPercent: 25,
      abruptCutIntervalDays: 14,
    });
    for (const [name, info] of Object.entries(OPIOID_SETTING_INFO)) {
      const value = DEFAULT_OPIOID_SETTINGS[name as keyof typeof OPIOID_SETTING_INFO];
      expect(value, name).toBeGreaterThanOrEqual(info.min);
      expect(value, name).toBeLessThanOrEqual(info.max);
      expect(['V', 'S', 'U']).toContain(info.tag);
      expect(info.source).toMatch(/reference/);
    }
  });

  it('names a setting with its version', () => {
    expect(describeSetting(DEFAULT_OPIOID_SETTINGS, 'factorSet')).toBe('factorSet=cdc-2022 (v1)');
  });

  it('merges stored values and reports each invalid or unknown key', () => {
    const { settings, issues } = resolveOpioidSettings({ factorSet: 'cdc-2016', pdmpIntervalMonths: 6, udsIntervalMonths: 6, colour: 'blue', mmeReassessPerDay: 49.5 });
    expect(settings).toMatchObject({ factorSet: 'cdc-2016', pdmpIntervalMonths: 3, udsIntervalMonths: 6, mmeReassessPerDay: 50 });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['settings.unknown-key', 'colour'],
      ['settings.out-of-range', 'mmeReassessPerDay'],
      ['settings.out-of-range', 'pdmpIntervalMonths'],
    ]);
  });

  it.each([null, undefined])('%s → defaults, no issues', (stored) => {
    expect(resolveOpioidSettings(stored)).toEqual({ settings: DEFAULT_OPIOID_SETTINGS, issues: [] });
  });

  it('rejects a non-object, an unknown factor set and another version', () => {
    expect(resolveOpioidSettings([1]).issues[0]?.code).toBe('settings.not-an-object');
    expect(resolveOpioidSettings({ factorSet: 'cdc-2018' }).issues[0]?.path).toBe('factorSet');
    expect(resolveOpioidSettings({ settingsVersion: 2 }).issues[0]?.code).toBe('settings.unsupported-version');
  });
});
