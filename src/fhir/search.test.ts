import { describe, expect, it } from 'vitest';
import type { Patient as FhirPatient } from '@medplum/fhirtypes';
import type { Issue } from '../domain/issues';
import type { PatientSearchQuery } from './search';
import { parsePatientSearch, searchsetBundle } from './search';

type Params = Record<string, string | string[] | undefined>;
const DEFAULTS = { count: 20, offset: 0 };
const err = (code: string, path: string, message: string): Issue => ({ code, message, severity: 'error', path });

describe('parsePatientSearch: accepted values', () => {
  it.each<[Params, PatientSearchQuery]>([
    [{}, DEFAULTS],
    [{ name: 'Oka' }, { ...DEFAULTS, name: 'Oka' }],
    [{ family: ' Lopez ' }, { ...DEFAULTS, family: 'Lopez' }],
    [{ given: ['Ada'] }, { ...DEFAULTS, given: 'Ada' }],
    [{ family: 'Smith\\, Jr' }, { ...DEFAULTS, family: 'Smith, Jr' }],
    [{ birthdate: '1985-11-30' }, { ...DEFAULTS, birthDate: '1985-11-30' }],
    [{ birthdate: 'eq2000-02-29' }, { ...DEFAULTS, birthDate: '2000-02-29' }],
    [{ identifier: 'MRN-9' }, { ...DEFAULTS, identifier: { value: 'MRN-9' } }],
    [{ identifier: 'urn:painpath:mrn|MRN-9' }, { ...DEFAULTS, identifier: { system: 'urn:painpath:mrn', value: 'MRN-9' } }],
    [{ identifier: 'A\\|B' }, { ...DEFAULTS, identifier: { value: 'A|B' } }],
    [{ _count: '1' }, { ...DEFAULTS, count: 1 }],
    [{ _count: '100' }, { ...DEFAULTS, count: 100 }],
    [{ _offset: '0' }, DEFAULTS],
    [{ _offset: '40' }, { ...DEFAULTS, offset: 40 }],
    [{ _format: 'json', name: '', family: undefined, given: [] }, DEFAULTS],
  ])('%j', (params, query) => {
    expect(parsePatientSearch(params)).toEqual({ query, issues: [] });
  });
});

