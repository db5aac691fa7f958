import { describe, expect, it } from 'vitest';
import type { Issue } from '../domain/issues';
import type { Patient, PatientDemographics } from '../domain/patients/patient';
import { ETHNICITIES, RACES, SEXES } from '../domain/patients/patient';
import { fromFhirPatient, MRN_SYSTEM, toFhirPatient } from './patient.mapper';

const BASE = 'https://painpath.org/fhir/StructureDefinition/';
const RACE_URL = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race';
const ETHNICITY_URL = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity';
const OMB = 'urn:oid:2.16.840.1.113883.6.238';
const NULL_FLAVOR = 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor';

function buildPatient(overrides: Partial<Patient> = {}): Patient {
  return {
    id: 'p-1',
    orgId: 'org-1',
    careTeamId: null,
    coordinatorUserId: null,
    version: 3,
    createdAt: '2025-01-02T03:04:05.000Z',
    updatedAt: '2025-02-03T04:05:06.000Z',
    mrn: 'MRN-001',
    givenName: 'Maria',
    familyName: 'Lopez',
    preferredName: null,
    birthDate: '1970-05-17',
    sex: 'female',
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
    ...overrides,
  };
}

function demographicsOf(patient: Patient): PatientDemographics {
  const { id: _id, orgId: _o, careTeamId: _c, coordinatorUserId: _u, version: _v, createdAt: _ca, updatedAt: _ua, ...rest } =
    patient;
  return rest;
}

/** A minimal valid Patient as another system might send it. */
function minimalFhir(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceType: 'Patient',
    identifier: [{ system: MRN_SYSTEM, value: 'MRN-9' }],
    name: [{ family: 'Okafor', given: ['Ada'] }],
    birthDate: '1985-11-30',
    ...overrides,
  };
}

const mrType = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR', display: 'Medical record number' }] };

describe('toFhirPatient', () => {
  it('writes every field of a fully described patient', () => {
    const patient = buildPatient({
      preferredName: 'Mari',
      genderIdentity: 'woman',
      pronouns: 'she/her',
      race: 'white',
      ethnicity: 'hispanic-or-latino',
      preferredLanguage: 'es',
      interpreterNeeded: true,
      phone: '+1 555 0100',
      email: 'maria@example.org',
      addressLine: '12 Main St, Apt 4',
      city: 'Albuquerque',
      state: 'NM',
      postalCode: '87101',
      rurality: 'rural',
      payer: 'Medicaid',
    });
    expect(toFhirPatient(patient)).toEqual({
      resourceType: 'Patient',
      id: 'p-1',
      meta: {
        versionId: '3',
        lastUpdated: '2025-02-03T04:05:06.000Z',
        profile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient'],
      },
      extension: [
        {
          url: RACE_URL,
          extension: [
            { url: 'ombCategory', valueCoding: { system: OMB, code: '2106-3', display: 'White' } },
            { url: 'text', valueString: 'White' },
          ],
        },
        {
          url: ETHNICITY_URL,
          extension: [
            { url: 'ombCategory', valueCoding: { system: OMB, code: '2135-2', display: 'Hispanic or Latino' } },
            { url: 'text', valueString: 'Hispanic or Latino' },
          ],
        },
        { url: `${BASE}interpreter-needed`, valueBoolean: true },
        { url: `${BASE}rurality`, valueCode: 'rural' },
        { url: `${BASE}payer`, valueString: 'Medicaid' },
        { url: `${BASE}pronouns`, valueString: 'she/her' },
        { url: `${BASE}gender-identity`, valueString: 'woman' },
      ],
      identifier: [{ use: 'usual', type: mrType, system: 'urn:painpath:mrn', value: 'MRN-001' }],
      active: true,
      name: [
        { use: 'official', family: 'Lopez', given: ['Maria'] },
        { use: 'usual', given: ['Mari'] },
      ],
      telecom: [
        { system: 'phone', value: '+1 555 0100' },
        { system: 'email', value: 'maria@example.org' },
      ],
      gender: 'female',
      birthDate: '1970-05-17',
      address: [{ line: ['12 Main St, Apt 4'], city: 'Albuquerque', state: 'NM', postalCode: '87101' }],
      communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'es' }] }, preferred: true }],
    });
  });

  it('leaves out empty telecom, address and optional extensions', () => {
    const resource = toFhirPatient(buildPatient({ active: false, sex: 'unknown' }));
    expect(resource.telecom).toBeUndefined();
    expect(resource.address).toBeUndefined();
    expect(resource.extension).toEqual([{ url: `${BASE}interpreter-needed`, valueBoolean: false }]);
    expect([resource.active, resource.gender]).toEqual([false, 'unknown']);
  });

  it('writes only the address parts that are set', () => {
    expect(toFhirPatient(buildPatient({ state: 'VT' })).address).toEqual([{ state: 'VT' }]);
  });

  it.each([
    ['american-indian-or-alaska-native', OMB, '1002-5', 'American Indian or Alaska Native', 'American Indian or Alaska Native'],
    ['asian', OMB, '2028-9', 'Asian', 'Asian'],
    ['black-or-african-american', OMB, '2054-5', 'Black or African American', 'Black or African American'],
    ['native-hawaiian-or-other-pacific-islander', OMB, '2076-8', 'Native Hawaiian or Other Pacific Islander', 'Native Hawaiian or Other Pacific Islander'],
    ['white', OMB, '2106-3', 'White', 'White'],
    ['unknown', NULL_FLAVOR, 'UNK', 'Unknown', 'Unknown'],
    ['declined', NULL_FLAVOR, 'ASKU', 'Asked but no answer', 'Declined to answer'],
  ] as const)('race %s is ombCategory %s|%s', (race, system, code, display, text) => {
    expect(toFhirPatient(buildPatient({ race })).extension?.[0]).toEqual({
      url: RACE_URL,
      extension: [
        { url: 'ombCategory', valueCoding: { system, code, display } },
        { url: 'text', valueString: text },
      ],
    });
  });

  it('race multiple is the text Multiple with no ombCategory', () => {
    expect(toFhirPatient(buildPatient({ race: 'multiple' })).extension?.[0]).toEqual({
      url: RACE_URL,
      extension: [{ url: 'text', valueString: 'Multiple' }],
    });
  });

  it.each([
    ['hispanic-or-latino', OMB, '2135-2', 'Hispanic or Latino', 'Hispanic or Latino'],
    ['not-hispanic-or-latino', OMB, '2186-5', 'Not Hispanic or Latino', 'Not Hispanic or Latino'],
    ['unknown', NULL_FLAVOR, 'UNK', 'Unknown', 'Unknown'],
    ['declined', NULL_FLAVOR, 'ASKU', 'Asked but no answer', 'Declined to answer'],
  ] as const)('ethnicity %s is ombCategory %s|%s', (ethnicity, system, code, display, text) => {
    expect(toFhirPatient(buildPatient({ ethnicity })).extension?.[0]).toEqual({
      url: ETHNICITY_URL,
      extension: [
        { url: 'ombCategory', valueCoding: { system, code, display } },
        { url: 'text', valueString: text },
      ],
    });
  });
});

