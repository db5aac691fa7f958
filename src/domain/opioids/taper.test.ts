import { describe, expect, it } from 'vitest';
import { DEFAULT_OPIOID_SETTINGS } from './settings';
import { STRENGTH_TABLE } from './strength-table';
import { planTaper, type TaperInput, type TaperPlan } from './taper';
import type { MedicationOrder } from './types';
import { buildOrder, buildPatch, perDay } from './test-builders';

const AS_OF = new Date('2025-01-02T10:00:00Z');
const START = '2025-01-06';
/** `tablets` × `mg` tablets of `ingredient`, `times` a day. */
const order = (ingredient: string, mg: number, times: number, tablets = 1, extra: Partial<MedicationOrder> = {}): MedicationOrder =>
  buildOrder(ingredient, { id: `${ingredient}-${mg}`, strength: { amount: mg, unit: 'mg' }, dosage: { dose: { low: tablets, high: tablets, unit: 'tablet' }, frequency: perDay(times) }, extra });
const plan = (regimen: MedicationOrder[], days: number, extra: Partial<TaperInput> = {}): TaperPlan =>
  planTaper({ regimen, startDate: START, durationOfUse: { days }, asOf: AS_OF, ...extra });
const doses = (p: TaperPlan, ingredient: string): number[] =>
  p.steps.filter((s) => s.kind !== 'pause').map((s) => s.doses.find((d) => d.ingredient === ingredient)?.mgPerDay ?? -1);

describe('planTaper: reference paces (reference 2.1)', () => {
  it.each([
    [2, 'up-to-3-days', null],
    [5, 'under-1-week', 'cdc-2022-acute-50'],
    [20, 'under-1-month', 'cdc-2022-acute-20'],
    [200, 'under-1-year', 'cdc-2022-weekly'],
    [364, 'under-1-year', 'cdc-2022-weekly'],
    [365, '1-year-or-more', 'cdc-2022-monthly'],
  ] as const)('%s days of use → %s, pace %s', (days, use, paceId) => {
    const p = plan([order('oxycodone', 10, 4)], days);
    expect(p.useDuration).toBe(use);
    expect(p.pace?.id ?? null).toBe(paceId);
  });

  it('after a year or more: about 10 % of the original dose per month, rounded up to whole tablets, then every other day, then stop', () => {
    const p = plan([order('oxycodone', 10, 4)], 800);
    expect(doses(p, 'oxycodone')).toEqual([35, 30, 25, 20, 15, 10, 5, 2.5, 0]);
    expect(p.steps.map((s) => s.startsOn)).toEqual(['2025-02-06', '2025-03-06', '2025-04-06', '2025-05-06', '2025-07-06', '2025-08-06', '2025-09-06', '2025-10-06', '2025-11-06']);
    expect(p.steps.map((s) => s.kind)).toEqual(['reduce', 'reduce', 'reduce', 'reduce', 'reduce', 'reduce', 'reduce', 'lengthen-interval', 'stop']);
    expect(p.steps[7]?.doses[0]).toMatchObject({ everyOtherDay: true, tablets: [{ strengthMg: 5, count: 1 }] });
    expect(p.endDate).toBe('2025-11-06');
    expect(p.flaggedSteps).toBe(0);
    expect(p.originalMmePerDay).toBe(60);
    expect(p.steps.map((s) => s.mmePerDay)).toEqual([52.5, 45, 37.5, 30, 22.5, 15, 7.5, 3.8, 0]);
  });

  it('weeks to months: 10 % of the original per week until 30 % remains, then 10 % of the remaining', () => {
    const p = plan([order('oxycodone', 20, 5)], 120);
    const targets = p.steps.map((s) => s.doses[0]?.targetMgPerDay ?? 0);
    expect(targets.slice(0, 7)).toEqual([90, 80, 70, 60, 50, 40, 30]);
    // 30 → 27 (10 % of the remaining) rounds back up to 30 (a hold, not listed); then 24.3 → 25.
    expect(targets[7]).toBeCloseTo(24.3, 9);
    expect(doses(p, 'oxycodone')[7]).toBe(25);
    expect(doses(p, 'oxycodone').slice(0, 7)).toEqual([90, 80, 70, 60, 50, 40, 30]);
    expect(p.steps[1]?.startsOn).toBe('2025-01-13');
    expect(p.flaggedSteps).toBe(0);
  });

  it('acute use under 1 week: 50 % for 2 days, then stop', () => {
    const p = plan([order('oxycodone', 5, 4)], 5);
    expect(doses(p, 'oxycodone')).toEqual([10, 0]);
    expect(p.steps.map((s) => s.startsOn)).toEqual(['2025-01-06', '2025-01-08']);
    expect(p.flaggedSteps).toBe(0);
  });

  it('3 days or less: no taper in the reference; a single stop, not flagged', () => {
    const p = plan([order('oxycodone', 5, 4)], 3);
    expect(p.steps).toEqual([{ index: 1, startsOn: START, kind: 'stop', doses: [], mmePerDay: 0, abrupt: [] }]);
    expect(p.issues.map((i) => i.code)).toContain('taper.not-needed');
  });
});

