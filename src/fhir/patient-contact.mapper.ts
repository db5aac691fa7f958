/**
 * Contact details and language of a FHIR R4 Patient: telecom, address and communication, both directions.
 * Sources: FHIR R4 ContactPoint, Address, Patient.communication; language tags per BCP 47 (urn:ietf:bcp:47).
 * Assumptions: Painpath stores one phone, one email, one address (its lines joined with ", ") and one
 * preferred language; the first of each (or the communication marked preferred) is kept and the rest are
 * reported as `fhir.unsupported-element` warnings.
 */
import type { Address, ContactPoint, PatientCommunication } from '@medplum/fhirtypes';
import type { Issue } from '../domain/issues';
import { error } from '../domain/issues';
import type { PatientDemographics } from '../domain/patients/patient';
import type { JsonObject } from './fhir-json';
import {
  checkElements,
  DATATYPE_ELEMENTS,
  isJsonObject,
  readBoolean,
  readObjects,
  readString,
  readStrings,
  trimmedOrNull,
  unsupportedElement,
} from './fhir-json';

export const BCP47_SYSTEM = 'urn:ietf:bcp:47';
/** Loose BCP 47 shape: a 2-3 letter language, then subtags (e.g. en, es-MX, zh-Hant). */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

type ContactFields = Pick<PatientDemographics, 'phone' | 'email' | 'addressLine' | 'city' | 'state' | 'postalCode'>;

export function toTelecom({ phone, email }: ContactFields): ContactPoint[] {
  return [
    ...(phone === null ? [] : [{ system: 'phone' as const, value: phone }]),
    ...(email === null ? [] : [{ system: 'email' as const, value: email }]),
  ];
}

export function toCommunication(preferredLanguage: string): PatientCommunication {
  return { language: { coding: [{ system: BCP47_SYSTEM, code: preferredLanguage }] }, preferred: true };
}

export function toAddress({ addressLine, city, state, postalCode }: ContactFields): Address | undefined {
  const address: Address = {
    ...(addressLine === null ? {} : { line: [addressLine] }),
    ...(city === null ? {} : { city }),
    ...(state === null ? {} : { state }),
    ...(postalCode === null ? {} : { postalCode }),
  };
  return Object.keys(address).length > 0 ? address : undefined;
}

export function readTelecom(resource: JsonObject, d: PatientDemographics, issues: Issue[]): void {
  for (const point of readObjects(resource, 'telecom', 'Patient', issues)) {
    const system = point.value.system;
    const value = trimmedOrNull(readString(point.value, 'value', point.path, issues));
    if (value !== null && system === 'phone' && d.phone === null) d.phone = value;
    else if (value !== null && system === 'email' && d.email === null) d.email = value;
    else {
      issues.push(unsupportedElement(point.path, 'Painpath stores one phone number and one email address'));
      continue;
    }
    checkElements(point.value, point.path, 'ContactPoint', DATATYPE_ELEMENTS.ContactPoint, ['system', 'value'], issues);
  }
}

export function readAddress(resource: JsonObject, d: PatientDemographics, issues: Issue[]): void {
  const [address, ...others] = readObjects(resource, 'address', 'Patient', issues);
  for (const other of others) issues.push(unsupportedElement(other.path, 'Painpath stores one address'));
  if (address === undefined) return;
  const stored = ['line', 'city', 'state', 'postalCode'];
  checkElements(address.value, address.path, 'Address', DATATYPE_ELEMENTS.Address, stored, issues);
  d.addressLine = trimmedOrNull(readStrings(address.value, 'line', address.path, issues).join(', '));
  d.city = trimmedOrNull(readString(address.value, 'city', address.path, issues));
  d.state = trimmedOrNull(readString(address.value, 'state', address.path, issues));
  d.postalCode = trimmedOrNull(readString(address.value, 'postalCode', address.path, issues));
}

export function readCommunication(resource: JsonObject, d: PatientDemographics, issues: Issue[]): void {
  const all = readObjects(resource, 'communication', 'Patient', issues);
  const chosen = all.find((c) => c.value.preferred === true) ?? all[0];
  for (const other of all.filter((c) => c !== chosen)) {
    issues.push(unsupportedElement(other.path, 'Painpath stores one preferred language'));
  }
  if (chosen === undefined) return;
  const known = DATATYPE_ELEMENTS['Patient.communication'];
  checkElements(chosen.value, chosen.path, 'Patient.communication', known, ['language', 'preferred'], issues);
  readBoolean(chosen.value, 'preferred', chosen.path, issues);
  const language = chosen.value.language;
  const codings = isJsonObject(language) && Array.isArray(language.coding) ? language.coding.filter(isJsonObject) : [];
  const coding = codings.find((c) => c.system === BCP47_SYSTEM) ?? codings.find((c) => typeof c.code === 'string');
  const code = coding?.code;
  if (typeof code === 'string' && LANGUAGE_TAG.test(code)) d.preferredLanguage = code;
  else {
    const message = 'language needs a BCP 47 coding such as en, es or vi.';
    issues.push(error('fhir.invalid-language', message, `${chosen.path}.language`));
  }
}
