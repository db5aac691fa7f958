import { describe, expect, it } from 'vitest';
import type { Issue } from '../domain/issues';
import { INSTRUMENTS } from '../domain/measures/instruments';
import { scoreInstrument } from '../domain/measures/score';
import type { ObservationSearchQuery } from './observation.mapper';
import { measureForCode, parseObservationSearch, toFhirScoreObservations } from './observation.mapper';

const base = { responseId: 'qr-1', patientId: 'p-1', effective: '2026-03-01T10:00:00Z', idPrefix: 'obs-qr-1' };
const SURVEY = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }] }];

describe('toFhirScoreObservations', () => {
  it('PHQ-9: LOINC total, valueInteger, band as interpretation, item 9 flag as a note', () => {
    const answers = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9.${i + 1}`, i === 8 ? 1 : 2]));
    const score = scoreInstrument('phq9', answers);
    expect(toFhirScoreObservations({ ...base, instrument: INSTRUMENTS.phq9, score })).toEqual([
      {
        resourceType: 'Observation',
        id: 'obs-qr-1-total',
        status: 'final',
        category: SURVEY,
        code: { coding: [{ system: 'http://loinc.org', code: '44261-6', display: `${INSTRUMENTS.phq9.title} score` }], text: `${INSTRUMENTS.phq9.title} score` },
        subject: { reference: 'Patient/p-1' },
        effectiveDateTime: '2026-03-01T10:00:00Z',
        derivedFrom: [{ reference: 'QuestionnaireResponse/qr-1' }],
        valueInteger: 17,
        interpretation: [
          { coding: [{ system: 'https://painpath.org/fhir/CodeSystem/measure-bands', code: 'phq9.moderately-severe', display: 'Moderately severe' }], text: 'Moderately severe' },
        ],
        note: [{ text: score.flags[0]?.message }],
      },
    ]);
  });

  it('PEG: LOINC mean score 91147-9 as a valueQuantity in {score}, no band', () => {
    const score = scoreInstrument('peg', { 'peg.1': 7, 'peg.2': 7, 'peg.3': 6 });
    const [total] = toFhirScoreObservations({ ...base, instrument: INSTRUMENTS.peg, score });
    expect(total?.code.coding?.[0]?.code).toBe('91147-9');
    expect(total?.valueQuantity).toEqual({ value: 6.7, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' });
    expect(total).not.toHaveProperty('interpretation');
    expect(total).not.toHaveProperty('valueInteger');
  });

  it('STarT Back: total plus one Observation per subscale', () => {
    const answers = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`startback.${i + 1}`, i < 4 ? 0 : 1]));
    const score = scoreInstrument('startback', { ...answers, 'startback.9': 4 });
    const observations = toFhirScoreObservations({ ...base, instrument: INSTRUMENTS.startback, score });
    expect(observations.map((o) => [o.id, o.code.coding?.[0]?.system, o.code.coding?.[0]?.code, o.valueInteger])).toEqual([
      ['obs-qr-1-total', 'http://loinc.org', '91351-7', 5],
      ['obs-qr-1-psychosocial', 'https://painpath.org/fhir/CodeSystem/measures', 'startback.psychosocial', 5],
    ]);
    expect(observations[0]?.interpretation?.[0]?.text).toBe('High risk');
    expect(observations[1]?.derivedFrom).toEqual([{ reference: 'QuestionnaireResponse/qr-1' }]);
  });

  it('ORT-OUD: Painpath code, and the band names the setting that produced it', () => {
    const answers = Object.fromEntries(INSTRUMENTS['ort-oud'].items.map((i) => [i.id, true]));
    const score = scoreInstrument('ort-oud', answers, { ageYears: 30 });
    const [total] = toFhirScoreObservations({ ...base, instrument: INSTRUMENTS['ort-oud'], score });
    expect(total?.code.coding?.[0]).toMatchObject({ system: 'https://painpath.org/fhir/CodeSystem/measures', code: 'ort-oud' });
    expect(total?.valueInteger).toBe(9);
    expect(total?.note).toEqual([{ text: 'Band from setting ortOudHighRiskCutoff=3 (v1).' }]);
  });

  it('PSFS: activities as components', () => {
    const score = scoreInstrument('psfs', { 'psfs.activities': [{ name: 'Walk', score: 3 }, { name: 'Cook', score: 6 }] });
    const [total] = toFhirScoreObservations({ ...base, instrument: INSTRUMENTS.psfs, score });
    expect(total?.valueQuantity?.value).toBe(4.5);
    expect(total?.component?.map((c) => [c.code.text, c.valueInteger])).toEqual([['Walk', 3], ['Cook', 6]]);
  });

  it('no Observation without a total', () => {
    expect(toFhirScoreObservations({ ...base, instrument: INSTRUMENTS.gad7, score: scoreInstrument('gad7', { 'gad7.1': 1 }) })).toEqual([]);
    const ort = scoreInstrument('ort', Object.fromEntries(INSTRUMENTS.ort.items.map((i) => [i.id, false])), { ageYears: 30 });
    expect(toFhirScoreObservations({ ...base, instrument: INSTRUMENTS.ort, score: ort })).toEqual([]);
  });
});

describe('measureForCode', () => {
  it.each([
    ['http://loinc.org', '44261-6', { instrumentId: 'phq9', subscale: null }],
    [undefined, '70274-6', { instrumentId: 'gad7', subscale: null }],
    [undefined, '91147-9', { instrumentId: 'peg', subscale: null }],
    ['https://painpath.org/fhir/CodeSystem/measures', 'psfs', { instrumentId: 'psfs', subscale: null }],
    [undefined, 'startback.psychosocial', { instrumentId: 'startback', subscale: 'psychosocial' }],
    ['http://loinc.org', 'psfs', null],
    [undefined, '44249-1', null],
    [undefined, '91148-7', null],
  ])('%s|%s', (system, code, expected) => {
    expect(measureForCode(system, code)).toEqual(expected);
  });
});

type Params = Record<string, string | string[] | undefined>;
const DEFAULTS = { count: 20, offset: 0 };
const err = (code: string, path: string, message: string): Issue => ({ code, message, severity: 'error', path });

describe('parseObservationSearch', () => {
  it.each<[Params, ObservationSearchQuery]>([
    [{}, DEFAULTS],
    [{ patient: 'Patient/p-1' }, { ...DEFAULTS, patientId: 'p-1' }],
    [{ code: 'http://loinc.org|44261-6' }, { ...DEFAULTS, code: { system: 'http://loinc.org', code: '44261-6', measure: { instrumentId: 'phq9', subscale: null } } }],
    [{ code: 'ort' }, { ...DEFAULTS, code: { code: 'ort', measure: { instrumentId: 'ort', subscale: null } } }],
    [{ code: 'http://loinc.org|1234-5' }, { ...DEFAULTS, code: { system: 'http://loinc.org', code: '1234-5', measure: null } }],
    [{ code: '|psfs' }, { ...DEFAULTS, code: { system: '', code: 'psfs', measure: null } }],
    [{ date: ['ge2026-01-01', 'le2026-02-01'] }, { ...DEFAULTS, date: { ge: '2026-01-01', le: '2026-02-01' } }],
    [{ date: 'eq2026-01-05' }, { ...DEFAULTS, date: { ge: '2026-01-05', le: '2026-01-05' } }],
    [{ _count: '5', _offset: '10' }, { count: 5, offset: 10 }],
  ])('%j', (params, query) => {
    expect(parseObservationSearch(params)).toEqual({ query, issues: [] });
  });

  it.each<[Params, Issue]>([
    [{ category: 'survey' }, err('fhir.unsupported-search-parameter', 'category', 'Painpath cannot search observations by category; use patient, code, date, _count, _offset.')],
    [{ code: 'a|b|c' }, err('fhir.invalid-search-value', 'code', 'code must be written system|code or code.')],
    [{ code: 'http://loinc.org|' }, err('fhir.invalid-search-value', 'code', 'code must be written system|code or code.')],
    [{ code: '44261-6,70274-6' }, err('fhir.unsupported-search-or', 'code', 'code takes one value; comma-separated alternatives are not supported.')],
    [{ date: 'sa2026-01-01' }, err('fhir.unsupported-search-prefix', 'date', 'date supports eq, ge and le, not sa.')],
    [{ date: ['2026-01-01', 'le2026-02-01'] }, err('fhir.unsupported-search-repeat', 'date', 'date takes at most one lower (ge) and one upper (le) bound, or one exact date.')],
    [{ _count: '101' }, err('fhir.invalid-search-value', '_count', '_count must be a whole number from 1 to 100.')],
  ])('reports %j', (params, issue) => {
    expect(parseObservationSearch(params).issues).toEqual([issue]);
  });
});
