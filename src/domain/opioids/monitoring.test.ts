import { describe, expect, it } from 'vitest';
import { monitoringDue, type MonitoringInput, type MonitoringKind } from './monitoring';
import { DEFAULT_OPIOID_SETTINGS } from './settings';
import type { MedicationOrder } from './types';
import { buildOrder, buildPatch, perDay } from './test-builders';

const AS_OF = new Date('2025-06-15T09:00:00Z');
/** Oxycodone IR 5 mg four times a day = 30 MME/day, 30 days' supply, since January. */
const oxy = buildOrder('oxycodone', { id: 'oxy', extra: { start: '2025-01-10', daysSupply: 30 } });

const item = (input: Partial<MonitoringInput>, kind: MonitoringKind): ReturnType<typeof monitoringDue>['items'][number] => {
  const result = monitoringDue({ orders: [oxy], asOf: AS_OF, ...input });
  const found = result.items.find((i) => i.kind === kind);
  if (found === undefined) throw new Error(`no ${kind}`);
  return found;
};

describe('monitoringDue: PDMP (CDC 2022 Rec 9, every 3 months at least)', () => {
  it.each([
    [undefined, 'due', '2025-06-15'],
    ['2025-03-15', 'due', '2025-06-15'],
    ['2025-03-16', 'upcoming', '2025-06-16'],
    ['2025-03-14', 'overdue', '2025-06-14'],
  ])('last check %s → %s on %s', (lastPdmpCheck, status, dueOn) => {
    const pdmp = item(lastPdmpCheck === undefined ? {} : { lastPdmpCheck }, 'pdmp-check');
    expect(pdmp).toMatchObject({ status, dueOn, sources: [{ source: 'CDC 2022 Rec 9', tag: 'V' }] });
    expect(pdmp.settings).toEqual(['pdmpIntervalMonths=3 (v1)']);
  });

  it('month ends are clamped (30 November + 3 months = 28 February)', () => {
    expect(monitoringDue({ orders: [oxy], asOf: new Date('2025-01-20T00:00:00Z'), lastPdmpCheck: '2024-11-30' }).items[0]?.dueOn).toBe('2025-02-28');
  });

  it('a new order after the last check says that checking before every prescription is ideal, without moving the date', () => {
    const newer = buildOrder('oxycodone', { id: 'new', extra: { start: '2025-06-01' } });
    const pdmp = monitoringDue({ orders: [oxy, newer], asOf: AS_OF, lastPdmpCheck: '2025-05-01' }).items[0];
    expect(pdmp?.dueOn).toBe('2025-08-01');
    expect(pdmp?.basis).toContain('checking before every prescription is the ideal');
  });

  it('no opioid in effect → not applicable (drafts and stopped orders do not count)', () => {
    const result = monitoringDue({ orders: [{ ...oxy, status: 'draft' }, { ...oxy, id: 's', status: 'stopped' }], asOf: AS_OF });
    expect(result.items.map((i) => i.status)).toEqual(['not-applicable', 'not-applicable', 'not-applicable']);
  });
});

