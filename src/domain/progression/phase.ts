/**
 * The phase the data suggest, with reasons: establishing a response → extending the window → movement entry
 * → active progression → graduation, or intentional ongoing care (only when people chose it explicitly).
 *
 * Source: seed article 003 — "Treatment begins with a clear clinical question: does this patient's system
 * respond to passive intervention ... Within the first few sessions, most patients begin to notice ... a
 * window ... Without it, the clinical conversation changes. With it, the goal becomes extending it"; "As the
 * window of relief extends toward a week or more ... active work enters the program — but not as a
 * replacement for passive care. The ratio shifts gradually"; intentional ongoing care is "a clinical choice,
 * not a default".
 *
 * Rule, in this order (settings named in each reason):
 * 1. Recorded phase 'ongoing-care' with a reason and review date → 'ongoing-care' (the engine never
 *    proposes it on its own; it flags a review date that has come).
 * 2. Every goal at or above its target → 'graduation' (suggested for the checkpoint; nothing is discharged).
 * 3. The relief window held at ≥ movementEntryReliefDays (7) for movementEntryHeldReports (2) consecutive
 *    known reports at any point → 'movement-entry'; and when the latest session is at least
 *    activeProgressionMinActivePercent (50 %) active → 'active-progression'. Phases do not slide back on one
 *    bad report; a shrinking window is stated instead.
 * 4. Any relief window ≥ reliefWindowMinDays (1 day) → 'extending-window'.
 * 5. Otherwise 'establishing-response'; once noResponseAfterSessions (4) reliefs are known and none reached
 *    a day, "no response yet": the conversation changes.
 */
import { toDateString } from '../care-plan/dates';
import type { ProgressionPhase } from '../care-plan/types';
import { describeSetting } from './settings';
import type { MixPoint, ProgressionPlan, ProgressionSettings, Reason, ReliefPoint } from './types';

export interface PhaseInput {
  plan: ProgressionPlan;
  relief: readonly ReliefPoint[];
  mix: readonly MixPoint[];
  allGoalsMet: boolean;
  asOf: Date;
  settings: ProgressionSettings;
}

export interface PhaseResult {
  phase: ProgressionPhase;
  reasons: Reason[];
  /** Concerns and news worth a headline. */
  statements: Reason[];
  /** Index in `relief` of the session after which movement entry was reached, or null. */
  movementEntryAt: number | null;
}

/** Where the relief window first held: the index (in `relief`) of the first and of the completing report. */
function movementEntry(relief: readonly ReliefPoint[], settings: ProgressionSettings): { from: number; at: number } | null {
  let run = 0;
  let from = 0;
  for (let i = 0; i < relief.length; i++) {
    const days = relief[i]?.reliefWindowDays ?? null;
    if (days === null) continue;
    if (days >= settings.movementEntryReliefDays) {
      if (run === 0) from = i;
      run += 1;
    } else run = 0;
    if (run >= settings.movementEntryHeldReports) return { from, at: i };
  }
  return null;
}

