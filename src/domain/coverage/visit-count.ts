/**
 * Counting visits against a benefit rule, and the warning before a cap.
 * Source: issue 4 "Coverage" ("counts visits against the rules, warns before a cap"); warning threshold is
 * the setting `warnAtRemainingVisits` (settings.ts).
 *
 * Assumptions:
 * - A visit counts when it was attended (no-shows and cancellations do not use a benefit).
 * - The count for a proposed visit is the attended visits of the same service in the period containing the
 *   proposed date, before it (the proposed visit itself excluded). The count "as of" a day is the attended
 *   visits in the period containing that day, up to and including it.
 */
import type { Issue } from '../issues';
import type { BenefitRule, DateWindow } from './benefit-rule';
import { describePeriod, periodWindow } from './benefit-rule';
import { isWithin } from './dates';
import type { CoverageSettings } from './settings';
import type { CoverageService } from './services';

export interface CountedVisit {
  date: string;
  service: CoverageService;
  status: 'booked' | 'attended' | 'cancelled' | 'no-show';
}

export interface RuleUsage {
  ruleId: string;
  service: CoverageService;
  window: DateWindow | null;
  used: number;
  /** Booked (not yet attended) visits from the day after asOf to the end of the window. */
  booked: number;
  limit: number | null;
  remaining: number | null;
  issues: Issue[];
}

function warning(code: string, message: string): Issue {
  return { code, message, severity: 'warning' };
}

/** Attended visits of the rule's service in the window, on or before `until`. */
export function countAttended(visits: readonly CountedVisit[], service: CoverageService, window: DateWindow | null, until: string, includeUntil: boolean): number {
  return visits.filter(
    (v) =>
      v.service === service &&
      v.status === 'attended' &&
      (includeUntil ? v.date <= until : v.date < until) &&
      (window === null || isWithin(v.date, window.start, window.end)),
  ).length;
}

/** How much of a rule is used on `asOf`, with a warning when `warnAtRemainingVisits` or fewer remain. */
export function calculateRuleUsage(rule: BenefitRule, visits: readonly CountedVisit[], asOf: string, settings: CoverageSettings): RuleUsage {
  const window = periodWindow(rule, asOf);
  const used = countAttended(visits, rule.service, window, asOf, true);
  const booked = visits.filter(
    (v) => v.service === rule.service && v.status === 'booked' && v.date > asOf && (window === null || v.date <= window.end),
  ).length;
  const limit = rule.periodKind === 'none' ? null : rule.visitLimit;
  const issues: Issue[] = [];
  let remaining: number | null = null;
  if (limit !== null) {
    remaining = Math.max(0, limit - used);
    const period = describePeriod(rule);
    if (remaining === 0) {
      issues.push(warning('coverage.visit-cap-reached', `All ${limit} covered visits ${period} are used (${used} attended).`));
    } else if (remaining <= settings.warnAtRemainingVisits) {
      issues.push(
        warning('coverage.visit-cap-near', `${remaining} of ${limit} covered visits ${period} remain (warning at ${settings.warnAtRemainingVisits} or fewer).`),
      );
    }
    if (booked > remaining) {
      issues.push(warning('coverage.booked-beyond-cap', `${booked} visits are booked but only ${remaining} remain covered in this period.`));
    }
  }
  return { ruleId: rule.id, service: rule.service, window, used, booked, limit, remaining, issues };
}
