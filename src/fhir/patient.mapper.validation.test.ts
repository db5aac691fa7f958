import { describe, expect, it } from 'vitest';
import type { Issue } from '../domain/issues';
import { fromFhirPatient, MRN_SYSTEM } from './patient.mapper';

const BASE = 'https://painpath.org/fhir/StructureDefinition/';
const RACE_URL = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race';
const ETHNICITY_URL = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity';
const OMB = 'urn:oid:2.16.840.1.113883.6.238';
const NULL_FLAVOR = 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor';
const MR_TYPE = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] };

function minimalFhir(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceType: 'Patient',
    identifier: [{ system: MRN_SYSTEM, value: 'MRN-9' }],
    name: [{ family: 'Okafor', given: ['Ada'] }],
    birthDate: '1985-11-30',
    ...overrides,
  };
}

const err = (code: string, path: string, message: string): Issue => ({ code, message, severity: 'error', path });
const unsupported = (path: string, reason = 'Painpath does not store it'): Issue => ({
  code: 'fhir.unsupported-element',
  message: `${path} was not saved: ${reason}.`,
  severity: 'warning',
  path,
});

function issuesOf(resource: unknown): Issue[] {
  return fromFhirPatient(resource).issues;
}

describe('fromFhirPatient reports every problem at once', () => {
  it('lists resourceType, MRN, names, gender, birth date and unknown elements together', () => {
    const resource = {
      resourceType: 'Person',
      identifier: [{ system: 'http://hospital.example/ssn', value: '123' }],
      name: [{ use: 'official', given: [] }],
      gender: 'F',
      birthDate: '2023-02-30',
      photo: [{ url: 'x' }],
      favouriteColour: 'blue',
    };
    expect(issuesOf(resource)).toEqual([
      err('fhir.wrong-resource-type', 'Patient.resourceType', 'resourceType must be Patient, not Person.'),
      unsupported('Patient.photo'),
      err('fhir.unknown-element', 'Patient.favouriteColour', 'Patient.favouriteColour is not an element of Patient in FHIR R4.'),
      unsupported('Patient.identifier[0]', 'Painpath keeps only the MRN'),
      err('fhir.mrn-required', 'Patient.identifier', `An identifier with system ${MRN_SYSTEM} or type MR (the MRN) is required.`),
      err('fhir.family-name-required', 'Patient.name[0].family', 'A family name is required.'),
      err('fhir.given-name-required', 'Patient.name[0].given', 'A given name is required.'),
      err('fhir.invalid-gender', 'Patient.gender', 'gender must be one of female, male, other, unknown.'),
      err('fhir.invalid-birth-date', 'Patient.birthDate', '2023-02-30 is not a full, real calendar date (YYYY-MM-DD).'),
    ]);
  });

  it.each([
    ['a string', 'Patient'],
    [null, 'Patient'],
    [[], 'Patient'],
  ])('rejects a body that is not a JSON object: %j', (body, path) => {
    expect(issuesOf(body)).toEqual([
      err('fhir.invalid-type', path, 'The body must be a FHIR Patient resource (a JSON object).'),
    ]);
  });
});

