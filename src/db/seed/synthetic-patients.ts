/**
 * Generates synthetic patients for the scale clinic, deterministically from a seed. Demographics use the
 * domain value lists (sex, race, ethnicity, rurality) and the seed lists (languages, payers, towns), with
 * rough US-clinic proportions and simple correlations (names follow language; people 65 and over mostly
 * have Medicare). Proportions are illustrative, not census figures. Summaries are person-first.
 */
import type { Ethnicity, Race, Sex } from '../../domain/patients/patient';
import type { patients } from '../schema';
import { birthDateForAge } from './dates';
import type { Weighted } from './prng';
import { SeededRandom } from './prng';
import { NAME_POOLS, STREET_KINDS, STREET_NAMES } from './synthetic-names';
import type { Payer, SeedLanguage, TownKey } from './value-lists';
import { fictionalPhone, SEED_STATE, TOWNS } from './value-lists';

export type PatientInsert = typeof patients.$inferInsert;

export interface SyntheticTeam {
  id: string;
  coordinatorUserId: string;
}

export interface SyntheticContext {
  orgId: string;
  asOf: Date;
  teams: readonly SyntheticTeam[];
}

const LANGUAGE_WEIGHTS: Weighted<SeedLanguage> = [
  ['en', 72], ['es', 12], ['vi', 3], ['zh', 3], ['ar', 3], ['so', 2], ['ht', 2], ['ru', 3],
];
const SEX_WEIGHTS: Weighted<Sex> = [['female', 560], ['male', 430], ['other', 6], ['unknown', 4]];
const RACE_BY_LANGUAGE: Record<SeedLanguage, Weighted<Race>> = {
  en: [
    ['white', 58], ['black-or-african-american', 15], ['asian', 4], ['american-indian-or-alaska-native', 3],
    ['native-hawaiian-or-other-pacific-islander', 1], ['multiple', 7], ['unknown', 7], ['declined', 5],
  ],
  es: [['white', 45], ['multiple', 20], ['unknown', 20], ['american-indian-or-alaska-native', 5], ['black-or-african-american', 5], ['declined', 5]],
  vi: [['asian', 95], ['declined', 5]],
  zh: [['asian', 95], ['declined', 5]],
  ar: [['white', 70], ['declined', 20], ['unknown', 10]],
  so: [['black-or-african-american', 95], ['declined', 5]],
  ht: [['black-or-african-american', 95], ['declined', 5]],
  ru: [['white', 95], ['declined', 5]],
};
const ETHNICITY_EN: Weighted<Ethnicity> = [
  ['not-hispanic-or-latino', 80], ['hispanic-or-latino', 8], ['unknown', 7], ['declined', 5],
];
const ETHNICITY_ES: Weighted<Ethnicity> = [['hispanic-or-latino', 95], ['unknown', 3], ['declined', 2]];
const ETHNICITY_OTHER: Weighted<Ethnicity> = [['not-hispanic-or-latino', 90], ['unknown', 5], ['declined', 5]];
const PAYER_UNDER_65: Weighted<Payer> = [
  ['Commercial', 45], ['Medicaid', 30], ['Medicare', 5], ['VA', 5], ["Workers' compensation", 7], ['Self-pay', 8],
];
const PAYER_65_PLUS: Weighted<Payer> = [['Medicare', 85], ['VA', 7], ['Commercial', 5], ['Self-pay', 3]];
/** About one patient in five lives in a rural town. */
const TOWN_WEIGHTS: Weighted<TownKey> = [
  ['riverbend', 45], ['millbrook', 20], ['eastGate', 15], ['alderFlats', 6], ['cedarHollow', 5], ['juniperRidge', 5], ['kestrelPoint', 4],
];
const GENDER_IDENTITIES: readonly (readonly [string, string, Sex])[] = [
  ['transgender woman', 'she/her', 'female'],
  ['transgender man', 'he/him', 'male'],
  ['non-binary', 'they/them', 'other'],
];

