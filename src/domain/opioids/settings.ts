/**
 * Named, versioned settings of the opioid-safety rules, with the reference defaults and tags.
 *
 * Source: reference/clinical-facts.md (section in brackets):
 * - factorSet = 'cdc-2022' [V] (1.3.1). 'cdc-2016' (1.3.2, tiered methadone) stays selectable.
 * - mmeReassessPerDay = 50 [V] (1.4): "before increasing to ≥ 50 MME/day, pause and reassess" — a guidepost
 *   for starting or increasing, not a limit.
 * - naloxoneMmePerDay = 50 [V] (3, Rec 8 "higher dosages, e.g. ≥ 50 MME/day").
 * - reviewAfterChangeDays = 28 [V] (1.7: within 1–4 weeks of a start or increase; IR < 50 MME/day: closer to
 *   4 weeks acceptable). reviewAfterChangeHigherRiskDays = 7 [V] (1.7: nearer 1 week for ER/LA or ≥ 50 MME/day).
 *   reviewAfterMethadoneChangeDays = 3 [S] (1.7: methadone start or increase, every 2–3 days the first week;
 *   final wording via a secondary source; the draft said "within 3 days").
 * - reviewIntervalMonths = 3 [V] (1.7 "at least every 3 months"; Open issue 1: the final Rec 7 statement
 *   says "regularly", the 3 months come from the implementation text).
 * - pdmpIntervalMonths = 3 [V] (1.7, Rec 9: at minimum every 3 months).
 * - udsIntervalMonths = 12 [S] (1.7: consider toxicology before starting and at least annually, final via
 *   a secondary source).
 * - subacuteOrderDaysSupply = 28 [V as encoded] (1.5: the CDS logic calls an order subacute/chronic at ≥ 28
 *   days' supply); used to decide whether Rec 10 (toxicology) applies.
 * - longTermUseDays = 365 [V] (2.1: ≈ 10 %/month "when patients have taken opioids for a long time, e.g.
 *   ≥ 1 year"); shorter use gets the weekly schedule.
 * - abruptMaxCutPercent = 25, abruptCutIntervalDays = 14 [S] (2.3: FDA label, decrements no greater than
 *   10–25 % of the total daily dose every 2–4 weeks; the fast end is used as the outer bound for "abrupt").
 *   No official numeric definition of "rapid" exists (2.3); a research definition uses ≥ 15 % [U], not used.
 *
 * Assumptions (as for the clinic and measure settings): stored as one partial JSON object; an absent or
 * null key takes its default silently; an invalid value is reported (path = key) and its default used;
 * unknown keys are warnings. Ranges are ours.
 */
import type { Issue } from '../issues';
import { error } from '../issues';
import type { Tag } from './types';

export const FACTOR_SET_IDS = ['cdc-2022', 'cdc-2016'] as const;
export type FactorSetId = (typeof FACTOR_SET_IDS)[number];

export interface OpioidSettings {
  settingsVersion: 1;
  factorSet: FactorSetId;
  mmeReassessPerDay: number;
  naloxoneMmePerDay: number;
  reviewAfterChangeDays: number;
  reviewAfterChangeHigherRiskDays: number;
  reviewAfterMethadoneChangeDays: number;
  reviewIntervalMonths: number;
  pdmpIntervalMonths: number;
  udsIntervalMonths: number;
  subacuteOrderDaysSupply: number;
  longTermUseDays: number;
  abruptMaxCutPercent: number;
  abruptCutIntervalDays: number;
}

export type OpioidNumberSettingName = Exclude<keyof OpioidSettings, 'settingsVersion' | 'factorSet'>;
export type OpioidSettingName = OpioidNumberSettingName | 'factorSet';

