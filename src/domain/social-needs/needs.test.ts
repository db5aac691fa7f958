import { describe, expect, it } from 'vitest';
import { countNeeds, SOCIAL_NEED_KINDS, suggestionsForNeeds } from './needs';

describe('where social needs matter', () => {
  it.each([
    ['transport', 'visits', ['need.transport.telehealth', 'need.transport.bundle']],
    ['transport', 'referrals', ['need.transport.telehealth']],
    ['cost', 'referrals', ['need.cost.coverage']],
    ['work', 'visits', ['need.work.hours']],
    ['caregiving', 'visits', ['need.caregiving.timing']],
    ['caregiving', 'referrals', []],
    ['digital-access', 'visits', ['need.digital.phone']],
    ['language', 'visits', ['need.language.interpreter']],
    ['language', 'referrals', ['need.language.interpreter']],
  ] as const)('%s in %s', (kind, context, codes) => {
    expect(suggestionsForNeeds([{ kind, active: true, note: null }], context).map((s) => s.code)).toEqual(codes);
  });
  it('every kind has at least one suggestion with a reason', () => {
    for (const kind of SOCIAL_NEED_KINDS) {
      const s = suggestionsForNeeds([{ kind, active: true, note: null }]);
      expect(s.length).toBeGreaterThan(0);
      for (const x of s) expect(x.why.length).toBeGreaterThan(0);
    }
  });
  it('resolved needs suggest nothing and are not counted', () => {
    const needs = [{ kind: 'transport' as const, active: false, note: null }, { kind: 'cost' as const, active: true, note: null }];
    expect(suggestionsForNeeds(needs).map((s) => s.need)).toEqual(['cost']);
    expect(countNeeds(needs)).toMatchObject({ transport: 0, cost: 1 });
  });
});