describe('top-level elements Painpath cannot store', () => {
  it.each([
    ['photo', [{ contentType: 'image/png', data: 'AA==' }]],
    ['contact', [{ name: { family: 'Okafor' } }]],
    ['link', [{ other: { reference: 'Patient/2' }, type: 'seealso' }]],
    ['maritalStatus', { text: 'Married' }],
    ['multipleBirthBoolean', false],
    ['multipleBirthInteger', 2],
    ['deceasedBoolean', false],
    ['deceasedDateTime', '2020-01-01'],
    ['generalPractitioner', [{ reference: 'Practitioner/1' }]],
    ['managingOrganization', { reference: 'Organization/1' }],
    ['language', 'en'],
    ['text', { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Ada</div>' }],
    ['contained', [{ resourceType: 'Organization' }]],
    ['_birthDate', { extension: [] }],
  ])('%s is a warning', (element, value) => {
    expect(issuesOf(minimalFhir({ [element]: value }))).toEqual([unsupported(`Patient.${element}`)]);
  });

  it.each([['colour'], ['birthdate'], ['deceased'], ['_favourite']])('%s is not a Patient element: error', (element) => {
    expect(issuesOf(minimalFhir({ [element]: 'x' }))).toEqual([
      err('fhir.unknown-element', `Patient.${element}`, `Patient.${element} is not an element of Patient in FHIR R4.`),
    ]);
  });

  it.each([['modifierExtension'], ['implicitRules']])('%s is an error Painpath cannot process', (element) => {
    expect(issuesOf(minimalFhir({ [element]: [{ url: 'x' }] }))).toEqual([
      err('fhir.unsupported-modifier', `Patient.${element}`, `Patient.${element} changes the meaning of the data and Painpath cannot process it.`),
    ]);
  });

  it('reports security labels and tags in meta, but not version or profile', () => {
    const meta = { versionId: '2', lastUpdated: '2025-01-01T00:00:00Z', profile: ['p'], security: [{ code: 'R' }], tag: [{ code: 't' }] };
    expect(issuesOf(minimalFhir({ meta }))).toEqual([unsupported('Patient.meta.security'), unsupported('Patient.meta.tag')]);
  });
});

describe('birthDate', () => {
  it.each([
    ['2000-02-29', []],
    ['2024-02-29', []],
    ['1999-12-31', []],
    ['2023-02-29', [err('fhir.invalid-birth-date', 'Patient.birthDate', '2023-02-29 is not a full, real calendar date (YYYY-MM-DD).')]],
    ['1900-02-29', [err('fhir.invalid-birth-date', 'Patient.birthDate', '1900-02-29 is not a full, real calendar date (YYYY-MM-DD).')]],
    ['2023-04-31', [err('fhir.invalid-birth-date', 'Patient.birthDate', '2023-04-31 is not a full, real calendar date (YYYY-MM-DD).')]],
    ['2023-13-01', [err('fhir.invalid-birth-date', 'Patient.birthDate', '2023-13-01 is not a full, real calendar date (YYYY-MM-DD).')]],
    ['0000-01-01', [err('fhir.invalid-birth-date', 'Patient.birthDate', '0000-01-01 is not a full, real calendar date (YYYY-MM-DD).')]],
    ['1985', [err('fhir.invalid-birth-date', 'Patient.birthDate', '1985 is not a full, real calendar date (YYYY-MM-DD).')]],
    ['1985-1-01', [err('fhir.invalid-birth-date', 'Patient.birthDate', 'birthDate must be a date written YYYY-MM-DD.')]],
    ['30/11/1985', [err('fhir.invalid-birth-date', 'Patient.birthDate', 'birthDate must be a date written YYYY-MM-DD.')]],
    [19851130, [err('fhir.invalid-type', 'Patient.birthDate', 'Patient.birthDate must be a string.')]],
    [undefined, [err('fhir.birth-date-required', 'Patient.birthDate', 'A birth date is required.')]],
  ])('%j', (birthDate, expected) => {
    expect(issuesOf(minimalFhir({ birthDate }))).toEqual(expected);
  });
});

describe('identifier (MRN)', () => {
  it('falls back to the first identifier typed MR and reports its other system', () => {
    const { demographics, issues } = fromFhirPatient(
      minimalFhir({ identifier: [{ system: 'urn:other', value: 'X' }, { type: MR_TYPE, system: 'urn:clinic', value: 'C-7' }] }),
    );
    expect(demographics.mrn).toBe('C-7');
    expect(issues).toEqual([
      unsupported('Patient.identifier[0]', 'Painpath keeps only the MRN'),
      unsupported('Patient.identifier[1].system', `Painpath records the MRN under ${MRN_SYSTEM}`),
    ]);
  });

  it.each([
    [[], [err('fhir.mrn-required', 'Patient.identifier', `An identifier with system ${MRN_SYSTEM} or type MR (the MRN) is required.`)]],
    [[{ system: MRN_SYSTEM, value: '  ' }], [err('fhir.mrn-required', 'Patient.identifier[0].value', 'The MRN identifier needs a value.')]],
    [[{ system: MRN_SYSTEM, value: 'M', period: { start: '2020' } }], [unsupported('Patient.identifier[0].period')]],
    ['MRN-9', [
      err('fhir.invalid-type', 'Patient.identifier', 'Patient.identifier must be a JSON array.'),
      err('fhir.mrn-required', 'Patient.identifier', `An identifier with system ${MRN_SYSTEM} or type MR (the MRN) is required.`),
    ]],
  ])('%j', (identifier, expected) => {
    expect(issuesOf(minimalFhir({ identifier }))).toEqual(expected);
  });
});

describe('names', () => {
  it('uses the official name even when it is not first, and the usual name as the preferred name', () => {
    const name = [
      { use: 'usual', given: ['Addy'], family: 'Okafor' },
      { use: 'official', family: 'Okafor', given: ['Ada', 'Chioma'] },
      { use: 'maiden', family: 'Eze' },
    ];
    const { demographics, issues } = fromFhirPatient(minimalFhir({ name }));
    expect([demographics.givenName, demographics.familyName, demographics.preferredName]).toEqual(['Ada Chioma', 'Okafor', 'Addy']);
    expect(issues).toEqual([unsupported('Patient.name[2]', 'Painpath stores the official name and one preferred name')]);
  });

  it.each([
    [undefined, [err('fhir.name-required', 'Patient.name', 'A name with family and given names is required.')]],
    [[{ family: 'Okafor', given: ['Ada'], prefix: ['Dr'] }], [unsupported('Patient.name[0].prefix')]],
    [[{ family: 'Okafor', given: ['Ada', 7] }], [err('fhir.invalid-type', 'Patient.name[0].given[1]', 'Patient.name[0].given[1] must be a string.')]],
    [[{ family: 'Okafor', given: ['Ada'] }, { use: 'nickname', given: ['Dee'], family: 'Other' }], [
      unsupported('Patient.name[1].family', 'Painpath stores a preferred given name only'),
    ]],
  ])('%j', (name, expected) => {
    expect(issuesOf(minimalFhir({ name }))).toEqual(expected);
  });
});

describe('telecom, address and communication', () => {
  it('keeps the first phone, email and address and reports the rest', () => {
    const { demographics, issues } = fromFhirPatient(
      minimalFhir({
        telecom: [
          { system: 'phone', value: '555-0100', use: 'mobile' },
          { system: 'phone', value: '555-0101' },
          { system: 'email', value: 'ada@example.org' },
          { system: 'fax', value: '555-0102' },
        ],
        address: [{ line: ['1 Elm Rd', 'Unit 2'], city: 'Portland', country: 'US' }, { city: 'Bangor' }],
        communication: [
          { language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'en' }] } },
          { language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'yo' }] }, preferred: true },
        ],
      }),
    );
    expect(demographics).toMatchObject({
      phone: '555-0100',
      email: 'ada@example.org',
      addressLine: '1 Elm Rd, Unit 2',
      city: 'Portland',
      state: null,
      preferredLanguage: 'yo',
    });
    expect(issues).toEqual([
      unsupported('Patient.telecom[0].use'),
      unsupported('Patient.telecom[1]', 'Painpath stores one phone number and one email address'),
      unsupported('Patient.telecom[3]', 'Painpath stores one phone number and one email address'),
      unsupported('Patient.address[1]', 'Painpath stores one address'),
      unsupported('Patient.address[0].country'),
      unsupported('Patient.communication[0]', 'Painpath stores one preferred language'),
    ]);
  });

  it.each([
    [{ text: 'Spanish' }],
    [{ coding: [{ system: 'urn:ietf:bcp:47', code: 'not a tag' }] }],
    [undefined],
  ])('language %j is reported', (language) => {
    expect(issuesOf(minimalFhir({ communication: [{ language }] }))).toEqual([
      err('fhir.invalid-language', 'Patient.communication[0].language', 'language needs a BCP 47 coding such as en, es or vi.'),
    ]);
  });
});

