import { describe, expect, it } from 'vitest';
import { calculateMme } from './mme';
import { reviewRisk, type RiskHistory } from './risk';
import { DEFAULT_OPIOID_SETTINGS } from './settings';
import type { MedicationOrder } from './types';
import { RXNORM, buildOrder, buildPatch, perDay } from './test-builders';

const AS_OF = new Date('2025-03-10T12:00:00Z');
const ALL_KNOWN: RiskHistory = { overdose: false, substanceUseDisorder: false, sleepDisorderedBreathing: false, recentTaperOrStop: false, taperInProgress: false, recentReleaseFromPrison: false };

/** Oxycodone 5 mg four times a day = 30 MME/day. */
const oxy = (extra: Partial<MedicationOrder> = {}): MedicationOrder => buildOrder('oxycodone', { id: 'oxy', extra });
const review = (orders: MedicationOrder[], history: RiskHistory = ALL_KNOWN, settings = DEFAULT_OPIOID_SETTINGS): ReturnType<typeof reviewRisk> =>
  reviewRisk({ orders, mme: calculateMme(orders, { factorSet: settings.factorSet }), history, asOf: AS_OF, settings });
const codes = (r: ReturnType<typeof reviewRisk>): string[] => r.findings.map((f) => f.code);

const naloxoneSpray = buildOrder('naloxone', { id: 'nalox', form: 'spray', route: 'nasal', strength: { amount: 4, unit: 'mg' }, dosage: { dose: { low: 1, high: 1, unit: 'actuation' }, frequency: undefined, asNeeded: true } });
const lorazepam = buildOrder('lorazepam', { id: 'benzo', strength: { amount: 1, unit: 'mg' }, dosage: { frequency: perDay(2) } });

