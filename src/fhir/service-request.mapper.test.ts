import { describe, expect, it } from 'vitest';
import { toFhirServiceRequest, type ReferralForFhir } from './service-request.mapper';

const base: ReferralForFhir = {
  id: 'r1', patientId: 'p1', service: 'physical-therapy', urgency: 'soon', status: 'scheduled', reason: 'Low back pain', question: 'Graded activity?', sentDate: '2026-11-01',
  declineReason: null, receivingProvider: 'Riverside PT', attachments: [{ kind: 'measure', ref: 'q1', label: 'PEG' }, { kind: 'summary', ref: 'p1', label: 'Pre-visit summary' }], version: 3, updatedAt: '2026-11-02T00:00:00.000Z',
};

describe('ServiceRequest mapping', () => {
  it.each([
    ['sent', 'active'],
    ['accepted', 'active'],
    ['scheduled', 'active'],
    ['seen', 'active'],
    ['report-received', 'completed'],
    ['declined', 'revoked'],
  ] as const)('%s → %s', (status, fhir) => {
    expect(toFhirServiceRequest({ ...base, status }).status).toBe(fhir);
  });
  it.each([
    ['routine', 'routine'],
    ['soon', 'urgent'],
    ['urgent', 'asap'],
  ] as const)('priority %s → %s', (urgency, p) => {
    expect(toFhirServiceRequest({ ...base, urgency }).priority).toBe(p);
  });
  it('carries subject, code, attachments and the question', () => {
    const sr = toFhirServiceRequest(base);
    expect(sr.subject?.reference).toBe('Patient/p1');
    expect(sr.code?.coding?.[0]?.code).toBe('physical-therapy');
    expect(sr.supportingInfo).toEqual([{ reference: 'QuestionnaireResponse/q1', display: 'PEG' }, { display: 'Pre-visit summary' }]);
    expect(sr.note?.[0]?.text).toBe('Question to answer: Graded activity?');
    expect(sr.meta?.versionId).toBe('3');
  });
});
