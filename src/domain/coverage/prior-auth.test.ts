import { describe, expect, it } from 'vitest';
import { PRIOR_AUTH_STATUSES, canTransition, requestPriorAuth, transitionPriorAuth } from './prior-auth';
import type { PriorAuthState, PriorAuthStatus, PriorAuthTransition } from './prior-auth';

const allowed: [PriorAuthStatus, PriorAuthStatus][] = [
  ['requested', 'approved'],
  ['requested', 'denied'],
  ['denied', 'appealed'],
  ['appealed', 'approved'],
  ['appealed', 'denied'],
];

function stateIn(status: PriorAuthStatus): PriorAuthState {
  return { ...requestPriorAuth('2026-01-01', 'u', null, []), status };
}
function transition(to: PriorAuthStatus): PriorAuthTransition {
  return { to, date: '2026-01-10', by: 'u', note: 'Payer letter', authorisedUnits: 12, startDate: '2026-01-10', endDate: '2026-04-10', documents: [{ title: 'Letter', reference: 'PA-1' }] };
}

describe('prior authorisation transitions: every pair', () => {
  const pairs = PRIOR_AUTH_STATUSES.flatMap((from) => PRIOR_AUTH_STATUSES.map((to) => [from, to] as const));
  it.each(pairs)('%s → %s', (from, to) => {
    const expected = allowed.some(([a, b]) => a === from && b === to);
    expect(canTransition(from, to)).toBe(expected);
    const result = transitionPriorAuth(stateIn(from), transition(to));
    if (expected) {
      expect(result.issues).toEqual([]);
      expect(result.state.status).toBe(to);
      expect(result.state.history.at(-1)).toMatchObject({ status: to, date: '2026-01-10', documents: [{ title: 'Letter', reference: 'PA-1' }] });
    } else {
      expect(result.issues.map((i) => i.code)).toEqual(['prior-auth.invalid-transition']);
      expect(result.state.status).toBe(from);
    }
  });
});

describe('what a transition needs', () => {
  const requested = requestPriorAuth('2026-01-05', 'u', null, []);
  it('approval needs units and dates; every missing field is listed', () => {
    const r = transitionPriorAuth(requested, { to: 'approved', date: '2026-01-06', by: 'u' });
    expect(r.issues.map((i) => i.path)).toEqual(['authorisedUnits', 'startDate', 'endDate']);
  });
  it('approval end before start is rejected; end equal to start is fine', () => {
    const bad = transitionPriorAuth(requested, { to: 'approved', date: '2026-01-06', by: 'u', authorisedUnits: 1, startDate: '2026-02-02', endDate: '2026-02-01' });
    expect(bad.issues.map((i) => i.code)).toEqual(['prior-auth.end-before-start']);
    const same = transitionPriorAuth(requested, { to: 'approved', date: '2026-01-06', by: 'u', authorisedUnits: 1, startDate: '2026-02-02', endDate: '2026-02-02' });
    expect(same.issues).toEqual([]);
    expect(same.state).toMatchObject({ authorisedUnits: 1, startDate: '2026-02-02', endDate: '2026-02-02' });
  });
  it('zero units is rejected', () => {
    const r = transitionPriorAuth(requested, { to: 'approved', date: '2026-01-06', by: 'u', authorisedUnits: 0, startDate: '2026-02-02', endDate: '2026-03-02' });
    expect(r.issues.map((i) => i.code)).toEqual(['prior-auth.units-required']);
  });
  it('denial needs a reason', () => {
    expect(transitionPriorAuth(requested, { to: 'denied', date: '2026-01-06', by: 'u', note: '  ' }).issues.map((i) => i.code)).toEqual(['prior-auth.reason-required']);
  });
  it('a step cannot be dated before the previous one; the same day is fine', () => {
    expect(transitionPriorAuth(requested, { to: 'denied', date: '2026-01-04', by: 'u', note: 'x' }).issues.map((i) => i.code)).toEqual(['prior-auth.date-before-previous']);
    expect(transitionPriorAuth(requested, { to: 'denied', date: '2026-01-05', by: 'u', note: 'x' }).issues).toEqual([]);
    expect(transitionPriorAuth(requested, { to: 'denied', date: '2026-02-30', by: 'u', note: 'x' }).issues.map((i) => i.code)).toEqual(['prior-auth.date']);
  });
  it('a full path: requested → denied → appealed → approved keeps every dated step', () => {
    let s = requested;
    s = transitionPriorAuth(s, { to: 'denied', date: '2026-01-10', by: 'u', note: 'Not medically necessary' }).state;
    s = transitionPriorAuth(s, { to: 'appealed', date: '2026-01-12', by: 'u', documents: [{ title: 'Appeal letter', reference: 'AP-7' }] }).state;
    s = transitionPriorAuth(s, { to: 'approved', date: '2026-01-20', by: 'u', authorisedUnits: 8, startDate: '2026-01-20', endDate: '2026-03-20' }).state;
    expect(s.history.map((e) => `${e.status}@${e.date}`)).toEqual(['requested@2026-01-05', 'denied@2026-01-10', 'appealed@2026-01-12', 'approved@2026-01-20']);
    expect(s.authorisedUnits).toBe(8);
  });
});
