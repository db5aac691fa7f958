import { describe, expect, it } from 'vitest';
import type { Issue } from '../domain/issues';
import { INSTRUMENTS } from '../domain/measures/instruments';
import type { QuestionnaireResponseSearchQuery } from './questionnaire-response.mapper';
import {
  parseQuestionnaireResponseSearch,
  resourceSearchsetBundle,
  toFhirQuestionnaireResponse,
} from './questionnaire-response.mapper';

const BASE = 'https://clinic.example/fhir';
const input = { id: 'qr-1', patientId: 'p-1', authored: '2026-03-01T10:00:00Z', status: 'completed' as const, baseUrl: BASE };

describe('toFhirQuestionnaireResponse', () => {
  it('maps GAD-7 answers to the Questionnaire codings, leaving out unanswered items', () => {
    const qr = toFhirQuestionnaireResponse({ ...input, instrument: INSTRUMENTS.gad7, answers: { 'gad7.1': 2, 'gad7.2': null } });
    expect(qr).toEqual({
      resourceType: 'QuestionnaireResponse',
      id: 'qr-1',
      questionnaire: 'https://clinic.example/fhir/Questionnaire/gad7|2006',
      status: 'completed',
      subject: { reference: 'Patient/p-1' },
      authored: '2026-03-01T10:00:00Z',
      item: [
        {
          linkId: 'gad7.1',
          text: 'Feeling nervous, anxious, or on edge',
          answer: [{ valueCoding: { system: 'http://loinc.org', code: 'LA6570-1', display: 'More than half the days' } }],
        },
      ],
    });
  });

  it('maps 0–10 answers, yes/no answers and PSFS activities', () => {
    const peg = toFhirQuestionnaireResponse({ ...input, instrument: INSTRUMENTS.peg, answers: { 'peg.1': 0, 'peg.3': 10 } });
    expect(peg.item?.map((i) => [i.linkId, i.answer?.[0]?.valueInteger])).toEqual([['peg.1', 0], ['peg.3', 10]]);
    const ort = toFhirQuestionnaireResponse({ ...input, instrument: INSTRUMENTS.ort, answers: { 'ort.depression': false } });
    expect(ort.item?.map((i) => [i.linkId, i.answer?.[0]?.valueBoolean])).toEqual([['ort.depression', false]]);
    const psfs = toFhirQuestionnaireResponse({
      ...input,
      instrument: INSTRUMENTS.psfs,
      answers: { 'psfs.activities': [{ name: ' Walk ', score: 3 }, { name: 'Lift my child', score: 5 }] },
    });
    expect(psfs.item).toEqual([
      { linkId: 'psfs.activities', item: [{ linkId: 'psfs.activities.name', answer: [{ valueString: 'Walk' }] }, { linkId: 'psfs.activities.score', text: INSTRUMENTS.psfs.items[0]?.text, answer: [{ valueInteger: 3 }] }] },
      { linkId: 'psfs.activities', item: [{ linkId: 'psfs.activities.name', answer: [{ valueString: 'Lift my child' }] }, { linkId: 'psfs.activities.score', text: INSTRUMENTS.psfs.items[0]?.text, answer: [{ valueInteger: 5 }] }] },
    ]);
  });

  it('leaves out invalid answers instead of guessing, and omits item when nothing is valid', () => {
    const qr = toFhirQuestionnaireResponse({
      ...input,
      status: 'in-progress',
      instrument: INSTRUMENTS.phq9,
      answers: { 'phq9.1': 4, 'phq9.2': '1' as unknown as number, 'phq9.99': 1 },
    });
    expect(qr.item).toBeUndefined();
    expect(qr.status).toBe('in-progress');
  });
});

type Params = Record<string, string | string[] | undefined>;
const DEFAULTS = { count: 20, offset: 0 };
const err = (code: string, path: string, message: string): Issue => ({ code, message, severity: 'error', path });

describe('parseQuestionnaireResponseSearch: accepted values', () => {
  it.each<[Params, QuestionnaireResponseSearchQuery]>([
    [{}, DEFAULTS],
    [{ patient: 'p-1' }, { ...DEFAULTS, patientId: 'p-1' }],
    [{ patient: 'Patient/p-1' }, { ...DEFAULTS, patientId: 'p-1' }],
    [{ questionnaire: 'phq9' }, { ...DEFAULTS, instrumentId: 'phq9' }],
    [{ questionnaire: 'https://clinic.example/fhir/Questionnaire/ort-oud' }, { ...DEFAULTS, instrumentId: 'ort-oud' }],
    [{ questionnaire: 'https://clinic.example/fhir/Questionnaire/peg|2009' }, { ...DEFAULTS, instrumentId: 'peg', questionnaireVersion: '2009' }],
    [{ authored: '2026-03-01' }, { ...DEFAULTS, authored: { ge: '2026-03-01', le: '2026-03-01' } }],
    [{ authored: 'eq2026-03-01' }, { ...DEFAULTS, authored: { ge: '2026-03-01', le: '2026-03-01' } }],
    [{ authored: 'ge2026-01-01' }, { ...DEFAULTS, authored: { ge: '2026-01-01' } }],
    [{ authored: 'le2026-01-31T23:59:59Z' }, { ...DEFAULTS, authored: { le: '2026-01-31T23:59:59Z' } }],
    [{ authored: ['ge2026-01-01', 'le2026-03-31'] }, { ...DEFAULTS, authored: { ge: '2026-01-01', le: '2026-03-31' } }],
    [{ authored: 'ge2026-01-01T08:30+02:00' }, { ...DEFAULTS, authored: { ge: '2026-01-01T08:30+02:00' } }],
    [{ _count: '100', _offset: '20', _format: 'json' }, { count: 100, offset: 20 }],
  ])('%j', (params, query) => {
    expect(parseQuestionnaireResponseSearch(params)).toEqual({ query, issues: [] });
  });
});

