import { describe, expect, it } from 'vitest';
import type { Issue } from '../domain/issues';
import { error } from '../domain/issues';
import type { OperationOutcomeIssueCode } from './operation-outcome';
import { operationOutcomeFromError, operationOutcomeFromIssues } from './operation-outcome';

describe('operationOutcomeFromIssues', () => {
  it('lists every issue with severity, code, diagnostics, details and expression', () => {
    const issues: Issue[] = [
      error('fhir.birth-date-required', 'A birth date is required.', 'Patient.birthDate'),
      { code: 'fhir.unsupported-element', message: 'Patient.photo was not saved.', severity: 'warning', path: 'Patient.photo' },
      { code: 'patient.duplicate-name', message: 'Another person has this name.', severity: 'info' },
    ];
    expect(operationOutcomeFromIssues(issues)).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'required',
          diagnostics: 'fhir.birth-date-required',
          details: { text: 'A birth date is required.' },
          expression: ['Patient.birthDate'],
        },
        {
          severity: 'warning',
          code: 'not-supported',
          diagnostics: 'fhir.unsupported-element',
          details: { text: 'Patient.photo was not saved.' },
          expression: ['Patient.photo'],
        },
        {
          severity: 'information',
          code: 'informational',
          diagnostics: 'patient.duplicate-name',
          details: { text: 'Another person has this name.' },
        },
      ],
    });
  });

  it.each([
    ['fhir.mrn-required', 'error', 'required'],
    ['fhir.required', 'error', 'required'],
    ['fhir.invalid-birth-date', 'error', 'invalid'],
    ['fhir.unknown-race-code', 'error', 'invalid'],
    ['task.assignee-missing', 'error', 'invalid'],
    ['mme.no-conversion-factor', 'warning', 'invalid'],
    ['progression.plateau-detected', 'info', 'informational'],
    ['patient.not-found', 'error', 'not-found'],
    ['patient.version-conflict', 'error', 'conflict'],
    ['patient.version-mismatch', 'error', 'conflict'],
    ['access.forbidden', 'error', 'forbidden'],
    ['auth.login-required', 'error', 'login'],
    ['auth.unauthenticated', 'error', 'login'],
    ['auth.rate-limited', 'error', 'throttled'],
    ['search.too-costly', 'error', 'too-costly'],
    ['fhir.unsupported-search-parameter', 'error', 'not-supported'],
    ['fhir.unknown-element', 'error', 'structure'],
    ['fhir.invalid-type', 'error', 'structure'],
    ['taper.business-rule', 'error', 'business-rule'],
    ['internal', 'error', 'exception'],
  ] as const)('%s (%s) -> %s', (code, severity, expected) => {
    const [issue] = operationOutcomeFromIssues([{ code, message: 'm', severity }]).issue;
    expect(issue?.code).toBe(expected);
  });

  it('still returns one informational issue when there is nothing to report', () => {
    expect(operationOutcomeFromIssues([])).toEqual({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'information', code: 'informational', diagnostics: 'ok', details: { text: 'No issues were found.' } }],
    });
  });
});

describe('operationOutcomeFromError', () => {
  it.each<[string, OperationOutcomeIssueCode]>([
    ['patient.not-found', 'not-found'],
    ['internal', 'exception'],
    ['rate-limited', 'throttled'],
  ])('%s without details is a single %s issue', (code, fhirCode) => {
    expect(operationOutcomeFromError(code, 'Message.', fhirCode)).toEqual({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: fhirCode, diagnostics: code, details: { text: 'Message.' } }],
    });
  });

  it('follows the error with one issue per detail, each with its path', () => {
    const outcome = operationOutcomeFromError('validation', 'The request has 3 invalid fields.', 'invalid', [
      { path: 'body.birthDate', message: 'is required' },
      { path: 'body.sex', message: 'must be one of female, male, other, unknown', code: 'patient.invalid-sex' },
      { path: '', message: 'is not an object' },
    ]);
    expect(outcome).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        { severity: 'error', code: 'invalid', diagnostics: 'validation', details: { text: 'The request has 3 invalid fields.' } },
        { severity: 'error', code: 'invalid', diagnostics: 'validation', details: { text: 'is required' }, expression: ['body.birthDate'] },
        {
          severity: 'error',
          code: 'invalid',
          diagnostics: 'patient.invalid-sex',
          details: { text: 'must be one of female, male, other, unknown' },
          expression: ['body.sex'],
        },
        { severity: 'error', code: 'invalid', diagnostics: 'validation', details: { text: 'is not an object' } },
      ],
    });
  });
});
