/**
 * Which patients are due for discussion at the team huddle (case conference), and why.
 * Source: issue 4 "Case conferences" (plateaus, concerns, safety items, waits); PRODUCT.md ("a plateau is a
 * signal for an honest conversation: adjust, refer, graduate, or choose ongoing care on purpose").
 *
 * Facts gathered by the huddle itself: open safety / red-flag tasks, overdue referral steps, long waits.
 * Everything else arrives as `DiscussionSignal`s from a `DiscussionSource`: care-plan plateaus and open team
 * concerns today (worded in ./signals.ts; the server's sources load the rows and run the domain's own rules).
 * The selection only suggests; the team decides whom to discuss.
 *
 * Order: each reason adds its kind's weight (safety 100, concern 40, plateau 30, overdue referral 20, long
 * wait 10); the highest total comes first, ties by patient id.
 *
 * Assumptions (setting `huddleSelection v1`, Painpath's [U]): a wait counts when the expected wait is at
 * least `longWaitDays` (default 28); patients discussed within `recentlyDiscussedDays` (default 14) are
 * listed after others unless they have a safety item.
 */
import { dayOf, daysBetween } from '../referrals/dates';

export type DiscussionReasonKind = 'safety' | 'overdue-referral' | 'long-wait' | 'plateau' | 'concern';

export interface DiscussionSignal {
  patientId: string;
  kind: DiscussionReasonKind;
  detail: string;
}

/** What a source is asked: one clinic, the clock, and only the patients the caller sees. */
export interface DiscussionQuery {
  orgId: string;
  asOf: Date;
  /** The patients on the caller's huddle list; a source loads and reports on these only. */
  patientIds: readonly string[];
}

/**
 * A source of discussion signals (care-plan plateaus, team concerns...). Implementations do the I/O with the
 * dependencies the caller passes (`Deps`: the database for the server's sources); the type stays pure here.
 */
export interface DiscussionSource<Deps = unknown> {
  name: string;
  signals(deps: Deps, query: DiscussionQuery): Promise<DiscussionSignal[]>;
}

export interface HuddleSelectionSettings {
  name: 'huddleSelection';
  version: 1;
  longWaitDays: number;
  recentlyDiscussedDays: number;
}

export const DEFAULT_HUDDLE_SELECTION_SETTINGS: Readonly<HuddleSelectionSettings> = Object.freeze({
  name: 'huddleSelection',
  version: 1,
  longWaitDays: 28,
  recentlyDiscussedDays: 14,
});

export interface PatientFacts {
  patientId: string;
  openSafetyTasks: { title: string }[];
  overdueReferrals: { service: string; step: string; daysOverdue: number }[];
  waits: { service: string; expectedWaitDays: number | null }[];
  /** Date (YYYY-MM-DD) this patient was last discussed, if ever. */
  lastDiscussed: string | null;
}

export interface DiscussionCandidate {
  patientId: string;
  reasons: { kind: DiscussionReasonKind; detail: string }[];
  recentlyDiscussed: boolean;
  priority: number;
}

const WEIGHT: Record<DiscussionReasonKind, number> = { safety: 100, concern: 40, plateau: 30, 'overdue-referral': 20, 'long-wait': 10 };

export function selectForDiscussion(
  facts: readonly PatientFacts[],
  extraSignals: readonly DiscussionSignal[],
  asOf: Date,
  settings: HuddleSelectionSettings = DEFAULT_HUDDLE_SELECTION_SETTINGS,
): DiscussionCandidate[] {
  const today = dayOf(asOf);
  const byPatient = new Map<string, DiscussionCandidate>();
  const lastDiscussed = new Map(facts.map((f) => [f.patientId, f.lastDiscussed]));
  const add = (patientId: string, kind: DiscussionReasonKind, detail: string): void => {
    const c = byPatient.get(patientId) ?? { patientId, reasons: [], recentlyDiscussed: false, priority: 0 };
    c.reasons.push({ kind, detail });
    byPatient.set(patientId, c);
  };
  for (const f of facts) {
    for (const t of f.openSafetyTasks) add(f.patientId, 'safety', t.title);
    for (const r of f.overdueReferrals) add(f.patientId, 'overdue-referral', `${r.service}: ${r.step}, ${r.daysOverdue} day${r.daysOverdue === 1 ? '' : 's'} overdue`);
    for (const w of f.waits) {
      if (w.expectedWaitDays !== null && w.expectedWaitDays >= settings.longWaitDays) add(f.patientId, 'long-wait', `${w.service}: expected wait ${w.expectedWaitDays} days`);
    }
  }
  for (const s of extraSignals) add(s.patientId, s.kind, s.detail);
  const out = [...byPatient.values()].map((c) => {
    const last = lastDiscussed.get(c.patientId) ?? null;
    const recent = last !== null && daysBetween(last, today) <= settings.recentlyDiscussedDays;
    const hasSafety = c.reasons.some((r) => r.kind === 'safety');
    const score = c.reasons.reduce((sum, r) => sum + WEIGHT[r.kind], 0);
    return { ...c, recentlyDiscussed: recent, priority: recent && !hasSafety ? score - 1000 : score };
  });
  return out.sort((a, b) => b.priority - a.priority || a.patientId.localeCompare(b.patientId));
}