describe('parseQuestionnaireResponseSearch: reported values', () => {
  it.each<[Params, Issue]>([
    [{ code: '44249-1' }, err('fhir.unsupported-search-parameter', 'code', 'Painpath cannot search questionnaire responses by code; use patient, questionnaire, authored, _count, _offset.')],
    [{ 'patient:Patient': 'p-1' }, err('fhir.unsupported-search-modifier', 'patient:Patient', 'The :Patient modifier is not supported on patient.')],
    [{ patient: 'Group/g-1' }, err('fhir.invalid-search-value', 'patient', 'patient must be a patient id or Patient/{id}.')],
    [{ patient: ['a', 'b'] }, err('fhir.unsupported-search-repeat', 'patient', 'patient may be given only once.')],
    [{ patient: 'a,b' }, err('fhir.unsupported-search-or', 'patient', 'patient takes one value; comma-separated alternatives are not supported.')],
    [{ questionnaire: 'phq10' }, err('fhir.unknown-questionnaire', 'questionnaire', 'Painpath has no Questionnaire phq10.')],
    [{ questionnaire: 'https://x/Questionnaire/peg|' }, err('fhir.invalid-search-value', 'questionnaire', 'questionnaire must be a Questionnaire canonical URL (optionally |version) or an instrument id.')],
    [{ authored: 'gt2026-01-01' }, err('fhir.unsupported-search-prefix', 'authored', 'authored supports eq, ge and le, not gt.')],
    [{ authored: '2026-01' }, err('fhir.unsupported-search-precision', 'authored', 'authored needs a full date YYYY-MM-DD, not 2026-01.')],
    [{ authored: '2026-02-30' }, err('fhir.invalid-search-value', 'authored', 'authored must be a real date YYYY-MM-DD or a date-time with a time zone.')],
    [{ authored: '2026-02-01T10:00' }, err('fhir.invalid-search-value', 'authored', 'authored must be a real date YYYY-MM-DD or a date-time with a time zone.')],
    [{ authored: ['ge2026-01-01', 'ge2026-02-01'] }, err('fhir.unsupported-search-repeat', 'authored', 'authored takes at most one lower (ge) and one upper (le) bound, or one exact date.')],
    [{ authored: ['a', 'b', 'c'] }, err('fhir.unsupported-search-repeat', 'authored', 'authored may be given only twice.')],
    [{ _count: '0' }, err('fhir.invalid-search-value', '_count', '_count must be a whole number from 1 to 100.')],
    [{ _offset: '-1' }, err('fhir.invalid-search-value', '_offset', '_offset must be a whole number 0 or more.')],
  ])('%j', (params, issue) => {
    expect(parseQuestionnaireResponseSearch(params).issues).toEqual([issue]);
  });

  it('reports every problem and keeps the valid parameters', () => {
    const { query, issues } = parseQuestionnaireResponseSearch({ patient: 'p-1', questionnaire: 'nope', _sort: 'authored' });
    expect(query).toEqual({ ...DEFAULTS, patientId: 'p-1' });
    expect(issues.map((i) => i.path)).toEqual(['questionnaire', '_sort']);
  });
});

describe('resourceSearchsetBundle', () => {
  it('lists each resource with its full URL', () => {
    const qr = toFhirQuestionnaireResponse({ ...input, instrument: INSTRUMENTS.peg, answers: {} });
    expect(resourceSearchsetBundle({ baseUrl: `${BASE}/`, total: 3, resources: [qr], selfUrl: 's', nextUrl: 'n' })).toEqual({
      resourceType: 'Bundle',
      type: 'searchset',
      total: 3,
      link: [{ relation: 'self', url: 's' }, { relation: 'next', url: 'n' }],
      entry: [{ fullUrl: `${BASE}/QuestionnaireResponse/qr-1`, resource: qr, search: { mode: 'match' } }],
    });
    expect(resourceSearchsetBundle({ baseUrl: BASE, total: 0, resources: [], selfUrl: 's' })).not.toHaveProperty('entry');
  });
});
