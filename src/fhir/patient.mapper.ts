/**
 * Maps the domain Patient to and from a FHIR R4 Patient that claims the US Core Patient profile.
 * Sources: FHIR R4 Patient (https://hl7.org/fhir/R4/patient.html); US Core Patient; identifier type MR from
 * http://terminology.hl7.org/CodeSystem/v2-0203. Telecom, address and language: patient-contact.mapper.ts.
 * Assumptions:
 * - Reading reports every problem at once, with FHIRPath-like paths. Elements Painpath cannot store are
 *   warnings (`fhir.unsupported-element`), names FHIR Patient does not have are errors (`fhir.unknown-element`).
 * - `demographics` from fromFhirPatient is only meaningful when no issue has severity 'error'.
 * - `id` and `meta` are owned by the server and are not read; `summary` is Painpath's own note and is not
 *   part of the FHIR resource, so a Patient read from FHIR always has summary null.
 * - A missing gender reads as 'unknown' (FHIR: not known); a missing communication reads as 'en'.
 */
import type { Extension, Patient as FhirPatient, HumanName } from '@medplum/fhirtypes';
import type { Issue } from '../domain/issues';
import { error } from '../domain/issues';
import type { Patient, PatientDemographics, Sex } from '../domain/patients/patient';
import { OPTIONAL_DEMOGRAPHIC_DEFAULTS } from '../domain/patients/patient';
import { SEXES } from '../domain/patients/patient';
import type { JsonObject, Located } from './fhir-json';
import {
  checkElements,
  DATATYPE_ELEMENTS,
  isCalendarDate,
  isJsonObject,
  readBoolean,
  readObjects,
  readString,
  readStrings,
  trimmedOrNull,
  unsupportedElement,
} from './fhir-json';
import { readAddress, readCommunication, readTelecom, toAddress, toCommunication, toTelecom } from './patient-contact.mapper';
import { PAINPATH_EXTENSION_URLS, readPainpathExtension, toPainpathExtensions } from './painpath-extensions';
import {
  readEthnicity,
  readRace,
  toEthnicityExtension,
  toRaceExtension,
  US_CORE_ETHNICITY_URL,
  US_CORE_PATIENT_PROFILE,
  US_CORE_RACE_URL,
} from './us-core';

/**
 * Identifier system for the clinic's medical record number. Painpath holds one MRN per person within an
 * organisation; the URN names that namespace, so a reader knows the value is Painpath's MRN and not, say,
 * a payer member id. Sent as Patient.identifier with type MR and use 'usual'.
 */
export const MRN_SYSTEM = 'urn:painpath:mrn';
export const IDENTIFIER_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0203';

const PATIENT_ELEMENTS = [
  ...['id', 'meta', 'implicitRules', 'language', 'text', 'contained', 'extension', 'modifierExtension'],
  ...['identifier', 'active', 'name', 'telecom', 'gender', 'birthDate', 'deceasedBoolean', 'deceasedDateTime'],
  ...['address', 'maritalStatus', 'multipleBirthBoolean', 'multipleBirthInteger', 'photo', 'contact'],
  ...['communication', 'generalPractitioner', 'managingOrganization', 'link'],
];
const STORED_PATIENT_ELEMENTS = [
  ...['resourceType', 'id', 'meta', 'extension', 'identifier', 'active', 'name', 'telecom', 'gender'],
  ...['birthDate', 'address', 'communication'],
];

export function toFhirPatient(patient: Patient): FhirPatient {
  const names: HumanName[] = [{ use: 'official', family: patient.familyName, given: [patient.givenName] }];
  if (patient.preferredName !== null) names.push({ use: 'usual', given: [patient.preferredName] });
  const extensions: Extension[] = [
    ...(patient.race === null ? [] : [toRaceExtension(patient.race)]),
    ...(patient.ethnicity === null ? [] : [toEthnicityExtension(patient.ethnicity)]),
    ...toPainpathExtensions(patient),
  ];
  const telecom = toTelecom(patient);
  const address = toAddress(patient);
  return {
    resourceType: 'Patient',
    id: patient.id,
    meta: { versionId: String(patient.version), lastUpdated: patient.updatedAt, profile: [US_CORE_PATIENT_PROFILE] },
    extension: extensions,
    identifier: [
      {
        use: 'usual',
        type: { coding: [{ system: IDENTIFIER_TYPE_SYSTEM, code: 'MR', display: 'Medical record number' }] },
        system: MRN_SYSTEM,
        value: patient.mrn,
      },
    ],
    active: patient.active,
    name: names,
    ...(telecom.length > 0 ? { telecom } : {}),
    gender: patient.sex,
    birthDate: patient.birthDate,
    ...(address === undefined ? {} : { address: [address] }),
    communication: [toCommunication(patient.preferredLanguage)],
  };
}