const race = (...extension: unknown[]): Record<string, unknown> => ({ url: RACE_URL, extension });
const ethnicity = (...extension: unknown[]): Record<string, unknown> => ({ url: ETHNICITY_URL, extension });
const omb = (code: string, system = OMB): Record<string, unknown> => ({ url: 'ombCategory', valueCoding: { system, code } });

describe('race and ethnicity extensions', () => {
  it.each([
    ['two OMB categories', race(omb('2106-3'), omb('2028-9')), 'multiple', []],
    ['one category given twice', race(omb('2106-3'), omb('2106-3')), 'white', []],
    ['text Multiple, any case', race({ url: 'text', valueString: ' multiple ' }), 'multiple', []],
    ['declined', race(omb('ASKU', NULL_FLAVOR)), 'declined', []],
    ['detailed code', race(omb('2028-9'), { url: 'detailed', valueCoding: { system: OMB, code: '2039-6' } }), 'asian', [
      unsupported('Patient.extension[0].extension[1]', 'Painpath stores only the OMB race category'),
    ]],
    ['unknown code', race(omb('9999-9')), null, [
      err('fhir.unknown-race-code', 'Patient.extension[0].extension[0].valueCoding', `${OMB}|9999-9 is not an OMB race category Painpath recognises.`),
    ]],
    ['category with unknown', race(omb('2106-3'), omb('UNK', NULL_FLAVOR)), null, [
      err('fhir.conflicting-race-codes', 'Patient.extension[0]', 'Race lists a category together with unknown or declined.'),
    ]],
    ['text only', race({ url: 'text', valueString: 'Irish' }), null, [
      { code: 'fhir.race-not-coded', message: 'Race has no OMB category, so it was not saved.', severity: 'warning', path: 'Patient.extension[0]' },
    ]],
  ])('race: %s', (_label, extension, expected, issues) => {
    const result = fromFhirPatient(minimalFhir({ extension: [extension] }));
    expect([result.demographics.race, result.issues]).toEqual([expected, issues]);
  });

  it.each([
    ['Hispanic or Latino', ethnicity(omb('2135-2')), 'hispanic-or-latino', []],
    ['unknown', ethnicity(omb('UNK', NULL_FLAVOR)), 'unknown', []],
    ['race code in ethnicity', ethnicity(omb('2106-3')), null, [
      err('fhir.unknown-ethnicity-code', 'Patient.extension[0].extension[0].valueCoding', `${OMB}|2106-3 is not an OMB ethnicity category Painpath recognises.`),
    ]],
    ['two answers', ethnicity(omb('2135-2'), omb('2186-5')), null, [
      err('fhir.conflicting-ethnicity-codes', 'Patient.extension[0]', 'Ethnicity lists more than one OMB category.'),
    ]],
  ])('ethnicity: %s', (_label, extension, expected, issues) => {
    const result = fromFhirPatient(minimalFhir({ extension: [extension] }));
    expect([result.demographics.ethnicity, result.issues]).toEqual([expected, issues]);
  });
});

