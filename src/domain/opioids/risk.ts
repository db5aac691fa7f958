/**
 * Risk review that explains itself: naloxone (CDC 2022 Rec 8), sedatives with opioids (FDA 2016, FDA 2019,
 * CDC 2022 Rec 11), the 50 MME/day guidepost (CDC 2022 Rec 4), sleep-disordered breathing, and medication
 * treatment when opioid use disorder is recorded (CDC 2022 Rec 12, oud.ts).
 *
 * Source: reference 1.4 (≥ 50 MME/day: pause and reassess before increasing; a guidepost for starting or
 * increasing, not for reducing; not a rigid limit; at ≥ 50 add precautions: more frequent follow-up,
 * naloxone, overdose education) [V]; 3 (naloxone) [V]; 3 (avoid opioids when possible in moderate/severe
 * sleep-disordered breathing; mild: careful monitoring, cautious titration) [S final]; 4 (co-prescribing).
 *
 * Assumptions:
 * - Orders in effect on `asOf` count, drafts included (an order being written is what a prescriber checks).
 * - Findings suggest and explain; none tells the clinician to reduce or stop a dose. 90 MME/day appears in
 *   CDC 2022 only in the evidence discussion and raises no finding here.
 * - The MME figure is the one passed in (with its factor set, named in the finding); the review does not
 *   recompute it.
 */
import type { Issue } from '../issues';
import { isInEffectOn } from './active-orders';
import { coPrescriptionFindings } from './co-prescribing';
import { asOfDate } from './dates';
import { indexOrderClasses } from './ingredients';
import type { MmeResult } from './mme';
import { reviewNaloxone, type NaloxoneReview, type RiskHistory } from './naloxone';
import { oudTreatmentFinding } from './oud';
import { DEFAULT_OPIOID_SETTINGS, describeSetting, type OpioidSettings } from './settings';
import { SOURCES } from './sources';
import type { Finding, MedicationOrder } from './types';

export type { RiskHistory } from './naloxone';

export interface RiskReviewInput {
  orders: readonly MedicationOrder[];
  mme: MmeResult;
  history: RiskHistory;
  asOf: Date;
  settings?: OpioidSettings;
}

export interface RiskReview {
  onOpioid: boolean;
  findings: Finding[];
  naloxone: NaloxoneReview;
  mme: { totalMmePerDay: number; complete: boolean; factorSet: string };
  issues: Issue[];
}

const HISTORY_LABELS: Readonly<Record<string, string>> = {
  'overdose-history': 'history of overdose',
  'substance-use-disorder': 'history of substance use disorder',
  'sleep-disordered-breathing': 'sleep-disordered breathing',
  'lost-tolerance': 'recent taper, stop or release from prison',
};

function naloxoneFinding(review: NaloxoneReview): Finding {
  if (review.onList) {
    return {
      code: 'risk.naloxone-on-list',
      severity: 'info',
      title: 'Naloxone is on the list',
      message: 'Naloxone is on the medication list.',
      suggestion: 'Check that the person and their household know when and how to use it, and that it has not expired.',
      sources: [SOURCES.cdc22Rec8],
      evidence: review.naloxoneOrderIds.map((id) => `order ${id}`),
    };
  }
  if (review.met.length > 0) {
    const setting = review.met.find((c) => c.setting !== undefined)?.setting;
    return {
      code: 'risk.naloxone-offer',
      severity: 'warning',
      title: 'Offer naloxone',
      message: `Naloxone is not on the list, and the overdose risk is higher: ${review.met.map((c) => c.label.toLowerCase()).join('; ')}.`,
      suggestion: 'Offer naloxone, and overdose education for the person and their household.',
      sources: [SOURCES.cdc22Rec8],
      evidence: review.met.flatMap((c) => c.evidence),
      ...(setting === undefined ? {} : { setting }),
    };
  }
  return {
    code: 'risk.naloxone-discuss',
    severity: 'info',
    title: 'Discuss naloxone',
    message: 'Naloxone is not on the list. No higher-risk factor was found in the record, but offering naloxone is part of opioid therapy in CDC 2022.',
    suggestion: 'Consider offering naloxone and overdose education.',
    sources: [SOURCES.cdc22Rec8],
    evidence: [],
  };
}

