import { describe, expect, it } from 'vitest';
import { selectForDiscussion, type DiscussionReasonKind, type PatientFacts } from './selection';

const asOf = new Date('2026-11-22T12:00:00Z');
const facts = (patientId: string, o: Partial<PatientFacts> = {}): PatientFacts => ({ patientId, openSafetyTasks: [], overdueReferrals: [], waits: [], lastDiscussed: null, ...o });

describe('patients due for discussion (huddleSelection v1)', () => {
  it('nobody with nothing to discuss', () => {
    expect(selectForDiscussion([facts('a')], [], asOf)).toEqual([]);
  });
  it.each([
    [27, false],
    [28, true],
    [null, false],
  ] as const)('a wait of %s days counts: %s', (days, counted) => {
    expect(selectForDiscussion([facts('a', { waits: [{ service: 'PT', expectedWaitDays: days }] })], [], asOf).length).toBe(counted ? 1 : 0);
  });
  it('safety first, then overdue referrals, with reasons; plateau and concern signals come through the hook', () => {
    const out = selectForDiscussion(
      [facts('w', { waits: [{ service: 'Pain medicine', expectedWaitDays: 90 }] }), facts('o', { overdueReferrals: [{ service: 'PT', step: 'acceptance', daysOverdue: 3 }] }), facts('s', { openSafetyTasks: [{ title: 'PHQ-9 item 9' }] })],
      [{ patientId: 'p', kind: 'plateau', detail: 'PEG flat for 6 weeks' }],
      asOf,
    );
    expect(out.map((c) => c.patientId)).toEqual(['s', 'p', 'o', 'w']);
    expect(out[2]?.reasons[0]?.detail).toBe('PT: acceptance, 3 days overdue');
  });
  it.each<[string, DiscussionReasonKind, DiscussionReasonKind]>([
    ['safety before a concern', 'safety', 'concern'],
    ['a concern before a plateau', 'concern', 'plateau'],
    ['a plateau before an overdue referral', 'plateau', 'overdue-referral'],
    ['an overdue referral before a long wait', 'overdue-referral', 'long-wait'],
  ])('one reason each: %s', (_name, first, second) => {
    // Patient ids chosen so the tie-break (by id) would put them the other way round.
    const out = selectForDiscussion([], [{ patientId: 'z', kind: first, detail: first }, { patientId: 'a', kind: second, detail: second }], asOf);
    expect(out.map((c) => c.reasons[0]?.kind)).toEqual([first, second]);
  });
  it('reasons add up: a plateau and a concern together outrank one safety-free concern; signals keep their detail', () => {
    const out = selectForDiscussion([], [{ patientId: 'b', kind: 'concern', detail: 'Missed visit' }, { patientId: 'a', kind: 'plateau', detail: 'Plateau' }, { patientId: 'a', kind: 'concern', detail: 'PDMP finding' }], asOf);
    expect(out.map((c) => [c.patientId, c.priority])).toEqual([['a', 70], ['b', 40]]);
    expect(out[0]?.reasons).toEqual([{ kind: 'plateau', detail: 'Plateau' }, { kind: 'concern', detail: 'PDMP finding' }]);
  });
  it('a recently discussed plateau goes after others; a recent safety item does not', () => {
    const out = selectForDiscussion([facts('p', { lastDiscussed: '2026-11-20' }), facts('s', { lastDiscussed: '2026-11-20', openSafetyTasks: [{ title: 'Safety' }] }), facts('w', { waits: [{ service: 'PT', expectedWaitDays: 30 }] })], [{ patientId: 'p', kind: 'plateau', detail: 'Plateau' }], asOf);
    expect(out.map((c) => c.patientId)).toEqual(['s', 'w', 'p']);
  });
  it.each([
    ['2026-11-08', true],
    ['2026-11-07', false],
  ] as const)('discussed on %s → recently discussed %s (listed after others unless safety)', (last, recent) => {
    const out = selectForDiscussion([facts('a', { lastDiscussed: last, overdueReferrals: [{ service: 'PT', step: 'booking', daysOverdue: 1 }] }), facts('b', { waits: [{ service: 'PT', expectedWaitDays: 30 }] })], [], asOf);
    expect(out[0]?.patientId).toBe(recent ? 'b' : 'a');
    expect(out.find((c) => c.patientId === 'a')?.recentlyDiscussed).toBe(recent);
  });
});
