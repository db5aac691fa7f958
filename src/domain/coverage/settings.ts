/**
 * Coverage settings: the figures no source fixes, as named, versioned settings. Every coverage answer names
 * the settings that produced it (`settings` on the result), so a changed setting never silently changes an
 * old answer's meaning.
 *
 * Sources and certainty:
 * - NCD 30.3.3 (clinical-facts §5 [V]) says "12 visits in 90 days" and "no more than 20 treatments
 *   annually" but does not say whether "annually" is a calendar or a rolling year, nor what anchors the 90
 *   days [U]. Reference defaults: a rolling year of 365 days (the stricter reading: never more than 20 in any
 *   12 months) and the 90 days anchored on the first acupuncture visit of that year window.
 * - The warning thresholds (visits remaining, days before an authorisation ends) are product choices [U].
 */
export type NcdYearWindow = 'rolling-365-days' | 'calendar-year';
export type NcdInitialAnchor = 'first-visit' | 'year-window-start';

export interface CoverageSettings {
  id: 'coverage-settings';
  version: 1;
  /** NCD 30.3.3: how "annually" is read. */
  ncdYearWindow: NcdYearWindow;
  /** NCD 30.3.3: what starts the 90-day window of the first 12 visits. */
  ncdInitialAnchor: NcdInitialAnchor;
  /** Warn when this many covered visits (or fewer) remain under a rule or an authorisation. */
  warnAtRemainingVisits: number;
  /** Warn this many days (or fewer) before an approved authorisation ends. */
  authEndWarningDays: number;
}

export const DEFAULT_COVERAGE_SETTINGS: CoverageSettings = {
  id: 'coverage-settings',
  version: 1,
  ncdYearWindow: 'rolling-365-days',
  ncdInitialAnchor: 'first-visit',
  warnAtRemainingVisits: 2,
  authEndWarningDays: 14,
};

export const NCD_YEAR_WINDOWS: readonly NcdYearWindow[] = ['rolling-365-days', 'calendar-year'];
export const NCD_INITIAL_ANCHORS: readonly NcdInitialAnchor[] = ['first-visit', 'year-window-start'];

/** The settings as named in an answer: id, version and the values used. */
export type SettingsUsed = CoverageSettings;

export function withSettings(overrides: Partial<Omit<CoverageSettings, 'id' | 'version'>> | undefined): CoverageSettings {
  return { ...DEFAULT_COVERAGE_SETTINGS, ...(overrides ?? {}) };
}
