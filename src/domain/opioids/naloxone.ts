/**
 * Naloxone criteria of CDC 2022 Rec 8 and whether naloxone is on the medication list.
 *
 * Source: reference 3 [V]: offer naloxone when prescribing opioids, particularly with (1) a history of
 * overdose, (2) a history of substance use disorder, (3) sleep-disordered breathing, (4) higher dosages, e.g.
 * ≥ 50 MME/day, (5) concurrent benzodiazepines, (6) risk of returning to a high dose after losing tolerance
 * (e.g. tapering, recent release from prison). The final Rec 8 statement offers naloxone without a
 * risk-factor condition, so with no criterion met the review still suggests discussing it (info).
 *
 * Assumptions:
 * - A history fact that is not recorded (undefined) is "unknown", never "absent"; the review says so.
 * - An order for medication for opioid use disorder, or a recorded opioid use disorder, counts as a recorded
 *   substance use disorder.
 * - "Recent" (taper, stop, release) is the clinician's judgement: the reference gives no window, so the
 *   caller passes a yes/no; a taper in progress counts.
 * - The MME criterion uses the total of the MME result it is given (and its factor set); when that total is
 *   incomplete and below the threshold, the criterion is not met but the evidence says the total is a floor.
 * - Only rescue naloxone counts as "on the list" (ingredients.ts): not the naloxone in buprenorphine/naloxone.
 */
import { isRescueNaloxoneOrder, type OrderClassIndex } from './ingredients';
import type { MmeResult } from './mme';
import { describeSetting, type OpioidSettings } from './settings';
import { SOURCES } from './sources';
import type { MedicationOrder, SourceRef } from './types';

export interface RiskHistory {
  overdose?: boolean;
  substanceUseDisorder?: boolean;
  /** Opioid use disorder, one kind of substance use disorder (so it also meets that naloxone criterion). */
  opioidUseDisorder?: boolean;
  sleepDisorderedBreathing?: boolean;
  /** Opioids tapered or stopped recently, so tolerance may be lost (the clinician judges "recent"). */
  recentTaperOrStop?: boolean;
  taperInProgress?: boolean;
  recentReleaseFromPrison?: boolean;
}

export const NALOXONE_CRITERIA = [
  'overdose-history',
  'substance-use-disorder',
  'sleep-disordered-breathing',
  'higher-dose',
  'benzodiazepine',
  'lost-tolerance',
] as const;
export type NaloxoneCriterionCode = (typeof NALOXONE_CRITERIA)[number];

export interface NaloxoneCriterion {
  code: NaloxoneCriterionCode;
  label: string;
  /** true = present, false = not present, null = not recorded. */
  met: boolean | null;
  evidence: string[];
  source: SourceRef;
  setting?: string;
}

export interface NaloxoneReview {
  onList: boolean;
  naloxoneOrderIds: string[];
  criteria: NaloxoneCriterion[];
  met: NaloxoneCriterion[];
  unknown: NaloxoneCriterion[];
}

const fromHistory = (value: boolean | undefined): boolean | null => (value === undefined ? null : value);

export function reviewNaloxone(
  activeOrders: readonly MedicationOrder[],
  mme: MmeResult,
  history: RiskHistory,
  settings: OpioidSettings,
  classes: OrderClassIndex,
): NaloxoneReview {
  const naloxoneOrderIds = activeOrders.filter((o) => classes.get(o)?.has('opioid-antagonist') === true && isRescueNaloxoneOrder(o)).map((o) => o.id);
  const oudOrders = activeOrders.filter((o) => o.indication === 'oud').map((o) => o.id);
  const benzodiazepines = activeOrders.filter((o) => classes.get(o)?.has('benzodiazepine') === true).map((o) => o.id);
  const threshold = settings.naloxoneMmePerDay;
  const total = mme.totalMmePerDay;
  const mmeEvidence = `Total ${total} MME/day by ${mme.factorSet.label}${mme.complete ? '' : ' (at least: some orders could not be converted)'}`;

  const sud = history.substanceUseDisorder === true || history.opioidUseDisorder === true || oudOrders.length > 0 ? true : fromHistory(history.substanceUseDisorder);
  const lostToleranceFacts = [history.recentTaperOrStop, history.taperInProgress, history.recentReleaseFromPrison];
  const lostTolerance = lostToleranceFacts.some((f) => f === true) ? true : lostToleranceFacts.every((f) => f === false) ? false : null;
  const lostEvidence = [
    history.taperInProgress === true ? 'taper in progress' : null,
    history.recentTaperOrStop === true ? 'recent taper or stop' : null,
    history.recentReleaseFromPrison === true ? 'recent release from prison' : null,
  ].filter((e): e is string => e !== null);

  const criteria: NaloxoneCriterion[] = [
    { code: 'overdose-history', label: 'History of overdose', met: fromHistory(history.overdose), evidence: history.overdose === true ? ['history.overdose'] : [], source: SOURCES.cdc22Rec8 },
    {
      code: 'substance-use-disorder',
      label: 'History of substance use disorder',
      met: sud,
      evidence: [
        ...(history.substanceUseDisorder === true ? ['history.substanceUseDisorder'] : []),
        ...(history.opioidUseDisorder === true ? ['history.opioidUseDisorder'] : []),
        ...oudOrders.map((id) => `order ${id} (medication for opioid use disorder)`)],
      source: SOURCES.cdc22Rec8,
    },
    { code: 'sleep-disordered-breathing', label: 'Sleep-disordered breathing', met: fromHistory(history.sleepDisorderedBreathing), evidence: history.sleepDisorderedBreathing === true ? ['history.sleepDisorderedBreathing'] : [], source: SOURCES.cdc22Rec8 },
    { code: 'higher-dose', label: `Higher dose (${threshold} MME/day or more)`, met: total >= threshold, evidence: [mmeEvidence], source: SOURCES.cdc22Rec8, setting: describeSetting(settings, 'naloxoneMmePerDay') },
    { code: 'benzodiazepine', label: 'Benzodiazepine taken at the same time', met: benzodiazepines.length > 0, evidence: benzodiazepines.map((id) => `order ${id}`), source: SOURCES.cdc22Rec8 },
    { code: 'lost-tolerance', label: 'May have lost tolerance (taper, stop or release from prison)', met: lostTolerance, evidence: lostEvidence, source: SOURCES.cdc22Rec8 },
  ];
  return {
    onList: naloxoneOrderIds.length > 0,
    naloxoneOrderIds,
    criteria,
    met: criteria.filter((c) => c.met === true),
    unknown: criteria.filter((c) => c.met === null),
  };
}
