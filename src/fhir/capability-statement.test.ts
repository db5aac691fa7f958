import { describe, expect, it } from 'vitest';
import type { ImplementedResource } from './capability-statement';
import { buildCapabilityStatement, PATIENT_CAPABILITY } from './capability-statement';

const input = { baseUrl: 'https://clinic.example/fhir', softwareVersion: '0.1.0', date: '2025-03-01T00:00:00Z' };

describe('buildCapabilityStatement', () => {
  it('describes the server and the Patient resource exactly', () => {
    expect(buildCapabilityStatement({ ...input, resources: [PATIENT_CAPABILITY] })).toEqual({
      resourceType: 'CapabilityStatement',
      name: 'PainpathCapabilityStatement',
      title: 'Painpath FHIR server',
      status: 'active',
      date: '2025-03-01T00:00:00Z',
      publisher: 'Painpath',
      description: 'FHIR R4 interactions implemented by this Painpath server.',
      kind: 'instance',
      software: { name: 'Painpath', version: '0.1.0' },
      implementation: { description: 'Painpath FHIR R4 endpoint', url: 'https://clinic.example/fhir' },
      fhirVersion: '4.0.1',
      format: ['application/fhir+json', 'json'],
      rest: [
        {
          mode: 'server',
          security: {
            description:
              'Every request must be authenticated. Browser sessions use the Painpath session cookie ' +
              '(state-changing requests also need the anti-forgery token); programs send an API token as ' +
              "'Authorization: Bearer <token>'.",
          },
          resource: [
            {
              type: 'Patient',
              supportedProfile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient'],
              interaction: [{ code: 'read' }, { code: 'search-type' }, { code: 'create' }, { code: 'update' }],
              versioning: 'versioned-update',
              searchParam: PATIENT_CAPABILITY.searchParams,
            },
          ],
        },
      ],
    });
  });

  it('declares the five Patient search parameters with their FHIR types', () => {
    expect(PATIENT_CAPABILITY.searchParams.map((p) => [p.name, p.type])).toEqual([
      ['name', 'string'],
      ['family', 'string'],
      ['given', 'string'],
      ['birthdate', 'date'],
      ['identifier', 'token'],
    ]);
  });

  it.each<[string, ImplementedResource, Record<string, unknown>]>([
    [
      'read-only, versioned, no search',
      { type: 'Observation', interactions: ['read', 'vread'], searchParams: [], versioning: 'versioned' },
      { type: 'Observation', interaction: [{ code: 'read' }, { code: 'vread' }], versioning: 'versioned' },
    ],
    [
      'conditional update, no versioning given',
      {
        type: 'CarePlan',
        interactions: ['update'],
        searchParams: [{ name: 'subject', type: 'reference', documentation: 'The person the plan is for.' }],
        conditionalUpdate: true,
      },
      {
        type: 'CarePlan',
        interaction: [{ code: 'update' }],
        conditionalUpdate: true,
        searchParam: [{ name: 'subject', type: 'reference', documentation: 'The person the plan is for.' }],
      },
    ],
  ])('lists only what is passed in: %s', (_label, resource, expected) => {
    expect(buildCapabilityStatement({ ...input, resources: [resource] }).rest?.[0]?.resource).toEqual([expected]);
  });

  it('lists no resources when none are implemented', () => {
    expect(buildCapabilityStatement({ ...input, resources: [] }).rest?.[0]?.resource).toBeUndefined();
  });
});
