/**
 * Benefit rules of a plan and the period a visit is counted in.
 * Source: issue 4 "Coverage" (visits per period — calendar or rolling; prior authorisation required;
 * authorised units and dates; copay notes) and PRODUCT.md capability 9.
 *
 * Assumptions:
 * - calendar-year: 1 January to 31 December of the visit's year; calendar-month: the visit's month.
 * - rolling-days N: the N days ending on the visit's date, both ends included (a 365-day window for a visit
 *   on 2026-12-31 starts on 2026-01-01).
 * - none: no period and no visit limit (visitLimit is ignored).
 * - kind ncd-30.3.3 is Medicare's built-in acupuncture rule (ncd-30-3-3.ts); its limits are not read from
 *   visitLimit/period.
 */
import { addDays } from './dates';
import type { CoverageService } from './services';

export const PERIOD_KINDS = ['calendar-year', 'calendar-month', 'rolling-days', 'none'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const RULE_KINDS = ['custom', 'ncd-30.3.3'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export interface BenefitRule {
  id: string;
  service: CoverageService;
  kind: RuleKind;
  visitLimit: number | null;
  periodKind: PeriodKind;
  periodDays: number | null;
  priorAuthRequired: boolean;
  copayNote: string | null;
}

export interface DateWindow {
  start: string;
  end: string;
}

/** The counting period that contains `date`; null when the rule has no period. */
export function periodWindow(rule: Pick<BenefitRule, 'periodKind' | 'periodDays'>, date: string): DateWindow | null {
  switch (rule.periodKind) {
    case 'calendar-year':
      return { start: `${date.slice(0, 4)}-01-01`, end: `${date.slice(0, 4)}-12-31` };
    case 'calendar-month': {
      const start = `${date.slice(0, 7)}-01`;
      const nextMonth = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 1));
      return { start, end: addDays(nextMonth.toISOString().slice(0, 10), -1) };
    }
    case 'rolling-days': {
      const days = rule.periodDays ?? 0;
      if (days < 1) throw new Error('rolling-days rule without periodDays');
      return { start: addDays(date, -(days - 1)), end: date };
    }
    case 'none':
      return null;
  }
}

export function describePeriod(rule: Pick<BenefitRule, 'periodKind' | 'periodDays'>): string {
  switch (rule.periodKind) {
    case 'calendar-year':
      return 'per calendar year';
    case 'calendar-month':
      return 'per calendar month';
    case 'rolling-days':
      return `in any ${rule.periodDays ?? '?'} days`;
    case 'none':
      return 'with no period';
  }
}

/** Validation of a rule as entered by a person: every problem, each with its field. */
export function validateBenefitRule(rule: Omit<BenefitRule, 'id'>): { code: string; message: string; path: string }[] {
  const problems: { code: string; message: string; path: string }[] = [];
  if (rule.kind === 'ncd-30.3.3' && rule.service !== 'acupuncture') {
    problems.push({ code: 'rule.ncd-only-acupuncture', message: 'The NCD 30.3.3 rule applies to acupuncture only.', path: 'service' });
  }
  if (rule.periodKind === 'rolling-days' && (rule.periodDays === null || rule.periodDays < 1 || rule.periodDays > 730)) {
    problems.push({ code: 'rule.period-days', message: 'A rolling period needs its length: 1 to 730 days.', path: 'periodDays' });
  }
  if (rule.periodKind !== 'rolling-days' && rule.periodDays !== null) {
    problems.push({ code: 'rule.period-days-unused', message: 'Only a rolling period takes a number of days.', path: 'periodDays' });
  }
  if (rule.kind === 'custom' && rule.periodKind !== 'none' && rule.visitLimit === null) {
    problems.push({ code: 'rule.visit-limit', message: 'A rule with a period needs a visit limit.', path: 'visitLimit' });
  }
  if (rule.visitLimit !== null && (rule.visitLimit < 0 || rule.visitLimit > 1000)) {
    problems.push({ code: 'rule.visit-limit-range', message: 'The visit limit must be 0 to 1000.', path: 'visitLimit' });
  }
  return problems;
}
