/**
 * A new referral: service, reason, urgency, the question the service should answer, attachments from the
 * record (by reference), the expected wait and the bridge plan it requires.
 * Source: issue 4 "Referrals"; seed 000 ("'Try PT' without enough guidance on what kind of PT, for how
 * long, and what to do while waiting" — hence the required question and bridge plan).
 */
import type { Issue } from '../issues';
import { error } from '../issues';
import { bridgePlanRequirement, validateBridgePlan, type BridgePlan, type BridgePlanSettings, DEFAULT_BRIDGE_PLAN_SETTINGS } from './bridge-plan';
import { dayOf, isCalendarDate } from './dates';
import { isReferralService, isReferralUrgency } from './services';

export const ATTACHMENT_KINDS = ['summary', 'measure'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** A reference to something in the record (never a copy): the pre-visit summary or a measure result. */
export interface ReferralAttachment {
  kind: AttachmentKind;
  /** summary: the patient id (the summary is built on demand); measure: the questionnaire response id. */
  ref: string;
  label: string;
}

export interface NewReferralInput {
  service: string;
  urgency: string;
  reason: string;
  question: string;
  sentDate: string;
  attachments: ReferralAttachment[];
  bridgePlan: BridgePlan | null;
}

export function validateNewReferral(
  input: NewReferralInput,
  expectedWaitDays: number | null,
  asOf: Date,
  settings: BridgePlanSettings = DEFAULT_BRIDGE_PLAN_SETTINGS,
): Issue[] {
  const issues: Issue[] = [];
  if (!isReferralService(input.service)) issues.push(error('referral.unknown-service', 'Choose a service.', 'service'));
  if (!isReferralUrgency(input.urgency)) issues.push(error('referral.unknown-urgency', 'Choose how urgent this is.', 'urgency'));
  if (input.reason.trim().length < 3) issues.push(error('referral.reason-required', 'Say why you are referring.', 'reason'));
  if (input.question.trim().length < 3) issues.push(error('referral.question-required', 'Write the question the service should answer.', 'question'));
  if (!isCalendarDate(input.sentDate)) issues.push(error('referral.date-invalid', 'Enter a real date.', 'sentDate'));
  else if (input.sentDate > dayOf(asOf)) issues.push(error('referral.date-in-future', 'The date sent cannot be later than today.', 'sentDate'));
  const seen = new Set<string>();
  input.attachments.forEach((a, i) => {
    const key = `${a.kind}:${a.ref}`;
    if (seen.has(key)) issues.push(error('referral.attachment-duplicate', 'This is attached twice.', `attachments[${i}]`));
    seen.add(key);
  });
  issues.push(...validateBridgePlan(input.bridgePlan, bridgePlanRequirement(expectedWaitDays, settings)));
  return issues;
}
