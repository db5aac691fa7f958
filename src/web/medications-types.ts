/** Shapes the medication routes return (src/server/medications). Domain results keep their domain types. */
import type {
  Dosage,
  MmeResult,
  MonitoringItem,
  OrderIngredient,
  ReconciliationSuggestion,
  RiskReview,
  TaperPlan,
  UdsReconciliation,
  UdsResult,
} from '../domain/opioids';

export interface MedicationOrderView {
  id: string;
  patientId: string;
  name: string;
  ingredients: OrderIngredient[];
  form: string;
  release: string;
  route: string | null;
  dosage: Dosage;
  directionsText: string | null;
  directionsSummary: string;
  daysSupply: number | null;
  prescriber: string | null;
  pharmacy: string | null;
  start: string | null;
  end: string | null;
  status: string;
  indication: string;
  increasedOn: string | null;
  stopReason: string | null;
  source: string;
  version: number;
}

export interface PdmpCheckView { id: string; checkedOn: string; checkedByName: string; findings: string; needsDiscussion: boolean }
export interface UrineTestView { id: string; collectedOn: string; method: string; results: UdsResult[]; reconciliation: UdsReconciliation; conversationTaskId: string | null; enteredBy: string }
export interface FunctionValue { instrumentId: 'peg' | 'psfs'; total: number | null; authoredOn: string }

export interface MedicationOverview {
  factorSet: { id: string; label: string };
  orders: MedicationOrderView[];
  reconciliation: ReconciliationSuggestion[];
  mme: MmeResult;
  risk: RiskReview;
  riskHistory: { history: Record<string, boolean>; version: number };
  monitoring: { items: MonitoringItem[] };
  lastReview: { reviewedOn: string; reviewedBy: string; note: string } | null;
  pdmpChecks: PdmpCheckView[];
  urineTests: UrineTestView[];
  function: { peg: FunctionValue | null; psfs: FunctionValue | null; series: FunctionValue[] };
  activeTaperPlanId: string | null;
}

export interface ParsedDirectionsView {
  text: string;
  dosage: Dosage;
  summary: string;
  unparsed: string[];
  questions: string[];
  confirmable: boolean;
}

export interface SavedTaperPlan {
  id: string;
  status: string;
  startDate: string;
  plan: TaperPlan;
  patientAgreement: string;
  naloxoneOffered: boolean;
  lifeThreateningReason: string | null;
  actualDoses: { id: string; takenOn: string; mmePerDay: number; note: string | null }[];
  peg?: { authoredOn: string; total: number | null }[];
}

/** GET /api/v1/patients/:id/my-medicines: the portal's "My medicines", in plain words (no MME). */
export interface MyMedicine {
  id: string;
  name: string;
  directions: string;
  onlyWhenNeeded: boolean;
  mostPerDay: string | null;
  prescriber: string | null;
  since: string | null;
  rescue: boolean;
}
export interface MyTaperStep { startsOn: string; kind: 'reduce' | 'lengthen-interval' | 'stop' | 'pause'; current: boolean; words: string }
export interface MyMedicines {
  asOf: string;
  medicines: MyMedicine[];
  naloxoneOnList: boolean;
  taper: { startDate: string; steps: MyTaperStep[] } | null;
}
