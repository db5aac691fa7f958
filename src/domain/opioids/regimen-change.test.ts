import { describe, expect, it } from 'vitest';
import { assessRegimenChange } from './regimen-change';
import type { MedicationOrder } from './types';

const oxy = (id: string, tabletsPerDay: number, start = '2024-01-01'): MedicationOrder => ({
  id,
  ingredients: [{ ingredient: { code: '7804', name: 'oxycodone' }, strength: { amount: 10, unit: 'mg' } }],
  form: 'tablet',
  dosage: { dose: { low: 1, high: 1, unit: 'tablet' }, frequency: { count: tabletsPerDay, period: 1, periodUnit: 'd' }, asNeeded: false },
  start,
});
const asOf = new Date('2026-06-01T12:00:00Z');

describe('assessRegimenChange', () => {
  it.each([
    ['a stop after two years of use', [oxy('a', 4)], [], '2024-01-01', true],
    ['a cut of 25 % after two years, the previous change long ago', [oxy('a', 4)], [oxy('a', 3)], '2024-01-01', false],
    ['a cut of 50 % after two years', [oxy('a', 4)], [oxy('a', 2)], '2024-01-01', true],
    ['replacing one order by another at the same dose', [oxy('a', 4)], [oxy('b', 4)], '2024-01-01', null],
    ['an increase', [oxy('a', 2)], [oxy('a', 4)], '2024-01-01', null],
  ] as const)('%s', (_label, before, after, lastChangeOn, flagged) => {
    const result = assessRegimenChange({ before, after, lastChangeOn, asOf });
    expect(result === null ? null : result.flagged).toBe(flagged);
  });

  it('records the documented life-threatening reason and the totals it compared', () => {
    const result = assessRegimenChange({ before: [oxy('a', 4)], after: [], asOf, lifeThreateningReason: 'Overdose yesterday' });
    expect(result).toMatchObject({ flagged: true, reasonDocumented: true, beforeMmePerDay: 60, afterMmePerDay: 0, change: 'stop' });
  });

  it('does not flag use of three days or less', () => {
    expect(assessRegimenChange({ before: [oxy('a', 4, '2026-05-30')], after: [], asOf })?.flagged).toBe(false);
  });

  it('gives the same answer with the totals the caller already calculated (non-opioid orders add nothing)', () => {
    const sertraline: MedicationOrder = { ...oxy('s', 1), ingredients: [{ ingredient: { code: '36437', name: 'sertraline' }, strength: { amount: 50, unit: 'mg' } }] };
    const before = [oxy('a', 4), sertraline];
    const after = [oxy('a', 2), sertraline];
    const computed = assessRegimenChange({ before, after, asOf });
    expect(computed).toMatchObject({ flagged: true, beforeMmePerDay: 60, afterMmePerDay: 30 });
    expect(assessRegimenChange({ before, after, asOf, totals: { beforeMmePerDay: 60, afterMmePerDay: 30 } })).toEqual(computed);
    expect(assessRegimenChange({ before, after, asOf, totals: { beforeMmePerDay: 60, afterMmePerDay: 60 } })).toBeNull();
  });
});
