/**
 * Painpath's own Patient extensions, for demographics FHIR R4 Patient and US Core have no element for.
 * Each URL below is the canonical address of a Painpath StructureDefinition (simple extension, 0..1,
 * context Patient); the value type is given beside it.
 * Assumptions: free-text values (payer, pronouns, gender identity) are written as the person or clinic
 * recorded them; interpreter-needed is always written, so `false` is explicit rather than absent.
 */
import type { Extension } from '@medplum/fhirtypes';
import type { Issue } from '../domain/issues';
import { error } from '../domain/issues';
import type { PatientDemographics, Rurality } from '../domain/patients/patient';
import { RURALITIES } from '../domain/patients/patient';
import type { JsonObject } from './fhir-json';

export const PAINPATH_STRUCTURE_DEFINITION_BASE = 'https://painpath.org/fhir/StructureDefinition/';
/** valueBoolean: the person needs an interpreter for care in their preferred language. */
export const INTERPRETER_NEEDED_URL = `${PAINPATH_STRUCTURE_DEFINITION_BASE}interpreter-needed`;
/** valueCode 'urban' | 'rural': where the person lives, for equity stratification. */
export const RURALITY_URL = `${PAINPATH_STRUCTURE_DEFINITION_BASE}rurality`;
/** valueString: the person's primary payer as the clinic records it (e.g. "Medicaid"). */
export const PAYER_URL = `${PAINPATH_STRUCTURE_DEFINITION_BASE}payer`;
/** valueString: the person's pronouns in their own words (e.g. "they/them"). */
export const PRONOUNS_URL = `${PAINPATH_STRUCTURE_DEFINITION_BASE}pronouns`;
/** valueString: the person's gender identity in their own words. */
export const GENDER_IDENTITY_URL = `${PAINPATH_STRUCTURE_DEFINITION_BASE}gender-identity`;

export type PainpathExtensionFields = Pick<
  PatientDemographics,
  'interpreterNeeded' | 'rurality' | 'payer' | 'pronouns' | 'genderIdentity'
>;

type StringField = 'payer' | 'pronouns' | 'genderIdentity';
const STRING_EXTENSIONS: readonly (readonly [string, StringField])[] = [
  [PAYER_URL, 'payer'],
  [PRONOUNS_URL, 'pronouns'],
  [GENDER_IDENTITY_URL, 'genderIdentity'],
];

export const PAINPATH_EXTENSION_URLS: readonly string[] = [
  INTERPRETER_NEEDED_URL,
  RURALITY_URL,
  ...STRING_EXTENSIONS.map(([url]) => url),
];

export function toPainpathExtensions(fields: PainpathExtensionFields): Extension[] {
  const extensions: Extension[] = [{ url: INTERPRETER_NEEDED_URL, valueBoolean: fields.interpreterNeeded }];
  if (fields.rurality !== null) extensions.push({ url: RURALITY_URL, valueCode: fields.rurality });
  for (const [url, field] of STRING_EXTENSIONS) {
    const value = fields[field];
    if (value !== null) extensions.push({ url, valueString: value });
  }
  return extensions;
}

function isRurality(value: unknown): value is Rurality {
  return RURALITIES.some((r) => r === value);
}

function invalidValue(message: string, path: string): Issue {
  return error('fhir.invalid-extension-value', message, path);
}

/** Reads one Painpath extension (its url must be in PAINPATH_EXTENSION_URLS) into `fields`. */
export function readPainpathExtension(
  ext: JsonObject,
  path: string,
  fields: PainpathExtensionFields,
  issues: Issue[],
): void {
  if (ext.url === INTERPRETER_NEEDED_URL) {
    if (typeof ext.valueBoolean === 'boolean') fields.interpreterNeeded = ext.valueBoolean;
    else issues.push(invalidValue('Interpreter needed must be valueBoolean true or false.', `${path}.valueBoolean`));
    return;
  }
  if (ext.url === RURALITY_URL) {
    if (isRurality(ext.valueCode)) fields.rurality = ext.valueCode;
    else issues.push(invalidValue(`Rurality must be valueCode ${RURALITIES.join(' or ')}.`, `${path}.valueCode`));
    return;
  }
  const field = STRING_EXTENSIONS.find(([url]) => url === ext.url)?.[1];
  if (field === undefined) throw new Error(`Not a Painpath extension: ${String(ext.url)}`);
  const value = ext.valueString;
  if (typeof value === 'string' && value.trim() !== '') fields[field] = value.trim();
  else issues.push(invalidValue(`${path} must have a non-empty valueString.`, `${path}.valueString`));
}