describe('parsePatientSearch: reported values', () => {
  it.each<[Params, Issue]>([
    [{ gender: 'female' }, err('fhir.unsupported-search-parameter', 'gender', 'Painpath cannot search patients by gender; use name, family, given, birthdate, identifier, _count, _offset.')],
    [{ _sort: 'family' }, err('fhir.unsupported-search-parameter', '_sort', 'Painpath cannot search patients by _sort; use name, family, given, birthdate, identifier, _count, _offset.')],
    [{ 'name:exact': 'Ada' }, err('fhir.unsupported-search-modifier', 'name:exact', 'The :exact modifier is not supported on name.')],
    [{ family: ['A', 'B'] }, err('fhir.unsupported-search-repeat', 'family', 'family may be given only once.')],
    [{ given: 'Ada,Addy' }, err('fhir.unsupported-search-or', 'given', 'given takes one value; comma-separated alternatives are not supported.')],
    [{ birthdate: 'gt2000-01-01' }, err('fhir.unsupported-search-prefix', 'birthdate', 'birthdate supports only an exact date (eq), not gt.')],
    [{ birthdate: 'le2000-01-01' }, err('fhir.unsupported-search-prefix', 'birthdate', 'birthdate supports only an exact date (eq), not le.')],
    [{ birthdate: '1985' }, err('fhir.unsupported-search-precision', 'birthdate', 'birthdate needs a full date YYYY-MM-DD, not 1985.')],
    [{ birthdate: '2023-02-30' }, err('fhir.invalid-search-value', 'birthdate', 'birthdate must be a real date written YYYY-MM-DD.')],
    [{ birthdate: 'yesterday' }, err('fhir.invalid-search-value', 'birthdate', 'birthdate must be a real date written YYYY-MM-DD.')],
    [{ identifier: 'a|b|c' }, err('fhir.invalid-search-value', 'identifier', 'identifier must be written system|value or value.')],
    [{ identifier: '|MRN-9' }, err('fhir.unsupported-search-value', 'identifier', 'identifier needs both a system and a value (system|value), or a value alone.')],
    [{ identifier: 'urn:painpath:mrn|' }, err('fhir.unsupported-search-value', 'identifier', 'identifier needs both a system and a value (system|value), or a value alone.')],
    [{ _count: '0' }, err('fhir.invalid-search-value', '_count', '_count must be a whole number from 1 to 100.')],
    [{ _count: '101' }, err('fhir.invalid-search-value', '_count', '_count must be a whole number from 1 to 100.')],
    [{ _count: '2.5' }, err('fhir.invalid-search-value', '_count', '_count must be a whole number from 1 to 100.')],
    [{ _offset: '-1' }, err('fhir.invalid-search-value', '_offset', '_offset must be a whole number 0 or more.')],
    [{ _offset: '99999999999999999999' }, err('fhir.invalid-search-value', '_offset', '_offset must be a whole number 0 or more.')],
  ])('%j', (params, issue) => {
    expect(parsePatientSearch(params)).toEqual({ query: DEFAULTS, issues: [issue] });
  });

  it('reports every problem and keeps the valid parameters', () => {
    expect(parsePatientSearch({ family: 'Lopez', gender: 'male', _count: 'many', birthdate: 'ge1990-01-01' })).toEqual({
      query: { ...DEFAULTS, family: 'Lopez' },
      issues: [
        err('fhir.unsupported-search-parameter', 'gender', 'Painpath cannot search patients by gender; use name, family, given, birthdate, identifier, _count, _offset.'),
        err('fhir.invalid-search-value', '_count', '_count must be a whole number from 1 to 100.'),
        err('fhir.unsupported-search-prefix', 'birthdate', 'birthdate supports only an exact date (eq), not ge.'),
      ],
    });
  });
});

describe('searchsetBundle', () => {
  const patients: FhirPatient[] = [
    { resourceType: 'Patient', id: 'a' },
    { resourceType: 'Patient', id: 'b' },
  ];

  it('builds a searchset with total, self and next links and full URLs', () => {
    expect(
      searchsetBundle({
        baseUrl: 'https://clinic.example/fhir/',
        total: 45,
        resources: patients,
        selfUrl: 'https://clinic.example/fhir/Patient?family=Lo&_count=2',
        nextUrl: 'https://clinic.example/fhir/Patient?family=Lo&_count=2&_offset=2',
      }),
    ).toEqual({
      resourceType: 'Bundle',
      type: 'searchset',
      total: 45,
      link: [
        { relation: 'self', url: 'https://clinic.example/fhir/Patient?family=Lo&_count=2' },
        { relation: 'next', url: 'https://clinic.example/fhir/Patient?family=Lo&_count=2&_offset=2' },
      ],
      entry: [
        { fullUrl: 'https://clinic.example/fhir/Patient/a', resource: patients[0], search: { mode: 'match' } },
        { fullUrl: 'https://clinic.example/fhir/Patient/b', resource: patients[1], search: { mode: 'match' } },
      ],
    });
  });

  it('has no entry array and no next link when nothing matches', () => {
    expect(searchsetBundle({ baseUrl: 'https://c.example/fhir', total: 0, resources: [], selfUrl: 'https://c.example/fhir/Patient' })).toEqual({
      resourceType: 'Bundle',
      type: 'searchset',
      total: 0,
      link: [{ relation: 'self', url: 'https://c.example/fhir/Patient' }],
    });
  });

  it('refuses a patient without an id (a programming error)', () => {
    expect(() =>
      searchsetBundle({ baseUrl: 'https://c.example/fhir', total: 1, resources: [{ resourceType: 'Patient' }], selfUrl: 's' }),
    ).toThrow('searchsetBundle: every Patient in a search result needs an id');
  });
});
