import { describe, expect, it } from 'vitest';
import { CDC_2016_FACTORS } from './factors-cdc-2016';
import { MME_ROUNDING, calculateMme, roundMme } from './mme';
import type { Dosage, MedicationOrder } from './types';
import { RXNORM, buildOrder, buildPatch, everyHours, perDay } from './test-builders';

const oxy = (id: string, overrides: Parameters<typeof buildOrder>[1] = {}): MedicationOrder =>
  buildOrder('oxycodone', { id, strength: { amount: 5, unit: 'mg' }, ...overrides });

describe('calculateMme: counting', () => {
  it('defaults to the CDC 2022 set and names it on the result', () => {
    const result = calculateMme([oxy('a')]);
    expect(result.factorSet).toMatchObject({ id: 'cdc-2022', name: 'CDC 2022', version: '2022-v1', label: 'CDC 2022 (cdc-2022, 2022-v1)', tag: 'V' });
    expect(result.rounding).toBe(MME_ROUNDING);
  });

  it('accepts a factor set object as data', () => {
    expect(calculateMme([buildOrder('hydromorphone', { strength: { amount: 2, unit: 'mg' } })], { factorSet: CDC_2016_FACTORS }).totalMmePerDay).toBe(32);
  });

  it('counts two identical orders twice (the public CQL sums distinct values and would count 30 once)', () => {
    const a = oxy('a', { dosage: { frequency: perDay(4) } });
    const b = oxy('b', { dosage: { frequency: perDay(4) } });
    const result = calculateMme([a, b]);
    expect(result.lines.map((l) => l.mmePerDay)).toEqual([30, 30]);
    expect(result.totalMmePerDay).toBe(60);
    expect(result.issues.find((i) => i.code === 'mme.possible-duplicate')?.severity).toBe('info');
  });

  it('ignores non-opioid orders entirely', () => {
    const gabapentin = buildOrder('gabapentin', { strength: { amount: 300, unit: 'mg' } });
    const result = calculateMme([gabapentin, oxy('a')]);
    expect(result.lines.map((l) => l.orderId)).toEqual(['a']);
  });

  it('recognises an ingredient by name when the code is unknown', () => {
    const order = oxy('a', { code: '999999' });
    order.ingredients[0]!.ingredient.name = 'Oxycodone Hydrochloride';
    expect(calculateMme([order]).lines[0]?.status).toBe('counted');
  });

  it('uses the code when code and name disagree, and says so', () => {
    const order = buildOrder('hydrocodone', { code: RXNORM.oxycodone, id: 'x' });
    const result = calculateMme([order]);
    expect(result.lines[0]?.factor).toBe(1.5);
    expect(result.issues.map((i) => i.code)).toContain('mme.ingredient-code-name-mismatch');
  });

  it('does not read dihydrocodeine as codeine', () => {
    expect(calculateMme([buildOrder('dihydrocodeine', { code: '0' })]).lines[0]?.status).toBe('no-factor');
  });
});

describe('calculateMme: as needed, ranges, maxima', () => {
  it('as needed q4–6h, 1–2 tablets: counted at 2 tablets every 4 hours (12 a day)', () => {
    const order = oxy('prn', { dosage: { dose: { low: 1, high: 2, unit: 'tablet' }, frequency: everyHours(4, 6), asNeeded: true } });
    const line = calculateMme([order]).lines[0];
    expect(line?.dailyDose).toEqual({ amount: 60, unit: 'mg/day' });
    expect(line?.mmePerDay).toBe(90);
    expect(line?.basis.join(' ')).toMatch(/top of the range.*shortest interval.*As needed/s);
  });

  it('frequency range 1–2 times a day uses the top count', () => {
    expect(calculateMme([oxy('a', { dosage: { frequency: { count: 1, countMax: 2, period: 1, periodUnit: 'd' } } })]).totalMmePerDay).toBe(15);
  });

  it('a stated daily maximum below the schedule wins, with a warning', () => {
    const order = oxy('a', { dosage: { frequency: everyHours(4), asNeeded: true, maxPerDay: { amount: 4, unit: 'tablet' } } });
    const result = calculateMme([order]);
    expect(result.lines[0]?.dailyDose?.amount).toBe(20);
    expect(result.issues.map((i) => i.code)).toContain('mme.max-per-day-differs');
  });

  it('a stated daily maximum alone (no frequency) is used', () => {
    const order = oxy('a', { dosage: { frequency: undefined, asNeeded: true, maxPerDay: { amount: 3, unit: 'dose' } } });
    expect(calculateMme([order]).lines[0]?.dailyDose?.amount).toBe(15);
  });

  it('a daily maximum in mg converts through the strength', () => {
    const order = oxy('a', { dosage: { frequency: undefined, asNeeded: true, maxPerDay: { amount: 30, unit: 'mg' } } });
    expect(calculateMme([order]).totalMmePerDay).toBe(45);
  });

  it('a solution in mL uses the strength per mL (5 mg / 5 mL)', () => {
    const order = oxy('sol', { form: 'solution', strength: { amount: 5, unit: 'mg', per: 5 }, dosage: { dose: { low: 10, high: 10, unit: 'mL' }, frequency: everyHours(6) } });
    expect(calculateMme([order]).lines[0]?.dailyDose?.amount).toBe(40);
  });

  it('a dose with no unit is read as the product unit and the basis says so', () => {
    const line = calculateMme([oxy('a', { dosage: { dose: { low: 1, high: 1, unit: 'each' } } })]).lines[0];
    expect(line?.mmePerDay).toBe(30);
    expect(line?.basis.join(' ')).toContain('had no unit');
  });

  it('every other day counts half a dose a day', () => {
    expect(calculateMme([oxy('a', { dosage: { frequency: { count: 1, period: 2, periodUnit: 'd' } } })]).totalMmePerDay).toBe(3.8);
  });
});

