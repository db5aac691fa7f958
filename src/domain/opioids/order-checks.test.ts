import { describe, expect, it } from 'vitest';
import { checkOrder, describeDosage, directionsQuestions } from './order-checks';
import { parseDirections } from './directions';
import { suggestReconciliation } from './reconcile-orders';
import type { MedicationOrder } from './types';

const tab = (id: string, mg: number, extra: Partial<MedicationOrder> & { prescriber?: string } = {}): MedicationOrder & { prescriber?: string } => ({
  id,
  ingredients: [{ ingredient: { code: '7804', name: 'oxycodone' }, strength: { amount: mg, unit: 'mg' } }],
  form: 'tablet',
  dosage: { dose: { low: 1, high: 1, unit: 'tablet' }, frequency: { count: 1, period: 6, periodUnit: 'h' }, asNeeded: false },
  start: '2026-01-01',
  ...extra,
});
const asOf = new Date('2026-06-01T12:00:00Z');

describe('checkOrder', () => {
  it.each([
    ['a sound order', tab('a', 10), []],
    ['reversed dose range', tab('a', 10, { dosage: { dose: { low: 2, high: 1, unit: 'tablet' }, frequency: { count: 1, period: 6, periodUnit: 'h' }, asNeeded: false } }), ['order.dose-range-reversed']],
    ['reversed count', tab('a', 10, { dosage: { dose: { low: 1, high: 1, unit: 'tablet' }, frequency: { count: 2, countMax: 1, period: 1, periodUnit: 'd' }, asNeeded: false } }), ['order.count-range-reversed']],
    ['reversed period', tab('a', 10, { dosage: { dose: { low: 1, high: 1, unit: 'tablet' }, frequency: { count: 1, period: 6, periodMax: 4, periodUnit: 'h' }, asNeeded: false } }), ['order.period-range-reversed']],
    ['end before start', tab('a', 10, { end: '2025-12-31' }), ['order.end-before-start']],
    ['end on start', tab('a', 10, { end: '2026-01-01' }), []],
    ['patch in mg', tab('a', 10, { form: 'patch' }), ['order.patch-strength-not-rate']],
    ['tablet per hour', { ...tab('a', 10), ingredients: [{ ingredient: { code: '4337', name: 'fentanyl' }, strength: { amount: 25, unit: 'mcg/hr' } }] }, ['order.rate-strength-not-patch']],
    ['no dose', tab('a', 10, { dosage: { frequency: { count: 1, period: 6, periodUnit: 'h' }, asNeeded: false } }), ['order.dose-missing']],
    ['no frequency', tab('a', 10, { dosage: { dose: { low: 1, high: 1, unit: 'tablet' }, asNeeded: true } }), ['order.frequency-missing']],
  ] as Array<[string, MedicationOrder, string[]]>)('%s', (_label, order, codes) => {
    expect(checkOrder(order).map((i) => i.code)).toEqual(codes);
  });
});

describe('describeDosage and directionsQuestions', () => {
  it('says parsed directions back in words', () => {
    expect(describeDosage(parseDirections('1-2 tablets every 4-6 hours as needed for pain').directions)).toBe('1–2 tablets every 4–6 hours as needed for pain');
    expect(describeDosage({ asNeeded: false })).toBe('no directions given');
  });
  it('turns warnings into questions and leaves info notes out', () => {
    expect(directionsQuestions([{ code: 'x', message: 'Which?', severity: 'warning' }, { code: 'y', message: 'Note', severity: 'info' }])).toEqual(['Which?']);
    expect(directionsQuestions(parseDirections('take as directed').issues).length).toBeGreaterThan(0);
  });
});

describe('suggestReconciliation', () => {
  it.each([
    ['two prescribers', [tab('a', 10, { prescriber: 'Dr. A' }), tab('b', 5, { prescriber: 'Dr. B' })], ['reconcile.same-ingredient-two-prescribers']],
    ['same prescriber, same product', [tab('a', 10, { prescriber: 'Dr. A' }), tab('b', 10, { prescriber: 'dr. a' })], ['reconcile.duplicate']],
    ['same ingredient, other strength', [tab('a', 10), tab('b', 5)], ['reconcile.overlap']],
    ['one stopped', [tab('a', 10), tab('b', 10, { status: 'stopped' })], []],
    ['one not started yet', [tab('a', 10), tab('b', 10, { start: '2026-07-01' })], []],
    ['different ingredients', [tab('a', 10), { ...tab('b', 10), ingredients: [{ ingredient: { code: '7052', name: 'morphine' }, strength: { amount: 15, unit: 'mg' } }] }], []],
  ] as Array<[string, Array<MedicationOrder & { prescriber?: string }>, string[]]>)('%s', (_label, orders, codes) => {
    expect(suggestReconciliation(orders, asOf).map((s) => s.code)).toEqual(codes);
  });
});
