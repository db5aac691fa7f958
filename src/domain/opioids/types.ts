/**
 * Shared types for medication orders, directions and results of the opioid-safety rules.
 *
 * Source: issue "Medications and opioid safety" (structured orders) and PRODUCT.md capability 6. The order
 * shape follows what the public MME calculator reads from a FHIR MedicationRequest (reference 1.5: dose or
 * dose range, frequency / frequencyMax, period / periodMax / periodUnit, timeOfDay, as-needed, strength per
 * unit) so the FHIR mapper can fill it field by field. No clinical figures in this file.
 *
 * Assumptions:
 * - Calendar dates are `YYYY-MM-DD` strings; the clock (`asOf`) is a Date passed in and read in UTC.
 * - One order is one product: a combination product (hydrocodone/acetaminophen) lists every ingredient,
 *   each with its strength per form unit.
 * - `status` defaults to 'active'; `release` to 'immediate'; `indication` to 'pain'.
 */

/** How sure we are of a figure (reference/clinical-facts.md): verified, secondary source, unverified. */
export type Tag = 'V' | 'S' | 'U';

/** A source named on every figure and finding, e.g. { source: 'CDC 2022 Rec 8', tag: 'V' }. */
export interface SourceRef {
  source: string;
  tag: Tag;
}

/** An RxNorm ingredient (term type IN): code and name as the ordering system sent them. */
export interface RxNormIngredient {
  code: string;
  name: string;
}

export const DOSE_FORMS = [
  'tablet',
  'capsule',
  'solution',
  'patch',
  'film',
  'spray',
  'lozenge',
  'suppository',
  'injection',
  'other',
] as const;
export type DoseForm = (typeof DOSE_FORMS)[number];

/** The unit one dose of a form is counted in ("2 tablets", "5 mL", "1 actuation"). */
export const FORM_UNITS = ['tablet', 'capsule', 'mL', 'patch', 'film', 'actuation', 'lozenge', 'suppository'] as const;
export type FormUnit = (typeof FORM_UNITS)[number];
export type MassUnit = 'mg' | 'mcg';
/** 'each' = one of the product's own units, when the directions gave a number without a unit ("1 po q6h"). */
export type DoseUnit = FormUnit | MassUnit | 'each';

export type StrengthUnit = 'mg' | 'mcg' | 'mcg/hr' | 'mg/hr';

/** Strength per form unit: 5 mg per tablet; 25 mcg/hr per patch; 5 mg per 5 mL is { amount: 5, per: 5 }. */
export interface Strength {
  amount: number;
  unit: StrengthUnit;
  /** How many form units the amount is in (default 1). */
  per?: number;
}

export interface OrderIngredient {
  ingredient: RxNormIngredient;
  strength: Strength;
}

export const ROUTES = [
  'oral',
  'transdermal',
  'sublingual',
  'buccal',
  'nasal',
  'rectal',
  'intravenous',
  'intramuscular',
  'subcutaneous',
  'other',
] as const;
export type Route = (typeof ROUTES)[number];

export type PeriodUnit = 'min' | 'h' | 'd' | 'wk' | 'mo';

/**
 * `count` (to `countMax`) doses every `period` (to `periodMax`) units. "every 4–6 hours" is
 * { count: 1, period: 4, periodMax: 6, periodUnit: 'h' }; "1–2 times a day" is { count: 1, countMax: 2, ... }.
 */
export interface Frequency {
  count: number;
  countMax?: number;
  period: number;
  periodMax?: number;
  periodUnit: PeriodUnit;
}

/** A dose or a dose range; a single dose has low = high. */
export interface DoseQuantity {
  low: number;
  high: number;
  unit: DoseUnit;
}

/** The most the directions allow in a day: "max 6 tablets a day", "no more than 3 doses in 24 hours". */
export interface MaxPerDay {
  amount: number;
  unit: DoseUnit | 'dose';
}

export const TIMES_OF_DAY = ['morning', 'noon', 'evening', 'bedtime'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

/** The directions of an order (structured or parsed from free text). */
export interface Dosage {
  dose?: DoseQuantity;
  route?: Route;
  frequency?: Frequency;
  /** Named times or clock times ('HH:MM'); without a frequency, their number is the doses per day. */
  timesOfDay?: string[];
  asNeeded: boolean;
  asNeededFor?: string;
  maxPerDay?: MaxPerDay;
  durationDays?: number;
}

export const ORDER_STATUSES = ['active', 'draft', 'on-hold', 'stopped', 'completed', 'entered-in-error'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type Release = 'immediate' | 'extended';
/** 'oud' = medication for opioid use disorder; the pain MME guideposts do not apply to it. */
export type Indication = 'pain' | 'oud' | 'other';

export interface MedicationOrder {
  id: string;
  ingredients: OrderIngredient[];
  form: DoseForm;
  release?: Release;
  dosage: Dosage;
  daysSupply?: number;
  /** YYYY-MM-DD. */
  start?: string;
  /** YYYY-MM-DD, inclusive. */
  end?: string;
  status?: OrderStatus;
  indication?: Indication;
  /** The sending system says this is an opioid even when our ingredient table does not know it. */
  isOpioid?: boolean;
  /** The directions as written, kept for display. */
  text?: string;
}

/** A clinical finding shown to the clinician: it explains itself and names its sources. */
export interface Finding {
  /** Stable, e.g. 'risk.opioid-with-benzodiazepine'. */
  code: string;
  severity: 'info' | 'warning';
  title: string;
  message: string;
  /** What the clinician might do; a suggestion, never an instruction. */
  suggestion: string;
  sources: SourceRef[];
  /** What triggered it: order ids and history keys. */
  evidence: string[];
  /** The setting that produced it, e.g. 'naloxoneMmePerDay=50 (v1)'. */
  setting?: string;
}
