/**
 * The server's CapabilityStatement (GET /fhir/metadata), per FHIR R4
 * https://hl7.org/fhir/R4/capabilitystatement.html. It lists only the resources and interactions passed in,
 * so it cannot claim more than the routes implement. The date is passed in (no clock here).
 */
import type {
  CapabilityStatement,
  CapabilityStatementRestResource,
  CapabilityStatementRestResourceSearchParam,
  ResourceType,
} from '@medplum/fhirtypes';
import { US_CORE_PATIENT_PROFILE } from './us-core';

export interface ImplementedResource {
  type: string;
  interactions: ('read' | 'vread' | 'search-type' | 'create' | 'update')[];
  searchParams: { name: string; type: 'string' | 'date' | 'token' | 'reference' | 'uri'; documentation: string }[];
  versioning?: 'versioned' | 'versioned-update';
  conditionalUpdate?: boolean;
}

/** Patient: read, search, create, and update guarded by If-Match (versioned-update). */
export const PATIENT_CAPABILITY: ImplementedResource = {
  type: 'Patient',
  interactions: ['read', 'search-type', 'create', 'update'],
  searchParams: [
    { name: 'name', type: 'string', documentation: 'Family, given or preferred name; case-insensitive prefix match.' },
    { name: 'family', type: 'string', documentation: 'Family name; case-insensitive prefix match.' },
    { name: 'given', type: 'string', documentation: 'Given or preferred name; case-insensitive prefix match.' },
    {
      name: 'birthdate',
      type: 'date',
      documentation: 'Exact birth date written YYYY-MM-DD (the eq prefix is accepted; other prefixes are not supported).',
    },
    {
      name: 'identifier',
      type: 'token',
      documentation: 'Medical record number, as system|value (system urn:painpath:mrn) or value alone.',
    },
  ],
  versioning: 'versioned-update',
};

const PAGING_NOTE = ' Results come in date order, _count (1–100, default 20) and _offset page them.';
const DATE_NOTE = 'eq, ge or le with YYYY-MM-DD (the whole day, UTC) or a date-time with a zone; one ge and one le may be combined.';

/** Questionnaire: one per instrument (id = instrument id), read and search. */
export const QUESTIONNAIRE_CAPABILITY: ImplementedResource = {
  type: 'Questionnaire',
  interactions: ['read', 'search-type'],
  searchParams: [
    { name: 'url', type: 'uri', documentation: 'Canonical URL, exact match (optionally url|version).' },
    { name: 'name', type: 'string', documentation: 'Computable name or title; case-insensitive prefix match.' },
  ],
};

/** QuestionnaireResponse: stored instrument answers (intake and check-ins), read and search by patient. */
export const QUESTIONNAIRE_RESPONSE_CAPABILITY: ImplementedResource = {
  type: 'QuestionnaireResponse',
  interactions: ['read', 'search-type'],
  searchParams: [
    { name: 'patient', type: 'reference', documentation: `Required: Patient/{id} or {id}.${PAGING_NOTE}` },
    { name: 'questionnaire', type: 'reference', documentation: 'A Questionnaire canonical URL (optionally |version) or an instrument id.' },
    { name: 'authored', type: 'date', documentation: DATE_NOTE },
  ],
};

/** Observation: instrument scores (totals and subscales) derived from completed responses. */
export const OBSERVATION_CAPABILITY: ImplementedResource = {
  type: 'Observation',
  interactions: ['read', 'search-type'],
  searchParams: [
    { name: 'patient', type: 'reference', documentation: `Required: Patient/{id} or {id}.${PAGING_NOTE}` },
    { name: 'code', type: 'token', documentation: 'system|code or code: LOINC totals where they exist, else the Painpath measures code system.' },
    { name: 'date', type: 'date', documentation: DATE_NOTE },
  ],
};

/** MedicationRequest: the medication list (entered or imported), read and search by patient. */
export const MEDICATION_REQUEST_CAPABILITY: ImplementedResource = {
  type: 'MedicationRequest',
  interactions: ['read', 'search-type'],
  searchParams: [
    { name: 'patient', type: 'reference', documentation: 'Required: Patient/{id} or {id}. Newest first; _count (1–100, default 20) and _offset page them.' },
    { name: 'status', type: 'token', documentation: 'active, on-hold, stopped, completed, entered-in-error or draft.' },
  ],
};
const PATIENT_SEARCH = [
  { name: 'patient', type: 'reference', documentation: 'Required: Patient/{id} or {id} (subject is accepted too). _count (1–100, default 20) and _offset page the results.' },
] as const;

