/**
 * Opioid use disorder and medication treatment (CDC 2022 Rec 12).
 *
 * Source: reference 1.2 — Rec 12 [V]: offer or arrange evidence-based medication treatment for opioid use
 * disorder; detoxification alone, without medication, is not recommended (higher risk of return to use,
 * overdose and death). Reference 2 (HHS 2019 guide): the medications named are buprenorphine, methadone and
 * naltrexone [U for the HHS wording; V for Rec 12 itself].
 *
 * Assumptions (ours):
 * - Medication for opioid use disorder is "on the list" when an order in effect is marked as being for
 *   opioid use disorder (indication 'oud'), or contains naltrexone (used for opioid or alcohol use disorder,
 *   never for pain). Buprenorphine or methadone without that mark may be for pain, so they do not count;
 *   the finding says so and asks for the list to be completed.
 * - The finding does not depend on an opioid for pain being on the list: the offer matters most when the
 *   person has opioid use disorder, whatever else they take.
 */
import { isInEffectOn } from './active-orders';
import { asOfDate } from './dates';
import { identifyIngredient } from './ingredients';
import { SOURCES } from './sources';
import type { Finding, MedicationOrder } from './types';
import type { RiskHistory } from './naloxone';

export function isOudMedicationOrder(order: MedicationOrder): boolean {
  return order.indication === 'oud' || order.ingredients.some((i) => identifyIngredient(i.ingredient).entry?.key === 'naltrexone');
}

/** The Rec 12 finding, or null when opioid use disorder is not recorded or its medication is on the list. */
export function oudTreatmentFinding(orders: readonly MedicationOrder[], history: RiskHistory, asOf: Date): Finding | null {
  if (history.opioidUseDisorder !== true) return null;
  const today = asOfDate(asOf);
  if (orders.some((o) => isInEffectOn(o, today, true) && isOudMedicationOrder(o))) return null;
  return {
    code: 'risk.oud-medication-offer',
    severity: 'warning',
    title: 'Opioid use disorder: offer medication treatment',
    message:
      'Opioid use disorder is recorded, and no medication for it is on the list. Medication treatment (buprenorphine, methadone or naltrexone) is the recommended care; detoxification alone, without medication, carries a higher risk of return to use, overdose and death.',
    suggestion:
      'Talk with the person about medication treatment, and offer or arrange it. If they already receive it elsewhere (for example from an opioid treatment program), add it to the list as treatment for opioid use disorder. Offer naloxone.',
    sources: [SOURCES.cdc22Rec12],
    evidence: ['history.opioidUseDisorder'],
  };
}
