/**
 * FHIR R4 Patient search (https://hl7.org/fhir/R4/search.html, https://hl7.org/fhir/R4/patient.html#search):
 * parses the query string into a domain query and builds the searchset Bundle.
 * Supported: name, family, given (string, prefix match), birthdate (exact day, optional `eq` prefix),
 * identifier (token `system|value` or `value`), _count (1..100, default 20), _offset (>= 0); _format is
 * left to the server. Everything else is reported, with the parameter name as the path.
 * Assumptions:
 * - Unsupported parameters, modifiers, prefixes, repeats (AND) and comma lists (OR) are errors rather than
 *   being ignored, so a search never silently returns more people than asked for.
 * - An empty value is ignored, as FHIR search asks. `\,` `\|` `\$` `\\` are unescaped.
 */
import type { Bundle, BundleEntry, BundleLink, Patient as FhirPatient } from '@medplum/fhirtypes';
import type { Issue } from '../domain/issues';
import { error } from '../domain/issues';
import { isCalendarDate } from './fhir-json';

export interface PatientSearchQuery {
  name?: string;
  family?: string;
  given?: string;
  birthDate?: string;
  identifier?: { system?: string; value: string };
  count: number;
  offset: number;
}

export const DEFAULT_SEARCH_COUNT = 20;
export const MAX_SEARCH_COUNT = 100;

const DATE_PREFIXES = ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb', 'ap'];

type Handler = (value: string, param: string, query: PatientSearchQuery, issues: Issue[]) => void;

/** Splits on `separator` where it is not escaped with a backslash; the parts stay escaped. */
function splitUnescaped(value: string, separator: ',' | '|'): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i += 1) {
    const char = value.charAt(i);
    if (char === '\\' && i + 1 < value.length) {
      current += char + value.charAt(i + 1);
      i += 1;
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

function unescapeValue(value: string): string {
  return value.replace(/\\([\\,$|])/g, '$1');
}

function invalid(param: string, message: string): Issue {
  return error('fhir.invalid-search-value', message, param);
}

function stringParam(field: 'name' | 'family' | 'given'): Handler {
  return (value, _param, query) => {
    const text = unescapeValue(value).trim();
    if (text !== '') query[field] = text;
  };
}

const birthdate: Handler = (value, param, query, issues) => {
  const prefix = DATE_PREFIXES.find((p) => value.startsWith(p));
  const date = prefix === undefined ? value : value.slice(prefix.length);
  if (prefix !== undefined && prefix !== 'eq') {
    issues.push(error('fhir.unsupported-search-prefix', `${param} supports only an exact date (eq), not ${prefix}.`, param));
  } else if (isCalendarDate(date)) {
    query.birthDate = date;
  } else if (/^\d{4}(-\d{2})?$/.test(date)) {
    const message = `${param} needs a full date YYYY-MM-DD, not ${date}.`;
    issues.push(error('fhir.unsupported-search-precision', message, param));
  } else {
    issues.push(invalid(param, `${param} must be a real date written YYYY-MM-DD.`));
  }
};

const identifier: Handler = (value, param, query, issues) => {
  const parts = splitUnescaped(value, '|').map((p) => unescapeValue(p).trim());
  const [first, second] = parts;
  if (parts.length > 2 || first === undefined) {
    issues.push(invalid(param, `${param} must be written system|value or value.`));
  } else if (second === undefined) {
    query.identifier = { value: first };
  } else if (first === '' || second === '') {
    const message = `${param} needs both a system and a value (system|value), or a value alone.`;
    issues.push(error('fhir.unsupported-search-value', message, param));
  } else {
    query.identifier = { system: first, value: second };
  }
};

function wholeNumber(min: number, max: number, apply: (n: number, query: PatientSearchQuery) => void): Handler {
  return (value, param, query, issues) => {
    const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (Number.isSafeInteger(n) && n >= min && n <= max) apply(n, query);
    else {
      const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
      issues.push(invalid(param, `${param} must be a whole number ${range}.`));
    }
  };
}

const HANDLERS = new Map<string, Handler>([
  ['name', stringParam('name')],
  ['family', stringParam('family')],
  ['given', stringParam('given')],
  ['birthdate', birthdate],
  ['identifier', identifier],
  ['_count', wholeNumber(1, MAX_SEARCH_COUNT, (n, q) => (q.count = n))],
  ['_offset', wholeNumber(0, Number.MAX_SAFE_INTEGER, (n, q) => (q.offset = n))],
]);

const SUPPORTED_NAMES = [...HANDLERS.keys()].join(', ');

/**
 * Parses FHIR Patient search parameters into a domain query; reports unsupported parameters and bad values
 * as Issues (path = parameter name).
 */
export function parsePatientSearch(params: Record<string, string | string[] | undefined>): {
  query: PatientSearchQuery;
  issues: Issue[];
} {
  const query: PatientSearchQuery = { count: DEFAULT_SEARCH_COUNT, offset: 0 };
  const issues: Issue[] = [];
  for (const [param, raw] of Object.entries(params)) {
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => v !== undefined && v !== '');
    if (values.length === 0 || param === '_format') continue;
    const [name = '', modifier] = param.split(':', 2);
    const handler = HANDLERS.get(name);
    const [value] = values;
    if (handler === undefined) {
      const message = `Painpath cannot search patients by ${param}; use ${SUPPORTED_NAMES}.`;
      issues.push(error('fhir.unsupported-search-parameter', message, param));
    } else if (modifier !== undefined) {
      issues.push(error('fhir.unsupported-search-modifier', `The :${modifier} modifier is not supported on ${name}.`, param));
    } else if (values.length > 1 || value === undefined) {
      issues.push(error('fhir.unsupported-search-repeat', `${param} may be given only once.`, param));
    } else if (splitUnescaped(value, ',').length > 1) {
      const message = `${param} takes one value; comma-separated alternatives are not supported.`;
      issues.push(error('fhir.unsupported-search-or', message, param));
    } else {
      handler(value, param, query, issues);
    }
  }
  return { query, issues };
}

/** A searchset Bundle of matching patients; `total` counts all matches, not only this page. */
export function searchsetBundle(input: {
  baseUrl: string;
  total: number;
  resources: readonly FhirPatient[];
  selfUrl: string;
  nextUrl?: string;
}): Bundle {
  const base = input.baseUrl.replace(/\/+$/, '');
  const link: BundleLink[] = [{ relation: 'self', url: input.selfUrl }];
  if (input.nextUrl !== undefined) link.push({ relation: 'next', url: input.nextUrl });
  const entry: BundleEntry[] = input.resources.map((resource) => {
    if (resource.id === undefined) throw new Error('searchsetBundle: every Patient in a search result needs an id');
    return { fullUrl: `${base}/Patient/${resource.id}`, resource, search: { mode: 'match' } };
  });
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: input.total,
    link,
    ...(entry.length > 0 ? { entry } : {}),
  };
}
