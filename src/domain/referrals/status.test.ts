import { describe, expect, it } from 'vitest';
import { applyStatusChange, REFERRAL_STATUSES, REFERRAL_TRANSITIONS, type ReferralState, type ReferralStatus } from './status';

const asOf = new Date('2026-11-22T15:00:00Z');
const state = (status: ReferralStatus, appointmentDate: string | null = status === 'scheduled' || status === 'seen' ? '2026-11-25' : null): ReferralState => ({ status, statusDate: '2026-11-10', appointmentDate });

const ALLOWED: [ReferralStatus, ReferralStatus][] = [
  ['sent', 'accepted'],
  ['sent', 'scheduled'],
  ['sent', 'declined'],
  ['accepted', 'scheduled'],
  ['accepted', 'declined'],
  ['scheduled', 'scheduled'],
  ['scheduled', 'seen'],
  ['scheduled', 'declined'],
  ['seen', 'report-received'],
];

function inputFor(to: ReferralStatus): { status: string; date: string; appointmentDate?: string; reason?: string } {
  return { status: to, date: '2026-11-20', ...(to === 'scheduled' ? { appointmentDate: '2026-12-01' } : {}), ...(to === 'declined' ? { reason: 'No capacity this quarter' } : {}) };
}

describe('referral transitions', () => {
  it('the table lists exactly the allowed pairs', () => {
    const pairs = REFERRAL_STATUSES.flatMap((from) => REFERRAL_TRANSITIONS[from].map((to) => [from, to]));
    expect(pairs).toEqual(ALLOWED);
  });
  for (const from of REFERRAL_STATUSES) {
    for (const to of REFERRAL_STATUSES) {
      const allowed = ALLOWED.some(([a, b]) => a === from && b === to);
      it(`${from} → ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
        const r = applyStatusChange(state(from), inputFor(to), asOf);
        expect(r.ok).toBe(allowed);
        if (r.ok) {
          expect(r.state.status).toBe(to);
          expect(r.state.statusDate).toBe('2026-11-20');
        } else expect(r.issues.map((i) => i.code)).toContain('referral.transition-not-allowed');
      });
    }
  }
});

describe('dates and reasons', () => {
  it.each([
    ['2026-11-22', true, 'today is fine'],
    ['2026-11-23', false, 'tomorrow is in the future'],
    ['2026-11-10', true, 'same day as the previous step'],
    ['2026-11-09', false, 'before the previous step'],
    ['2026-02-30', false, 'not a calendar date'],
  ])('date %s → ok=%s (%s)', (date, ok) => {
    expect(applyStatusChange(state('sent'), { status: 'accepted', date }, asOf).ok).toBe(ok);
  });
  it('declined needs a reason and keeps it', () => {
    const bad = applyStatusChange(state('sent'), { status: 'declined', date: '2026-11-20', reason: '  ' }, asOf);
    expect(bad.ok ? [] : bad.issues.map((i) => i.code)).toEqual(['referral.decline-reason-required']);
    const good = applyStatusChange(state('sent'), { status: 'declined', date: '2026-11-20', reason: 'Out of network' }, asOf);
    expect(good.ok && good.declineReason).toBe('Out of network');
  });
  it('scheduled needs an appointment date, not before the booking day, and re-booking needs a new date', () => {
    const none = applyStatusChange(state('accepted'), { status: 'scheduled', date: '2026-11-20' }, asOf);
    expect(none.ok ? [] : none.issues.map((i) => i.code)).toEqual(['referral.appointment-date-required']);
    const early = applyStatusChange(state('accepted'), { status: 'scheduled', date: '2026-11-20', appointmentDate: '2026-11-19' }, asOf);
    expect(early.ok ? [] : early.issues.map((i) => i.code)).toEqual(['referral.appointment-before-scheduling']);
    const sameDay = applyStatusChange(state('accepted'), { status: 'scheduled', date: '2026-11-20', appointmentDate: '2026-11-20' }, asOf);
    expect(sameDay.ok).toBe(true);
    const same = applyStatusChange(state('scheduled', '2026-11-25'), { status: 'scheduled', date: '2026-11-20', appointmentDate: '2026-11-25' }, asOf);
    expect(same.ok ? [] : same.issues.map((i) => i.code)).toEqual(['referral.unchanged']);
  });
  it('lists every problem at once', () => {
    const r = applyStatusChange(state('sent'), { status: 'declined', date: '2026-13-01' }, asOf);
    expect(r.ok ? [] : r.issues.map((i) => i.path).sort()).toEqual(['date', 'reason']);
    const u = applyStatusChange(state('sent'), { status: 'lost', date: '2026-11-20' }, asOf);
    expect(u.ok ? [] : u.issues.map((i) => i.code)).toEqual(['referral.unknown-status']);
  });
});
