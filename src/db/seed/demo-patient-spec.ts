/**
 * The shape of one demo patient. Ages are given in years plus days since the last birthday, and the birth
 * date is computed from the seed's `asOf`, so a patient shown as 54 stays 54 whenever the demo is seeded.
 */
import type { Ethnicity, Race, Sex } from '../../domain/patients/patient';
import type { DemoTeamKey } from './demo-staff';
import type { Payer, SeedLanguage, TownKey } from './value-lists';

export interface DemoPatientSpec {
  mrn: string;
  givenName: string;
  familyName: string;
  preferredName?: string;
  ageYears: number;
  daysSinceBirthday: number;
  sex: Sex;
  genderIdentity?: string;
  pronouns?: string;
  race: Race;
  ethnicity: Ethnicity;
  language: SeedLanguage;
  interpreterNeeded: boolean;
  /** Last two digits of a (541) 555-01xx number. */
  phoneSuffix: number;
  email?: string;
  addressLine: string;
  town: TownKey;
  payer: Payer;
  team: DemoTeamKey;
  /** 2–4 short sentences in person-first language. */
  summary: string;
}