describe('fromFhirPatient(toFhirPatient(p)) round trip', () => {
  const rows: [string, Patient][] = [
    ...RACES.map((race): [string, Patient] => [`race ${race}`, buildPatient({ race })]),
    ...ETHNICITIES.map((ethnicity): [string, Patient] => [`ethnicity ${ethnicity}`, buildPatient({ ethnicity })]),
    ...SEXES.map((sex): [string, Patient] => [`sex ${sex}`, buildPatient({ sex })]),
    ['no optional fields', buildPatient()],
    ['inactive', buildPatient({ active: false })],
    ['urban, interpreter, Vietnamese', buildPatient({ rurality: 'urban', interpreterNeeded: true, preferredLanguage: 'vi' })],
    ['city only', buildPatient({ city: 'Burlington' })],
    ['phone only', buildPatient({ phone: '802-555-0199' })],
    [
      'every optional field',
      buildPatient({
        preferredName: 'Sam',
        givenName: 'Samuel James',
        familyName: "O'Neil-Nguyen",
        genderIdentity: 'non-binary',
        pronouns: 'they/them',
        race: 'asian',
        ethnicity: 'not-hispanic-or-latino',
        preferredLanguage: 'zh-Hant',
        interpreterNeeded: true,
        phone: '+1 555 0101',
        email: 'sam@example.org',
        addressLine: '1 Elm Rd, Unit 2',
        city: 'Portland',
        state: 'ME',
        postalCode: '04101',
        rurality: 'rural',
        payer: 'Medicare',
        sex: 'other',
      }),
    ],
  ];

  it.each(rows)('%s', (_label, patient) => {
    expect(fromFhirPatient(toFhirPatient(patient))).toEqual({ demographics: demographicsOf(patient), issues: [] });
  });
});

function read(resource: unknown): { demographics: PatientDemographics; issues: Issue[] } {
  return fromFhirPatient(JSON.parse(JSON.stringify(resource)) as unknown);
}

describe('fromFhirPatient defaults', () => {
  it('fills language, interpreter, active, sex and summary when a minimal Patient is sent', () => {
    expect(read(minimalFhir())).toEqual({
      demographics: {
        ...demographicsOf(buildPatient()),
        mrn: 'MRN-9',
        givenName: 'Ada',
        familyName: 'Okafor',
        birthDate: '1985-11-30',
        sex: 'unknown',
      },
      issues: [],
    });
  });
});
