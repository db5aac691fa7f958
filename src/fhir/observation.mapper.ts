/**
 * Maps an instrument score to FHIR R4 Observations (https://hl7.org/fhir/R4/observation.html), and parses
 * Observation search (patient, code, date, _count, _offset).
 * Sources: Observation category 'survey' (http://terminology.hl7.org/CodeSystem/observation-category);
 * UCUM '{score}' for decimal scores; LOINC codes as listed in src/domain/measures/instruments.ts.
 * Assumptions:
 * - One Observation for the total and one per subscale (STarT Back 'psychosocial'), all derivedFrom the
 *   QuestionnaireResponse, ids `${idPrefix}-total` and `${idPrefix}-${subscale}`.
 * - No Observation without a total (incomplete answers, or an ORT without sex or age): [] is returned.
 * - Code: the LOINC total code where known, else the Painpath measures code system with the instrument id
 *   (subscales: `${id}.${subscale}`).
 * - PEG and PSFS (means) are valueQuantity in '{score}'; the others are valueInteger.
 * - The band is the interpretation (Painpath measure-bands code `${id}.${band}` + text); a band that came
 *   from a setting names it in a note; flags (e.g. PHQ-9 item 9) are notes too.
 * - PSFS activities are components (code text = the activity as the person named it, valueInteger).
 * - Search: `code` is `system|code` or `code`; a code Painpath never writes matches nothing (measure null)
 *   rather than being an error. `date` works as `authored` in QuestionnaireResponse search.
 */
import type { CodeableConcept, Coding, Observation, ObservationComponent } from '@medplum/fhirtypes';
import type { Issue } from '../domain/issues';
import { error } from '../domain/issues';
import type { Instrument, InstrumentId } from '../domain/measures/instruments';
import { INSTRUMENT_IDS, INSTRUMENTS } from '../domain/measures/instruments';
import type { InstrumentScore } from '../domain/measures/score';
import { LOINC_SYSTEM, MEASURES_CODE_SYSTEM } from './questionnaire.mapper';
import {
  dateHandler,
  pagingHandlers,
  parseSearchParams,
  patientHandler,
  type DateRange,
  type PagedQuery,
  type SearchHandler,
} from './questionnaire-response.mapper';
import { DEFAULT_SEARCH_COUNT } from './search';

export const OBSERVATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const MEASURE_BANDS_CODE_SYSTEM = 'https://painpath.org/fhir/CodeSystem/measure-bands';
const UCUM_SYSTEM = 'http://unitsofmeasure.org';
const DECIMAL_SCORES: readonly InstrumentId[] = ['peg', 'psfs'];
/** Subscales Painpath scores, by instrument. */
export const SUBSCALES: Readonly<Partial<Record<InstrumentId, readonly string[]>>> = { startback: ['psychosocial'] };

/** The code of a total (subscale null) or of a subscale. */
export function scoreCoding(instrument: Instrument, subscale: string | null): Coding {
  if (subscale !== null) {
    return { system: MEASURES_CODE_SYSTEM, code: `${instrument.id}.${subscale}`, display: `${instrument.title}: ${subscale} subscale` };
  }
  const total = instrument.loinc?.total;
  return total === undefined
    ? { system: MEASURES_CODE_SYSTEM, code: instrument.id, display: `${instrument.title} score` }
    : { system: LOINC_SYSTEM, code: total, display: `${instrument.title} score` };
}

/** The measure a searched code stands for, or null when Painpath never writes that code. */
export function measureForCode(system: string | undefined, code: string): { instrumentId: InstrumentId; subscale: string | null } | null {
  for (const id of INSTRUMENT_IDS) {
    const instrument = INSTRUMENTS[id];
    const codings = [scoreCoding(instrument, null), ...(SUBSCALES[id] ?? []).map((s) => scoreCoding(instrument, s))];
    const found = codings.findIndex((c) => c.code === code && (system === undefined || c.system === system));
    if (found === 0) return { instrumentId: id, subscale: null };
    if (found > 0) return { instrumentId: id, subscale: SUBSCALES[id]?.[found - 1] ?? null };
  }
  return null;
}

