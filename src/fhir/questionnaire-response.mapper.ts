/**
 * Maps stored instrument answers to a FHIR R4 QuestionnaireResponse
 * (https://hl7.org/fhir/R4/questionnaireresponse.html), and parses QuestionnaireResponse search
 * (patient, questionnaire, authored, _count, _offset) in the style of search.ts. The search machinery here
 * is shared with the Observation search (observation.mapper.ts).
 * Assumptions:
 * - `questionnaire` is the versioned canonical `${baseUrl}/Questionnaire/${id}|${version}`.
 * - Only valid answers are written: a null, missing or invalid answer (validateAnswers) is left out, never
 *   guessed. Answers are validated before they are stored, so this only matters for in-progress data.
 * - A choice answer is the same Coding as the Questionnaire's answerOption; 0–10 answers are valueInteger;
 *   yes/no valueBoolean; each PSFS activity is one repeat of the `psfs.activities` group.
 * - ORT age comes from the person's record, not from an answer, so it is not in the response.
 * - Search: patient is `Patient/{id}` or `{id}`; questionnaire is a canonical ending in
 *   `/Questionnaire/{instrument id}` (optionally `|version`) or the bare instrument id; an unknown
 *   instrument is an error. Dates take eq, ge or le with YYYY-MM-DD or a date-time with a zone; a day bound
 *   covers the whole day; one ge and one le may be combined (date=ge…&date=le…).
 */
import type {
  Bundle,
  BundleLink,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  Resource,
} from '@medplum/fhirtypes';
import type { Issue } from '../domain/issues';
import { error } from '../domain/issues';
import type { Instrument, InstrumentId, InstrumentItem } from '../domain/measures/instruments';
import { isInstrumentId } from '../domain/measures/instruments';
import type { Answers } from '../domain/measures/score';
import { validateAnswers } from '../domain/measures/score';
import { isCalendarDate } from './fhir-json';
import { answerCoding, questionnaireCanonical } from './questionnaire.mapper';
import { DEFAULT_SEARCH_COUNT, MAX_SEARCH_COUNT } from './search';

function answerItems(instrument: Instrument, item: InstrumentItem, value: Answers[string]): QuestionnaireResponseItem[] {
  const base = { linkId: item.id, text: item.text };
  if (item.kind === 'activity' && Array.isArray(value)) {
    return value.map((activity) => ({
      linkId: item.id,
      item: [
        { linkId: `${item.id}.name`, answer: [{ valueString: activity.name.trim() }] },
        { linkId: `${item.id}.score`, text: item.text, answer: [{ valueInteger: activity.score }] },
      ],
    }));
  }
  if (item.kind === 'yes-no' && typeof value === 'boolean') return [{ ...base, answer: [{ valueBoolean: value }] }];
  if (item.kind === 'scale-0-10' && typeof value === 'number') return [{ ...base, answer: [{ valueInteger: value }] }];
  const option = item.kind === 'choice' ? item.options?.find((o) => o.value === value) : undefined;
  return option === undefined ? [] : [{ ...base, answer: [{ valueCoding: answerCoding(instrument, item, option) }] }];
}