export const DEFAULT_OPIOID_SETTINGS: Readonly<OpioidSettings> = Object.freeze({
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

interface SettingInfo {
  min: number;
  max: number;
  tag: Tag;
  source: string;
}

/** Range (whole numbers), tag and source of every numeric setting. */
export const OPIOID_SETTING_INFO: Readonly<Record<OpioidNumberSettingName, SettingInfo>> = {
  mmeReassessPerDay: { min: 1, max: 1000, tag: 'V', source: 'CDC 2022 Rec 4 supporting text (reference 1.4)' },
  naloxoneMmePerDay: { min: 1, max: 1000, tag: 'V', source: 'CDC 2022 Rec 8 (reference 3)' },
  reviewAfterChangeDays: { min: 7, max: 28, tag: 'V', source: 'CDC 2022 Rec 7 (reference 1.7)' },
  reviewAfterChangeHigherRiskDays: { min: 1, max: 28, tag: 'V', source: 'CDC 2022 Rec 7 (reference 1.7)' },
  reviewAfterMethadoneChangeDays: { min: 1, max: 7, tag: 'S', source: 'CDC 2022 Rec 7 final text (reference 1.7)' },
  reviewIntervalMonths: { min: 1, max: 3, tag: 'V', source: 'CDC 2022 Rec 7 (reference 1.7, Open issue 1)' },
  pdmpIntervalMonths: { min: 1, max: 3, tag: 'V', source: 'CDC 2022 Rec 9 (reference 1.7)' },
  udsIntervalMonths: { min: 1, max: 12, tag: 'S', source: 'CDC 2022 Rec 10 final text (reference 1.7)' },
  subacuteOrderDaysSupply: { min: 1, max: 90, tag: 'V', source: 'CDC 2022 CDS logic (reference 1.5)' },
  longTermUseDays: { min: 30, max: 3650, tag: 'V', source: 'CDC 2022 Rec 5 text (reference 2.1)' },
  abruptMaxCutPercent: { min: 5, max: 50, tag: 'S', source: 'FDA 2019 label wording (reference 2.3)' },
  abruptCutIntervalDays: { min: 7, max: 28, tag: 'S', source: 'FDA 2019 label wording (reference 2.3)' },
};

const NUMBER_NAMES = Object.keys(OPIOID_SETTING_INFO) as OpioidNumberSettingName[];

/** How a result names the setting that produced it, e.g. 'naloxoneMmePerDay=50 (v1)'. */
export function describeSetting(settings: OpioidSettings, name: OpioidSettingName): string {
  return `${name}=${settings[name]} (v${settings.settingsVersion})`;
}

export function isFactorSetId(value: unknown): value is FactorSetId {
  return typeof value === 'string' && (FACTOR_SET_IDS as readonly string[]).includes(value);
}

/** Merges a stored partial object over the defaults, reporting every invalid or unknown key. */
export function resolveOpioidSettings(stored: unknown): { settings: OpioidSettings; issues: Issue[] } {
  const settings: OpioidSettings = { ...DEFAULT_OPIOID_SETTINGS };
  const issues: Issue[] = [];
  if (stored === null || stored === undefined) return { settings, issues };
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    issues.push(error('settings.not-an-object', 'Stored opioid settings are not an object; all defaults were used.'));
    return { settings, issues };
  }
  const record = stored as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key !== 'settingsVersion' && key !== 'factorSet' && !NUMBER_NAMES.some((n) => n === key)) {
      issues.push({ code: 'settings.unknown-key', message: `"${key}" is not an opioid setting and was ignored.`, severity: 'warning', path: key });
    }
  }
  if (record.settingsVersion != null && record.settingsVersion !== 1) {
    issues.push(error('settings.unsupported-version', 'settingsVersion must be 1; version 1 was used.', 'settingsVersion'));
  }
  if (record.factorSet != null) {
    if (isFactorSetId(record.factorSet)) settings.factorSet = record.factorSet;
    else issues.push(error('settings.out-of-range', `factorSet must be one of ${FACTOR_SET_IDS.join(', ')}; the default was used.`, 'factorSet'));
  }
  for (const name of NUMBER_NAMES) {
    const value = record[name];
    if (value == null) continue;
    const { min, max } = OPIOID_SETTING_INFO[name];
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) {
      settings[name] = value;
    } else {
      issues.push(error('settings.out-of-range', `${name} must be a whole number from ${min} to ${max}; the default was used.`, name));
    }
  }
  return { settings, issues };
}
