import { describe, expect, it } from 'vitest';
import type { ProgressionPhase } from '../care-plan/types';
import { suggestPhase } from './phase';
import { DEFAULT_PROGRESSION_SETTINGS } from './settings';
import { buildPlan, weeklySessions } from './test-builders';
import { mixPoints, reliefPoints } from './timeline';

const S = DEFAULT_PROGRESSION_SETTINGS;
const asOf = new Date('2026-04-01T12:00:00Z');

/** relief[i] = relief after session i (reported at session i+1); passive[i] = passive % of session i. */
function run(relief: (number | null)[], passive: number[] = [], opts: { allGoalsMet?: boolean; plan?: Parameters<typeof buildPlan>[0] } = {}) {
  const reported = [null, ...relief];
  const sessions = weeklySessions(reported, (i) => ({ passivePercent: passive[i] ?? 100 }));
  return suggestPhase({ plan: buildPlan(opts.plan), relief: reliefPoints(sessions, []), mix: mixPoints(sessions), allGoalsMet: opts.allGoalsMet ?? false, asOf, settings: S });
}

const codes = (r: ReturnType<typeof run>): string[] => r.statements.map((s) => s.code);

describe('suggestPhase', () => {
  it.each<[string, (number | null)[], number[], ProgressionPhase]>([
    ['no sessions with relief known', [], [], 'establishing-response'],
    ['0, 0, 0 days', [0, 0, 0], [], 'establishing-response'],
    ['half a day is under the 1-day minimum', [0, 0.5], [], 'establishing-response'],
    ['exactly 1 day', [0, 1], [], 'extending-window'],
    ['1 then 3 days', [0, 1, 3], [], 'extending-window'],
    ['a week once is not yet held', [1, 3, 7], [], 'extending-window'],
    ['6.5 days twice is under a week', [1, 3, 6.5, 6.5], [], 'extending-window'],
    ['a week twice in a row', [1, 3, 7, 7], [], 'movement-entry'],
    ['a week, a gap, a week still counts as held (unknown reports skipped)', [1, 7, null, 8], [], 'movement-entry'],
    ['a week, 5 days, a week is not held', [1, 7, 5, 7], [], 'extending-window'],
    ['held, then the latest session 50 % active', [1, 7, 7, 7], [100, 100, 100, 100, 50], 'active-progression'],
    ['held, then the latest session 49 % active', [1, 7, 7, 7], [100, 100, 100, 100, 51], 'movement-entry'],
  ])('%s → %s', (_label, relief, passive, phase) => {
    expect(run(relief, passive).phase).toBe(phase);
  });

  it.each([
    [[0, 0, 0], false],
    [[0, 0, 0, 0], true],
    [[0, 0, 0, 0, 0], true],
    [[0, 0, 0, 1], false],
  ] as const)('no response yet after %j: %s', (relief, expected) => {
    const r = run([...relief]);
    expect(codes(r).includes('progression.no-response-yet')).toBe(expected);
    if (expected) expect(r.statements[0]?.message).toContain('The conversation changes');
  });

  it('says active work can enter, blended with passive care, when the window holds at a week', () => {
    const r = run([1, 7, 7]);
    expect(r.phase).toBe('movement-entry');
    expect(codes(r)).toEqual(['progression.movement-entry-ready']);
    expect(r.statements[0]?.message).toContain('blended with passive care, not a hand-off');
    expect(r.statements[0]?.settings).toEqual(['movementEntryReliefDays=7 (v1)', 'movementEntryHeldReports=2 (v1)']);
  });

  it('notes active work already entered alongside passive care', () => {
    expect(codes(run([1, 7, 7], [100, 100, 100, 80]))).toEqual(['progression.movement-entered']);
  });

  it('states the passive share moving in active progression', () => {
    const r = run([1, 7, 7, 7], [100, 100, 100, 70, 40]);
    expect(r.phase).toBe('active-progression');
    expect(r.statements.find((s) => s.code === 'progression.passive-share-shifting')?.message).toContain('from 100% of the session at movement entry to 40% now');
  });

  it('does not slide back on a shrinking window but says so', () => {
    const r = run([1, 7, 7, 4, 3], [100, 100, 100, 80, 80, 80]);
    expect(r.phase).toBe('movement-entry');
    expect(codes(r)).toContain('progression.relief-window-shrinking');
  });

  it('suggests graduation when every goal is met, and says nothing ends automatically', () => {
    const r = run([1, 7, 7, 7], [], { allGoalsMet: true });
    expect(r.phase).toBe('graduation');
    expect(r.reasons[0]?.message).toContain('nothing ends automatically');
  });

  it('keeps ongoing care only when chosen explicitly, and flags a due review', () => {
    const chosen = { recordedPhase: 'ongoing-care' as const, ongoingCare: { reason: 'Complex widespread pain; management is the aim.', reviewDate: '2026-04-01' } };
    const r = run([1, 2], [], { plan: chosen });
    expect(r.phase).toBe('ongoing-care');
    expect(codes(r)).toContain('progression.ongoing-care-review-due');
    const later = run([1, 2], [], { plan: { ...chosen, ongoingCare: { ...chosen.ongoingCare, reviewDate: '2026-04-02' } } });
    expect(codes(later)).not.toContain('progression.ongoing-care-review-due');
    // without the explicit choice the engine never suggests ongoing care
    expect(run([1, 2], [], { plan: { recordedPhase: 'ongoing-care', ongoingCare: null } }).phase).toBe('extending-window');
  });

  it('follows changed settings', () => {
    const sessions = weeklySessions([null, 1, 5, 5]);
    const r = suggestPhase({ plan: buildPlan(), relief: reliefPoints(sessions, []), mix: mixPoints(sessions), allGoalsMet: false, asOf, settings: { ...S, movementEntryReliefDays: 5 } });
    expect(r.phase).toBe('movement-entry');
    expect(r.reasons[0]?.settings).toContain('movementEntryReliefDays=5 (v1)');
  });
});

describe('suggestPhase reasons', () => {
  it('names the sessions after which the window held, skipping unknown reports', () => {
    const r = run([1, 7, null, 8]);
    expect(r.reasons[0]?.message).toContain('for 2 reports in a row (after sessions 2 to 4)');
  });
});
