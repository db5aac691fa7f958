/**
 * Reference taper paces by how long opioids have been taken (data), and how fast a pace is.
 *
 * Source: reference 2.1 [V] (CDC 2022 Rec 5 text): ≈ 10 % per month or slower after long use (e.g. ≥ 1 year);
 * after weeks to months, 10 % of the original dose per week or slower until ≈ 30 % of the original remains,
 * then ≈ 10 % of the remaining dose per week. Acute pain (Rec 6) [V draft, S final]: around-the-clock use for
 * more than 3 days but under 1 week, 50 % for 2 days then stop; 1 week to under 1 month, ≈ 20 % every 2 days.
 * HHS 2019 states the same monthly rate [S].
 *
 * Assumptions (where the reference is silent):
 * - "10 % per month" is 10 % of the ORIGINAL dose (as the issue reads it; the reference does not say of what).
 * - "20 % every 2 days" is 20 % of the original dose (a straight line to zero in about 10 days).
 * - Duration boundaries in days: 3, 7, 30 (one month) and longTermUseDays (365, "e.g. ≥ 1 year"). Use of 3 days
 *   or less needs no taper in the reference.
 * - Comparing paces: a pace's speed is its cut in percent per day of interval (a month counts as 30 days);
 *   "below 30 %" phases are not compared. When a month is used as the interval for the abrupt-change bound,
 *   it counts from 28 days (the shortest month), so a monthly plan is never flagged in February.
 */
import type { OpioidSettings } from './settings';
import { SOURCES } from './sources';
import type { SourceRef } from './types';

export type UseDuration = 'up-to-3-days' | 'under-1-week' | 'under-1-month' | 'under-1-year' | '1-year-or-more';

export interface TaperCut {
  percent: number;
  of: 'original' | 'current';
}

export interface TaperPace {
  id: string;
  label: string;
  sources: SourceRef[];
  every: { days: number } | { months: number };
  cut: TaperCut;
  /** Once this share of the original dose remains, later cuts follow `cut` here. */
  below?: { percentOfOriginal: number; cut: TaperCut };
  /** Stop after this many cuts (acute use under 1 week: one 50 % cut for 2 days, then stop). */
  stopAfterCuts?: number;
}

export type PlannedUseDuration = Exclude<UseDuration, 'up-to-3-days'>;

export const REFERENCE_PACES: Readonly<Record<PlannedUseDuration, TaperPace>> = {
  '1-year-or-more': {
    id: 'cdc-2022-monthly',
    label: 'About 10 % of the original dose per month',
    sources: [SOURCES.cdc22Rec5],
    every: { months: 1 },
    cut: { percent: 10, of: 'original' },
  },
  'under-1-year': {
    id: 'cdc-2022-weekly',
    label: '10 % of the original dose per week until about 30 % remains, then 10 % of the remaining dose per week',
    sources: [SOURCES.cdc22Rec5],
    every: { days: 7 },
    cut: { percent: 10, of: 'original' },
    below: { percentOfOriginal: 30, cut: { percent: 10, of: 'current' } },
  },
  'under-1-month': {
    id: 'cdc-2022-acute-20',
    label: 'About 20 % every 2 days (acute use of 1 week to 1 month)',
    sources: [SOURCES.cdc22Rec6],
    every: { days: 2 },
    cut: { percent: 20, of: 'original' },
  },
  'under-1-week': {
    id: 'cdc-2022-acute-50',
    label: '50 % for 2 days, then stop (acute around-the-clock use of more than 3 days but under 1 week)',
    sources: [SOURCES.cdc22Rec6],
    every: { days: 2 },
    cut: { percent: 50, of: 'original' },
    stopAfterCuts: 1,
  },
};

export function useDurationCategory(days: number, settings: OpioidSettings): UseDuration {
  if (!Number.isFinite(days) || days < 0) throw new Error('useDurationCategory: days must be a number of 0 or more');
  if (days <= 3) return 'up-to-3-days';
  if (days < 7) return 'under-1-week';
  if (days < 30) return 'under-1-month';
  if (days < settings.longTermUseDays) return 'under-1-year';
  return '1-year-or-more';
}

/** Days in one interval: for speed comparisons a month is 30 days; for the abrupt-change bound, 28. */
export function intervalDays(pace: Pick<TaperPace, 'every'>, use: 'speed' | 'bound'): number {
  return 'days' in pace.every ? pace.every.days : pace.every.months * (use === 'speed' ? 30 : 28);
}

/** Percent cut per day of interval. */
export function paceSpeed(pace: Pick<TaperPace, 'every' | 'cut'>): number {
  return pace.cut.percent / intervalDays(pace, 'speed');
}

export function isFasterThan(pace: Pick<TaperPace, 'every' | 'cut'>, reference: TaperPace): boolean {
  return paceSpeed(pace) > paceSpeed(reference) + 1e-9;
}