function emptyDemographics(): PatientDemographics {
  return { mrn: '', givenName: '', familyName: '', birthDate: '', sex: 'unknown', ...OPTIONAL_DEMOGRAPHIC_DEFAULTS };
}

export function fromFhirPatient(resource: unknown): { demographics: PatientDemographics; issues: Issue[] } {
  const demographics = emptyDemographics();
  const issues: Issue[] = [];
  if (!isJsonObject(resource)) {
    issues.push(error('fhir.invalid-type', 'The body must be a FHIR Patient resource (a JSON object).', 'Patient'));
    return { demographics, issues };
  }
  if (resource.resourceType !== 'Patient') {
    const found = typeof resource.resourceType === 'string' ? resource.resourceType : 'nothing';
    issues.push(error('fhir.wrong-resource-type', `resourceType must be Patient, not ${found}.`, 'Patient.resourceType'));
  }
  checkElements(resource, 'Patient', 'Patient', PATIENT_ELEMENTS, STORED_PATIENT_ELEMENTS, issues);
  if (isJsonObject(resource.meta)) {
    const stored = ['versionId', 'lastUpdated', 'source', 'profile'];
    checkElements(resource.meta, 'Patient.meta', 'Meta', DATATYPE_ELEMENTS.Meta, stored, issues);
  }
  readMrn(resource, demographics, issues);
  readNames(resource, demographics, issues);
  readGenderAndBirthDate(resource, demographics, issues);
  readTelecom(resource, demographics, issues);
  readAddress(resource, demographics, issues);
  readCommunication(resource, demographics, issues);
  readExtensions(resource, demographics, issues);
  demographics.active = readBoolean(resource, 'active', 'Patient', issues) ?? true;
  return { demographics, issues };
}

function hasMrType(identifier: JsonObject): boolean {
  const type = identifier.type;
  if (!isJsonObject(type) || !Array.isArray(type.coding)) return false;
  return type.coding.some((c: unknown) => isJsonObject(c) && c.system === IDENTIFIER_TYPE_SYSTEM && c.code === 'MR');
}

function readMrn(resource: JsonObject, d: PatientDemographics, issues: Issue[]): void {
  const identifiers = readObjects(resource, 'identifier', 'Patient', issues);
  const mrn = identifiers.find((i) => i.value.system === MRN_SYSTEM) ?? identifiers.find((i) => hasMrType(i.value));
  for (const other of identifiers.filter((i) => i !== mrn)) {
    issues.push(unsupportedElement(other.path, 'Painpath keeps only the MRN'));
  }
  if (mrn === undefined) {
    const message = `An identifier with system ${MRN_SYSTEM} or type MR (the MRN) is required.`;
    issues.push(error('fhir.mrn-required', message, 'Patient.identifier'));
    return;
  }
  checkElements(mrn.value, mrn.path, 'Identifier', DATATYPE_ELEMENTS.Identifier, ['use', 'type', 'system', 'value'], issues);
  const system = readString(mrn.value, 'system', mrn.path, issues);
  if (system !== undefined && system !== MRN_SYSTEM) {
    issues.push(unsupportedElement(`${mrn.path}.system`, `Painpath records the MRN under ${MRN_SYSTEM}`));
  }
  const value = trimmedOrNull(readString(mrn.value, 'value', mrn.path, issues));
  if (value === null) issues.push(error('fhir.mrn-required', 'The MRN identifier needs a value.', `${mrn.path}.value`));
  else d.mrn = value;
}

