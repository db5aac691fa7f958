/**
 * CDC 2022 Rec 12 (reference 1.2): opioid use disorder recorded → offer or arrange medication treatment,
 * unless medication for opioid use disorder is already on the list.
 */
import { describe, expect, it } from 'vitest';
import { calculateMme } from './mme';
import type { RiskHistory } from './naloxone';
import { oudTreatmentFinding } from './oud';
import { reviewRisk } from './risk';
import { DEFAULT_OPIOID_SETTINGS } from './settings';
import { buildOrder, perDay } from './test-builders';
import type { MedicationOrder } from './types';

const AS_OF = new Date('2025-03-10T12:00:00Z');
const oxy = buildOrder('oxycodone', { id: 'oxy' });
const buprenorphineFilm = (extra: Partial<MedicationOrder> = {}): MedicationOrder =>
  buildOrder('buprenorphine', { id: 'bup', form: 'film', route: 'sublingual', strength: { amount: 8, unit: 'mg' }, dosage: { dose: { low: 1, high: 1, unit: 'film' }, frequency: perDay(1) }, extra });
const naltrexone = buildOrder('naltrexone', { id: 'ntx', code: '7243', strength: { amount: 50, unit: 'mg' }, dosage: { frequency: perDay(1) } });
const methadoneForPain = buildOrder('methadone', { id: 'mtd', dosage: { frequency: perDay(2) } });

describe('oudTreatmentFinding (CDC 2022 Rec 12)', () => {
  it.each<[string, RiskHistory, MedicationOrder[], boolean]>([
    ['recorded, nothing for it on the list', { opioidUseDisorder: true }, [oxy], true],
    ['recorded, no medication at all', { opioidUseDisorder: true }, [], true],
    ['recorded, buprenorphine marked as treatment for opioid use disorder', { opioidUseDisorder: true }, [buprenorphineFilm({ indication: 'oud' })], false],
    ['recorded, methadone marked as treatment for opioid use disorder', { opioidUseDisorder: true }, [buildOrder('methadone', { id: 'otp', extra: { indication: 'oud' } })], false],
    ['recorded, naltrexone on the list (never for pain)', { opioidUseDisorder: true }, [naltrexone], false],
    ['recorded, buprenorphine not marked (may be for pain): still offered', { opioidUseDisorder: true }, [buprenorphineFilm()], true],
    ['recorded, methadone for pain: still offered', { opioidUseDisorder: true }, [methadoneForPain], true],
    ['recorded, its medication stopped', { opioidUseDisorder: true }, [buprenorphineFilm({ indication: 'oud', status: 'stopped' })], true],
    ['recorded as absent', { opioidUseDisorder: false }, [oxy], false],
    ['not recorded', {}, [oxy], false],
    ['substance use disorder only (not opioid use disorder)', { substanceUseDisorder: true }, [oxy], false],
  ])('%s → finding %s', (_label, history, orders, expected) => {
    const finding = oudTreatmentFinding(orders, history, AS_OF);
    expect(finding !== null).toBe(expected);
    if (finding !== null) {
      expect(finding).toMatchObject({ code: 'risk.oud-medication-offer', severity: 'warning', sources: [{ source: 'CDC 2022 Rec 12', tag: 'V' }], evidence: ['history.opioidUseDisorder'] });
      expect(finding.message).toContain('detoxification alone');
      expect(finding.suggestion).toContain('offer or arrange');
    }
  });

  it('is part of the risk review, with or without an opioid for pain on the list', () => {
    const history: RiskHistory = { opioidUseDisorder: true };
    const withoutOpioid = reviewRisk({ orders: [], mme: calculateMme([], {}), history, asOf: AS_OF, settings: DEFAULT_OPIOID_SETTINGS });
    expect(withoutOpioid.onOpioid).toBe(false);
    expect(withoutOpioid.findings.map((f) => f.code)).toEqual(['risk.oud-medication-offer']);
    const withOpioid = reviewRisk({ orders: [oxy], mme: calculateMme([oxy], {}), history, asOf: AS_OF, settings: DEFAULT_OPIOID_SETTINGS });
    expect(withOpioid.findings.map((f) => f.code)).toContain('risk.oud-medication-offer');
    // Opioid use disorder is a substance use disorder for the naloxone criteria too.
    expect(withOpioid.naloxone.met.map((c) => c.code)).toContain('substance-use-disorder');
  });
});