describe('reviewRisk: naloxone criteria (CDC 2022 Rec 8)', () => {
  it.each([
    ['overdose-history', { overdose: true }, []],
    ['substance-use-disorder', { substanceUseDisorder: true }, []],
    ['substance-use-disorder', { opioidUseDisorder: true }, []],
    ['sleep-disordered-breathing', { sleepDisorderedBreathing: true }, []],
    ['lost-tolerance', { recentTaperOrStop: true }, []],
    ['lost-tolerance', { taperInProgress: true }, []],
    ['lost-tolerance', { recentReleaseFromPrison: true }, []],
    ['benzodiazepine', {}, [lorazepam]],
    ['substance-use-disorder', {}, [buildOrder('buprenorphine', { id: 'moud', form: 'film', route: 'sublingual', strength: { amount: 8, unit: 'mg' }, dosage: { dose: { low: 1, high: 1, unit: 'film' }, frequency: perDay(1) }, extra: { indication: 'oud' } })]],
  ] as const)('%s alone → offer naloxone (%j)', (criterion, history, extraOrders) => {
    const r = review([oxy(), ...extraOrders], { ...ALL_KNOWN, ...history });
    expect(r.naloxone.met.map((c) => c.code)).toEqual([criterion]);
    const finding = r.findings.find((f) => f.code === 'risk.naloxone-offer');
    expect(finding?.sources).toEqual([{ source: 'CDC 2022 Rec 8', tag: 'V' }]);
    expect(finding?.severity).toBe('warning');
  });

  it.each([
    [49.9, false],
    [50, true],
    [50.1, true],
  ])('total %s MME/day → higher-dose criterion %s (setting named)', (mme, met) => {
    const order = buildOrder('morphine', { strength: { amount: mme, unit: 'mg' }, dosage: { frequency: perDay(1) } });
    const r = review([order]);
    const criterion = r.naloxone.criteria.find((c) => c.code === 'higher-dose');
    expect(criterion?.met).toBe(met);
    expect(criterion?.setting).toBe('naloxoneMmePerDay=50 (v1)');
    expect(criterion?.evidence[0]).toContain('CDC 2022 (cdc-2022, 2022-v1)');
  });

  it('no criterion → discuss naloxone (info), as the final Rec 8 statement offers it to everyone on opioids', () => {
    const r = review([oxy()]);
    expect(r.naloxone.met).toEqual([]);
    expect(r.findings.find((f) => f.code === 'risk.naloxone-discuss')?.severity).toBe('info');
  });

  it('naloxone on the list → no offer; buprenorphine/naloxone is not rescue naloxone', () => {
    expect(codes(review([oxy(), naloxoneSpray], { ...ALL_KNOWN, overdose: true }))).toContain('risk.naloxone-on-list');
    const suboxone: MedicationOrder = {
      id: 'bup-nx',
      ingredients: [
        { ingredient: { code: RXNORM.buprenorphine, name: 'buprenorphine' }, strength: { amount: 8, unit: 'mg' } },
        { ingredient: { code: RXNORM.naloxone, name: 'naloxone' }, strength: { amount: 2, unit: 'mg' } },
      ],
      form: 'film',
      dosage: { dose: { low: 1, high: 1, unit: 'film' }, frequency: perDay(1), asNeeded: false, route: 'sublingual' },
      indication: 'oud',
    };
    const r = review([suboxone]);
    expect(r.naloxone.onList).toBe(false);
    expect(codes(r)).toContain('risk.naloxone-offer');
  });

  it('history not recorded is "unknown", reported, never read as absent', () => {
    const r = review([oxy()], {});
    expect(r.naloxone.unknown.map((c) => c.code)).toEqual(['overdose-history', 'substance-use-disorder', 'sleep-disordered-breathing', 'lost-tolerance']);
    expect(r.issues.filter((i) => i.code === 'risk.history-not-recorded')).toHaveLength(4);
    expect(r.issues.every((i) => i.severity === 'info')).toBe(true);
  });

  it('no opioid in effect → no findings', () => {
    const r = review([lorazepam, oxy({ status: 'stopped' }), oxy({ end: '2025-03-01' })]);
    expect(r.onOpioid).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('a draft opioid order counts (an order being written is what gets checked)', () => {
    expect(review([oxy({ status: 'draft' }), lorazepam]).onOpioid).toBe(true);
  });
});

describe('reviewRisk: 50 MME/day guidepost', () => {
  it.each([
    [49.9, false],
    [50, true],
  ])('%s MME/day → pause-and-reassess finding %s', (mme, present) => {
    const r = review([buildOrder('morphine', { strength: { amount: mme, unit: 'mg' }, dosage: { frequency: perDay(1) } })]);
    expect(codes(r).includes('risk.mme-pause-and-reassess')).toBe(present);
  });

  it('is a guidepost for increasing, names its setting and the factor set', () => {
    const r = review([buildPatch(50)]);
    const finding = r.findings.find((f) => f.code === 'risk.mme-pause-and-reassess');
    expect(finding?.title).toBe('50 MME/day or more: pause and reassess before increasing');
    expect(finding?.message).toContain('120 MME/day by CDC 2022 (cdc-2022, 2022-v1)');
    expect(finding?.message).toContain('not a limit');
    expect(finding?.setting).toBe('mmeReassessPerDay=50 (v1)');
    expect(finding?.sources.map((s) => s.source)).toEqual(['CDC 2022 Rec 4 (supporting text)', 'CDC 2022 Rec 8']);
  });

  it('follows the setting', () => {
    const settings = { ...DEFAULT_OPIOID_SETTINGS, mmeReassessPerDay: 30 };
    expect(codes(review([oxy()], ALL_KNOWN, settings))).toContain('risk.mme-pause-and-reassess');
  });

  it('no finding at 90 MME/day beyond the 50 guidepost (90 is only in the evidence discussion)', () => {
    const r = review([buildOrder('morphine', { strength: { amount: 95, unit: 'mg' }, dosage: { frequency: perDay(1) } })]);
    expect(codes(r).filter((c) => c.startsWith('risk.mme'))).toEqual(['risk.mme-pause-and-reassess']);
  });

  it('an incomplete total says the real total is higher', () => {
    const r = review([oxy(), buildOrder('meperidine', { id: 'mep', strength: { amount: 50, unit: 'mg' } })]);
    expect(r.findings.find((f) => f.code === 'risk.mme-incomplete')?.message).toContain('Meperidine');
    expect(r.mme.complete).toBe(false);
  });
});

describe('reviewRisk: sedatives with opioids (FDA 2016, FDA 2019, CDC 2022 Rec 11)', () => {
  it.each([
    ['benzodiazepine', lorazepam, ['FDA Drug Safety Communication, 31 Aug 2016 (boxed warning)', 'CDC 2022 Rec 11', 'CDC 2022 Rec 8']],
    ['gabapentinoid', buildOrder('gabapentin', { strength: { amount: 300, unit: 'mg' } }), ['FDA Drug Safety Communication, 19 Dec 2019 (gabapentinoids)', 'CDC 2022 Rec 11']],
    ['gabapentinoid', buildOrder('pregabalin', { strength: { amount: 75, unit: 'mg' } }), ['FDA Drug Safety Communication, 19 Dec 2019 (gabapentinoids)', 'CDC 2022 Rec 11']],
    ['muscle-relaxant', buildOrder('cyclobenzaprine', { code: '0', strength: { amount: 10, unit: 'mg' } }), ['CDC 2022 Rec 11', 'FDA Drug Safety Communication, 31 Aug 2016 (boxed warning)']],
    ['muscle-relaxant', buildOrder('carisoprodol', { strength: { amount: 350, unit: 'mg' } }), ['CDC 2022 Rec 11', 'FDA Drug Safety Communication, 31 Aug 2016 (boxed warning)']],
    ['sleep-medication', buildOrder('zolpidem', { strength: { amount: 5, unit: 'mg' } }), ['CDC 2022 Rec 11', 'FDA Drug Safety Communication, 31 Aug 2016 (boxed warning)']],
    ['other-sedative', buildOrder('hydroxyzine', { code: '0', strength: { amount: 25, unit: 'mg' } }), ['CDC 2022 Rec 11', 'FDA Drug Safety Communication, 31 Aug 2016 (boxed warning)', 'Painpath ingredient table (class membership not checked against a primary source)']],
  ] as const)('opioid + %s → finding with its sources', (drugClass, sedative, sources) => {
    const r = review([oxy(), sedative]);
    const finding = r.findings.find((f) => f.code === `risk.opioid-with-${drugClass}`);
    expect(finding?.sources.map((s) => s.source)).toEqual(sources);
    expect(finding?.evidence).toEqual([`order ${sedative.id}`, 'order oxy']);
  });

  it('one finding per class, none without an opioid', () => {
    const gaba = buildOrder('gabapentin', { strength: { amount: 300, unit: 'mg' } });
    expect(codes(review([oxy(), lorazepam, gaba])).filter((c) => c.startsWith('risk.opioid-with'))).toEqual(['risk.opioid-with-benzodiazepine', 'risk.opioid-with-gabapentinoid']);
    expect(review([lorazepam, gaba]).findings).toEqual([]);
  });

  it('with medication for OUD the suggestion says not to withhold it (FDA 2017 [U], CDC Rec 11)', () => {
    const moud = buildOrder('methadone', { id: 'moud', strength: { amount: 10, unit: 'mg' }, dosage: { dose: { low: 8, high: 8, unit: 'tablet' }, frequency: perDay(1) }, extra: { indication: 'oud' } });
    const finding = review([moud, lorazepam]).findings.find((f) => f.code === 'risk.opioid-with-benzodiazepine');
    expect(finding?.suggestion).toContain('should not be withheld');
    expect(finding?.sources.at(-1)).toEqual({ source: 'FDA Drug Safety Communication, 20 Sep 2017', tag: 'U' });
  });

  it('sleep-disordered breathing is its own finding', () => {
    expect(codes(review([oxy()], { ...ALL_KNOWN, sleepDisorderedBreathing: true }))).toContain('risk.sleep-disordered-breathing');
  });
});