describe('calculateMme: patches', () => {
  it.each([
    [12, 1, 28.8],
    [25, 1, 60],
    [50, 1, 120],
    [75, 1, 180],
    [100, 1, 240],
    [100, 2, 480],
  ])('%s mcg/hr × %s patch(es) worn at once → %s', (rate, patches, mme) => {
    expect(calculateMme([buildPatch(rate, 3, patches)]).totalMmePerDay).toBe(mme);
  });

  it('the change interval does not change the figure (q48h, q72h, q7d)', () => {
    const totals = [2, 3, 7].map((d) => calculateMme([buildPatch(50, d)]).totalMmePerDay);
    expect(totals).toEqual([120, 120, 120]);
  });

  it('a patch with a per-dose strength (not per hour) is not computed', () => {
    const order = buildOrder('fentanyl', { form: 'patch', strength: { amount: 25, unit: 'mcg' }, dosage: { dose: { low: 1, high: 1, unit: 'patch' } } });
    expect(calculateMme([order]).lines[0]).toMatchObject({ status: 'not-computable', reasonCode: 'mme.patch-strength-unit' });
  });
});

describe('calculateMme: listed with the reason, never counted as zero silently', () => {
  it('buprenorphine is listed, not summed, with the reason', () => {
    const bup = buildOrder('buprenorphine', { form: 'film', route: 'sublingual', strength: { amount: 8, unit: 'mg' }, dosage: { dose: { low: 1, high: 1, unit: 'film' }, frequency: perDay(2) } });
    const result = calculateMme([bup, oxy('a')]);
    const line = result.lines.find((l) => l.orderId === 'buprenorphine');
    expect(line).toMatchObject({ status: 'not-summed', reasonCode: 'mme.buprenorphine-not-summed', dailyDose: { amount: 16, unit: 'mg/day' }, mmePerDay: null });
    expect(line?.reason).toContain('not added to the total');
    expect(result.totalMmePerDay).toBe(30);
    expect(result.complete).toBe(true);
    expect(result.issues.find((i) => i.code === 'mme.buprenorphine-not-summed')?.severity).toBe('info');
  });

  it('methadone for opioid use disorder is listed, not summed', () => {
    const moud = buildOrder('methadone', { strength: { amount: 10, unit: 'mg' }, dosage: { frequency: perDay(1) }, extra: { indication: 'oud' } });
    expect(calculateMme([moud]).lines[0]).toMatchObject({ status: 'not-summed', reasonCode: 'mme.oud-medication-not-summed' });
  });

  it('an opioid the table does not know, marked as an opioid by the sender, is listed as unrecognised', () => {
    const order = buildOrder('nalbuphine', { code: '0', extra: { isOpioid: true } });
    const result = calculateMme([order]);
    expect(result.lines[0]).toMatchObject({ status: 'no-factor', reasonCode: 'mme.unrecognised-opioid' });
    expect(result.complete).toBe(false);
  });

  const NOT_COMPUTABLE: Array<[string, Partial<Dosage>, string]> = [
    ['no dose', { dose: undefined }, 'mme.dose-missing'],
    ['no frequency and no maximum', { frequency: undefined }, 'mme.frequency-missing'],
    ['dose in mL for a tablet', { dose: { low: 5, high: 5, unit: 'mL' } }, 'mme.dose-unit-mismatch'],
  ];
  it.each(NOT_COMPUTABLE)('%s → not computable (%s)', (_name, dosage, code) => {
    const result = calculateMme([oxy('a', { dosage }), oxy('b')]);
    expect(result.lines[0]).toMatchObject({ status: 'not-computable', reasonCode: code, mmePerDay: null });
    expect(result.totalMmePerDay).toBe(30);
    expect(result.complete).toBe(false);
    expect(result.issues.find((i) => i.code === code)).toMatchObject({ severity: 'warning', path: 'orders[0]' });
  });

  it('a film with no route is not guessed', () => {
    const order = buildOrder('fentanyl', { form: 'film', strength: { amount: 200, unit: 'mcg' }, dosage: { dose: { low: 1, high: 1, unit: 'film' }, route: undefined } });
    expect(calculateMme([order]).lines[0]?.reasonCode).toBe('mme.route-missing');
  });

  it('a tablet with no route is read as oral and the basis says so', () => {
    const line = calculateMme([oxy('a', { dosage: { route: undefined } })]).lines[0];
    expect(line?.status).toBe('counted');
    expect(line?.basis[0]).toContain('read as oral');
  });

  it('a dose in mg for a product with two opioids is not computed', () => {
    const order: MedicationOrder = {
      id: 'combo',
      ingredients: [
        { ingredient: { code: RXNORM.oxycodone, name: 'oxycodone' }, strength: { amount: 5, unit: 'mg' } },
        { ingredient: { code: RXNORM.morphine, name: 'morphine' }, strength: { amount: 5, unit: 'mg' } },
      ],
      form: 'tablet',
      dosage: { dose: { low: 5, high: 5, unit: 'mg' }, frequency: perDay(2), asNeeded: false, route: 'oral' },
    };
    expect(calculateMme([order]).lines.map((l) => l.reasonCode)).toEqual(['mme.mass-dose-combination', 'mme.mass-dose-combination']);
  });
});

