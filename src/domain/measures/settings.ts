/**
 * Named, versioned settings for outcome-measure rules, with the reference defaults.
 *
 * Source: reference/clinical-facts.md section 7.
 * - pegMeaningfulChangePercent = 30: CDC 2022 treats a 30 % improvement in pain and function as
 *   clinically meaningful [V] (7.1). A PEG-specific MCID of about 1 point is also quoted [U]; not used.
 * - psfsAverageMdc = 2, psfsActivityMdc = 3: minimum detectable change (90 % CI) printed on the PSFS form
 *   (Stratford 1995) [S] (7.2). Published MCIDs vary (about 1.3–2.7) [U]; not used.
 * - phq9MeaningfulChangePoints = 5, gad7MeaningfulChangePoints = 4: NOT in the reference [U]. They are
 *   Painpath defaults a clinic should review; every label they produce says so.
 * - ortOudHighRiskCutoff = 3: ORT-OUD 0–2 low, ≥ 3 high, not confirmed from the paper [U] (7.5).
 *
 * Assumptions (as for clinic settings, src/domain/access/settings.ts):
 * - Stored as one partial JSON object; an absent or null key takes its default silently; an invalid
 *   value is reported (path = key) and its default used; unknown keys are warnings.
 * - Ranges are ours: percent 1..100; PSFS average MDC 0.1..10 (one decimal); activity MDC 1..10 (whole);
 *   PHQ-9 points 1..27; GAD-7 points 1..21; ORT-OUD cut-off 1..9 (whole).
 */
import type { Issue } from '../issues';
import { error } from '../issues';

export interface MeasureSettings {
  settingsVersion: 1;
  pegMeaningfulChangePercent: number;
  psfsAverageMdc: number;
  psfsActivityMdc: number;
  phq9MeaningfulChangePoints: number;
  gad7MeaningfulChangePoints: number;
  ortOudHighRiskCutoff: number;
}

export type MeasureSettingName = Exclude<keyof MeasureSettings, 'settingsVersion'>;

export const DEFAULT_MEASURE_SETTINGS: Readonly<MeasureSettings> = Object.freeze({
  settingsVersion: 1,
  pegMeaningfulChangePercent: 30,
  psfsAverageMdc: 2,
  psfsActivityMdc: 3,
  phq9MeaningfulChangePoints: 5,
  gad7MeaningfulChangePoints: 4,
  ortOudHighRiskCutoff: 3,
});

/** Range and step of each setting; `whole` = whole numbers only, else one decimal place at most. */
export const MEASURE_SETTING_RANGES: Readonly<Record<MeasureSettingName, { min: number; max: number; whole: boolean }>> = {
  pegMeaningfulChangePercent: { min: 1, max: 100, whole: true },
  psfsAverageMdc: { min: 0.1, max: 10, whole: false },
  psfsActivityMdc: { min: 1, max: 10, whole: true },
  phq9MeaningfulChangePoints: { min: 1, max: 27, whole: true },
  gad7MeaningfulChangePoints: { min: 1, max: 21, whole: true },
  ortOudHighRiskCutoff: { min: 1, max: 9, whole: true },
};

const NAMES = Object.keys(MEASURE_SETTING_RANGES) as MeasureSettingName[];

/** How a result names the setting that produced it, e.g. 'pegMeaningfulChangePercent=30 (v1)'. */
export function describeSetting(settings: MeasureSettings, name: MeasureSettingName): string {
  return `${name}=${settings[name]} (v${settings.settingsVersion})`;
}

function isValidValue(value: unknown, name: MeasureSettingName): value is number {
  const { min, max, whole } = MEASURE_SETTING_RANGES[name];
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) return false;
  return whole ? Number.isInteger(value) : Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;
}

/** Merges a stored partial object over the defaults, reporting every invalid or unknown key. */
export function resolveMeasureSettings(stored: unknown): { settings: MeasureSettings; issues: Issue[] } {
  const settings: MeasureSettings = { ...DEFAULT_MEASURE_SETTINGS };
  const issues: Issue[] = [];
  if (stored === null || stored === undefined) return { settings, issues };
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    issues.push(error('settings.not-an-object', 'Stored measure settings are not an object; all defaults were used.'));
    return { settings, issues };
  }
  const record = stored as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key !== 'settingsVersion' && !NAMES.some((n) => n === key)) {
      const message = `"${key}" is not a measure setting and was ignored.`;
      issues.push({ code: 'settings.unknown-key', message, severity: 'warning', path: key });
    }
  }
  if (record.settingsVersion != null && record.settingsVersion !== 1) {
    issues.push(error('settings.unsupported-version', 'settingsVersion must be 1; version 1 was used.', 'settingsVersion'));
  }
  for (const name of NAMES) {
    const value = record[name];
    if (value == null) continue;
    if (isValidValue(value, name)) {
      settings[name] = value;
    } else {
      const { min, max, whole } = MEASURE_SETTING_RANGES[name];
      const kind = whole ? 'a whole number' : 'a number with at most one decimal place';
      issues.push(error('settings.out-of-range', `${name} must be ${kind} from ${min} to ${max}; the default was used.`, name));
    }
  }
  return { settings, issues };
}
