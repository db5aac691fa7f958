/**
 * A patient's coverage page: plans, rules with visits counted, prior authorisations, NCD 30.3.3 facts and the
 * warnings — all computed by src/domain/coverage from stored rows, as of the request's clock.
 */
import { loadCoverageContexts } from '../../db/repositories/coverage-context.repository';
import type { PatientCoverageContext } from '../../db/repositories/coverage-context.repository';
import { listPatientCoverages, listPriorAuths, findEligibility, loadCatalogue } from '../../db/repositories/coverage.repository';
import type { EligibilityRow, PriorAuthRow } from '../../db/repositories/coverage.repository';
import type { DbOrTx } from '../../db/client';
import type { NcdAnswer } from '../../domain/coverage/ncd-30-3-3';
import { evaluateNcdVisit } from '../../domain/coverage/ncd-30-3-3';
import { PRIOR_AUTH_TRANSITIONS } from '../../domain/coverage/prior-auth';
import type { PriorAuthEvent, PriorAuthStatus } from '../../domain/coverage/prior-auth';
import type { CoverageSettings } from '../../domain/coverage/settings';
import type { RuleUsage } from '../../domain/coverage/visit-count';
import { calculateRuleUsage } from '../../domain/coverage/visit-count';
import type { CoverageWarning } from '../../domain/coverage/warnings';
import { coverageWarnings } from '../../domain/coverage/warnings';
import type { BenefitRule } from '../../domain/coverage/benefit-rule';

export function presentPriorAuth(row: PriorAuthRow): {
  id: string;
  patientId: string;
  coverageId: string;
  service: string;
  status: string;
  allowedNext: PriorAuthStatus[];
  requestedUnits: number | null;
  authorisedUnits: number | null;
  startDate: string | null;
  endDate: string | null;
  reference: string | null;
  history: PriorAuthEvent[];
  version: number;
} {
  return {
    id: row.id,
    patientId: row.patientId,
    coverageId: row.coverageId,
    service: row.service,
    status: row.status,
    allowedNext: [...PRIOR_AUTH_TRANSITIONS[row.status as PriorAuthStatus]],
    requestedUnits: row.requestedUnits,
    authorisedUnits: row.authorisedUnits,
    startDate: row.startDate,
    endDate: row.endDate,
    reference: row.reference,
    history: row.history as PriorAuthEvent[],
    version: row.version,
  };
}

export function presentEligibility(row: EligibilityRow | null): Record<string, unknown> | null {
  if (!row) return null;
  return {
    painOnsetDate: row.painOnsetDate,
    nonspecific: row.nonspecific,
    associatedWithSurgery: row.associatedWithSurgery,
    associatedWithPregnancy: row.associatedWithPregnancy,
    reviews: row.reviews,
    version: row.version,
  };
}

export interface RuleWithUsage extends BenefitRule {
  usage: RuleUsage | null;
  ncd: NcdAnswer | null;
}

/** Each rule of the active plan with its count as of `asOfDate`; the NCD rule shows the answer for a visit today. */
export function rulesWithUsage(ctx: PatientCoverageContext, asOfDate: string, settings: CoverageSettings): RuleWithUsage[] {
  return ctx.rules.map((rule) => {
    if (rule.kind === 'ncd-30.3.3') {
      const facts = ctx.ncdFacts ?? { painOnsetDate: null, nonspecific: null, associatedWithSurgery: null, associatedWithPregnancy: null, reviews: [] };
      const dates = ctx.visits.filter((v) => v.service === 'acupuncture' && v.status === 'attended' && v.date < asOfDate).map((v) => v.date);
      return { ...rule, usage: null, ncd: evaluateNcdVisit(facts, dates, asOfDate, settings) };
    }
    return { ...rule, usage: calculateRuleUsage(rule, ctx.visits, asOfDate, settings), ncd: null };
  });
}

export interface PatientCoverageView {
  asOf: string;
  coverages: { id: string; planId: string; planName: string; payerName: string; memberId: string | null; startDate: string; endDate: string | null; version: number }[];
  current: { coverageId: string; planName: string | null; payerName: string | null } | null;
  rules: RuleWithUsage[];
  authorisations: ReturnType<typeof presentPriorAuth>[];
  eligibility: Record<string, unknown> | null;
  warnings: CoverageWarning[];
  settings: CoverageSettings;
}

export async function loadPatientCoverageView(db: DbOrTx, orgId: string, patientId: string, asOf: Date, settings: CoverageSettings): Promise<PatientCoverageView> {
  const asOfDate = asOf.toISOString().slice(0, 10);
  const [contexts, coverages, auths, eligibility, catalogue] = await Promise.all([
    loadCoverageContexts(db, orgId, [patientId], asOfDate),
    listPatientCoverages(db, orgId, patientId),
    listPriorAuths(db, orgId, patientId),
    findEligibility(db, orgId, patientId),
    loadCatalogue(db, orgId),
  ]);
  const context = contexts[0] as PatientCoverageContext;
  return {
    asOf: asOfDate,
    coverages: coverages.map((c) => {
      const plan = catalogue.plans.find((p) => p.id === c.planId);
      const payer = catalogue.payers.find((p) => p.id === plan?.payerId);
      return { id: c.id, planId: c.planId, planName: plan?.name ?? '', payerName: payer?.name ?? '', memberId: c.memberId, startDate: c.startDate, endDate: c.endDate, version: c.version };
    }),
    current: context.coverageId ? { coverageId: context.coverageId, planName: context.planName, payerName: context.payerName } : null,
    rules: rulesWithUsage(context, asOfDate, settings),
    authorisations: auths.map(presentPriorAuth),
    eligibility: presentEligibility(eligibility),
    warnings: coverageWarnings(context, asOfDate, settings),
    settings,
  };
}