export function toFhirQuestionnaireResponse(input: {
  id: string;
  patientId: string;
  instrument: Instrument;
  answers: Answers;
  authored: string;
  status: 'in-progress' | 'completed';
  baseUrl: string;
}): QuestionnaireResponse {
  const { instrument, answers } = input;
  const invalid = new Set(validateAnswers(instrument.id, answers).map((issue) => issue.path?.replace(/\[.*$/, '')));
  const item = instrument.items.flatMap((i) => (invalid.has(i.id) ? [] : answerItems(instrument, i, answers[i.id] ?? null)));
  return {
    resourceType: 'QuestionnaireResponse',
    id: input.id,
    questionnaire: questionnaireCanonical(input.baseUrl, instrument),
    status: input.status,
    subject: { reference: `Patient/${input.patientId}` },
    authored: input.authored,
    ...(item.length > 0 ? { item } : {}),
  };
}

// ---- Search (shared with observation.mapper.ts) ----

/** Inclusive bounds; a YYYY-MM-DD bound covers that whole day. */
export interface DateRange {
  ge?: string;
  le?: string;
}
export interface PagedQuery {
  count: number;
  offset: number;
}
export type SearchHandler<Q> = (value: string, param: string, query: Q, issues: Issue[]) => void;

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

function invalid(param: string, message: string): Issue {
  return error('fhir.invalid-search-value', message, param);
}

/** True when `value` has a comma that is not escaped with a backslash. */
function hasUnescapedComma(value: string): boolean {
  return /(^|[^\\])(\\\\)*,/.test(value);
}

export function patientHandler<Q extends { patientId?: string }>(): SearchHandler<Q> {
  return (value, param, query, issues) => {
    const id = value.startsWith('Patient/') ? value.slice('Patient/'.length) : value;
    if (FHIR_ID.test(id)) query.patientId = id;
    else issues.push(invalid(param, `${param} must be a patient id or Patient/{id}.`));
  };
}

export function dateHandler<Q>(range: (query: Q) => DateRange): SearchHandler<Q> {
  return (value, param, query, issues) => {
    const prefix = /^[a-z]{2}/.exec(value)?.[0];
    const date = prefix === undefined ? value : value.slice(2);
    if (prefix !== undefined && !['eq', 'ge', 'le'].includes(prefix)) {
      issues.push(error('fhir.unsupported-search-prefix', `${param} supports eq, ge and le, not ${prefix}.`, param));
      return;
    }
    const day = DATE_TIME.exec(date)?.[1] ?? date;
    if (!isCalendarDate(day)) {
      const partial = /^\d{4}(-\d{2})?$/.test(date);
      issues.push(
        partial
          ? error('fhir.unsupported-search-precision', `${param} needs a full date YYYY-MM-DD, not ${date}.`, param)
          : invalid(param, `${param} must be a real date YYYY-MM-DD or a date-time with a time zone.`),
      );
      return;
    }
    const bounds = range(query);
    const sets = prefix === 'ge' ? ['ge'] : prefix === 'le' ? ['le'] : ['ge', 'le'];
    if (sets.some((bound) => bounds[bound as keyof DateRange] !== undefined)) {
      const message = `${param} takes at most one lower (ge) and one upper (le) bound, or one exact date.`;
      issues.push(error('fhir.unsupported-search-repeat', message, param));
      return;
    }
    for (const bound of sets) bounds[bound as keyof DateRange] = date;
  };
}

function wholeNumber<Q extends PagedQuery>(min: number, max: number, key: keyof PagedQuery): SearchHandler<Q> {
  return (value, param, query, issues) => {
    const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (Number.isSafeInteger(n) && n >= min && n <= max) query[key] = n;
    else issues.push(invalid(param, `${param} must be a whole number ${max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`}.`));
  };
}

export function pagingHandlers<Q extends PagedQuery>(): [string, SearchHandler<Q>][] {
  return [
    ['_count', wholeNumber<Q>(1, MAX_SEARCH_COUNT, 'count')],
    ['_offset', wholeNumber<Q>(0, Number.MAX_SAFE_INTEGER, 'offset')],
  ];
}

/**
 * Runs each parameter through its handler; reports unsupported parameters, modifiers, OR lists and
 * repeats (except for `repeatable` parameters, such as a date range) with the parameter as the path.
 */
export function parseSearchParams<Q>(
  params: Record<string, string | string[] | undefined>,
  handlers: ReadonlyMap<string, SearchHandler<Q>>,
  query: Q,
  resourceLabel: string,
  repeatable: readonly string[] = [],
): Issue[] {
  const issues: Issue[] = [];
  const names = [...handlers.keys()].join(', ');
  for (const [param, raw] of Object.entries(params)) {
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => v !== undefined && v !== '');
    if (values.length === 0 || param === '_format') continue;
    const [name = '', modifier] = param.split(':', 2);
    const handler = handlers.get(name);
    if (handler === undefined) {
      const message = `Painpath cannot search ${resourceLabel} by ${param}; use ${names}.`;
      issues.push(error('fhir.unsupported-search-parameter', message, param));
    } else if (modifier !== undefined) {
      issues.push(error('fhir.unsupported-search-modifier', `The :${modifier} modifier is not supported on ${name}.`, param));
    } else if (values.length > (repeatable.includes(name) ? 2 : 1)) {
      issues.push(error('fhir.unsupported-search-repeat', `${param} may be given only ${repeatable.includes(name) ? 'twice' : 'once'}.`, param));
    } else if (values.some(hasUnescapedComma)) {
      const message = `${param} takes one value; comma-separated alternatives are not supported.`;
      issues.push(error('fhir.unsupported-search-or', message, param));
    } else {
      for (const value of values) handler(value, param, query, issues);
    }
  }
  return issues;
}

/** A searchset Bundle of any Painpath resources; `total` counts all matches, not only this page. */
export function resourceSearchsetBundle(input: {
  baseUrl: string;
  total: number;
  resources: readonly Resource[];
  selfUrl: string;
  nextUrl?: string;
}): Bundle {
  const base = input.baseUrl.replace(/\/+$/, '');
  const link: BundleLink[] = [{ relation: 'self', url: input.selfUrl }];
  if (input.nextUrl !== undefined) link.push({ relation: 'next', url: input.nextUrl });
  const entry = input.resources.map((resource) => {
    if (resource.id === undefined) throw new Error('resourceSearchsetBundle: every resource in a search result needs an id');
    return { fullUrl: `${base}/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'match' as const } };
  });
  return { resourceType: 'Bundle', type: 'searchset', total: input.total, link, ...(entry.length > 0 ? { entry } : {}) };
}