describe('monitoringDue: benefit/risk review (CDC 2022 Rec 7)', () => {
  const CHANGE_ROWS: Array<[string, MedicationOrder[], string, string, string]> = [
    ['IR below 50 MME/day: 28 days after a start', [oxy], '2025-06-10', '2025-07-08', 'reviewAfterChangeDays=28 (v1)'],
    ['ER/LA (extended release): 7 days', [buildOrder('oxycodone', { id: 'er', extra: { release: 'extended', start: '2025-01-10' } })], '2025-06-10', '2025-06-17', 'reviewAfterChangeHigherRiskDays=7 (v1)'],
    ['patch counts as long-acting: 7 days', [{ ...buildPatch(12), start: '2025-01-10' }], '2025-06-10', '2025-06-17', 'reviewAfterChangeHigherRiskDays=7 (v1)'],
    ['50 MME/day or more: 7 days', [buildOrder('morphine', { id: 'm', strength: { amount: 50, unit: 'mg' }, dosage: { frequency: perDay(1) }, extra: { start: '2025-01-10' } })], '2025-06-10', '2025-06-17', 'reviewAfterChangeHigherRiskDays=7 (v1)'],
    ['methadone: 3 days', [buildOrder('methadone', { id: 'mt', extra: { start: '2025-01-10' } })], '2025-06-14', '2025-06-17', 'reviewAfterMethadoneChangeDays=3 (v1)'],
  ];
  it.each(CHANGE_ROWS)('%s', (_name, orders, change, dueOn, setting) => {
    const review = monitoringDue({ orders, asOf: AS_OF, lastStartOrIncrease: change, lastBenefitRiskReview: '2025-05-01' }).items[1];
    expect(review).toMatchObject({ kind: 'benefit-risk-review', dueOn, status: 'upcoming' });
    expect(review?.settings).toContain(setting);
  });

  it('at least every 3 months after the last review when there is no newer change', () => {
    expect(item({ lastBenefitRiskReview: '2025-03-10', lastStartOrIncrease: '2025-01-10' }, 'benefit-risk-review')).toMatchObject({ dueOn: '2025-06-10', status: 'overdue', basis: 'At least every 3 months.' });
  });

  it('the earlier of "after the change" and "every 3 months" wins', () => {
    expect(item({ lastBenefitRiskReview: '2025-06-01', lastStartOrIncrease: '2025-06-05' }, 'benefit-risk-review').dueOn).toBe('2025-07-03');
    expect(item({ lastBenefitRiskReview: '2025-04-01', lastStartOrIncrease: '2025-06-14' }, 'benefit-risk-review').dueOn).toBe('2025-07-01');
  });

  it('with no review and no change date, the earliest order start is the start', () => {
    expect(item({}, 'benefit-risk-review')).toMatchObject({ dueOn: '2025-02-07', status: 'overdue' });
  });

  it('the setting changes the date', () => {
    const settings = { ...DEFAULT_OPIOID_SETTINGS, reviewAfterChangeDays: 14 };
    expect(monitoringDue({ orders: [oxy], asOf: AS_OF, lastStartOrIncrease: '2025-06-10', settings }).items[1]?.dueOn).toBe('2025-06-24');
  });
});

describe('monitoringDue: urine drug test (CDC 2022 Rec 10, consider at least annually)', () => {
  it('subacute or chronic therapy with no test → consider now', () => {
    expect(item({}, 'urine-drug-test')).toMatchObject({ status: 'due', dueOn: '2025-06-15', consider: true });
  });

  it('12 months after the last test', () => {
    expect(item({ lastUds: '2024-06-16' }, 'urine-drug-test')).toMatchObject({ status: 'upcoming', dueOn: '2025-06-16' });
  });

  it.each([
    [27, 'not-applicable'],
    [28, 'due'],
  ])('short therapy: %s days since start, 7-day supplies → %s', (days, status) => {
    const start = new Date(AS_OF.getTime() - days * 86_400_000).toISOString().slice(0, 10);
    const short = buildOrder('oxycodone', { id: 's', extra: { start, daysSupply: 7 } });
    expect(monitoringDue({ orders: [short], asOf: AS_OF }).items[2]?.status).toBe(status);
  });

  it('a 28-day supply makes it apply from the first day (CDS encoding)', () => {
    const order = buildOrder('oxycodone', { id: 's', extra: { start: '2025-06-15', daysSupply: 28 } });
    expect(monitoringDue({ orders: [order], asOf: AS_OF }).items[2]?.status).toBe('due');
  });
});

describe('monitoringDue: input dates', () => {
  it('reports invalid and future dates', () => {
    const { issues } = monitoringDue({ orders: [oxy], asOf: AS_OF, lastPdmpCheck: '2025-02-30', lastUds: '2025-07-01' });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['monitoring.date-invalid', 'lastPdmpCheck'],
      ['monitoring.date-after-as-of', 'lastUds'],
    ]);
  });
});
