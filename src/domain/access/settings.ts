/**
 * Clinic-level settings that the access rules read.
 *
 * Source: issue "Foundation" (Trust: roles plus care-team membership, restricted behavioural-health and
 * substance-use records, break-the-glass, sessions, lockout) and PRODUCT.md capability 13.
 *
 * Assumptions:
 * - Settings are stored as one partial JSON object per clinic; anything missing takes the default below.
 * - A key that is absent or null takes its default silently. A key with an invalid value is reported
 *   (path = key path, e.g. `lockout.lockMinutes`) and its default is used, so one bad key never blocks the
 *   rest. Unknown keys are reported as warnings and ignored. Issues come in key order: version, roles,
 *   break-glass, session, lockout.
 * - Only staff roles may be listed in `restrictedCategoryRoles`: people see their own record through the
 *   "self" rule, and caregivers never see the restricted category. If any entry is invalid the whole list
 *   falls back to the default (we never guess which roles the clinic meant). An empty list is allowed and
 *   means no staff role sees restricted records outside a person's own access.
 * - Numbers must be whole numbers. Ranges: breakGlassMinutes 1..1440, sessionHours 1..168,
 *   lockout.maxFailedLogins 1..100 (our choice), lockout.lockMinutes 1..1440 (our choice).
 */
import type { Issue } from '../issues';
import { error } from '../issues';
import type { Role } from './roles';
import { isRole, isStaffRole } from './roles';

export interface ClinicSettings {
  settingsVersion: 1;
  /** Roles allowed to see behavioural-health and substance-use records (restricted category). */
  restrictedCategoryRoles: Role[];
  breakGlassMinutes: number;
  sessionHours: number;
  lockout: { maxFailedLogins: number; lockMinutes: number };
}

export const DEFAULT_CLINIC_SETTINGS: ClinicSettings = {
  settingsVersion: 1,
  restrictedCategoryRoles: ['behavioural_health', 'prescriber'],
  breakGlassMinutes: 60,
  sessionHours: 12,
  lockout: { maxFailedLogins: 5, lockMinutes: 15 },
};

interface IntegerRange {
  min: number;
  max: number;
}

export const CLINIC_SETTING_RANGES = {
  breakGlassMinutes: { min: 1, max: 1440 },
  sessionHours: { min: 1, max: 168 },
  'lockout.maxFailedLogins': { min: 1, max: 100 },
  'lockout.lockMinutes': { min: 1, max: 1440 },
} as const satisfies Record<string, IntegerRange>;

const TOP_LEVEL_KEYS = ['settingsVersion', 'restrictedCategoryRoles', 'breakGlassMinutes', 'sessionHours', 'lockout'];
const LOCKOUT_KEYS = ['maxFailedLogins', 'lockMinutes'];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cloneDefaults(): ClinicSettings {
  const d = DEFAULT_CLINIC_SETTINGS;
  return {
    settingsVersion: 1,
    restrictedCategoryRoles: [...d.restrictedCategoryRoles],
    breakGlassMinutes: d.breakGlassMinutes,
    sessionHours: d.sessionHours,
    lockout: { ...d.lockout },
  };
}

function unknownKey(path: string): Issue {
  const message = `"${path}" is not a clinic setting and was ignored.`;
  return { code: 'settings.unknown-key', message, severity: 'warning', path };
}

/** Returns the value when it is a whole number in range, else pushes an issue and returns undefined. */
function readInteger(
  value: unknown,
  path: keyof typeof CLINIC_SETTING_RANGES,
  issues: Issue[],
): number | undefined {
  const { min, max } = CLINIC_SETTING_RANGES[path];
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    issues.push(error('settings.not-a-whole-number', `${path} must be a whole number; the default was used.`, path));
    return undefined;
  }
  if (value < min || value > max) {
    const message = `${path} must be between ${min} and ${max}; the default was used.`;
    issues.push(error('settings.out-of-range', message, path));
    return undefined;
  }
  return value;
}

function readRoles(value: unknown, issues: Issue[]): Role[] | undefined {
  const path = 'restrictedCategoryRoles';
  if (!Array.isArray(value)) {
    issues.push(error('settings.not-a-list', `${path} must be a list of roles; the default was used.`, path));
    return undefined;
  }
  const roles: Role[] = [];
  let valid = true;
  value.forEach((entry: unknown, index) => {
    const entryPath = `${path}[${index}]`;
    if (typeof entry !== 'string' || !isRole(entry)) {
      const message = `${JSON.stringify(entry)} is not a known role; the default list was used.`;
      issues.push(error('settings.unknown-role', message, entryPath));
      valid = false;
    } else if (!isStaffRole(entry)) {
      const message = `Only staff roles can see restricted records, not "${entry}"; the default list was used.`;
      issues.push(error('settings.not-staff-role', message, entryPath));
      valid = false;
    } else if (!roles.includes(entry)) {
      roles.push(entry);
    }
  });
  return valid ? roles : undefined;
}

/**
 * Merges a stored partial object (unknown JSON from the database) over the defaults; every invalid key is
 * reported as an Issue (path = key path) and the default is used for it.
 */
export function resolveClinicSettings(stored: unknown): { settings: ClinicSettings; issues: Issue[] } {
  const settings = cloneDefaults();
  const issues: Issue[] = [];
  if (stored === null || stored === undefined) return { settings, issues };
  if (!isPlainObject(stored)) {
    issues.push(error('settings.not-an-object', 'Stored clinic settings are not an object; all defaults were used.'));
    return { settings, issues };
  }

  for (const key of Object.keys(stored)) {
    if (!TOP_LEVEL_KEYS.includes(key)) issues.push(unknownKey(key));
  }

  if (stored.settingsVersion != null && stored.settingsVersion !== 1) {
    const message = 'settingsVersion must be 1; version 1 was used.';
    issues.push(error('settings.unsupported-version', message, 'settingsVersion'));
  }
  if (stored.restrictedCategoryRoles != null) {
    const roles = readRoles(stored.restrictedCategoryRoles, issues);
    if (roles !== undefined) settings.restrictedCategoryRoles = roles;
  }
  if (stored.breakGlassMinutes != null) {
    settings.breakGlassMinutes =
      readInteger(stored.breakGlassMinutes, 'breakGlassMinutes', issues) ?? settings.breakGlassMinutes;
  }
  if (stored.sessionHours != null) {
    settings.sessionHours = readInteger(stored.sessionHours, 'sessionHours', issues) ?? settings.sessionHours;
  }
  const lockout = stored.lockout;
  if (lockout != null) {
    if (!isPlainObject(lockout)) {
      issues.push(error('settings.not-an-object', 'lockout must be an object; its defaults were used.', 'lockout'));
    } else {
      for (const key of Object.keys(lockout)) {
        if (!LOCKOUT_KEYS.includes(key)) issues.push(unknownKey(`lockout.${key}`));
      }
      if (lockout.maxFailedLogins != null) {
        settings.lockout.maxFailedLogins =
          readInteger(lockout.maxFailedLogins, 'lockout.maxFailedLogins', issues) ?? settings.lockout.maxFailedLogins;
      }
      if (lockout.lockMinutes != null) {
        settings.lockout.lockMinutes =
          readInteger(lockout.lockMinutes, 'lockout.lockMinutes', issues) ?? settings.lockout.lockMinutes;
      }
    }
  }
  return { settings, issues };
}