/** Person-first openings; `{n}` is a number of years. */
const CONDITIONS: readonly string[] = [
  'Chronic low back pain for {n} years.',
  'Knee osteoarthritis, worse with stairs, for {n} years.',
  'Fibromyalgia with widespread pain and poor sleep for {n} years.',
  'Neck pain since a car crash {n} years ago.',
  'Painful diabetic neuropathy in both feet for {n} years.',
  'Persistent pain after surgery {n} years ago.',
  'Migraine with neck pain for {n} years.',
  'Hip osteoarthritis for {n} years.',
  'Shoulder pain after a work injury {n} years ago.',
  'Low back pain with sciatica for {n} years.',
  'Chronic pelvic pain for {n} years.',
  'Widespread joint pain with hypermobility for {n} years.',
  'On long-term opioid therapy for back and leg pain for {n} years.',
  'In recovery from opioid use disorder, taking buprenorphine, with chronic knee pain for {n} years.',
];
const GOALS: readonly string[] = [
  'walk the dog for 20 minutes',
  'sit through a movie',
  'cycle for 30 minutes',
  'lift a grandchild',
  'sleep through the night',
  'garden for an hour',
  'work a full shift',
  'climb the stairs at home without stopping',
  'carry the groceries from the car',
  'play with the kids at the park',
  'drive to see family',
  'cook a family meal',
];

/** Returns a function that makes patient `index` (0-based); call it with indexes in order. */
export function createSyntheticPatientGenerator(seed: number, context: SyntheticContext): (index: number) => PatientInsert {
  const rng = new SeededRandom(seed);
  const { orgId, asOf, teams } = context;
  if (teams.length === 0) throw new Error('createSyntheticPatientGenerator: at least one team is needed');

  return (index: number): PatientInsert => {
    const language = rng.weighted(LANGUAGE_WEIGHTS);
    let sex = rng.weighted(SEX_WEIGHTS);
    let genderIdentity: string | null = null;
    let pronouns: string | null = null;
    if (rng.chance(0.02)) {
      const [identity, pronoun, recordedSex] = rng.pick(GENDER_IDENTITIES);
      genderIdentity = identity;
      pronouns = pronoun;
      sex = recordedSex;
    }
    const pool = NAME_POOLS[language];
    const givenName = rng.pick(sex === 'male' ? pool.male : sex === 'female' ? pool.female : rng.chance(0.5) ? pool.female : pool.male);
    let familyName = rng.pick(pool.family);
    if (language === 'ru' && sex === 'female' && familyName.endsWith('v')) familyName += 'a';
    // Triangular age distribution from 18 to 95, centred in the mid-50s.
    const ageYears = 18 + Math.round(((rng.next() + rng.next()) / 2) * 77);
    const race = rng.weighted(RACE_BY_LANGUAGE[language]);
    const ethnicity = rng.weighted(language === 'es' ? ETHNICITY_ES : language === 'en' ? ETHNICITY_EN : ETHNICITY_OTHER);
    const townKey = rng.weighted(TOWN_WEIGHTS);
    const town = TOWNS[townKey];
    const team = teams[index % teams.length] as SyntheticTeam;
    const condition = rng.pick(CONDITIONS).replace('{n}', String(rng.int(1, 15)));
    const goal = rng.pick(GOALS);
    const mrnNumber = index + 1;
    return {
      orgId,
      mrn: syntheticMrn(mrnNumber),
      givenName,
      familyName,
      preferredName: null,
      birthDate: birthDateForAge(asOf, ageYears, rng.int(0, 364)),
      sex,
      genderIdentity,
      pronouns,
      race,
      ethnicity,
      preferredLanguage: language,
      interpreterNeeded: language !== 'en' && rng.chance(0.65),
      phone: fictionalPhone(rng.int(0, 99)),
      email: rng.chance(0.5) ? `patient${mrnNumber}@synthetic.example` : null,
      addressLine: `${rng.int(1, 9999)} ${rng.pick(STREET_NAMES)} ${rng.pick(STREET_KINDS)}`,
      city: town.city,
      state: SEED_STATE,
      postalCode: town.postalCode,
      rurality: town.rurality,
      payer: rng.weighted(ageYears >= 65 ? PAYER_65_PLUS : PAYER_UNDER_65),
      careTeamId: team.id,
      coordinatorUserId: team.coordinatorUserId,
      active: true,
      summary: `${condition} Goal: ${goal}.`,
      createdAt: asOf,
      updatedAt: asOf,
    };
  };
}

/** 'SYN-0000001' for 1. */
export function syntheticMrn(n: number): string {
  return `SYN-${String(n).padStart(7, '0')}`;
}
