/**
 * Value lists shared by the demo clinic and the synthetic scale clinic, so both produce data the equity
 * dashboard can stratify the same way (PRODUCT.md capability 11: language, payer, rurality).
 *
 * Assumptions:
 * - Payer is stored as a category, not a plan name: stratification groups by it, and plan names would
 *   split one group into many. The categories follow the usual US split.
 * - Places are a fictional region ("Riverbend Valley") in Oregon. Town names are invented; postal codes only
 *   follow the state's 97xxx pattern and are not meant to match real places. Phone numbers use the
 *   555-0100..0199 block reserved for fiction.
 */
import type { Rurality } from '../../domain/patients/patient';

/** BCP-47 primary language tags used in demo and synthetic data. */
export const SEED_LANGUAGES = ['en', 'es', 'vi', 'zh', 'ar', 'so', 'ht', 'ru'] as const;
export type SeedLanguage = (typeof SEED_LANGUAGES)[number];

export const PAYERS = ['Medicare', 'Medicaid', 'Commercial', 'VA', "Workers' compensation", 'Self-pay'] as const;
export type Payer = (typeof PAYERS)[number];

export const SEED_STATE = 'OR';

export interface Town {
  city: string;
  postalCode: string;
  rurality: Rurality;
}

export const TOWNS = {
  riverbend: { city: 'Riverbend', postalCode: '97901', rurality: 'urban' },
  millbrook: { city: 'Millbrook', postalCode: '97905', rurality: 'urban' },
  eastGate: { city: 'East Gate', postalCode: '97907', rurality: 'urban' },
  alderFlats: { city: 'Alder Flats', postalCode: '97921', rurality: 'rural' },
  cedarHollow: { city: 'Cedar Hollow', postalCode: '97926', rurality: 'rural' },
  juniperRidge: { city: 'Juniper Ridge', postalCode: '97932', rurality: 'rural' },
  kestrelPoint: { city: 'Kestrel Point', postalCode: '97938', rurality: 'rural' },
} as const satisfies Record<string, Town>;
export type TownKey = keyof typeof TOWNS;

/** A phone number in the block reserved for fiction: (541) 555-0100 .. (541) 555-0199. */
export function fictionalPhone(n: number): string {
  return `(541) 555-01${String(Math.abs(n) % 100).padStart(2, '0')}`;
}
