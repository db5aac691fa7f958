/**
 * Named, versioned settings of the progression engine, with the reference defaults.
 *
 * Source: seed article `003_79007f837758b546` (issue 2), quoted where it gives a figure:
 * - normalSorenessMaxHours = 48: "a temporary increase in symptoms in the twenty-four to forty-eight hours
 *   following a session" is normal early on [seed].
 * - movementEntryReliefDays = 7: "as the window of relief extends toward a week or more ... active work
 *   enters the program" [seed].
 * - flareUsualSettleHours = 48, flareSettleLimitHours = 72: "a flare that settles within forty-eight to
 *   seventy-two hours and leaves the patient at or above their prior baseline is a normal treatment
 *   response. One that persists beyond that window ... is a signal to reassess" [seed].
 * - checkpointIntervalDays = 14: "the question at the two-week mark" [seed]; issue 2: every 2 weeks.
 * Painpath defaults where the seed gives words, not numbers [U — review with the clinic]:
 * - noResponseAfterSessions = 4 and earlySessionCount = 4 ("within the first few sessions").
 * - reliefWindowMinDays = 1 ("a patient who initially noticed one day of meaningful relief").
 * - movementEntryHeldReports = 2 (the window has "held", not one good week).
 * - activeProgressionMinActivePercent = 50 (active work is at least half of the latest session).
 * - belowBaselineTolerancePoints = 1 ("meaningfully below": more than 1 symptom point worse than before).
 * - plateauMinSessions = 4, plateauMinDays = 28 ("across multiple sessions", "in weeks or months").
 * - forwardMovementMinPoints = 1 (a rise of 1 PSFS point in the mean goal score above the prior best).
 * - recentFlareDays = 14 (a flare stays in the headline for one checkpoint interval; all flares stay listed).
 * - referralOverlapDays = 28 (an overlap "until the patient is established").
 *
 * Stored as one partial JSON object; absent keys take their default; invalid values are reported with the
 * key as path and the default used; unknown keys are warnings (same habit as src/domain/measures/settings.ts).
 */
import { error, type Issue } from '../issues';
import type { ProgressionSettingName, ProgressionSettings } from './types';

export const DEFAULT_PROGRESSION_SETTINGS: Readonly<ProgressionSettings> = Object.freeze({
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

/** Allowed range of each setting; `whole` = whole numbers only, else one decimal place at most. */
export const PROGRESSION_SETTING_RANGES: Readonly<Record<ProgressionSettingName, { min: number; max: number; whole: boolean }>> = {
  noResponseAfterSessions: { min: 1, max: 20, whole: true },
  earlySessionCount: { min: 1, max: 20, whole: true },
  normalSorenessMaxHours: { min: 1, max: 168, whole: true },
  reliefWindowMinDays: { min: 0.5, max: 14, whole: false },
  movementEntryReliefDays: { min: 1, max: 60, whole: false },
  movementEntryHeldReports: { min: 1, max: 10, whole: true },
  activeProgressionMinActivePercent: { min: 1, max: 100, whole: true },
  flareUsualSettleHours: { min: 1, max: 336, whole: true },
  flareSettleLimitHours: { min: 1, max: 336, whole: true },
  recentFlareDays: { min: 1, max: 182, whole: true },
  belowBaselineTolerancePoints: { min: 0, max: 5, whole: false },
  plateauMinSessions: { min: 2, max: 30, whole: true },
  plateauMinDays: { min: 7, max: 365, whole: true },
  forwardMovementMinPoints: { min: 0.1, max: 10, whole: false },
  checkpointIntervalDays: { min: 1, max: 182, whole: true },
  referralOverlapDays: { min: 1, max: 182, whole: true },
};

const NAMES = Object.keys(PROGRESSION_SETTING_RANGES) as ProgressionSettingName[];

/** How results name the settings version, e.g. "progression settings v1". */
export function settingsLabel(settings: ProgressionSettings): string {
  return `progression settings v${settings.settingsVersion}`;
}

/** How a result names one setting, e.g. "movementEntryReliefDays=7 (v1)". */
export function describeSetting(settings: ProgressionSettings, name: ProgressionSettingName): string {
  return `${name}=${settings[name]} (v${settings.settingsVersion})`;
}

function isValidValue(value: unknown, name: ProgressionSettingName): value is number {
  const { min, max, whole } = PROGRESSION_SETTING_RANGES[name];
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) return false;
  return whole ? Number.isInteger(value) : Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;
}

/** Merges a stored partial object over the defaults, reporting every invalid or unknown key. */
export function resolveProgressionSettings(stored: unknown): { settings: ProgressionSettings; issues: Issue[] } {
  const settings: ProgressionSettings = { ...DEFAULT_PROGRESSION_SETTINGS };
  const issues: Issue[] = [];
  if (stored === null || stored === undefined) return { settings, issues };
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    issues.push(error('progression-settings.not-an-object', 'Stored progression settings are not an object; all defaults were used.'));
    return { settings, issues };
  }
  const record = stored as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key !== 'settingsVersion' && !NAMES.some((n) => n === key)) {
      issues.push({ code: 'progression-settings.unknown-key', message: `"${key}" is not a progression setting and was ignored.`, severity: 'warning', path: key });
    }
  }
  for (const name of NAMES) {
    const value = record[name];
    if (value === undefined || value === null) continue;
    if (isValidValue(value, name)) settings[name] = value;
    else {
      const { min, max, whole } = PROGRESSION_SETTING_RANGES[name];
      issues.push(error('progression-settings.invalid', `${name} must be ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}; the default ${DEFAULT_PROGRESSION_SETTINGS[name]} was used.`, name));
    }
  }
  if (settings.flareUsualSettleHours > settings.flareSettleLimitHours) {
    issues.push(error('progression-settings.flare-hours-order', 'flareUsualSettleHours cannot exceed flareSettleLimitHours; both defaults were used.', 'flareUsualSettleHours'));
    settings.flareUsualSettleHours = DEFAULT_PROGRESSION_SETTINGS.flareUsualSettleHours;
    settings.flareSettleLimitHours = DEFAULT_PROGRESSION_SETTINGS.flareSettleLimitHours;
  }
  return { settings, issues };
}
