/**
 * "Is this visit covered, and why": one answer combining plan membership, the plan's benefit rule for the
 * service, visit counts, prior authorisation and (for Medicare acupuncture) NCD 30.3.3.
 * Source: issue 4 "Coverage" (stateless calculator) and the rule modules it calls (benefit-rule.ts,
 * visit-count.ts, prior-auth.ts, ncd-30-3-3.ts). It lists every reason, met or not; it suggests, it does not
 * decide: the payer decides.
 *
 * Answer: `covered` when every reason is met; `not-covered` when a reason is not met.
 */
import type { Issue } from '../issues';
import type { BenefitRule } from './benefit-rule';
import { describePeriod, periodWindow } from './benefit-rule';
import { isWithin } from './dates';
import type { NcdAnswer, NcdFacts } from './ncd-30-3-3';
import { evaluateNcdVisit } from './ncd-30-3-3';
import type { PriorAuthStatus } from './prior-auth';
import type { CoverageService } from './services';
import { SERVICE_LABELS } from './services';
import type { CoverageSettings } from './settings';
import type { CountedVisit } from './visit-count';
import { countAttended } from './visit-count';

export interface CoverageMembership {
  startDate: string;
  endDate: string | null;
}

export interface AuthorisationSummary {
  id: string;
  service: CoverageService;
  status: PriorAuthStatus;
  authorisedUnits: number | null;
  startDate: string | null;
  endDate: string | null;
}

export interface VisitCoverageInput {
  service: CoverageService;
  date: string;
  membership: CoverageMembership | null;
  rules: BenefitRule[];
  visits: CountedVisit[];
  authorisations: AuthorisationSummary[];
  ncdFacts: NcdFacts | null;
}

export interface CoverageReason {
  code: string;
  met: boolean;
  message: string;
}

export interface VisitCoverageAnswer {
  answer: 'covered' | 'not-covered';
  service: CoverageService;
  date: string;
  ruleId: string | null;
  reasons: CoverageReason[];
  ncd: NcdAnswer | null;
  copayNote: string | null;
  issues: Issue[];
  settings: CoverageSettings;
}

function authorisationReasons(input: VisitCoverageInput): CoverageReason[] {
  const approved = input.authorisations.filter(
    (a) => a.service === input.service && a.status === 'approved' && a.startDate !== null && a.endDate !== null && isWithin(input.date, a.startDate, a.endDate),
  );
  if (approved.length === 0) {
    const pending = input.authorisations.some((a) => a.service === input.service && (a.status === 'requested' || a.status === 'appealed'));
    return [{ code: 'coverage.prior-auth-missing', met: false, message: pending ? 'Prior authorisation is required and is still pending.' : 'Prior authorisation is required and none approved covers this date.' }];
  }
  const auth = approved[0] as AuthorisationSummary;
  const used = countAttended(input.visits, input.service, { start: auth.startDate as string, end: auth.endDate as string }, input.date, false);
  const units = auth.authorisedUnits ?? 0;
  return [
    {
      code: 'coverage.prior-auth-units',
      met: used < units,
      message: `Authorised ${auth.startDate} to ${auth.endDate}: this would be visit ${used + 1} of ${units} authorised.`,
    },
  ];
}

export function evaluateVisitCoverage(input: VisitCoverageInput, settings: CoverageSettings): VisitCoverageAnswer {
  const reasons: CoverageReason[] = [];
  const issues: Issue[] = [];
  const label = SERVICE_LABELS[input.service];
  const base = { service: input.service, date: input.date, settings };
  const m = input.membership;
  const member = m !== null && input.date >= m.startDate && (m.endDate === null || input.date <= m.endDate);
  reasons.push({
    code: 'coverage.membership',
    met: member,
    message: m === null ? 'No plan is recorded for this patient.' : member ? `Plan active on ${input.date}.` : `Plan not active on ${input.date} (${m.startDate} to ${m.endDate ?? 'open'}).`,
  });
  const rule = input.rules.find((r) => r.service === input.service);
  if (!rule) {
    reasons.push({ code: 'coverage.no-rule', met: false, message: `The plan has no benefit rule for ${label.toLowerCase()}.` });
    return { ...base, answer: 'not-covered', ruleId: null, reasons, ncd: null, copayNote: null, issues };
  }
  let ncd: NcdAnswer | null = null;
  if (rule.kind === 'ncd-30.3.3') {
    const facts: NcdFacts = input.ncdFacts ?? { painOnsetDate: null, nonspecific: null, associatedWithSurgery: null, associatedWithPregnancy: null, reviews: [] };
    const dates = input.visits.filter((v) => v.service === 'acupuncture' && v.status === 'attended').map((v) => v.date);
    ncd = evaluateNcdVisit(facts, dates, input.date, settings);
    reasons.push(...ncd.reasons);
    issues.push(...ncd.issues);
  } else if (rule.periodKind !== 'none' && rule.visitLimit !== null) {
    const window = periodWindow(rule, input.date);
    const used = countAttended(input.visits, input.service, window, input.date, false);
    const within = window ? ` (${window.start} to ${window.end})` : '';
    reasons.push({
      code: 'coverage.visit-limit',
      met: used < rule.visitLimit,
      message: `Visit ${used + 1} of ${rule.visitLimit} covered ${describePeriod(rule)}${within}.`,
    });
    const remaining = rule.visitLimit - used - 1;
    if (used < rule.visitLimit && remaining <= settings.warnAtRemainingVisits) {
      const message = remaining === 0 ? 'This is the last covered visit in this period.' : `${remaining} covered visit${remaining === 1 ? '' : 's'} remain${remaining === 1 ? 's' : ''} after this one.`;
      issues.push({ code: 'coverage.visit-cap-near', message, severity: 'warning' });
    }
  } else {
    reasons.push({ code: 'coverage.no-visit-limit', met: true, message: `No visit limit for ${label.toLowerCase()}.` });
  }
  if (rule.priorAuthRequired) reasons.push(...authorisationReasons(input));
  const answer = reasons.every((r) => r.met) ? 'covered' : 'not-covered';
  return { ...base, answer, ruleId: rule.id, reasons, ncd, copayNote: rule.copayNote, issues };
}