export function suggestPhase(input: PhaseInput): PhaseResult {
  const { plan, relief, mix, settings } = input;
  const s = (name: Parameters<typeof describeSetting>[1]): string => describeSetting(settings, name);
  const statements: Reason[] = [];
  const known = relief.filter((r) => r.reliefWindowDays !== null);
  const knownDays = known.map((r) => r.reliefWindowDays ?? 0);
  const latestRelief = known[known.length - 1];
  const entry = movementEntry(relief, settings);
  const movementAt = entry?.at ?? null;
  const latestMix = mix[mix.length - 1];

  if (movementAt !== null) {
    const lastK = knownDays.slice(-settings.movementEntryHeldReports);
    if (lastK.length === settings.movementEntryHeldReports && lastK.every((d) => d < settings.movementEntryReliefDays)) {
      statements.push({
        code: 'progression.relief-window-shrinking',
        message: `The relief window has been under ${settings.movementEntryReliefDays} days for the last ${lastK.length} reports (${lastK.join(', ')} days) after it had held at a week. Look at the load and any flares together.`,
        settings: [s('movementEntryReliefDays'), s('movementEntryHeldReports')],
      });
    }
  }

  if (plan.recordedPhase === 'ongoing-care' && plan.ongoingCare !== null) {
    const today = toDateString(input.asOf);
    const reasons: Reason[] = [
      { code: 'phase.ongoing-care-chosen', message: `Ongoing care was chosen on purpose: ${plan.ongoingCare.reason} Review on ${plan.ongoingCare.reviewDate}.`, settings: [] },
    ];
    if (plan.ongoingCare.reviewDate <= today) {
      statements.push({ code: 'progression.ongoing-care-review-due', message: `The review of ongoing care was due on ${plan.ongoingCare.reviewDate}: is it still the right choice?`, settings: [] });
    }
    return { phase: 'ongoing-care', reasons, statements, movementEntryAt: movementAt };
  }

  if (input.allGoalsMet) {
    return {
      phase: 'graduation',
      reasons: [{ code: 'phase.goals-met', message: 'Every goal activity has reached its target score. Graduation can be discussed at the checkpoint; nothing ends automatically.', settings: [] }],
      statements,
      movementEntryAt: movementAt,
    };
  }

  if (movementAt !== null) {
    const entryMix = mix[movementAt];
    const held = `The relief window held at ${settings.movementEntryReliefDays} days or more for ${settings.movementEntryHeldReports} reports in a row (after sessions ${(entry?.from ?? movementAt) + 1} to ${movementAt + 1}).`;
    const heldSettings = [s('movementEntryReliefDays'), s('movementEntryHeldReports')];
    if (latestMix && latestMix.activePercent >= settings.activeProgressionMinActivePercent) {
      const from = entryMix ? `${entryMix.passivePercent}%` : 'the start';
      statements.push({
        code: 'progression.passive-share-shifting',
        message: `Passive care has moved from ${from} of the session at movement entry to ${latestMix.passivePercent}% now; it continues alongside active work as a buffer.`,
        settings: [s('activeProgressionMinActivePercent')],
      });
      return {
        phase: 'active-progression',
        reasons: [
          { code: 'phase.window-held', message: held, settings: heldSettings },
          { code: 'phase.mostly-active', message: `Active work is ${latestMix.activePercent}% of the latest session (at least ${settings.activeProgressionMinActivePercent}%).`, settings: [s('activeProgressionMinActivePercent')] },
        ],
        statements,
        movementEntryAt: movementAt,
      };
    }
    const active = latestMix?.activePercent ?? 0;
    statements.push(
      active === 0
        ? { code: 'progression.movement-entry-ready', message: 'Active work can enter now — corrective exercise, graded activity, home practice — blended with passive care, not a hand-off.', settings: heldSettings }
        : { code: 'progression.movement-entered', message: `Active work has entered (${active}% of the latest session) alongside passive care, which continues to manage irritability as load increases.`, settings: heldSettings },
    );
    return { phase: 'movement-entry', reasons: [{ code: 'phase.window-held', message: held, settings: heldSettings }], statements, movementEntryAt: movementAt };
  }

  const response = known.find((r) => (r.reliefWindowDays ?? 0) >= settings.reliefWindowMinDays);
  if (response && latestRelief) {
    const best = Math.max(...knownDays);
    statements.push({
      code: 'progression.window-extending',
      message: `A relief window has appeared (latest ${latestRelief.reliefWindowDays ?? 0} day(s), best ${best}): the threshold is moving. The aim now is to extend it toward a week.`,
      settings: [s('reliefWindowMinDays'), s('movementEntryReliefDays')],
    });
    return {
      phase: 'extending-window',
      reasons: [{ code: 'phase.window-appeared', message: `First relief window of ${response.reliefWindowDays ?? 0} day(s) after the session on ${response.date}.`, settings: [s('reliefWindowMinDays')] }],
      statements,
      movementEntryAt: null,
    };
  }

  const reasons: Reason[] = [{ code: 'phase.no-window-yet', message: `No relief window of ${settings.reliefWindowMinDays} day or more reported yet (${known.length} report(s) so far).`, settings: [s('reliefWindowMinDays')] }];
  if (known.length >= settings.noResponseAfterSessions) {
    statements.push({
      code: 'progression.no-response-yet',
      message: `No response yet: after ${known.length} sessions with relief reported, no window of relief has appeared. The conversation changes — review the working diagnosis and the approach together, and consider other options or a referral.`,
      settings: [s('noResponseAfterSessions'), s('reliefWindowMinDays')],
    });
  }
  return { phase: 'establishing-response', reasons, statements, movementEntryAt: null };
}