/** CarePlan: the care plan with its interventions and checkpoint outcomes (activities); docs/care-plan.md. */
export const CARE_PLAN_CAPABILITY: ImplementedResource = { type: 'CarePlan', interactions: ['read', 'search-type'], searchParams: [...PATIENT_SEARCH] };
/** Goal: the care plan's goals (from the PSFS activities), id `${carePlanId}.${goalId}`. */
export const GOAL_CAPABILITY: ImplementedResource = { type: 'Goal', interactions: ['read', 'search-type'], searchParams: [...PATIENT_SEARCH] };
/** Procedure: therapy sessions logged against the care plan. */
export const PROCEDURE_CAPABILITY: ImplementedResource = { type: 'Procedure', interactions: ['read', 'search-type'], searchParams: [...PATIENT_SEARCH] };
/** Contract: treatment agreements (src/fhir/contract.mapper.ts), read and search by patient. */
export const CONTRACT_CAPABILITY: ImplementedResource = {
  type: 'Contract',
  interactions: ['read', 'search-type'],
  searchParams: [{ name: 'patient', type: 'reference', documentation: 'Required: Patient/{id} or {id}. Newest first.' }],
};

/** ServiceRequest: referrals (src/fhir/service-request.mapper.ts), read and search by patient. */
export const SERVICE_REQUEST_CAPABILITY: ImplementedResource = {
  type: 'ServiceRequest',
  interactions: ['read', 'search-type'],
  searchParams: [{ name: 'patient', type: 'reference', documentation: 'Required: Patient/{id} or {id} (subject is accepted too). All referrals of the patient the caller may see.' }],
};

/** Appointment: visits (src/fhir/appointment.mapper.ts), read and search by patient. */
export const APPOINTMENT_CAPABILITY: ImplementedResource = {
  type: 'Appointment',
  interactions: ['read', 'search-type'],
  searchParams: [{ name: 'patient', type: 'reference', documentation: 'Required: Patient/{id} or {id} (actor is accepted too). All appointments of the patient.' }],
};

/** Everything this server implements, in the order /fhir/metadata lists it. */
export const IMPLEMENTED_RESOURCES: readonly ImplementedResource[] = [
  PATIENT_CAPABILITY,
  QUESTIONNAIRE_CAPABILITY,
  QUESTIONNAIRE_RESPONSE_CAPABILITY,
  OBSERVATION_CAPABILITY,
  MEDICATION_REQUEST_CAPABILITY,
  CARE_PLAN_CAPABILITY,
  GOAL_CAPABILITY,
  PROCEDURE_CAPABILITY,
  CONTRACT_CAPABILITY,
  APPOINTMENT_CAPABILITY,
  SERVICE_REQUEST_CAPABILITY,
];

const SECURITY_DESCRIPTION =
  'Every request must be authenticated. Browser sessions use the Painpath session cookie ' +
  '(state-changing requests also need the anti-forgery token); programs send an API token as ' +
  "'Authorization: Bearer <token>'.";

/** Profiles Painpath's resources claim in meta.profile, advertised so clients know what to expect. */
const SUPPORTED_PROFILES: Readonly<Record<string, readonly string[]>> = {
  Patient: [US_CORE_PATIENT_PROFILE],
};

function toRestResource(resource: ImplementedResource): CapabilityStatementRestResource {
  const searchParams: CapabilityStatementRestResourceSearchParam[] = resource.searchParams.map((p) => ({
    name: p.name,
    type: p.type,
    documentation: p.documentation,
  }));
  const profiles = SUPPORTED_PROFILES[resource.type];
  return {
    // The type is one of our own route names; FHIR's ResourceType union cannot be checked from a string.
    type: resource.type as ResourceType,
    ...(profiles === undefined ? {} : { supportedProfile: [...profiles] }),
    interaction: resource.interactions.map((code) => ({ code })),
    ...(resource.versioning === undefined ? {} : { versioning: resource.versioning }),
    ...(resource.conditionalUpdate === undefined ? {} : { conditionalUpdate: resource.conditionalUpdate }),
    ...(searchParams.length > 0 ? { searchParam: searchParams } : {}),
  };
}

export function buildCapabilityStatement(input: {
  baseUrl: string;
  softwareVersion: string;
  date: string;
  resources: readonly ImplementedResource[];
}): CapabilityStatement {
  const resources = input.resources.map(toRestResource);
  return {
    resourceType: 'CapabilityStatement',
    name: 'PainpathCapabilityStatement',
    title: 'Painpath FHIR server',
    status: 'active',
    date: input.date,
    publisher: 'Painpath',
    description: 'FHIR R4 interactions implemented by this Painpath server.',
    kind: 'instance',
    software: { name: 'Painpath', version: input.softwareVersion },
    implementation: { description: 'Painpath FHIR R4 endpoint', url: input.baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        security: { description: SECURITY_DESCRIPTION },
        ...(resources.length > 0 ? { resource: resources } : {}),
      },
    ],
  };
}
