/**
 * The referral state machine: sent → accepted → scheduled → seen → report received, or declined (with a
 * reason). Every change carries the calendar date it happened.
 * Source: issue 4 "Referrals"; PRODUCT.md capability 9 (status sent, scheduled, seen, report received).
 *
 * Assumptions (Painpath's, not from a guideline):
 * - A service may book the first visit without a separate acceptance, so `sent → scheduled` is allowed
 *   (acceptance is then implied and recorded as the same date).
 * - A referral can be declined (by the receiving service or by the patient) until the person is seen:
 *   from sent, accepted or scheduled. Declined needs a reason. Declined and report-received are final.
 * - A visit can be re-booked: `scheduled → scheduled` with a new appointment date is a change.
 * - Dates: a real calendar date, not after `asOf`'s day, not before the previous change. A scheduled change
 *   needs the appointment date (it may be in the future, but not before the scheduling date).
 */
import type { Issue } from '../issues';
import { error } from '../issues';
import { dayOf, isCalendarDate } from './dates';

export const REFERRAL_STATUSES = ['sent', 'accepted', 'scheduled', 'seen', 'report-received', 'declined'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const STATUS_LABELS: Record<ReferralStatus, string> = {
  sent: 'Sent',
  accepted: 'Accepted',
  scheduled: 'Scheduled',
  seen: 'Seen',
  'report-received': 'Report received',
  declined: 'Declined',
};

/** Allowed next statuses for each status. */
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  sent: ['accepted', 'scheduled', 'declined'],
  accepted: ['scheduled', 'declined'],
  scheduled: ['scheduled', 'seen', 'declined'],
  seen: ['report-received'],
  'report-received': [],
  declined: [],
};

export function isReferralStatus(value: string): value is ReferralStatus {
  return (REFERRAL_STATUSES as readonly string[]).includes(value);
}

export function isOpenStatus(status: ReferralStatus): boolean {
  return status !== 'report-received' && status !== 'declined';
}

export interface ReferralState {
  status: ReferralStatus;
  /** The date of the latest change. */
  statusDate: string;
  appointmentDate: string | null;
}

export interface StatusChangeInput {
  status: string;
  date: string;
  appointmentDate?: string | null;
  reason?: string | null;
}

export type StatusChangeResult =
  | { ok: true; state: ReferralState; declineReason: string | null }
  | { ok: false; issues: Issue[] };

/** Checks and applies one status change; lists every problem at once. */
export function applyStatusChange(current: ReferralState, input: StatusChangeInput, asOf: Date): StatusChangeResult {
  const issues: Issue[] = [];
  const today = dayOf(asOf);
  if (!isReferralStatus(input.status)) {
    issues.push(error('referral.unknown-status', 'Choose one of the referral steps.', 'status'));
  } else if (!REFERRAL_TRANSITIONS[current.status].includes(input.status)) {
    const allowed = REFERRAL_TRANSITIONS[current.status];
    issues.push(
      error(
        'referral.transition-not-allowed',
        allowed.length === 0
          ? `A referral that is ${STATUS_LABELS[current.status].toLowerCase()} is closed.`
          : `From ${STATUS_LABELS[current.status].toLowerCase()} the next step can be: ${allowed.map((s) => STATUS_LABELS[s].toLowerCase()).join(', ')}.`,
        'status',
      ),
    );
  }
  if (!isCalendarDate(input.date)) issues.push(error('referral.date-invalid', 'Enter a real date.', 'date'));
  else {
    if (input.date > today) issues.push(error('referral.date-in-future', 'The date of a change cannot be later than today.', 'date'));
    if (input.date < current.statusDate) issues.push(error('referral.date-before-previous', `The date cannot be before the previous step (${current.statusDate}).`, 'date'));
  }
  const reason = input.reason?.trim() ?? '';
  if (input.status === 'declined' && reason === '') issues.push(error('referral.decline-reason-required', 'Say why the referral was declined.', 'reason'));
  let appointmentDate = current.appointmentDate;
  if (input.status === 'scheduled') {
    const appt = input.appointmentDate ?? '';
    if (!isCalendarDate(appt)) issues.push(error('referral.appointment-date-required', 'Enter the date of the first visit.', 'appointmentDate'));
    else if (isCalendarDate(input.date) && appt < input.date) issues.push(error('referral.appointment-before-scheduling', 'The visit cannot be before the day it was booked.', 'appointmentDate'));
    else if (input.status === current.status && appt === current.appointmentDate) issues.push(error('referral.unchanged', 'The visit is already booked for that date.', 'appointmentDate'));
    appointmentDate = appt;
  }
  if (issues.length > 0 || !isReferralStatus(input.status)) return { ok: false, issues };
  return {
    ok: true,
    state: { status: input.status, statusDate: input.date, appointmentDate },
    declineReason: input.status === 'declined' ? reason : null,
  };
}
