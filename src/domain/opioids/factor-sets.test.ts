import { describe, expect, it } from 'vitest';
import { calculateMme } from './mme';
import { FACTOR_SETS, describeFactorSet, getFactorSet, lookupFactor } from './factor-sets';
import { INGREDIENT_TABLE } from './ingredient-table';
import { buildOrder, buildPatch, perDay } from './test-builders';

const CDC_2022 = getFactorSet('cdc-2022');
const CDC_2016 = getFactorSet('cdc-2016');

/** Reference 1.3.1, one row per table row: [ingredient, route, factor]. */
const CDC_2022_ROWS: Array<[string, 'oral' | 'transdermal', number]> = [
  ['codeine', 'oral', 0.15],
  ['fentanyl', 'transdermal', 2.4],
  ['hydrocodone', 'oral', 1],
  ['hydromorphone', 'oral', 5],
  ['methadone', 'oral', 4.7],
  ['morphine', 'oral', 1],
  ['oxycodone', 'oral', 1.5],
  ['oxymorphone', 'oral', 3],
  ['tapentadol', 'oral', 0.4],
  ['tramadol', 'oral', 0.2],
];

/** Reference 1.3.2, non-methadone rows. */
const CDC_2016_ROWS: Array<[string, 'oral' | 'transdermal', number]> = [
  ['codeine', 'oral', 0.15],
  ['fentanyl', 'transdermal', 2.4],
  ['hydrocodone', 'oral', 1],
  ['hydromorphone', 'oral', 4],
  ['morphine', 'oral', 1],
  ['oxycodone', 'oral', 1.5],
  ['oxymorphone', 'oral', 3],
];

/** Methadone 2016 tiers 1–20:4, 21–40:8, 41–60:10, 61–80+:12, both sides of every boundary. */
const METHADONE_2016: Array<[number, number, boolean]> = [
  [0.5, 4, true], // below the published 1 mg/day: our reading gives the first tier, flagged "between"
  [1, 4, false],
  [20, 4, false],
  [20.5, 8, true], // between 20 and 21: no tier in the public CQL; ours reads "over 20 up to 40"
  [21, 8, false],
  [40, 8, false],
  [40.5, 10, true],
  [41, 10, false],
  [60, 10, false],
  [60.5, 12, true],
  [61, 12, false],
  [80, 12, false],
  [81, 12, false],
  [400, 12, false],
];

describe('factor sets as versioned data', () => {
  it('names both sets with id, version and source', () => {
    expect(describeFactorSet(CDC_2022)).toBe('CDC 2022 (cdc-2022, 2022-v1)');
    expect(describeFactorSet(CDC_2016)).toBe('CDC 2016 (cdc-2016, 2016-v1)');
    expect(Object.keys(FACTOR_SETS)).toEqual(['cdc-2022', 'cdc-2016']);
  });

  it('has exactly the rows of the reference tables', () => {
    expect(CDC_2022.rows.map((r) => r.ingredient)).toEqual(CDC_2022_ROWS.map((r) => r[0]));
    expect(CDC_2016.rows.map((r) => r.ingredient).sort()).toEqual([...CDC_2016_ROWS.map((r) => r[0]), 'methadone'].sort());
  });

  it('every factor-set ingredient is a known opioid of the ingredient table', () => {
    for (const set of Object.values(FACTOR_SETS)) {
      for (const row of set.rows) expect(INGREDIENT_TABLE.find((e) => e.key === row.ingredient)?.drugClass).toBe('opioid');
    }
  });

  it('throws for an unknown set id (programmer error)', () => {
    expect(() => getFactorSet('cdc-1999' as 'cdc-2022')).toThrow();
  });
});

describe('CDC 2022 factor rows (reference 1.3.1)', () => {
  it.each(CDC_2022_ROWS)('%s (%s) → %s', (ingredient, route, factor) => {
    const found = lookupFactor(CDC_2022, ingredient, route, 10);
    expect(found).toMatchObject({ found: true, factor });
  });

  it.each(CDC_2022_ROWS.filter((r) => r[1] === 'oral'))('%s: 10 mg/day × %s via calculateMme', (ingredient, _route, factor) => {
    const order = buildOrder(ingredient, { strength: { amount: 10, unit: 'mg' }, dosage: { frequency: perDay(1) } });
    const result = calculateMme([order]);
    expect(result.factorSet.id).toBe('cdc-2022');
    expect(result.lines[0]).toMatchObject({ status: 'counted', factor, dailyDose: { amount: 10, unit: 'mg/day' } });
    expect(result.totalMmePerDay).toBeCloseTo(10 * factor, 9);
  });

  it('fentanyl patch via calculateMme: 25 mcg/hr × 2.4 = 60', () => {
    expect(calculateMme([buildPatch(25)]).totalMmePerDay).toBe(60);
  });

  it('methadone 4.7 at any dose (no tiers)', () => {
    for (const mg of [5, 20, 21, 60, 61, 200]) expect(lookupFactor(CDC_2022, 'methadone', 'oral', mg)).toMatchObject({ found: true, factor: 4.7, tierLabel: null });
  });
});

