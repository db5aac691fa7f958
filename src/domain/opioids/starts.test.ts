/**
 * CDC 2022 Rec 3 (immediate-release when starting) and Rec 7 (review within 1–4 weeks of a start or an
 * increase, sooner with more risk: settings reviewAfterChangeDays 28, reviewAfterChangeHigherRiskDays 7,
 * reviewAfterMethadoneChangeDays 3), reference 1.2 and 1.7.
 */
import { describe, expect, it } from 'vitest';
import { calculateMme } from './mme';
import { DEFAULT_OPIOID_SETTINGS } from './settings';
import { reviewOpioidStart } from './starts';
import { buildOrder, buildPatch, everyHours, perDay } from './test-builders';
import type { MedicationOrder } from './types';

const AS_OF = new Date('2025-03-10T12:00:00Z');
/** Oxycodone 5 mg four times a day = 30 MME/day (immediate-release). */
const oxyIr = buildOrder('oxycodone', { id: 'oxy-ir' });
/** Oxycodone 10 mg extended-release every 12 hours = 30 MME/day. */
const oxyEr = buildOrder('oxycodone', { id: 'oxy-er', strength: { amount: 10, unit: 'mg' }, dosage: { frequency: everyHours(12) }, extra: { release: 'extended' } });
const methadone = buildOrder('methadone', { id: 'mtd', dosage: { frequency: perDay(2) } });
const patch = buildPatch(12);
/** Oxycodone 10 mg four times a day = 60 MME/day (at the guidepost or above). */
const oxyHigh = buildOrder('oxycodone', { id: 'oxy-high', strength: { amount: 10, unit: 'mg' } });
const oxyLower = buildOrder('oxycodone', { id: 'oxy-ir', dosage: { frequency: perDay(3) } });
const buprenorphineForOud = buildOrder('buprenorphine', { id: 'bup', form: 'film', route: 'sublingual', strength: { amount: 8, unit: 'mg' }, dosage: { dose: { low: 1, high: 1, unit: 'film' }, frequency: perDay(1) }, extra: { indication: 'oud' } });
const acetaminophen = buildOrder('acetaminophen', { id: 'apap', strength: { amount: 500, unit: 'mg' } });

function run(before: MedicationOrder[], after: MedicationOrder[]): ReturnType<typeof reviewOpioidStart> {
  const total = (orders: MedicationOrder[]): number => calculateMme(orders, { factorSet: DEFAULT_OPIOID_SETTINGS.factorSet }).totalMmePerDay;
  return reviewOpioidStart({ before, after, totals: { beforeMmePerDay: total(before), afterMmePerDay: total(after) }, asOf: AS_OF, settings: DEFAULT_OPIOID_SETTINGS });
}

describe('reviewOpioidStart', () => {
  it.each<[string, MedicationOrder[], MedicationOrder[], string[], string | null]>([
    // [case, before, after, finding codes, review setting]
    ['start, immediate-release below the guidepost', [], [oxyIr], ['start.review-after-change'], 'reviewAfterChangeDays=28 (v1)'],
    ['start, extended-release', [], [oxyEr], ['start.long-acting', 'start.review-after-change'], 'reviewAfterChangeHigherRiskDays=7 (v1)'],
    ['start, fentanyl patch', [], [patch], ['start.long-acting', 'start.review-after-change'], 'reviewAfterChangeHigherRiskDays=7 (v1)'],
    ['start, methadone', [], [methadone], ['start.long-acting', 'start.review-after-change'], 'reviewAfterMethadoneChangeDays=3 (v1)'],
    ['start, immediate-release at 60 MME/day', [], [oxyHigh], ['start.review-after-change'], 'reviewAfterChangeHigherRiskDays=7 (v1)'],
    ['start beside non-opioids', [acetaminophen], [acetaminophen, oxyIr], ['start.review-after-change'], 'reviewAfterChangeDays=28 (v1)'],
    ['increase with an extended-release product added: not a start', [oxyIr], [oxyIr, oxyEr], ['start.review-after-change'], 'reviewAfterChangeHigherRiskDays=7 (v1)'],
    ['increase of the same product', [oxyIr], [oxyHigh], ['start.review-after-change'], 'reviewAfterChangeHigherRiskDays=7 (v1)'],
    ['same dose', [oxyIr], [oxyIr], [], null],
    ['lower dose', [oxyIr], [oxyLower], [], null],
    ['stopped', [oxyIr], [], [], null],
    ['no opioid before or after', [acetaminophen], [acetaminophen], [], null],
    ['on medication for opioid use disorder: an extended-release opioid for pain is not a start', [buprenorphineForOud], [buprenorphineForOud, oxyEr], ['start.review-after-change'], 'reviewAfterChangeHigherRiskDays=7 (v1)'],
  ])('%s', (_label, before, after, codes, setting) => {
    const findings = run(before, after);
    expect(findings.map((f) => f.code)).toEqual(codes);
    const review = findings.find((f) => f.code === 'start.review-after-change');
    expect(review?.setting ?? null).toBe(setting);
    if (review !== undefined) {
      expect(review.sources).toEqual([{ source: 'CDC 2022 Rec 7', tag: 'V' }]);
      expect(review.title).toMatch(/^Plan a benefit and risk review within (28|7|3) days$/);
    }
    const longActing = findings.find((f) => f.code === 'start.long-acting');
    if (longActing !== undefined) {
      expect(longActing).toMatchObject({ severity: 'warning', sources: [{ source: 'CDC 2022 Rec 3', tag: 'V' }] });
      expect(longActing.suggestion).toContain('record why');
    }
  });

  it('a draft order counts as in effect; an order that has not started yet does not', () => {
    expect(run([], [{ ...oxyEr, status: 'draft' }]).map((f) => f.code)).toEqual(['start.long-acting', 'start.review-after-change']);
    expect(run([], [{ ...oxyEr, start: '2025-04-01' }])).toEqual([]);
  });
});