describe('calculateMme: orders in effect', () => {
  it('excludes stopped, completed, on-hold and entered-in-error orders with a reason; drafts count', () => {
    const orders = (['stopped', 'completed', 'on-hold', 'entered-in-error', 'draft', 'active'] as const).map((status) => oxy(status, { extra: { status } }));
    const result = calculateMme(orders);
    expect(result.excluded.map((e) => e.orderId)).toEqual(['stopped', 'completed', 'on-hold', 'entered-in-error']);
    expect(result.lines.map((l) => l.orderId)).toEqual(['draft', 'active']);
  });

  it('with asOf, orders that ended before or start after that day are excluded', () => {
    const asOf = new Date('2025-03-10T12:00:00Z');
    const ended = oxy('ended', { extra: { end: '2025-03-09' } });
    const future = oxy('future', { extra: { start: '2025-03-11' } });
    const today = oxy('today', { extra: { start: '2025-03-10', end: '2025-03-10' } });
    const result = calculateMme([ended, future, today], { asOf });
    expect(result.lines.map((l) => l.orderId)).toEqual(['today']);
    expect(result.excluded.map((e) => e.reason)).toEqual(['The order ended on 2025-03-09.', 'The order starts on 2025-03-11.']);
  });
});

describe('calculateMme: rounding and 2016 methadone tiers', () => {
  it.each([
    [0.05, 0.1],
    [0.04, 0],
    [12.25, 12.3],
    [1.05, 1.1],
    [179.99999820, 180],
  ])('roundMme(%s) = %s (one decimal, halves up)', (value, rounded) => {
    expect(roundMme(value)).toBe(rounded);
  });

  it('the total is the rounded sum of unrounded lines', () => {
    // codeine 15 mg × 0.15 = 2.25 → shown 2.3 each; three lines: 6.75 → 6.8 (not 6.9).
    const orders = ['a', 'b', 'c'].map((id) => buildOrder('codeine', { id, strength: { amount: 15, unit: 'mg' }, dosage: { frequency: perDay(1) } }));
    const result = calculateMme(orders);
    expect(result.lines.map((l) => l.mmePerDay)).toEqual([2.3, 2.3, 2.3]);
    expect(result.totalMmePerDay).toBe(6.8);
  });

  it('two methadone orders: the 2016 tier comes from their combined dose', () => {
    const a = buildOrder('methadone', { id: 'm1', strength: { amount: 15, unit: 'mg' }, dosage: { frequency: perDay(1) } });
    const b = buildOrder('methadone', { id: 'm2', strength: { amount: 15, unit: 'mg' }, dosage: { frequency: perDay(1) } });
    const result = calculateMme([a, b], { factorSet: 'cdc-2016' });
    expect(result.lines.map((l) => l.factor)).toEqual([8, 8]);
    expect(result.totalMmePerDay).toBe(240);
    expect(result.issues.map((i) => i.code)).toContain('mme.methadone-tier-from-total');
  });
});