export interface QuestionnaireResponseSearchQuery extends PagedQuery {
  patientId?: string;
  instrumentId?: InstrumentId;
  questionnaireVersion?: string;
  authored?: DateRange;
}

const questionnaireHandler: SearchHandler<QuestionnaireResponseSearchQuery> = (value, param, query, issues) => {
  const [url = '', version, ...rest] = value.split('|');
  const id = url.includes('/') ? /\/Questionnaire\/([^/]+)$/.exec(url)?.[1] : url;
  if (rest.length > 0 || id === undefined || version === '') {
    issues.push(invalid(param, `${param} must be a Questionnaire canonical URL (optionally |version) or an instrument id.`));
  } else if (!isInstrumentId(id)) {
    issues.push(error('fhir.unknown-questionnaire', `Painpath has no Questionnaire ${id}.`, param));
  } else {
    query.instrumentId = id;
    if (version !== undefined) query.questionnaireVersion = version;
  }
};

const QR_HANDLERS = new Map<string, SearchHandler<QuestionnaireResponseSearchQuery>>([
  ['patient', patientHandler()],
  ['questionnaire', questionnaireHandler],
  ['authored', dateHandler((q) => (q.authored ??= {}))],
  ...pagingHandlers<QuestionnaireResponseSearchQuery>(),
]);

/** Parses QuestionnaireResponse search parameters; every problem is an Issue with the parameter as path. */
export function parseQuestionnaireResponseSearch(params: Record<string, string | string[] | undefined>): {
  query: QuestionnaireResponseSearchQuery;
  issues: Issue[];
} {
  const query: QuestionnaireResponseSearchQuery = { count: DEFAULT_SEARCH_COUNT, offset: 0 };
  const issues = parseSearchParams(params, QR_HANDLERS, query, 'questionnaire responses', ['authored']);
  if (query.authored !== undefined && Object.keys(query.authored).length === 0) delete query.authored;
  return { query, issues };
}
