import { describe, expect, it } from 'vitest';
import { bridgePlanRequirement, validateBridgePlan } from './bridge-plan';
import { validateNewReferral } from './referral';
import { handoffState } from './handoff';

describe('bridge plan requirement (bridgePlan v1, from 7 days)', () => {
  it.each([
    [null, true],
    [0, false],
    [6, false],
    [7, true],
    [60, true],
  ] as const)('wait %s → required %s', (days, required) => {
    expect(bridgePlanRequirement(days).required).toBe(required);
  });
});

describe('bridge plan content', () => {
  const req = bridgePlanRequirement(21);
  it('required but missing', () => {
    expect(validateBridgePlan(null, req).map((i) => i.code)).toEqual(['referral.bridge-plan-required']);
  });
  it('not required and missing is fine', () => {
    expect(validateBridgePlan(null, bridgePlanRequirement(2))).toEqual([]);
  });
  it('needs one thing to do and a call-us line', () => {
    expect(validateBridgePlan({ items: [{ kind: 'activity', text: ' ' }], callUsIf: '' }, req).map((i) => i.code)).toEqual(['bridge.no-items', 'bridge.call-us-if-required']);
    expect(validateBridgePlan({ items: [{ kind: 'activity', text: 'Walk 10 minutes twice a day' }], callUsIf: 'Pain wakes you every night' }, req)).toEqual([]);
  });
  it('lines of 2 or 501 characters are refused', () => {
    const codes = validateBridgePlan({ items: [{ kind: 'sleep', text: 'ab' }, { kind: 'activity', text: 'x'.repeat(501) }], callUsIf: 'ok then' }, req).map((i) => i.code);
    expect(codes).toEqual(['bridge.item-too-short', 'bridge.item-too-long']);
  });
});

describe('new referral', () => {
  const asOf = new Date('2026-11-22T12:00:00Z');
  const base = { service: 'physical-therapy', urgency: 'routine', reason: 'Low back pain, deconditioned', question: 'Graded activity plan?', sentDate: '2026-11-22', attachments: [], bridgePlan: null };
  it('every field is checked at once', () => {
    const codes = validateNewReferral({ ...base, service: 'x', urgency: 'y', reason: '', question: '', sentDate: '2026-11-23' }, 21, asOf).map((i) => i.code);
    expect(codes).toEqual(['referral.unknown-service', 'referral.unknown-urgency', 'referral.reason-required', 'referral.question-required', 'referral.date-in-future', 'referral.bridge-plan-required']);
  });
  it('a wait needs a bridge plan; a short wait does not', () => {
    expect(validateNewReferral(base, 21, asOf).map((i) => i.code)).toEqual(['referral.bridge-plan-required']);
    expect(validateNewReferral(base, 3, asOf)).toEqual([]);
  });
  it('the same attachment twice is reported', () => {
    const a = { kind: 'measure' as const, ref: 'r1', label: 'PEG' };
    expect(validateNewReferral({ ...base, attachments: [a, a] }, 3, asOf).map((i) => i.path)).toEqual(['attachments[1]']);
  });
});

describe('handoff overlap', () => {
  it.each([
    ['sent', true, false, false],
    ['accepted', true, false, false],
    ['scheduled', true, true, false],
    ['seen', true, true, false],
    ['report-received', false, true, true],
    ['declined', true, false, false],
  ] as const)('handoff at %s: referring %s, receiving %s, complete %s', (status, referring, receiving, complete) => {
    expect(handoffState(status, 'PT', true)).toMatchObject({ referringActive: referring, receivingActive: receiving, complete });
  });
  it('a consultation never moves responsibility', () => {
    expect(handoffState('report-received', 'PT', false)).toMatchObject({ referringActive: true, complete: false });
  });
});