describe('other extensions', () => {
  it.each([
    [{ url: `${BASE}interpreter-needed`, valueString: 'yes' }, err('fhir.invalid-extension-value', 'Patient.extension[0].valueBoolean', 'Interpreter needed must be valueBoolean true or false.')],
    [{ url: `${BASE}rurality`, valueCode: 'suburban' }, err('fhir.invalid-extension-value', 'Patient.extension[0].valueCode', 'Rurality must be valueCode urban or rural.')],
    [{ url: `${BASE}payer`, valueString: ' ' }, err('fhir.invalid-extension-value', 'Patient.extension[0].valueString', 'Patient.extension[0] must have a non-empty valueString.')],
    [{ valueString: 'x' }, err('fhir.extension-url-required', 'Patient.extension[0].url', 'Every extension needs a url.')],
    [{ url: 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace', valueAddress: { city: 'Lagos' } }, unsupported(
      'Patient.extension[0]',
      'Painpath does not store the extension http://hl7.org/fhir/StructureDefinition/patient-birthPlace',
    )],
  ])('%j', (extension, expected) => {
    expect(issuesOf(minimalFhir({ extension: [extension] }))).toEqual([expected]);
  });

  it('keeps the first of a repeated extension and reports the second', () => {
    const extension = [
      { url: `${BASE}payer`, valueString: 'Medicaid' },
      { url: `${BASE}payer`, valueString: 'Medicare' },
    ];
    const result = fromFhirPatient(minimalFhir({ extension }));
    expect([result.demographics.payer, result.issues]).toEqual([
      'Medicaid',
      [unsupported('Patient.extension[1]', `it repeats ${BASE}payer; only the first is kept`)],
    ]);
  });
});