describe('planTaper: rounding to real strengths', () => {
  it('every step is a total whole tablets can make and never below the pace target (until the interval is lengthened)', () => {
    for (const row of STRENGTH_TABLE) {
      const max = Math.max(...row.strengthsMg);
      for (const days of [20, 200, 800]) {
        const p = plan([order(row.ingredient, max, 3)], days);
        for (const step of p.steps) {
          for (const d of step.doses) {
            const dosingDay = d.everyOtherDay ? d.mgPerDay * 2 : d.mgPerDay;
            expect(d.tablets.reduce((s, t) => s + t.strengthMg * t.count, 0)).toBeCloseTo(d.mgPerDay === 0 ? 0 : dosingDay, 9);
            for (const t of d.tablets) expect(row.strengthsMg).toContain(t.strengthMg);
            if (step.kind === 'reduce') expect(d.mgPerDay).toBeGreaterThanOrEqual(d.targetMgPerDay - 1e-9);
          }
        }
      }
    }
  });

  it('hydrocodone/acetaminophen 5, 7.5, 10 mg: steps of 2.5 mg are possible', () => {
    const p = plan([order('hydrocodone', 10, 4)], 800);
    expect(doses(p, 'hydrocodone').slice(0, 3)).toEqual([37.5, 32.5, 30]);
  });

  it('tramadol 50 mg only: one tablet at a time, never flagged', () => {
    const p = plan([order('tramadol', 50, 4)], 800);
    expect(doses(p, 'tramadol')).toEqual([150, 100, 50, 25, 0]);
    expect(p.flaggedSteps).toBe(0);
  });
});

describe('planTaper: the reference pace or slower is never flagged; faster is flagged, not forbidden', () => {
  const regimens: Array<[string, MedicationOrder[]]> = [
    ['oxycodone 120', [order('oxycodone', 30, 4)]],
    ['morphine 60', [order('morphine', 30, 2)]],
    ['hydrocodone 40', [order('hydrocodone', 10, 4)]],
    ['methadone 30 + oxycodone 20', [order('methadone', 10, 3), order('oxycodone', 5, 4)]],
    ['hydromorphone 24', [order('hydromorphone', 8, 3)]],
    ['tapentadol 300', [order('tapentadol', 100, 3)]],
    ['codeine 240', [order('codeine', 60, 4)]],
  ];
  const slower = [
    { every: { months: 1 }, cut: { percent: 5, of: 'original' as const } },
    { every: { days: 14 }, cut: { percent: 2, of: 'original' as const } },
    { every: { months: 2 }, cut: { percent: 10, of: 'current' as const } },
  ];

  it.each(regimens)('%s: reference pace at every duration, and slower paces, have no flagged step', (_name, regimen) => {
    for (const days of [5, 20, 200, 800]) {
      const p = plan(regimen, days);
      expect(p.flaggedSteps, `${days} days`).toBe(0);
      expect(p.endDate).not.toBeNull();
      for (const ingredient of p.original.map((o) => o.ingredient)) {
        const series = doses(p, ingredient);
        series.forEach((v, i) => expect(v).toBeLessThanOrEqual(i === 0 ? p.original.find((o) => o.ingredient === ingredient)!.mgPerDay : series[i - 1]!));
      }
    }
    for (const pace of slower) {
      const p = plan(regimen, 800, { pace });
      expect(p.flaggedSteps).toBe(0);
      expect(p.issues.map((i) => i.code)).not.toContain('taper.faster-than-reference-pace');
    }
  });

  it('a faster pace is planned as asked, with a plan warning and flagged steps that need a documented reason', () => {
    const p = plan([order('oxycodone', 10, 4)], 800, { pace: { every: { days: 7 }, cut: { percent: 25, of: 'original' } } });
    expect(doses(p, 'oxycodone')).toEqual([30, 20, 10, 0]);
    expect(p.issues.map((i) => i.code)).toEqual(['taper.faster-than-reference-pace', 'taper.abrupt-step', 'taper.abrupt-step', 'taper.abrupt-step']);
    expect(p.flaggedSteps).toBe(3);
    expect(p.steps[3]?.abrupt[0]).toMatchObject({ change: 'stop', requiresLifeThreateningReason: true, reasonDocumented: false });
    const withReason = plan([order('oxycodone', 10, 4)], 800, { pace: { every: { days: 7 }, cut: { percent: 25, of: 'original' } }, lifeThreateningReason: 'overdose on the current dose' });
    expect(withReason.steps[3]?.abrupt[0]?.reasonDocumented).toBe(true);
  });
});

