/**
 * Builders for the opioid tests (not exported from index.ts). Source: none clinical.
 * RxNorm ingredient codes as in ingredient-table.ts.
 */
import type { DoseForm, Dosage, Frequency, MedicationOrder, Route, Strength } from './types';

export const RXNORM = {
  codeine: '2670',
  fentanyl: '4337',
  hydrocodone: '5489',
  hydromorphone: '3423',
  methadone: '6813',
  morphine: '7052',
  oxycodone: '7804',
  oxymorphone: '7814',
  tapentadol: '787390',
  tramadol: '10689',
  buprenorphine: '1819',
  butorphanol: '1841',
  levorphanol: '6378',
  meperidine: '6754',
  pentazocine: '8001',
  dihydrocodeine: '23088',
  naloxone: '7242',
  acetaminophen: '161',
  alprazolam: '596',
  lorazepam: '6470',
  gabapentin: '25480',
  pregabalin: '187832',
  zolpidem: '39993',
  carisoprodol: '2101',
} as const;

export const perDay = (count: number): Frequency => ({ count, period: 1, periodUnit: 'd' });
export const everyHours = (period: number, periodMax?: number): Frequency =>
  periodMax === undefined ? { count: 1, period, periodUnit: 'h' } : { count: 1, period, periodMax, periodUnit: 'h' };

interface OrderOptions {
  id?: string;
  code?: string;
  strength?: Strength;
  form?: DoseForm;
  route?: Route;
  dosage?: Partial<Dosage>;
  extra?: Partial<MedicationOrder>;
}

/** One single-ingredient order; by default 1 tablet of 5 mg four times a day, oral. */
export function buildOrder(name: string, options: OrderOptions = {}): MedicationOrder {
  const code = options.code ?? (RXNORM as Record<string, string>)[name] ?? '0';
  const route = options.route ?? (options.form === 'patch' ? 'transdermal' : 'oral');
  const dosage: Dosage = { dose: { low: 1, high: 1, unit: 'tablet' }, frequency: perDay(4), asNeeded: false, route, ...options.dosage };
  return {
    id: options.id ?? name,
    ingredients: [{ ingredient: { code, name }, strength: options.strength ?? { amount: 5, unit: 'mg' } }],
    form: options.form ?? 'tablet',
    dosage,
    ...options.extra,
  };
}

/** A fentanyl patch of `mcgPerHour`, `patches` worn at once, changed every `everyDays` days. */
export function buildPatch(mcgPerHour: number, everyDays = 3, patches = 1, id = `fentanyl-${mcgPerHour}`): MedicationOrder {
  return buildOrder('fentanyl', {
    id,
    form: 'patch',
    strength: { amount: mcgPerHour, unit: 'mcg/hr' },
    dosage: { dose: { low: patches, high: patches, unit: 'patch' }, frequency: { count: 1, period: everyDays, periodUnit: 'd' } },
  });
}
