/** Shapes of the coverage and appointment API answers, as the web app reads them. */
import type { ClinicCoverageValues } from '../domain/coverage/clinic-settings';
import type { CoverageSettings } from '../domain/coverage/settings';
import type { CoverageWarning } from '../domain/coverage/warnings';

export interface Reason {
  code: string;
  met: boolean;
  message: string;
}
export interface IssueView {
  code: string;
  message: string;
  severity: string;
}
export interface CoverageAnswer {
  answer: 'covered' | 'not-covered';
  reasons: Reason[];
  issues: IssueView[];
  copayNote?: string | null;
  ncd?: NcdView | null;
}
export interface NcdView {
  covered: boolean;
  visitNumberInYear: number;
  phase: string;
  yearWindow: { start: string; end: string };
  initialWindow: { start: string; end: string };
  reasons: Reason[];
  issues: IssueView[];
  settings: Pick<CoverageSettings, 'id' | 'version' | 'ncdYearWindow' | 'ncdInitialAnchor'>;
}
export interface RuleView {
  id: string;
  service: string;
  kind: string;
  visitLimit: number | null;
  periodKind: string;
  periodDays: number | null;
  priorAuthRequired: boolean;
  copayNote: string | null;
  usage: { used: number; booked: number; limit: number | null; remaining: number | null; window: { start: string; end: string } | null; issues: IssueView[] } | null;
  ncd: NcdView | null;
}
export interface PriorAuthView {
  id: string;
  coverageId: string;
  service: string;
  status: string;
  allowedNext: string[];
  requestedUnits: number | null;
  authorisedUnits: number | null;
  startDate: string | null;
  endDate: string | null;
  reference: string | null;
  history: { status: string; date: string; by: string; note: string | null; documents: { title: string; reference: string }[] }[];
  version: number;
}
export interface EligibilityView {
  painOnsetDate: string | null;
  nonspecific: boolean | null;
  associatedWithSurgery: boolean | null;
  associatedWithPregnancy: boolean | null;
  reviews: { date: string; outcome: string; note: string | null; by: string }[];
  version: number;
}
export interface PatientCoverageView {
  asOf: string;
  coverages: { id: string; planId: string; planName: string; payerName: string; memberId: string | null; startDate: string; endDate: string | null; version: number }[];
  current: { coverageId: string; planName: string | null; payerName: string | null } | null;
  rules: RuleView[];
  authorisations: PriorAuthView[];
  eligibility: EligibilityView | null;
  warnings: CoverageWarning[];
  settings: CoverageSettings;
}
export interface AppointmentView {
  id: string;
  patientId: string;
  visitType: string;
  visitLabel: string;
  providerName: string;
  location: string | null;
  telehealth: boolean;
  startsAt: string;
  durationMinutes: number;
  status: 'booked' | 'attended' | 'cancelled' | 'no-show';
  notes: string | null;
  version: number;
  coverage: CoverageAnswer | null;
}
export interface BundleView {
  targetDate: string;
  moveIds: string[];
  keepIds: string[];
  journeysSaved: number;
  message: string;
}
export interface AppointmentList {
  items: AppointmentView[];
  bundling: BundleView[];
}
export interface Catalogue {
  payers: { id: string; name: string; kind: string; active: boolean; version: number }[];
  plans: { id: string; payerId: string; name: string; notes: string | null; active: boolean; version: number }[];
  rules: { id: string; planId: string; service: string; kind: string; visitLimit: number | null; periodKind: string; periodDays: number | null; priorAuthRequired: boolean; copayNote: string | null; active: boolean; version: number }[];
}
/** GET/PUT /api/v1/clinic/coverage-settings. */
export interface ClinicCoverageSettingsView {
  values: ClinicCoverageValues;
  defaults: ClinicCoverageValues;
  changed: (keyof ClinicCoverageValues)[];
  ranges: Record<'warnAtRemainingVisits' | 'authEndWarningDays' | 'bundlingWindowDays', { min: number; max: number }>;
  version: number;
  updatedAt: string | null;
}
