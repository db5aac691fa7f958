/**
 * The patient record as the domain sees it: demographics used for care and for equity stratification
 * (PRODUCT.md capability 11: age, sex, race and ethnicity, language, payer, rurality).
 * Race and ethnicity follow the OMB categories used by US Core; "unknown" and "declined" are allowed answers.
 */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const RACES = [
  'american-indian-or-alaska-native',
  'asian',
  'black-or-african-american',
  'native-hawaiian-or-other-pacific-islander',
  'white',
  'multiple',
  'unknown',
  'declined',
] as const;
export type Race = (typeof RACES)[number];

export const ETHNICITIES = ['hispanic-or-latino', 'not-hispanic-or-latino', 'unknown', 'declined'] as const;
export type Ethnicity = (typeof ETHNICITIES)[number];

export const RURALITIES = ['urban', 'rural'] as const;
export type Rurality = (typeof RURALITIES)[number];

/** Demographic fields a person can edit (everything but ids, version and timestamps). */
export interface PatientDemographics {
  mrn: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  birthDate: string; // YYYY-MM-DD
  sex: Sex;
  genderIdentity: string | null;
  pronouns: string | null;
  race: Race | null;
  ethnicity: Ethnicity | null;
  preferredLanguage: string; // BCP-47, e.g. "en", "es", "vi"
  interpreterNeeded: boolean;
  phone: string | null;
  email: string | null;
  addressLine: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  rurality: Rurality | null;
  payer: string | null;
  active: boolean;
  summary: string | null;
}

export interface Patient extends PatientDemographics {
  id: string;
  orgId: string;
  careTeamId: string | null;
  coordinatorUserId: string | null;
  version: number;
  createdAt: string; // ISO instant
  updatedAt: string; // ISO instant
}

/** The optional demographics a new record starts with when nothing is said about them. */
export const OPTIONAL_DEMOGRAPHIC_DEFAULTS: Omit<PatientDemographics, 'mrn' | 'givenName' | 'familyName' | 'birthDate' | 'sex'> = {
  preferredName: null,
  genderIdentity: null,
  pronouns: null,
  race: null,
  ethnicity: null,
  preferredLanguage: 'en',
  interpreterNeeded: false,
  phone: null,
  email: null,
  addressLine: null,
  city: null,
  state: null,
  postalCode: null,
  rurality: null,
  payer: null,
  active: true,
  summary: null,
};
