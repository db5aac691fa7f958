/**
 * Coverage warnings for a set of patients (the coordinator's workspace and the coverage page): visits nearing
 * or at a cap, authorisations ending soon or just ended, NCD 30.3.3 acupuncture nearing the end of its first
 * course, under the clinic's coverage settings unless others are given. The caller has already decided the user may see these patients (access service).
 */
import type { CoverageWarning } from '../../domain/coverage/warnings';
import { coverageWarnings } from '../../domain/coverage/warnings';
import type { CoverageSettings } from '../../domain/coverage/settings';
import { loadCoverageContexts } from '../../db/repositories/coverage-context.repository';
import { getClinicCoverageSettings } from '../../db/repositories/coverage-settings.repository';
import type { DbOrTx } from '../../db/client';

export interface PatientCoverageWarning extends CoverageWarning {
  patientId: string;
  planName: string | null;
}

export async function listCoverageWarnings(
  db: DbOrTx,
  orgId: string,
  patientIds: readonly string[],
  asOf: Date,
  settings?: CoverageSettings,
): Promise<PatientCoverageWarning[]> {
  const asOfDate = asOf.toISOString().slice(0, 10);
  const [contexts, effective] = await Promise.all([loadCoverageContexts(db, orgId, patientIds, asOfDate), settings ?? getClinicCoverageSettings(db, orgId).then((s) => s.coverage)]);
  return contexts.flatMap((ctx) =>
    coverageWarnings(ctx, asOfDate, effective).map((w) => ({ ...w, patientId: ctx.patientId, planName: ctx.planName })),
  );
}
