import { describe, expect, it } from 'vitest';
import { classifyFlare } from './flare';
import { DEFAULT_PROGRESSION_SETTINGS } from './settings';
import { buildFlare } from './test-builders';
import type { FlareClass } from './types';

const S = DEFAULT_PROGRESSION_SETTINGS;
const start = '2026-02-01T08:00:00Z';
const plusHours = (h: number): string => new Date(Date.parse(start) + h * 3_600_000).toISOString();

describe('classifyFlare (seed: settles within 48–72 h at or above baseline = expected; beyond 72 h or below baseline = reassess)', () => {
  it.each<[string, number, number, FlareClass, boolean | null, string]>([
    // label, settled after hours, score after (baseline 4), class, expected, reason code
    ['settles in 24 h at baseline', 24, 4, 'settled-expected', true, 'flare.settled-expected'],
    ['settles in exactly 48 h', 48, 4, 'settled-expected', true, 'flare.settled-expected'],
    ['settles in 60 h (between 48 and 72)', 60, 4, 'settled-expected', true, 'flare.settled-expected'],
    ['settles in exactly 72 h', 72, 4, 'settled-expected', true, 'flare.settled-expected'],
    ['settles in 72.5 h', 72.5, 4, 'reassess-prolonged', false, 'flare.settled-beyond-limit'],
    ['settles in 96 h', 96, 4, 'reassess-prolonged', false, 'flare.settled-beyond-limit'],
    ['settles better than baseline', 30, 3, 'settled-expected', true, 'flare.settled-expected'],
    ['settles exactly 1 point worse (not meaningfully)', 30, 5, 'settled-expected', true, 'flare.settled-expected'],
    ['settles 1.5 points worse', 30, 5.5, 'reassess-below-baseline', false, 'flare.below-baseline'],
    ['settles 3 points worse', 30, 7, 'reassess-below-baseline', false, 'flare.below-baseline'],
  ])('%s', (_label, hours, after, classification, expected, code) => {
    const r = classifyFlare(buildFlare({ startedAt: start, settledAt: plusHours(hours), symptomScoreAfter: after }), new Date(plusHours(200)), S);
    expect(r.classification).toBe(classification);
    expect(r.expected).toBe(expected);
    expect(r.hours).toBe(hours);
    expect(r.reasons[0]?.code).toBe(code);
    expect(r.reasons.flatMap((x) => x.settings).length).toBeGreaterThan(0);
  });

  it('gives both reasons when a flare is prolonged and leaves the person below baseline', () => {
    const r = classifyFlare(buildFlare({ settledAt: plusHours(100), symptomScoreAfter: 7 }), new Date(plusHours(200)), S);
    expect(r.classification).toBe('reassess-prolonged');
    expect(r.reasons.map((x) => x.code)).toEqual(['flare.settled-beyond-limit', 'flare.below-baseline']);
  });

  it.each<[number, FlareClass, boolean | null]>([
    [10, 'settling', null],
    [72, 'settling', null],
    [72.1, 'reassess-prolonged', false],
    [120, 'reassess-prolonged', false],
  ])('not settled, %s h after the start → %s', (hoursSince, classification, expected) => {
    const r = classifyFlare(buildFlare({ startedAt: start }), new Date(plusHours(hoursSince)), S);
    expect(r).toMatchObject({ classification, expected, hours: hoursSince });
  });

  it('tells when to check a settling flare again and names the settings', () => {
    const r = classifyFlare(buildFlare({ startedAt: start }), new Date(plusHours(10)), S);
    expect(r.reasons[0]?.message).toContain('2026-02-04T08:00:00.000Z');
    expect(r.reasons[0]?.settings).toEqual(['flareUsualSettleHours=48 (v1)', 'flareSettleLimitHours=72 (v1)']);
  });

  it('follows a changed setting', () => {
    const r = classifyFlare(buildFlare({ settledAt: plusHours(60), symptomScoreAfter: 4 }), new Date(plusHours(200)), { ...S, flareSettleLimitHours: 48 });
    expect(r.classification).toBe('reassess-prolonged');
    expect(r.reasons[0]?.settings).toEqual(['flareSettleLimitHours=48 (v1)']);
  });
});