export function reviewRisk(input: RiskReviewInput): RiskReview {
  const settings = input.settings ?? DEFAULT_OPIOID_SETTINGS;
  const today = asOfDate(input.asOf);
  const active = input.orders.filter((o) => isInEffectOn(o, today, true));
  const classes = indexOrderClasses(active);
  const onOpioid = active.some((o) => classes.get(o)?.has('opioid') === true);
  const { mme } = input;
  const naloxone = reviewNaloxone(active, mme, input.history, settings, classes);
  const issues: Issue[] = [];
  const findings: Finding[] = [];
  const summary = { totalMmePerDay: mme.totalMmePerDay, complete: mme.complete, factorSet: mme.factorSet.label };
  // Rec 12 matters whether or not an opioid for pain is on the list.
  const oud = oudTreatmentFinding(input.orders, input.history, input.asOf);
  if (oud !== null) findings.push(oud);
  if (!onOpioid) return { onOpioid, findings, naloxone, mme: summary, issues };

  for (const unknown of naloxone.unknown) {
    const label = HISTORY_LABELS[unknown.code] ?? unknown.label;
    issues.push({ code: 'risk.history-not-recorded', message: `Not recorded: ${label}. The review cannot tell whether it applies.`, severity: 'info', path: 'history' });
  }
  findings.push(naloxoneFinding(naloxone));

  const threshold = settings.mmeReassessPerDay;
  if (mme.totalMmePerDay >= threshold) {
    findings.push({
      code: 'risk.mme-pause-and-reassess',
      severity: 'warning',
      title: `${threshold} MME/day or more: pause and reassess before increasing`,
      message: `The total is ${mme.totalMmePerDay} MME/day by ${mme.factorSet.label}. Overdose risk rises with dose, with no dose free of risk. At ${threshold} MME/day or more, CDC 2022 suggests pausing to reassess benefit and risk before any increase. This is a guidepost for starting or increasing, not a limit, and not a reason on its own to change a dose that is helping.`,
      suggestion: 'If an increase is considered, use the smallest practical step. Add precautions: more frequent follow-up, naloxone, and overdose education for the person and their household.',
      sources: [SOURCES.cdc22Rec4, SOURCES.cdc22Rec8],
      evidence: [`total ${mme.totalMmePerDay} MME/day`],
      setting: describeSetting(settings, 'mmeReassessPerDay'),
    });
  }
  if (!mme.complete) {
    const missing = mme.lines.filter((l) => l.status === 'no-factor' || l.status === 'not-computable');
    findings.push({
      code: 'risk.mme-incomplete',
      severity: 'info',
      title: 'The MME total leaves some orders out',
      message: `${missing.length} opioid order(s) could not be converted (${missing.map((l) => l.orderName).join(', ')}), so the real total is higher than ${mme.totalMmePerDay} MME/day.`,
      suggestion: 'Review those orders by hand; the MME list shows why each was left out.',
      sources: [SOURCES.cdc22Rec4],
      evidence: missing.map((l) => `order ${l.orderId}`),
    });
  }
  if (input.history.sleepDisorderedBreathing === true) {
    findings.push({
      code: 'risk.sleep-disordered-breathing',
      severity: 'warning',
      title: 'Sleep-disordered breathing',
      message: 'Opioids slow breathing, and more so during sleep.',
      suggestion: 'With moderate or severe sleep-disordered breathing, prefer other treatments where possible; with mild, monitor carefully and adjust doses cautiously. Offer naloxone.',
      sources: [SOURCES.cdc22Rec8Sleep],
      evidence: ['history.sleepDisorderedBreathing'],
    });
  }
  findings.push(...coPrescriptionFindings(active, classes));
  return { onOpioid, findings, naloxone, mme: summary, issues };
}
