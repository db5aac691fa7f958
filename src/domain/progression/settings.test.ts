import { describe, expect, it } from 'vitest';
import { DEFAULT_PROGRESSION_SETTINGS, PROGRESSION_SETTING_RANGES, describeSetting, resolveProgressionSettings, settingsLabel } from './settings';

describe('DEFAULT_PROGRESSION_SETTINGS', () => {
  it('holds the seed values and the Painpath defaults', () => {
    expect(DEFAULT_PROGRESSION_SETTINGS).toEqual({
      settingsVersion: 1,
      noResponseAfterSessions: 4,
      earlySessionCount: 4,
      normalSorenessMaxHours: 48,
      reliefWindowMinDays: 1,
      movementEntryReliefDays: 7,
      movementEntryHeldReports: 2,
      activeProgressionMinActivePercent: 50,
      flareUsualSettleHours: 48,
      flareSettleLimitHours: 72,
      recentFlareDays: 14,
      belowBaselineTolerancePoints: 1,
      plateauMinSessions: 4,
      plateauMinDays: 28,
      forwardMovementMinPoints: 1,
      checkpointIntervalDays: 14,
      referralOverlapDays: 28,
    });
  });

  it('every default is inside its own range', () => {
    for (const [name, { min, max }] of Object.entries(PROGRESSION_SETTING_RANGES)) {
      const v = DEFAULT_PROGRESSION_SETTINGS[name as keyof typeof PROGRESSION_SETTING_RANGES];
      expect(v).toBeGreaterThanOrEqual(min);
      expect(v).toBeLessThanOrEqual(max);
    }
  });

  it('names settings and the version', () => {
    expect(describeSetting(DEFAULT_PROGRESSION_SETTINGS, 'movementEntryReliefDays')).toBe('movementEntryReliefDays=7 (v1)');
    expect(settingsLabel(DEFAULT_PROGRESSION_SETTINGS)).toBe('progression settings v1');
  });
});

describe('resolveProgressionSettings', () => {
  it.each([undefined, null, {}, { plateauMinDays: null }])('uses the defaults for %j', (stored) => {
    expect(resolveProgressionSettings(stored)).toEqual({ settings: DEFAULT_PROGRESSION_SETTINGS, issues: [] });
  });

  it('merges valid values, including the range ends', () => {
    const r = resolveProgressionSettings({ movementEntryReliefDays: 10.5, plateauMinDays: 7, referralOverlapDays: 182 });
    expect(r.issues).toEqual([]);
    expect(r.settings).toMatchObject({ movementEntryReliefDays: 10.5, plateauMinDays: 7, referralOverlapDays: 182 });
  });

  it('reports every invalid and unknown key and keeps the defaults for them', () => {
    const r = resolveProgressionSettings({ plateauMinDays: 6, noResponseAfterSessions: 2.5, movementEntryReliefDays: 'seven', colour: 'blue' });
    expect(r.issues.map((i) => [i.code, i.path, i.severity])).toEqual([
      ['progression-settings.unknown-key', 'colour', 'warning'],
      ['progression-settings.invalid', 'noResponseAfterSessions', 'error'],
      ['progression-settings.invalid', 'movementEntryReliefDays', 'error'],
      ['progression-settings.invalid', 'plateauMinDays', 'error'],
    ]);
    expect(r.settings).toEqual(DEFAULT_PROGRESSION_SETTINGS);
  });

  it('rejects flare hours in the wrong order', () => {
    const r = resolveProgressionSettings({ flareUsualSettleHours: 80 });
    expect(r.issues.map((i) => i.code)).toEqual(['progression-settings.flare-hours-order']);
    expect(r.settings.flareUsualSettleHours).toBe(48);
  });

  it.each([[[]], ['x'], [5]])('reports a stored value that is not an object: %j', (stored) => {
    expect(resolveProgressionSettings(stored).issues.map((i) => i.code)).toEqual(['progression-settings.not-an-object']);
  });
});
