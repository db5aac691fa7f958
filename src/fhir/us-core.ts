/**
 * US Core race and ethnicity extensions on Patient.
 * Source: US Core Implementation Guide (FHIR R4), StructureDefinitions us-core-race and us-core-ethnicity;
 * OMB minimum categories from the CDC Race & Ethnicity code system (urn:oid:2.16.840.1.113883.6.238);
 * "unknown" and "declined" as v3 NullFlavor UNK and ASKU, which the US Core OMB category value sets include.
 * Assumptions:
 * - Painpath stores one race category or 'multiple'. 'multiple' is written as the text "Multiple" with no
 *   ombCategory (the individual categories are not stored); two or more OMB categories read in become 'multiple'.
 * - Detailed (granular CDC) codes are not stored; they are reported, never dropped silently.
 * - The required `text` sub-extension is always written; on input it is read only to recognise "Multiple".
 */
import type { Extension } from '@medplum/fhirtypes';
import type { Issue } from '../domain/issues';
import { error } from '../domain/issues';
import type { Ethnicity, Race } from '../domain/patients/patient';
import type { JsonObject } from './fhir-json';
import { isJsonObject, readObjects, readString, unsupportedElement, warning } from './fhir-json';

export const US_CORE_PATIENT_PROFILE = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient';
export const US_CORE_RACE_URL = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race';
export const US_CORE_ETHNICITY_URL = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity';
export const CDC_RACE_ETHNICITY_SYSTEM = 'urn:oid:2.16.840.1.113883.6.238';
export const NULL_FLAVOR_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor';

interface OmbAnswer {
  system: string;
  code: string;
  display: string;
  text: string;
}

const UNKNOWN: OmbAnswer = { system: NULL_FLAVOR_SYSTEM, code: 'UNK', display: 'Unknown', text: 'Unknown' };
const DECLINED: OmbAnswer = {
  system: NULL_FLAVOR_SYSTEM,
  code: 'ASKU',
  display: 'Asked but no answer',
  text: 'Declined to answer',
};

function cdc(code: string, display: string): OmbAnswer {
  return { system: CDC_RACE_ETHNICITY_SYSTEM, code, display, text: display };
}

/** One row per OMB race category, plus the two null flavours. 'multiple' has no coding (see above). */
export const RACE_CODINGS: Readonly<Record<Exclude<Race, 'multiple'>, OmbAnswer>> = {
  'american-indian-or-alaska-native': cdc('1002-5', 'American Indian or Alaska Native'),
  asian: cdc('2028-9', 'Asian'),
  'black-or-african-american': cdc('2054-5', 'Black or African American'),
  'native-hawaiian-or-other-pacific-islander': cdc('2076-8', 'Native Hawaiian or Other Pacific Islander'),
  white: cdc('2106-3', 'White'),
  unknown: UNKNOWN,
  declined: DECLINED,
};

export const ETHNICITY_CODINGS: Readonly<Record<Ethnicity, OmbAnswer>> = {
  'hispanic-or-latino': cdc('2135-2', 'Hispanic or Latino'),
  'not-hispanic-or-latino': cdc('2186-5', 'Not Hispanic or Latino'),
  unknown: UNKNOWN,
  declined: DECLINED,
};

const MULTIPLE_TEXT = 'Multiple';
const NULL_ANSWERS: readonly string[] = ['unknown', 'declined'];

function ombExtension(url: string, answer: OmbAnswer | undefined, text: string): Extension {
  const category: Extension[] =
    answer === undefined
      ? []
      : [{ url: 'ombCategory', valueCoding: { system: answer.system, code: answer.code, display: answer.display } }];
  return { url, extension: [...category, { url: 'text', valueString: text }] };
}

export function toRaceExtension(race: Race): Extension {
  if (race === 'multiple') return ombExtension(US_CORE_RACE_URL, undefined, MULTIPLE_TEXT);
  const answer = RACE_CODINGS[race];
  return ombExtension(US_CORE_RACE_URL, answer, answer.text);
}

export function toEthnicityExtension(ethnicity: Ethnicity): Extension {
  const answer = ETHNICITY_CODINGS[ethnicity];
  return ombExtension(US_CORE_ETHNICITY_URL, answer, answer.text);
}

interface OmbReading<T extends string> {
  answers: T[];
  text: string | undefined;
  hadUnknownCode: boolean;
}

/** Reads the sub-extensions of a race or ethnicity extension, matching ombCategory codings against `table`. */
function readOmb<T extends string>(
  ext: JsonObject,
  path: string,
  kind: 'race' | 'ethnicity',
  table: Readonly<Record<T, OmbAnswer>>,
  issues: Issue[],
): OmbReading<T> {
  const reading: OmbReading<T> = { answers: [], text: undefined, hadUnknownCode: false };
  const rows = Object.entries(table) as [T, OmbAnswer][];
  for (const sub of readObjects(ext, 'extension', path, issues)) {
    const url = sub.value.url;
    if (url === 'text') {
      reading.text = readString(sub.value, 'valueString', sub.path, issues);
    } else if (url === 'ombCategory') {
      const coding = sub.value.valueCoding;
      const codingPath = `${sub.path}.valueCoding`;
      const row = isJsonObject(coding)
        ? rows.find(([, a]) => a.system === coding.system && a.code === coding.code)
        : undefined;
      if (row === undefined) {
        reading.hadUnknownCode = true;
        const shown = isJsonObject(coding) ? `${String(coding.system)}|${String(coding.code)}` : 'a missing coding';
        const message = `${shown} is not an OMB ${kind} category Painpath recognises.`;
        issues.push(error(`fhir.unknown-${kind}-code`, message, codingPath));
      } else if (!reading.answers.includes(row[0])) {
        reading.answers.push(row[0]);
      }
    } else {
      issues.push(unsupportedElement(sub.path, `Painpath stores only the OMB ${kind} category`));
    }
  }
  return reading;
}

/** Reads a us-core-race extension; returns null (with an issue) when no single answer can be stored. */
export function readRace(ext: JsonObject, path: string, issues: Issue[]): Race | null {
  const { answers, text, hadUnknownCode } = readOmb(ext, path, 'race', RACE_CODINGS, issues);
  const nullAnswers = answers.filter((a) => NULL_ANSWERS.includes(a));
  if (nullAnswers.length > 0 && answers.length > 1) {
    issues.push(error('fhir.conflicting-race-codes', 'Race lists a category together with unknown or declined.', path));
    return null;
  }
  if (answers.length > 1) return 'multiple';
  if (answers[0] !== undefined) return answers[0];
  if (text?.trim().toLowerCase() === MULTIPLE_TEXT.toLowerCase()) return 'multiple';
  if (!hadUnknownCode) issues.push(warning('fhir.race-not-coded', 'Race has no OMB category, so it was not saved.', path));
  return null;
}

/** Reads a us-core-ethnicity extension; returns null (with an issue) when no single answer can be stored. */
export function readEthnicity(ext: JsonObject, path: string, issues: Issue[]): Ethnicity | null {
  const { answers, hadUnknownCode } = readOmb(ext, path, 'ethnicity', ETHNICITY_CODINGS, issues);
  if (answers.length > 1) {
    issues.push(error('fhir.conflicting-ethnicity-codes', 'Ethnicity lists more than one OMB category.', path));
    return null;
  }
  if (answers[0] !== undefined) return answers[0];
  if (!hadUnknownCode) {
    issues.push(warning('fhir.ethnicity-not-coded', 'Ethnicity has no OMB category, so it was not saved.', path));
  }
  return null;
}
