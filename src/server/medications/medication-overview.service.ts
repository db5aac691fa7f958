/**
 * Everything the medications page shows, computed by the domain from the stored records: the list, the
 * reconciliation suggestions, the MME panel, the risk review, monitoring due dates (with PEG and PSFS beside
 * the dose), PDMP checks, urine tests and taper plans. Reads only; the route audits the read.
 */
import {
  calculateMme,
  isOpioidOrder,
  monitoringDue,
  reviewRisk,
  suggestReconciliation,
  type MedicationOrder,
  type MmeResult,
  type MonitoringItem,
  type ReconciliationSuggestion,
  type RiskReview,
} from '../../domain/opioids';
import type { InstrumentScore } from '../../domain/measures/types';
import { completedResponses } from '../../db/repositories/measures.repository';
import { getClinicOpioidSettings, listMedicationOrderRows, toMedicationOrder, type MedicationOrderRow } from '../../db/repositories/medications.repository';
import {
  getRiskHistory,
  latestOpioidReview,
  listPdmpChecks,
  listUrineTests,
  type OpioidReview,
  type PdmpCheck,
  type UrineTest,
} from '../../db/repositories/opioid-monitoring.repository';
import { listTaperPlans } from '../../db/repositories/taper-plans.repository';
import type { PatientRow } from '../../db/repositories/patients.repository';
import type { AppContext } from '../context';
import { presentOrder, type PresentedOrder } from './order-input';

export interface FunctionValue {
  instrumentId: 'peg' | 'psfs';
  total: number | null;
  authoredOn: string;
}

export interface MedicationOverview {
  factorSet: { id: string; label: string; settingsVersion: number; settingsStoredVersion: number };
  orders: PresentedOrder[];
  reconciliation: ReconciliationSuggestion[];
  mme: MmeResult;
  risk: RiskReview;
  riskHistory: { history: Record<string, boolean>; version: number };
  monitoring: { items: MonitoringItem[]; issues: unknown[] };
  lastReview: OpioidReview | null;
  pdmpChecks: PdmpCheck[];
  urineTests: UrineTest[];
  /** The latest PEG and PSFS beside the dose (Rec 7: function beside dose). */
  function: { peg: FunctionValue | null; psfs: FunctionValue | null; series: FunctionValue[] };
  activeTaperPlanId: string | null;
}

const day = (d: Date): string => d.toISOString().slice(0, 10);

export function inEffect(row: MedicationOrderRow, today: string): boolean {
  return row.status === 'active' && (row.startDate === null || row.startDate <= today) && (row.endDate === null || row.endDate >= today);
}

export async function medicationOverview(ctx: AppContext, patient: PatientRow): Promise<MedicationOverview> {
  const asOf = ctx.clock();
  const today = day(asOf);
  const [stored, rows, stored2, pdmpChecks, urineTests, lastReview, responses, plans] = await Promise.all([
    getClinicOpioidSettings(ctx.db, patient.orgId),
    listMedicationOrderRows(ctx.db, patient.orgId, patient.id),
    getRiskHistory(ctx.db, patient.orgId, patient.id),
    listPdmpChecks(ctx.db, patient.orgId, patient.id),
    listUrineTests(ctx.db, patient.orgId, patient.id),
    latestOpioidReview(ctx.db, patient.orgId, patient.id),
    completedResponses(ctx.db, patient.orgId, patient.id, ['peg', 'psfs']),
    listTaperPlans(ctx.db, patient.orgId, patient.id),
  ]);
  const { settings } = stored;
  const activeRows = rows.filter((r) => inEffect(r, today));
  const active: MedicationOrder[] = activeRows.map(toMedicationOrder);
  const mme = calculateMme(active, { factorSet: settings.factorSet, asOf });
  const activePlan = plans.find((p) => p.status === 'active') ?? null;
  const history = { ...stored2.history, ...(activePlan !== null ? { taperInProgress: true } : {}) };
  const risk = reviewRisk({ orders: active, mme, history, asOf, settings });
  const opioidRows = activeRows.filter((r) => isOpioidOrder(toMedicationOrder(r)));
  const changes = opioidRows.flatMap((r) => [r.startDate, r.increasedOn]).filter((d): d is string => d !== null && d <= today).sort();
  const monitoring = monitoringDue({
    orders: active,
    asOf,
    mme,
    settings,
    ...(pdmpChecks[0] ? { lastPdmpCheck: pdmpChecks[0].checkedOn } : {}),
    ...(urineTests[0] ? { lastUds: urineTests[0].collectedOn } : {}),
    ...(lastReview ? { lastBenefitRiskReview: lastReview.reviewedOn } : {}),
    ...(changes.length > 0 ? { lastStartOrIncrease: changes[changes.length - 1] } : {}),
  });
  const series: FunctionValue[] = responses.map((r) => ({
    instrumentId: r.instrumentId === 'psfs' ? 'psfs' : 'peg',
    total: (r.score as InstrumentScore).total,
    authoredOn: day(r.authoredAt),
  }));
  const latest = (id: 'peg' | 'psfs'): FunctionValue | null => [...series].reverse().find((s) => s.instrumentId === id) ?? null;
  return {
    factorSet: { id: settings.factorSet, label: mme.factorSet.label, settingsVersion: settings.settingsVersion, settingsStoredVersion: stored.version },
    orders: rows.map(presentOrder),
    reconciliation: suggestReconciliation(
      activeRows.map((r) => ({ ...toMedicationOrder(r), ...(r.prescriber !== null ? { prescriber: r.prescriber } : {}) })),
      asOf,
    ),
    mme,
    risk,
    riskHistory: { history: stored2.history as Record<string, boolean>, version: stored2.version },
    monitoring,
    lastReview,
    pdmpChecks,
    urineTests,
    function: { peg: latest('peg'), psfs: latest('psfs'), series },
    activeTaperPlanId: activePlan?.id ?? null,
  };
}
