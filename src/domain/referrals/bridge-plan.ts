/**
 * The bridge plan: what the person does until the referred service starts ("what is the plan for next
 * Tuesday?"). Source: seed 000 ("If physical therapy has a three-week wait ... what exactly is the plan for
 * next Tuesday?"); PRODUCT.md ("Every wait gets a bridge plan"); issue 4.
 *
 * Assumptions (Painpath's [U]; setting `bridgePlan v1`):
 * - A referral "has a wait" when its expected wait is at least `minWaitDays` days (default 7) or unknown
 *   for a referral that is not urgent-and-booked: an unknown wait counts as a wait, so nobody is left with
 *   no plan because the figure is missing.
 * - A plan the patient can see has at least one thing to do (activity, sleep, self-care or medicines as
 *   already prescribed) and a "call us if" line. Each line is plain text of 3–500 characters.
 */
import type { Issue } from '../issues';
import { error } from '../issues';

export const BRIDGE_ITEM_KINDS = ['activity', 'sleep', 'self-care', 'medicines'] as const;
export type BridgeItemKind = (typeof BRIDGE_ITEM_KINDS)[number];

export const BRIDGE_ITEM_LABELS: Record<BridgeItemKind, string> = {
  activity: 'Moving',
  sleep: 'Sleep',
  'self-care': 'Looking after yourself',
  medicines: 'Medicines',
};

export interface BridgePlan {
  items: { kind: BridgeItemKind; text: string }[];
  callUsIf: string;
}

export interface BridgePlanSettings {
  name: 'bridgePlan';
  version: 1;
  minWaitDays: number;
}

export const DEFAULT_BRIDGE_PLAN_SETTINGS: Readonly<BridgePlanSettings> = Object.freeze({ name: 'bridgePlan', version: 1, minWaitDays: 7 });

export interface BridgeRequirement {
  required: boolean;
  reason: string;
  setting: string;
}

export function bridgePlanRequirement(expectedWaitDays: number | null, settings: BridgePlanSettings = DEFAULT_BRIDGE_PLAN_SETTINGS): BridgeRequirement {
  const setting = `${settings.name} v${settings.version}`;
  if (expectedWaitDays === null) return { required: true, reason: 'The wait for this service is not known, so plan for one.', setting };
  if (expectedWaitDays >= settings.minWaitDays) return { required: true, reason: `The expected wait is ${expectedWaitDays} days (a bridge plan is needed from ${settings.minWaitDays}).`, setting };
  return { required: false, reason: `The expected wait is ${expectedWaitDays} days (under ${settings.minWaitDays}).`, setting };
}

const TEXT_MIN = 3;
const TEXT_MAX = 500;

/** Checks a plan (null = none given) against the requirement; lists every problem. */
export function validateBridgePlan(plan: BridgePlan | null, requirement: BridgeRequirement, path = 'bridgePlan'): Issue[] {
  if (plan === null) return requirement.required ? [error('referral.bridge-plan-required', `A bridge plan is needed. ${requirement.reason}`, path)] : [];
  const issues: Issue[] = [];
  const filled = plan.items.filter((i) => i.text.trim() !== '');
  if (filled.length === 0) issues.push(error('bridge.no-items', 'Add at least one thing to do while waiting.', `${path}.items`));
  plan.items.forEach((item, i) => {
    const len = item.text.trim().length;
    if (len > 0 && len < TEXT_MIN) issues.push(error('bridge.item-too-short', `Use at least ${TEXT_MIN} characters.`, `${path}.items[${i}].text`));
    if (len > TEXT_MAX) issues.push(error('bridge.item-too-long', `Use ${TEXT_MAX} characters or fewer.`, `${path}.items[${i}].text`));
  });
  const call = plan.callUsIf.trim().length;
  if (call < TEXT_MIN) issues.push(error('bridge.call-us-if-required', 'Say when to call the care team.', `${path}.callUsIf`));
  else if (call > TEXT_MAX) issues.push(error('bridge.item-too-long', `Use ${TEXT_MAX} characters or fewer.`, `${path}.callUsIf`));
  return issues;
}
