/**
 * A clinic's stored coverage settings: one partial JSON object read over the reference defaults of
 * `coverage-settings` v1 (settings.ts) and `bundling-settings` v1 (../appointments/bundling.ts).
 *
 * Sources and certainty:
 * - ncdYearWindow and ncdInitialAnchor: NCD 30.3.3 does not say which reading is meant [U]; both readings
 *   stay selectable, the defaults are explained in settings.ts.
 * - The ranges are product choices [U]: warnAtRemainingVisits 0–20 (0 = warn only when none remain; 20 is
 *   the NCD's yearly cap), authEndWarningDays 0–90 (about one authorisation period), bundlingWindowDays 0–14
 *   (0 = only visits on the same day; two weeks is as far as a journey is worth moving). Whole numbers only.
 *
 * Assumptions (as for the opioid settings, src/domain/opioids/settings.ts): an absent or null key takes its
 * default silently; an invalid value is reported (path = key) and its default used; an unknown key is
 * reported as a warning and ignored. The same function checks a body before it is stored, so every bad
 * field is listed at once.
 */
import type { BundlingSettings } from '../appointments/bundling';
import { DEFAULT_BUNDLING_WINDOW_DAYS } from '../appointments/bundling';
import type { Issue } from '../issues';
import { error } from '../issues';
import type { CoverageSettings } from './settings';
import { DEFAULT_COVERAGE_SETTINGS, NCD_INITIAL_ANCHORS, NCD_YEAR_WINDOWS } from './settings';

export const DEFAULT_BUNDLING_SETTINGS: Readonly<BundlingSettings> = Object.freeze({ id: 'bundling-settings', version: 1, bundlingWindowDays: DEFAULT_BUNDLING_WINDOW_DAYS });

export type ClinicCoverageNumberName = 'warnAtRemainingVisits' | 'authEndWarningDays' | 'bundlingWindowDays';
export type ClinicCoverageChoiceName = 'ncdYearWindow' | 'ncdInitialAnchor';
export type ClinicCoverageSettingName = ClinicCoverageChoiceName | ClinicCoverageNumberName;

/** Whole-number range of each numeric setting (product choices [U], see the header). */
export const CLINIC_COVERAGE_RANGES: Readonly<Record<ClinicCoverageNumberName, { min: number; max: number }>> = {
  warnAtRemainingVisits: { min: 0, max: 20 },
  authEndWarningDays: { min: 0, max: 90 },
  bundlingWindowDays: { min: 0, max: 14 },
};

/** The allowed values of each choice setting. */
export const CLINIC_COVERAGE_CHOICES: Readonly<Record<ClinicCoverageChoiceName, readonly string[]>> = {
  ncdYearWindow: NCD_YEAR_WINDOWS,
  ncdInitialAnchor: NCD_INITIAL_ANCHORS,
};

export const CLINIC_COVERAGE_SETTING_NAMES: readonly ClinicCoverageSettingName[] = ['ncdYearWindow', 'ncdInitialAnchor', 'warnAtRemainingVisits', 'authEndWarningDays', 'bundlingWindowDays'];

/** The values a clinic can change, flat, as stored and as shown on the Admin page. */
export type ClinicCoverageValues = Pick<CoverageSettings, ClinicCoverageChoiceName | 'warnAtRemainingVisits' | 'authEndWarningDays'> & Pick<BundlingSettings, 'bundlingWindowDays'>;

export const DEFAULT_CLINIC_COVERAGE_VALUES: Readonly<ClinicCoverageValues> = Object.freeze({
  ncdYearWindow: DEFAULT_COVERAGE_SETTINGS.ncdYearWindow,
  ncdInitialAnchor: DEFAULT_COVERAGE_SETTINGS.ncdInitialAnchor,
  warnAtRemainingVisits: DEFAULT_COVERAGE_SETTINGS.warnAtRemainingVisits,
  authEndWarningDays: DEFAULT_COVERAGE_SETTINGS.authEndWarningDays,
  bundlingWindowDays: DEFAULT_BUNDLING_SETTINGS.bundlingWindowDays,
});

export interface ResolvedClinicCoverageSettings {
  /** The named settings the coverage answers use. */
  coverage: CoverageSettings;
  /** The named setting the bundling suggestions use. */
  bundling: BundlingSettings;
  /** The values in effect, flat. */
  values: ClinicCoverageValues;
  /** The settings whose value differs from the reference default. */
  changed: ClinicCoverageSettingName[];
  issues: Issue[];
}

const isNumberName = (name: string): name is ClinicCoverageNumberName => Object.prototype.hasOwnProperty.call(CLINIC_COVERAGE_RANGES, name);
const isChoiceName = (name: string): name is ClinicCoverageChoiceName => Object.prototype.hasOwnProperty.call(CLINIC_COVERAGE_CHOICES, name);

/** Reads a stored partial object over the defaults, reporting every unknown key and invalid value with its path. */
export function resolveCoverageSettings(stored: unknown): ResolvedClinicCoverageSettings {
  const values: ClinicCoverageValues = { ...DEFAULT_CLINIC_COVERAGE_VALUES };
  const issues: Issue[] = [];
  if (stored !== null && stored !== undefined) {
    if (typeof stored !== 'object' || Array.isArray(stored)) {
      issues.push(error('settings.not-an-object', 'Stored coverage settings are not an object; all defaults were used.'));
    } else {
      const record = stored as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (!isNumberName(key) && !isChoiceName(key)) {
          issues.push({ code: 'settings.unknown-key', message: `"${key}" is not a coverage setting and was ignored.`, severity: 'warning', path: key });
        }
      }
      for (const name of CLINIC_COVERAGE_SETTING_NAMES) {
        const value = record[name];
        if (value === null || value === undefined) continue;
        if (isChoiceName(name)) {
          const allowed = CLINIC_COVERAGE_CHOICES[name];
          if (typeof value === 'string' && allowed.includes(value)) {
            if (name === 'ncdYearWindow') values.ncdYearWindow = value as ClinicCoverageValues['ncdYearWindow'];
            else values.ncdInitialAnchor = value as ClinicCoverageValues['ncdInitialAnchor'];
          } else {
            issues.push(error('settings.out-of-range', `${name} must be one of ${allowed.join(', ')}; the default was used.`, name));
          }
        } else {
          const { min, max } = CLINIC_COVERAGE_RANGES[name];
          if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) values[name] = value;
          else issues.push(error('settings.out-of-range', `${name} must be a whole number from ${min} to ${max}; the default was used.`, name));
        }
      }
    }
  }
  const { bundlingWindowDays, ...coverageValues } = values;
  return {
    coverage: { ...DEFAULT_COVERAGE_SETTINGS, ...coverageValues },
    bundling: { ...DEFAULT_BUNDLING_SETTINGS, bundlingWindowDays },
    values,
    changed: CLINIC_COVERAGE_SETTING_NAMES.filter((name) => values[name] !== DEFAULT_CLINIC_COVERAGE_VALUES[name]),
    issues,
  };
}