function readGiven(name: Located, issues: Issue[]): string | null {
  return trimmedOrNull(readStrings(name.value, 'given', name.path, issues).join(' '));
}

function readNames(resource: JsonObject, d: PatientDemographics, issues: Issue[]): void {
  const names = readObjects(resource, 'name', 'Patient', issues);
  const official = names.find((n) => n.value.use === 'official') ?? names[0];
  if (official === undefined) {
    issues.push(error('fhir.name-required', 'A name with family and given names is required.', 'Patient.name'));
    return;
  }
  const nameElements = ['use', 'family', 'given'];
  checkElements(official.value, official.path, 'HumanName', DATATYPE_ELEMENTS.HumanName, nameElements, issues);
  const family = trimmedOrNull(readString(official.value, 'family', official.path, issues));
  if (family === null) issues.push(error('fhir.family-name-required', 'A family name is required.', `${official.path}.family`));
  else d.familyName = family;
  const given = readGiven(official, issues);
  if (given === null) issues.push(error('fhir.given-name-required', 'A given name is required.', `${official.path}.given`));
  else d.givenName = given;

  const preferred = names.find((n) => n !== official && (n.value.use === 'usual' || n.value.use === 'nickname'));
  if (preferred !== undefined) {
    checkElements(preferred.value, preferred.path, 'HumanName', DATATYPE_ELEMENTS.HumanName, nameElements, issues);
    const preferredFamily = trimmedOrNull(readString(preferred.value, 'family', preferred.path, issues));
    if (preferredFamily !== null && preferredFamily !== family) {
      issues.push(unsupportedElement(`${preferred.path}.family`, 'Painpath stores a preferred given name only'));
    }
    d.preferredName = readGiven(preferred, issues);
  }
  for (const other of names.filter((n) => n !== official && n !== preferred)) {
    issues.push(unsupportedElement(other.path, 'Painpath stores the official name and one preferred name'));
  }
}

function readGenderAndBirthDate(resource: JsonObject, d: PatientDemographics, issues: Issue[]): void {
  const gender = readString(resource, 'gender', 'Patient', issues);
  if (gender !== undefined) {
    const sex = SEXES.find((s): s is Sex => s === gender);
    if (sex === undefined) {
      issues.push(error('fhir.invalid-gender', `gender must be one of ${SEXES.join(', ')}.`, 'Patient.gender'));
    } else d.sex = sex;
  }
  const birthDate = readString(resource, 'birthDate', 'Patient', issues);
  if (birthDate === undefined) {
    if (resource.birthDate === undefined) {
      issues.push(error('fhir.birth-date-required', 'A birth date is required.', 'Patient.birthDate'));
    }
  } else if (isCalendarDate(birthDate)) {
    d.birthDate = birthDate;
  } else {
    const message = /^\d{4}(-\d{2}){0,2}$/.test(birthDate)
      ? `${birthDate} is not a full, real calendar date (YYYY-MM-DD).`
      : 'birthDate must be a date written YYYY-MM-DD.';
    issues.push(error('fhir.invalid-birth-date', message, 'Patient.birthDate'));
  }
}

function readExtensions(resource: JsonObject, d: PatientDemographics, issues: Issue[]): void {
  const seen = new Set<string>();
  for (const ext of readObjects(resource, 'extension', 'Patient', issues)) {
    const url = ext.value.url;
    if (typeof url !== 'string' || url === '') {
      issues.push(error('fhir.extension-url-required', 'Every extension needs a url.', `${ext.path}.url`));
    } else if (seen.has(url)) {
      issues.push(unsupportedElement(ext.path, `it repeats ${url}; only the first is kept`));
    } else if (url === US_CORE_RACE_URL) {
      d.race = readRace(ext.value, ext.path, issues);
    } else if (url === US_CORE_ETHNICITY_URL) {
      d.ethnicity = readEthnicity(ext.value, ext.path, issues);
    } else if (PAINPATH_EXTENSION_URLS.includes(url)) {
      readPainpathExtension(ext.value, ext.path, d, issues);
    } else {
      issues.push(unsupportedElement(ext.path, `Painpath does not store the extension ${url}`));
    }
    if (typeof url === 'string') seen.add(url);
  }
}