describe('planTaper: pauses, follow-up, naloxone', () => {
  it('a pause after a step holds the doses and shifts later steps', () => {
    const base = plan([order('oxycodone', 10, 4)], 800);
    const paused = plan([order('oxycodone', 10, 4)], 800, { pauses: [{ afterStep: 2, days: 28 }] });
    expect(paused.steps[2]).toMatchObject({ kind: 'pause', index: 2, startsOn: '2025-04-06', pauseDays: 28 });
    expect(paused.steps[2]?.doses[0]?.mgPerDay).toBe(30);
    expect(doses(paused, 'oxycodone')).toEqual(doses(base, 'oxycodone'));
    expect(paused.steps[3]?.startsOn).toBe('2025-05-04');
    expect(paused.flaggedSteps).toBe(0);
  });

  it('a pause after a step that does not exist is reported', () => {
    expect(plan([order('oxycodone', 10, 4)], 800, { pauses: [{ afterStep: 40, days: 7 }] }).issues.map((i) => i.code)).toContain('taper.pause-step-unknown');
  });

  it('follow-up at least monthly until after the stop', () => {
    const p = plan([order('oxycodone', 10, 4)], 800);
    expect(p.followUps[0]).toBe('2025-02-06');
    expect(p.followUps.at(-1)! > p.endDate!).toBe(true);
    expect(p.followUps).toHaveLength(11);
    expect(plan([order('oxycodone', 5, 4)], 5).followUps).toEqual(['2025-02-06']);
  });

  it('naloxone is offered: tolerance can be lost within a week', () => {
    const p = plan([order('oxycodone', 10, 4)], 800);
    expect(p.naloxone.offer).toBe(true);
    expect(p.naloxone.message).toContain('as little as a week');
    expect(p.naloxone.sources.map((s) => s.source)).toEqual(['CDC 2022 Rec 5', 'CDC 2022 Rec 8']);
  });
});

describe('planTaper: regimen and inputs', () => {
  it('tapers several ingredients side by side, each from its own original amount', () => {
    const p = plan([order('methadone', 10, 3), order('oxycodone', 5, 2)], 800);
    expect(p.original.map((o) => [o.ingredient, o.mgPerDay])).toEqual([['methadone', 30], ['oxycodone', 10]]);
    expect(p.steps.at(-1)?.doses.map((d) => d.mgPerDay)).toEqual([0, 0]);
  });

  it('adds up orders of the same ingredient', () => {
    const er = order('oxycodone', 20, 2, 1, { release: 'extended' });
    const ir = { ...order('oxycodone', 5, 2), id: 'ir' };
    expect(plan([er, ir], 800).original).toMatchObject([{ ingredient: 'oxycodone', mgPerDay: 50 }]);
  });

  it.each([
    ['buprenorphine', buildOrder('buprenorphine', { form: 'film', route: 'sublingual', strength: { amount: 8, unit: 'mg' }, dosage: { dose: { low: 1, high: 1, unit: 'film' }, frequency: perDay(1) } }), 'taper.buprenorphine-not-planned'],
    ['medication for OUD', order('methadone', 10, 8, 1, { indication: 'oud' }), 'taper.oud-medication-not-planned'],
    ['a patch', buildPatch(25), 'taper.patch-not-planned'],
    ['no strengths table', order('levorphanol', 2, 3), 'taper.no-strengths'],
    ['no frequency', buildOrder('oxycodone', { dosage: { frequency: undefined } }), 'taper.dose-unknown'],
  ] as const)('%s is not planned, with a warning', (_name, regimenOrder, code) => {
    const p = plan([regimenOrder], 800);
    expect(p.issues.map((i) => i.code)).toEqual(expect.arrayContaining([code, 'taper.nothing-to-plan']));
    expect(p.steps).toEqual([]);
  });

  it('an as-needed order starts from its maximum, with a note', () => {
    const prn = buildOrder('oxycodone', { strength: { amount: 5, unit: 'mg' }, dosage: { frequency: { count: 1, period: 6, periodUnit: 'h' }, asNeeded: true } });
    const p = plan([prn], 800);
    expect(p.original[0]?.mgPerDay).toBe(20);
    expect(p.issues.find((i) => i.code === 'taper.as-needed-at-maximum')?.severity).toBe('info');
  });

  it('reports an invalid start date, a start in the past and an invalid pace', () => {
    expect(plan([order('oxycodone', 10, 4)], 800, { startDate: '2025-13-01' }).issues[0]?.code).toBe('taper.start-date-invalid');
    expect(plan([order('oxycodone', 10, 4)], 800, { startDate: '2024-12-01' }).issues.map((i) => i.code)).toContain('taper.start-in-past');
    const invalid = plan([order('oxycodone', 10, 4)], 800, { pace: { every: { days: 7 }, cut: { percent: 0, of: 'original' } } });
    expect(invalid.issues.map((i) => i.code)).toContain('taper.pace-invalid');
    expect(invalid.pace?.id).toBe('cdc-2022-monthly');
  });

  it('MME per step follows the clinic factor set', () => {
    const settings = { ...DEFAULT_OPIOID_SETTINGS, factorSet: 'cdc-2016' as const };
    const p = plan([order('methadone', 10, 3)], 800, { settings });
    expect(p.factorSet).toBe('CDC 2016 (cdc-2016, 2016-v1)');
    expect(p.originalMmePerDay).toBe(240);
  });

  it('orders not in effect are not part of the regimen', () => {
    expect(plan([order('oxycodone', 10, 4, 1, { status: 'stopped' })], 800).issues.map((i) => i.code)).toEqual(['taper.nothing-to-plan']);
  });
});
