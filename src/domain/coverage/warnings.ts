/**
 * Coverage warnings for a patient on a day: visits nearing a cap (or at it), authorisations ending soon or
 * ended. Used by the coverage page and the coordinator's workspace.
 * Source: issue 4 ("warns before a cap or an authorisation end"); thresholds are settings (settings.ts).
 */
import type { BenefitRule } from './benefit-rule';
import { daysBetween } from './dates';
import type { AuthorisationSummary } from './visit-coverage';
import { countAttended, calculateRuleUsage } from './visit-count';
import type { CountedVisit } from './visit-count';
import type { CoverageSettings } from './settings';
import { evaluateNcdVisit } from './ncd-30-3-3';
import type { NcdFacts } from './ncd-30-3-3';
import type { CoverageService } from './services';

export type CoverageWarningCode =
  | 'coverage.visit-cap-near'
  | 'coverage.visit-cap-reached'
  | 'coverage.booked-beyond-cap'
  | 'coverage.auth-ending'
  | 'coverage.auth-ended'
  | 'coverage.auth-units-low'
  | 'ncd.initial-course-ending'
  | 'ncd.not-covered-next';

export interface CoverageWarning {
  code: CoverageWarningCode;
  service: CoverageService;
  message: string;
  /** Visits left under the rule or authorisation, when that is what the warning is about. */
  remaining: number | null;
  /** The authorisation end date, when that is what the warning is about. */
  endDate: string | null;
  authorisationId: string | null;
}

export function coverageWarnings(
  input: { rules: BenefitRule[]; visits: CountedVisit[]; authorisations: AuthorisationSummary[]; ncdFacts: NcdFacts | null },
  asOf: string,
  settings: CoverageSettings,
): CoverageWarning[] {
  const out: CoverageWarning[] = [];
  for (const rule of input.rules) {
    if (rule.kind === 'ncd-30.3.3') {
      const facts = input.ncdFacts ?? { painOnsetDate: null, nonspecific: null, associatedWithSurgery: null, associatedWithPregnancy: null, reviews: [] };
      const dates = input.visits.filter((v) => v.service === 'acupuncture' && v.status === 'attended' && v.date <= asOf).map((v) => v.date);
      if (dates.length === 0) continue;
      const next = evaluateNcdVisit(facts, dates, asOf, settings);
      const ending = next.issues.find((i) => i.code === 'ncd.initial-course-ending');
      if (!next.covered) {
        const unmet = next.reasons.filter((r) => !r.met).map((r) => r.message).join(' ');
        out.push({ code: 'ncd.not-covered-next', service: rule.service, message: `A next acupuncture visit would not be covered: ${unmet}`, remaining: 0, endDate: null, authorisationId: null });
      } else if (ending) {
        const remaining = 12 - dates.filter((d) => d >= next.initialWindow.start && d <= next.initialWindow.end).length;
        out.push({ code: 'ncd.initial-course-ending', service: rule.service, message: `${remaining} of the first 12 visits in 90 days remain; more need documented improvement.`, remaining, endDate: next.initialWindow.end, authorisationId: null });
      }
      continue;
    }
    const usage = calculateRuleUsage(rule, input.visits, asOf, settings);
    for (const issue of usage.issues) {
      out.push({ code: issue.code as CoverageWarningCode, service: rule.service, message: issue.message, remaining: usage.remaining, endDate: usage.window?.end ?? null, authorisationId: null });
    }
  }
  for (const auth of input.authorisations) {
    if (auth.status !== 'approved' || auth.endDate === null || auth.startDate === null) continue;
    const newer = input.authorisations.some((a) => a !== auth && a.service === auth.service && a.status === 'approved' && a.endDate !== null && a.endDate > (auth.endDate as string));
    if (newer) continue;
    const daysLeft = daysBetween(asOf, auth.endDate);
    if (daysLeft < 0) {
      if (daysLeft >= -30) out.push({ code: 'coverage.auth-ended', service: auth.service, message: `The authorisation ended on ${auth.endDate}.`, remaining: null, endDate: auth.endDate, authorisationId: auth.id });
      continue;
    }
    if (daysLeft <= settings.authEndWarningDays) {
      out.push({ code: 'coverage.auth-ending', service: auth.service, message: `The authorisation ends on ${auth.endDate} (in ${daysLeft} days).`, remaining: null, endDate: auth.endDate, authorisationId: auth.id });
    }
    if (asOf >= auth.startDate && auth.authorisedUnits !== null) {
      const used = countAttended(input.visits, auth.service, { start: auth.startDate, end: auth.endDate }, asOf, true);
      const remaining = Math.max(0, auth.authorisedUnits - used);
      if (remaining <= settings.warnAtRemainingVisits) {
        out.push({ code: 'coverage.auth-units-low', service: auth.service, message: `${remaining} of ${auth.authorisedUnits} authorised visits remain.`, remaining, endDate: auth.endDate, authorisationId: auth.id });
      }
    }
  }
  return out;
}