const SURVEY: CodeableConcept = { coding: [{ system: OBSERVATION_CATEGORY_SYSTEM, code: 'survey', display: 'Survey' }] };

export function toFhirScoreObservations(input: {
  responseId: string;
  patientId: string;
  instrument: Instrument;
  score: InstrumentScore;
  effective: string;
  idPrefix: string;
}): Observation[] {
  const { instrument, score } = input;
  if (score.total === null) return [];
  const base = {
    resourceType: 'Observation' as const,
    status: 'final' as const,
    category: [SURVEY],
    subject: { reference: `Patient/${input.patientId}` },
    effectiveDateTime: input.effective,
    derivedFrom: [{ reference: `QuestionnaireResponse/${input.responseId}` }],
  };
  const value = (n: number): Pick<Observation, 'valueInteger' | 'valueQuantity'> =>
    DECIMAL_SCORES.includes(instrument.id)
      ? { valueQuantity: { value: n, unit: '{score}', system: UCUM_SYSTEM, code: '{score}' } }
      : { valueInteger: n };
  const band = score.band;
  const notes = [
    ...(band?.setting === undefined ? [] : [`Band from setting ${band.setting}.`]),
    ...score.flags.map((flag) => flag.message),
  ];
  const components: ObservationComponent[] = (score.activities ?? []).map((activity) => ({
    code: { coding: [{ system: MEASURES_CODE_SYSTEM, code: 'psfs.activity' }], text: activity.name },
    valueInteger: activity.score,
  }));
  const total: Observation = {
    ...base,
    id: `${input.idPrefix}-total`,
    code: { coding: [scoreCoding(instrument, null)], text: `${instrument.title} score` },
    ...value(score.total),
    ...(band === null
      ? {}
      : {
          interpretation: [
            { coding: [{ system: MEASURE_BANDS_CODE_SYSTEM, code: `${instrument.id}.${band.code}`, display: band.label }], text: band.label },
          ],
        }),
    ...(notes.length > 0 ? { note: notes.map((text) => ({ text })) } : {}),
    ...(components.length > 0 ? { component: components } : {}),
  };
  const subscales = Object.entries(score.subscales).map(
    ([name, n]): Observation => ({
      ...base,
      id: `${input.idPrefix}-${name}`,
      code: { coding: [scoreCoding(instrument, name)], text: `${instrument.title}: ${name} subscale` },
      ...value(n),
    }),
  );
  return [total, ...subscales];
}

export interface ObservationSearchQuery extends PagedQuery {
  patientId?: string;
  code?: { system?: string; code: string; measure: { instrumentId: InstrumentId; subscale: string | null } | null };
  date?: DateRange;
}

const codeHandler: SearchHandler<ObservationSearchQuery> = (value, param, query, issues) => {
  const parts = value.split('|');
  const [first = '', second] = parts;
  if (parts.length > 2 || (second === undefined ? first : second) === '') {
    issues.push(error('fhir.invalid-search-value', `${param} must be written system|code or code.`, param));
    return;
  }
  const system = second === undefined ? undefined : first; // '|code' = a code with no system: never ours
  const code = second ?? first;
  query.code = { ...(system === undefined ? {} : { system }), code, measure: measureForCode(system, code) };
};

const OBSERVATION_HANDLERS = new Map<string, SearchHandler<ObservationSearchQuery>>([
  ['patient', patientHandler()],
  ['code', codeHandler],
  ['date', dateHandler((q) => (q.date ??= {}))],
  ...pagingHandlers<ObservationSearchQuery>(),
]);

/** Parses Observation search parameters; every problem is an Issue with the parameter as path. */
export function parseObservationSearch(params: Record<string, string | string[] | undefined>): {
  query: ObservationSearchQuery;
  issues: Issue[];
} {
  const query: ObservationSearchQuery = { count: DEFAULT_SEARCH_COUNT, offset: 0 };
  const issues = parseSearchParams(params, OBSERVATION_HANDLERS, query, 'observations', ['date']);
  if (query.date !== undefined && Object.keys(query.date).length === 0) delete query.date;
  return { query, issues };
}
