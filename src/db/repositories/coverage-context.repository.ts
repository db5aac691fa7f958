/**
 * Loads what the coverage rules need for a set of patients: their plan on a day, the plan's benefit rules,
 * their appointments (the visits counted), prior authorisations and NCD 30.3.3 facts. Batch queries (one per
 * table) so the coordinator's workspace can ask for many patients at once.
 */
import { and, desc, eq, inArray, isNull, lte, or, gte } from 'drizzle-orm';
import type { BenefitRule, PeriodKind, RuleKind } from '../../domain/coverage/benefit-rule';
import type { ImprovementReview, NcdFacts } from '../../domain/coverage/ncd-30-3-3';
import type { CoverageService } from '../../domain/coverage/services';
import type { CountedVisit } from '../../domain/coverage/visit-count';
import type { AuthorisationSummary, CoverageMembership } from '../../domain/coverage/visit-coverage';
import type { PriorAuthStatus } from '../../domain/coverage/prior-auth';
import type { DbOrTx } from '../client';
import { acupunctureEligibility, appointments, benefitRules, coveragePlans, patientCoverages, payers, priorAuthorisations } from '../schema';

export type BenefitRuleRow = typeof benefitRules.$inferSelect;

export interface PatientCoverageContext {
  patientId: string;
  coverageId: string | null;
  planId: string | null;
  planName: string | null;
  payerName: string | null;
  membership: CoverageMembership | null;
  rules: BenefitRule[];
  visits: CountedVisit[];
  authorisations: AuthorisationSummary[];
  ncdFacts: NcdFacts | null;
}

export function toBenefitRule(row: BenefitRuleRow): BenefitRule {
  return {
    id: row.id,
    service: row.service as CoverageService,
    kind: row.kind as RuleKind,
    visitLimit: row.visitLimit,
    periodKind: row.periodKind as PeriodKind,
    periodDays: row.periodDays,
    priorAuthRequired: row.priorAuthRequired,
    copayNote: row.copayNote,
  };
}

export function toNcdFacts(row: typeof acupunctureEligibility.$inferSelect): NcdFacts {
  return {
    painOnsetDate: row.painOnsetDate,
    nonspecific: row.nonspecific,
    associatedWithSurgery: row.associatedWithSurgery,
    associatedWithPregnancy: row.associatedWithPregnancy,
    reviews: row.reviews as ImprovementReview[],
  };
}

/** The coverage context of each patient on `asOfDate` (YYYY-MM-DD); a patient with no active plan gets an empty one. */
export async function loadCoverageContexts(db: DbOrTx, orgId: string, patientIds: readonly string[], asOfDate: string): Promise<PatientCoverageContext[]> {
  if (patientIds.length === 0) return [];
  const ids = [...patientIds];
  const [coverages, visits, auths, facts] = await Promise.all([
    db
      .select({ coverage: patientCoverages, planName: coveragePlans.name, payerName: payers.name })
      .from(patientCoverages)
      .innerJoin(coveragePlans, eq(coveragePlans.id, patientCoverages.planId))
      .innerJoin(payers, eq(payers.id, coveragePlans.payerId))
      .where(
        and(
          eq(patientCoverages.orgId, orgId),
          inArray(patientCoverages.patientId, ids),
          lte(patientCoverages.startDate, asOfDate),
          or(isNull(patientCoverages.endDate), gte(patientCoverages.endDate, asOfDate)),
        ),
      )
      .orderBy(desc(patientCoverages.startDate)),
    db
      .select({ patientId: appointments.patientId, startsAt: appointments.startsAt, visitType: appointments.visitType, status: appointments.status })
      .from(appointments)
      .where(and(eq(appointments.orgId, orgId), inArray(appointments.patientId, ids))),
    db.select().from(priorAuthorisations).where(and(eq(priorAuthorisations.orgId, orgId), inArray(priorAuthorisations.patientId, ids))),
    db
      .select()
      .from(acupunctureEligibility)
      .where(and(eq(acupunctureEligibility.orgId, orgId), inArray(acupunctureEligibility.patientId, ids)))
      .orderBy(desc(acupunctureEligibility.updatedAt)),
  ]);
  const planIds = [...new Set(coverages.map((c) => c.coverage.planId))];
  const rules =
    planIds.length === 0
      ? []
      : await db.select().from(benefitRules).where(and(eq(benefitRules.orgId, orgId), inArray(benefitRules.planId, planIds), eq(benefitRules.active, true)));
  return ids.map((patientId) => {
    const cov = coverages.find((c) => c.coverage.patientId === patientId);
    const fact = facts.find((f) => f.patientId === patientId);
    return {
      patientId,
      coverageId: cov?.coverage.id ?? null,
      planId: cov?.coverage.planId ?? null,
      planName: cov?.planName ?? null,
      payerName: cov?.payerName ?? null,
      membership: cov ? { startDate: cov.coverage.startDate, endDate: cov.coverage.endDate } : null,
      rules: cov ? rules.filter((r) => r.planId === cov.coverage.planId).map(toBenefitRule) : [],
      visits: visits
        .filter((v) => v.patientId === patientId)
        .map((v) => ({ date: v.startsAt.toISOString().slice(0, 10), service: v.visitType as CoverageService, status: v.status as CountedVisit['status'] })),
      authorisations: auths
        .filter((a) => a.patientId === patientId)
        .map((a) => ({ id: a.id, service: a.service as CoverageService, status: a.status as PriorAuthStatus, authorisedUnits: a.authorisedUnits, startDate: a.startDate, endDate: a.endDate })),
      ncdFacts: fact ? toNcdFacts(fact) : null,
    };
  });
}