describe('CDC 2016 factor rows (reference 1.3.2)', () => {
  it.each(CDC_2016_ROWS)('%s (%s) → %s', (ingredient, route, factor) => {
    expect(lookupFactor(CDC_2016, ingredient, route, 10)).toMatchObject({ found: true, factor });
  });

  it.each(METHADONE_2016)('methadone %s mg/day → factor %s (between published ranges: %s)', (mg, factor, between) => {
    expect(lookupFactor(CDC_2016, 'methadone', 'oral', mg)).toMatchObject({ found: true, factor, between });
  });

  it.each(METHADONE_2016)('methadone %s mg/day via calculateMme → %s × dose', (mg, factor, between) => {
    const order = buildOrder('methadone', { strength: { amount: mg, unit: 'mg' }, dosage: { frequency: perDay(1) } });
    const result = calculateMme([order], { factorSet: 'cdc-2016' });
    expect(result.lines[0]?.factor).toBe(factor);
    expect(result.totalMmePerDayUnrounded).toBeCloseTo(mg * factor, 9);
    expect(result.issues.some((i) => i.code === 'mme.methadone-between-tiers')).toBe(between);
  });

  it.each(['tramadol', 'tapentadol'])('%s has no factor in the 2016 set (listed, not counted)', (ingredient) => {
    expect(lookupFactor(CDC_2016, ingredient, 'oral', 100)).toEqual({ found: false, why: 'ingredient-not-in-table', rowForOtherRoute: null });
    const result = calculateMme([buildOrder(ingredient, { strength: { amount: 50, unit: 'mg' } })], { factorSet: 'cdc-2016' });
    expect(result.lines[0]).toMatchObject({ status: 'no-factor', reasonCode: 'mme.no-conversion-factor', mmePerDay: null });
    expect(result.complete).toBe(false);
  });
});

describe('opioids with no factor in either clinical table (reference 1.3.1 "Not in the 2022 table")', () => {
  it.each(['levorphanol', 'meperidine', 'pentazocine', 'butorphanol', 'dihydrocodeine'])('%s', (ingredient) => {
    for (const set of [CDC_2022, CDC_2016]) {
      expect(lookupFactor(set, ingredient, 'oral', 10).found).toBe(false);
      const result = calculateMme([buildOrder(ingredient)], { factorSet: set.id });
      expect(result.lines[0]?.status).toBe('no-factor');
      expect(result.lines[0]?.reason).toContain(`${set.name} has no conversion factor`);
      expect(result.totalMmePerDay).toBe(0);
      expect(result.complete).toBe(false);
    }
  });

  it.each([
    ['buccal', 'film'],
    ['sublingual', 'tablet'],
    ['nasal', 'spray'],
    ['intravenous', 'injection'],
  ] as const)('fentanyl by the %s route (%s) has no factor', (route, form) => {
    for (const set of [CDC_2022, CDC_2016]) {
      expect(lookupFactor(set, 'fentanyl', route, 1)).toMatchObject({ found: false, why: 'route-not-in-table' });
    }
    const order = buildOrder('fentanyl', { form, route, strength: { amount: 100, unit: 'mcg' }, dosage: { dose: { low: 1, high: 1, unit: form === 'spray' ? 'actuation' : form === 'injection' ? 'mL' : form }, frequency: perDay(2) } });
    const line = calculateMme([order]).lines[0];
    expect(line?.status).toBe('no-factor');
    expect(line?.reason).toContain('only by the transdermal route');
  });

  it('oral morphine has a factor, rectal morphine does not', () => {
    expect(lookupFactor(CDC_2022, 'morphine', 'rectal', 10)).toMatchObject({ found: false, why: 'route-not-in-table' });
  });
});
