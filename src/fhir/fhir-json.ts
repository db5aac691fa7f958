/**
 * Helpers for reading untrusted FHIR R4 JSON (https://hl7.org/fhir/R4/json.html): type guards, issue
 * builders, the element check that reports every element Painpath does not store (so nothing is dropped
 * silently), and the calendar-date check shared by the Patient mapper and search.
 * Assumptions: element ids (`id` inside a datatype) carry no clinical data and are ignored; any
 * `modifierExtension` or `implicitRules` is an error, because FHIR forbids ignoring modifiers.
 */
import type { Issue } from '../domain/issues';
import { error } from '../domain/issues';

export type JsonObject = Record<string, unknown>;

/** A JSON object found at a FHIRPath-like location, e.g. `Patient.name[0]`. */
export interface Located {
  value: JsonObject;
  path: string;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function warning(code: string, message: string, path: string): Issue {
  return { code, message, severity: 'warning', path };
}

/** A FHIR element Painpath cannot store: reported as a warning so the sender knows it was not kept. */
export function unsupportedElement(path: string, reason = 'Painpath does not store it'): Issue {
  return warning('fhir.unsupported-element', `${path} was not saved: ${reason}.`, path);
}

/** Reads an optional string element, reporting any other JSON type. */
export function readString(obj: JsonObject, key: string, path: string, issues: Issue[]): string | undefined {
  const value = obj[key];
  if (value === undefined || typeof value === 'string') return value;
  issues.push(error('fhir.invalid-type', `${path}.${key} must be a string.`, `${path}.${key}`));
  return undefined;
}

/** Reads an optional boolean element, reporting any other JSON type. */
export function readBoolean(obj: JsonObject, key: string, path: string, issues: Issue[]): boolean | undefined {
  const value = obj[key];
  if (value === undefined || typeof value === 'boolean') return value;
  issues.push(error('fhir.invalid-type', `${path}.${key} must be true or false.`, `${path}.${key}`));
  return undefined;
}

/** Reads a repeating element as a list of objects; reports a non-array or non-object entries. */
export function readObjects(obj: JsonObject, key: string, path: string, issues: Issue[]): Located[] {
  const value = obj[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.push(error('fhir.invalid-type', `${path}.${key} must be a JSON array.`, `${path}.${key}`));
    return [];
  }
  const found: Located[] = [];
  value.forEach((item: unknown, index) => {
    const itemPath = `${path}.${key}[${index}]`;
    if (isJsonObject(item)) found.push({ value: item, path: itemPath });
    else issues.push(error('fhir.invalid-type', `${itemPath} must be a JSON object.`, itemPath));
  });
  return found;
}

/** Reads a repeating string element (e.g. `given`, `line`); reports a non-array or non-string entries. */
export function readStrings(obj: JsonObject, key: string, path: string, issues: Issue[]): string[] {
  const value = obj[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.push(error('fhir.invalid-type', `${path}.${key} must be a JSON array of strings.`, `${path}.${key}`));
    return [];
  }
  const found: string[] = [];
  value.forEach((item: unknown, index) => {
    const itemPath = `${path}.${key}[${index}]`;
    if (typeof item === 'string') found.push(item);
    else issues.push(error('fhir.invalid-type', `${itemPath} must be a string.`, itemPath));
  });
  return found;
}

/**
 * Reports each element of `obj` that is not in `stored`: a warning when it is a real element of the type
 * (`known`, or its `_name` primitive-extension twin), an error when the type has no such element.
 */
export function checkElements(
  obj: JsonObject,
  path: string,
  typeName: string,
  known: readonly string[],
  stored: readonly string[],
  issues: Issue[],
): void {
  for (const key of Object.keys(obj)) {
    if (key === 'id' || stored.includes(key)) continue;
    const keyPath = `${path}.${key}`;
    if (key === 'modifierExtension' || key === 'implicitRules') {
      issues.push(
        error('fhir.unsupported-modifier', `${keyPath} changes the meaning of the data and Painpath cannot process it.`, keyPath),
      );
    } else if (known.includes(key.startsWith('_') ? key.slice(1) : key)) {
      issues.push(unsupportedElement(keyPath));
    } else {
      issues.push(error('fhir.unknown-element', `${keyPath} is not an element of ${typeName} in FHIR R4.`, keyPath));
    }
  }
}

export function trimmedOrNull(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** True for a real calendar date written as YYYY-MM-DD (years 0001-9999; 2023-02-30 is false). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const isLeapYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return year >= 1 && daysInMonth !== undefined && day >= 1 && day <= daysInMonth;
}

/** Element names of the FHIR R4 datatypes the Patient mapper reads (https://hl7.org/fhir/R4/datatypes.html). */
export const DATATYPE_ELEMENTS = {
  HumanName: ['extension', 'use', 'text', 'family', 'given', 'prefix', 'suffix', 'period'],
  Identifier: ['extension', 'use', 'type', 'system', 'value', 'period', 'assigner'],
  ContactPoint: ['extension', 'system', 'value', 'use', 'rank', 'period'],
  Address: ['extension', 'use', 'type', 'text', 'line', 'city', 'district', 'state', 'postalCode', 'country', 'period'],
  'Patient.communication': ['extension', 'modifierExtension', 'language', 'preferred'],
  Meta: ['extension', 'versionId', 'lastUpdated', 'source', 'profile', 'security', 'tag'],
} as const satisfies Record<string, readonly string[]>;
