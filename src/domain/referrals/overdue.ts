/**
 * When a referral's current step is overdue: days allowed per step by urgency (a named, versioned setting).
 *
 * Source: none published. These are Painpath defaults for a clinic to review [U]; every result names the
 * setting (`referralStepDays v1`) that produced it. Issue 4: "overdue steps raise tasks".
 *
 * Assumptions:
 * - The step that is waiting follows from the status: sent → waiting for acceptance; accepted → waiting for
 *   a booking; scheduled → waiting for the visit (due the appointment date plus `visitGraceDays`); seen →
 *   waiting for the report. Declined and report-received wait for nothing.
 * - A step is overdue when `asOf`'s day is after its due date (the due day itself is not overdue).
 */
import { addDays, dayOf, daysBetween } from './dates';
import type { ReferralUrgency } from './services';
import type { ReferralState, ReferralStatus } from './status';

export type WaitingStep = 'acceptance' | 'booking' | 'visit' | 'report';

export interface ReferralStepSettings {
  name: 'referralStepDays';
  version: 1;
  /** Days allowed for acceptance, booking and report, by urgency. */
  days: Record<Exclude<WaitingStep, 'visit'>, Record<ReferralUrgency, number>>;
  /** Days after the appointment date before a missing "seen" is overdue. */
  visitGraceDays: number;
}

export const DEFAULT_REFERRAL_STEP_SETTINGS: Readonly<ReferralStepSettings> = Object.freeze({
  name: 'referralStepDays',
  version: 1,
  days: {
    acceptance: { routine: 7, soon: 3, urgent: 1 },
    booking: { routine: 14, soon: 7, urgent: 2 },
    report: { routine: 14, soon: 7, urgent: 3 },
  },
  visitGraceDays: 1,
});

export const STEP_LABELS: Record<WaitingStep, string> = {
  acceptance: 'waiting for the service to accept',
  booking: 'waiting for a first visit to be booked',
  visit: 'waiting for the first visit',
  report: 'waiting for the report',
};

export function waitingStepFor(status: ReferralStatus): WaitingStep | null {
  switch (status) {
    case 'sent':
      return 'acceptance';
    case 'accepted':
      return 'booking';
    case 'scheduled':
      return 'visit';
    case 'seen':
      return 'report';
    case 'report-received':
    case 'declined':
      return null;
  }
}

export interface StepDue {
  step: WaitingStep;
  dueDate: string;
  overdue: boolean;
  /** Days since the current status began (whole days). */
  daysInStep: number;
  /** Days past the due date (0 when not overdue). */
  daysOverdue: number;
  setting: string;
}

export function referralStepDue(
  referral: ReferralState & { urgency: ReferralUrgency },
  asOf: Date,
  settings: ReferralStepSettings = DEFAULT_REFERRAL_STEP_SETTINGS,
): StepDue | null {
  const step = waitingStepFor(referral.status);
  if (step === null) return null;
  const dueDate =
    step === 'visit'
      ? addDays(referral.appointmentDate ?? referral.statusDate, settings.visitGraceDays)
      : addDays(referral.statusDate, settings.days[step][referral.urgency]);
  const today = dayOf(asOf);
  const late = daysBetween(dueDate, today);
  return {
    step,
    dueDate,
    overdue: late > 0,
    daysInStep: Math.max(0, daysBetween(referral.statusDate, today)),
    daysOverdue: Math.max(0, late),
    setting: `${settings.name} v${settings.version}`,
  };
}
