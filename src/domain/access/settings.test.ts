import { describe, expect, it } from 'vitest';
import type { ClinicSettings } from './settings';
import { DEFAULT_CLINIC_SETTINGS, resolveClinicSettings } from './settings';

const defaults: ClinicSettings = {
  settingsVersion: 1,
  restrictedCategoryRoles: ['behavioural_health', 'prescriber'],
  breakGlassMinutes: 60,
  sessionHours: 12,
  lockout: { maxFailedLogins: 5, lockMinutes: 15 },
};

describe('DEFAULT_CLINIC_SETTINGS', () => {
  it('holds the documented defaults', () => {
    expect(DEFAULT_CLINIC_SETTINGS).toEqual(defaults);
  });
});

describe('resolveClinicSettings', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['an empty object', {}],
    ['explicit nulls', { breakGlassMinutes: null, lockout: null, restrictedCategoryRoles: null }],
  ])('uses every default for %s, with no issues', (_label, stored) => {
    expect(resolveClinicSettings(stored)).toEqual({ settings: defaults, issues: [] });
  });

  it('returns a copy, so changing the result never changes the defaults', () => {
    const { settings } = resolveClinicSettings({});
    settings.restrictedCategoryRoles.push('pharmacist');
    settings.lockout.lockMinutes = 99;
    expect(DEFAULT_CLINIC_SETTINGS).toEqual(defaults);
  });

  it('merges a partial override over the defaults', () => {
    const { settings, issues } = resolveClinicSettings({
      settingsVersion: 1,
      restrictedCategoryRoles: ['behavioural_health', 'pharmacist', 'pharmacist'],
      breakGlassMinutes: 30,
      lockout: { lockMinutes: 45 },
    });
    expect(issues).toEqual([]);
    expect(settings).toEqual({
      settingsVersion: 1,
      restrictedCategoryRoles: ['behavioural_health', 'pharmacist'],
      breakGlassMinutes: 30,
      sessionHours: 12,
      lockout: { maxFailedLogins: 5, lockMinutes: 45 },
    });
  });

  it('allows an empty restricted-role list', () => {
    expect(resolveClinicSettings({ restrictedCategoryRoles: [] })).toEqual({
      settings: { ...defaults, restrictedCategoryRoles: [] },
      issues: [],
    });
  });

  it.each([
    // [stored, expected issue code, path]
    [{ breakGlassMinutes: 0 }, 'settings.out-of-range', 'breakGlassMinutes'],
    [{ breakGlassMinutes: 1441 }, 'settings.out-of-range', 'breakGlassMinutes'],
    [{ breakGlassMinutes: 30.5 }, 'settings.not-a-whole-number', 'breakGlassMinutes'],
    [{ breakGlassMinutes: '60' }, 'settings.not-a-whole-number', 'breakGlassMinutes'],
    [{ sessionHours: 0 }, 'settings.out-of-range', 'sessionHours'],
    [{ sessionHours: 169 }, 'settings.out-of-range', 'sessionHours'],
    [{ sessionHours: Number.NaN }, 'settings.not-a-whole-number', 'sessionHours'],
    [{ lockout: { maxFailedLogins: 0 } }, 'settings.out-of-range', 'lockout.maxFailedLogins'],
    [{ lockout: { maxFailedLogins: 101 } }, 'settings.out-of-range', 'lockout.maxFailedLogins'],
    [{ lockout: { lockMinutes: 0 } }, 'settings.out-of-range', 'lockout.lockMinutes'],
    [{ lockout: { lockMinutes: 1441 } }, 'settings.out-of-range', 'lockout.lockMinutes'],
    [{ lockout: { lockMinutes: true } }, 'settings.not-a-whole-number', 'lockout.lockMinutes'],
    [{ lockout: 5 }, 'settings.not-an-object', 'lockout'],
    [{ lockout: [5, 15] }, 'settings.not-an-object', 'lockout'],
    [{ settingsVersion: 2 }, 'settings.unsupported-version', 'settingsVersion'],
    [{ restrictedCategoryRoles: 'prescriber' }, 'settings.not-a-list', 'restrictedCategoryRoles'],
    [{ restrictedCategoryRoles: ['prescriber', 'psychiatrist'] }, 'settings.unknown-role', 'restrictedCategoryRoles[1]'],
    [{ restrictedCategoryRoles: [42] }, 'settings.unknown-role', 'restrictedCategoryRoles[0]'],
    [{ restrictedCategoryRoles: ['caregiver'] }, 'settings.not-staff-role', 'restrictedCategoryRoles[0]'],
    [{ restrictedCategoryRoles: ['prescriber', 'patient'] }, 'settings.not-staff-role', 'restrictedCategoryRoles[1]'],
  ])('reports %j as %s at %s and keeps the defaults', (stored, code, path) => {
    const { settings, issues } = resolveClinicSettings(stored);
    expect(issues).toEqual([{ code, path, severity: 'error', message: expect.any(String) as string }]);
    expect(settings).toEqual(defaults);
  });

  it('accepts the range limits themselves', () => {
    const stored = { breakGlassMinutes: 1440, sessionHours: 1, lockout: { maxFailedLogins: 100, lockMinutes: 1 } };
    expect(resolveClinicSettings(stored)).toEqual({
      settings: { ...defaults, breakGlassMinutes: 1440, sessionHours: 1, lockout: { maxFailedLogins: 100, lockMinutes: 1 } },
      issues: [],
    });
  });

  it('reports every invalid key at once and keeps the valid ones', () => {
    const { settings, issues } = resolveClinicSettings({
      restrictedCategoryRoles: ['nobody', 'caregiver'],
      breakGlassMinutes: -1,
      sessionHours: 24,
      lockout: { maxFailedLogins: 'many', lockMinutes: 30 },
    });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['settings.unknown-role', 'restrictedCategoryRoles[0]'],
      ['settings.not-staff-role', 'restrictedCategoryRoles[1]'],
      ['settings.out-of-range', 'breakGlassMinutes'],
      ['settings.not-a-whole-number', 'lockout.maxFailedLogins'],
    ]);
    expect(settings).toEqual({ ...defaults, sessionHours: 24, lockout: { maxFailedLogins: 5, lockMinutes: 30 } });
  });

  it('warns about unknown keys and ignores them', () => {
    const { settings, issues } = resolveClinicSettings({ colour: 'blue', lockout: { forever: true } });
    expect(issues).toEqual([
      { code: 'settings.unknown-key', path: 'colour', severity: 'warning', message: expect.any(String) as string },
      { code: 'settings.unknown-key', path: 'lockout.forever', severity: 'warning', message: expect.any(String) as string },
    ]);
    expect(settings).toEqual(defaults);
  });

  it.each([['a string', 'x'], ['a number', 3], ['a list', []]])('reports stored settings that are %s', (_label, stored) => {
    const { settings, issues } = resolveClinicSettings(stored);
    expect(issues.map((i) => [i.code, i.path])).toEqual([['settings.not-an-object', undefined]]);
    expect(settings).toEqual(defaults);
  });
});
