/**
 * A service's current expected wait: entered by the coordinator, and learned from past referrals.
 *
 * Source: issue 4 ("each service keeps its current expected wait, entered and learned from past
 * referrals"). The method is Painpath's [U], a named, versioned setting `serviceWait v1`:
 * - Learned wait = the MEDIAN of (first-visit date − sent date), in days, over the last `sampleSize`
 *   referrals to that service that reached a first visit (status scheduled, seen or report received, so
 *   the appointment date is known), newest first by sent date. The median resists one very long wait.
 * - With fewer than `minSamples` such referrals nothing is learned (issue `wait.too-few-referrals`).
 * - Which figure is "current": an entered wait no older than `enteredFreshDays` wins (a coordinator who
 *   just called the service knows more than history); otherwise the learned wait; otherwise an older
 *   entered wait (flagged `wait.entered-is-old`); otherwise none.
 */
import type { Issue } from '../issues';
import { dayOf, daysBetween } from './dates';

export interface ServiceWaitSettings {
  name: 'serviceWait';
  version: 1;
  sampleSize: number;
  minSamples: number;
  enteredFreshDays: number;
}

export const DEFAULT_SERVICE_WAIT_SETTINGS: Readonly<ServiceWaitSettings> = Object.freeze({
  name: 'serviceWait',
  version: 1,
  sampleSize: 10,
  minSamples: 3,
  enteredFreshDays: 30,
});

export interface PastReferral {
  sentDate: string;
  /** The first visit's date, when booked. */
  appointmentDate: string | null;
}

export interface LearnedWait {
  days: number | null;
  samples: number;
  method: string;
  issues: Issue[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
}

export function learnServiceWait(past: readonly PastReferral[], settings: ServiceWaitSettings = DEFAULT_SERVICE_WAIT_SETTINGS): LearnedWait {
  const waits = past
    .filter((p): p is PastReferral & { appointmentDate: string } => p.appointmentDate !== null)
    .sort((a, b) => (a.sentDate < b.sentDate ? 1 : a.sentDate > b.sentDate ? -1 : 0))
    .slice(0, settings.sampleSize)
    .map((p) => Math.max(0, daysBetween(p.sentDate, p.appointmentDate)));
  const method = `median days from sent to first visit of the last ${settings.sampleSize} referrals (at least ${settings.minSamples}); ${settings.name} v${settings.version}`;
  if (waits.length < settings.minSamples) {
    return {
      days: null,
      samples: waits.length,
      method,
      issues: [{ code: 'wait.too-few-referrals', severity: 'info', message: `Only ${waits.length} past referral${waits.length === 1 ? '' : 's'} with a first visit; ${settings.minSamples} are needed to learn a wait.` }],
    };
  }
  return { days: median(waits), samples: waits.length, method, issues: [] };
}

export interface EnteredWait {
  days: number;
  /** When it was entered. */
  enteredAt: Date;
}

export interface CurrentWait {
  days: number | null;
  source: 'entered' | 'learned' | 'none';
  explanation: string;
  issues: Issue[];
}

export function currentServiceWait(
  entered: EnteredWait | null,
  learned: LearnedWait,
  asOf: Date,
  settings: ServiceWaitSettings = DEFAULT_SERVICE_WAIT_SETTINGS,
): CurrentWait {
  const age = entered ? daysBetween(dayOf(entered.enteredAt), dayOf(asOf)) : null;
  if (entered && age !== null && age <= settings.enteredFreshDays) {
    return { days: entered.days, source: 'entered', explanation: `Entered ${age} day${age === 1 ? '' : 's'} ago by the care team.`, issues: [] };
  }
  if (learned.days !== null) {
    return { days: learned.days, source: 'learned', explanation: `Learned: ${learned.method} (${learned.samples} used).`, issues: learned.issues };
  }
  if (entered && age !== null) {
    return {
      days: entered.days,
      source: 'entered',
      explanation: `Entered ${age} days ago; may be out of date.`,
      issues: [{ code: 'wait.entered-is-old', severity: 'warning', message: `The entered wait is ${age} days old (older than ${settings.enteredFreshDays}). Check it with the service.` }],
    };
  }
  return { days: null, source: 'none', explanation: 'No wait known for this service yet.', issues: learned.issues };
}
