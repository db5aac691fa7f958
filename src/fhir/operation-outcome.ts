/**
 * Builds FHIR R4 OperationOutcome resources (https://hl7.org/fhir/R4/operationoutcome.html) from domain
 * Issues and from boundary errors, listing every problem with its path rather than only the first.
 * Each issue carries: severity, an IssueType code (https://hl7.org/fhir/R4/valueset-issue-type.html),
 * `diagnostics` = the stable Painpath code, `details.text` = the plain-language message, and
 * `expression` = [path] when the problem has one.
 * Assumptions: a domain code is mapped to an IssueType by the first matching row of ISSUE_TYPE_BY_CODE;
 * codes no row matches are 'invalid' (or 'informational' for severity info). OperationOutcome needs at
 * least one issue, so an empty list yields a single 'informational' issue saying nothing was found.
 */
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import type { Issue, IssueSeverity } from '../domain/issues';

export type OperationOutcomeIssueCode =
  | 'invalid'
  | 'required'
  | 'value'
  | 'structure'
  | 'not-found'
  | 'conflict'
  | 'forbidden'
  | 'login'
  | 'security'
  | 'processing'
  | 'not-supported'
  | 'too-costly'
  | 'exception'
  | 'throttled'
  | 'business-rule';

const SEVERITY: Readonly<Record<IssueSeverity, OperationOutcomeIssue['severity']>> = {
  error: 'error',
  warning: 'warning',
  info: 'information',
};

/**
 * Domain code pattern -> IssueType, first match wins. Patterns look at the last part of a code such as
 * `fhir.mrn-required` or `patient.not-found`; order matters (`login-required` is 'login', not 'required').
 */
export const ISSUE_TYPE_BY_CODE: readonly (readonly [RegExp, OperationOutcomeIssueCode])[] = [
  [/[.-]not-found$/, 'not-found'],
  [/[.-](conflict|version-mismatch|duplicate)$/, 'conflict'],
  [/[.-]forbidden$/, 'forbidden'],
  [/[.-](unauthenticated|login-required|session-expired)$/, 'login'],
  [/[.-](throttled|rate-limited)$/, 'throttled'],
  [/[.-]too-costly$/, 'too-costly'],
  [/\.unsupported-/, 'not-supported'],
  [/\.(unknown-element|invalid-type|invalid-json)$/, 'structure'],
  [/[.-]required$/, 'required'],
  [/\.business-rule$/, 'business-rule'],
  [/^internal$|\.exception$/, 'exception'],
];

function issueType(issue: Issue): OperationOutcomeIssue['code'] {
  const row = ISSUE_TYPE_BY_CODE.find(([pattern]) => pattern.test(issue.code));
  if (row !== undefined) return row[1];
  return issue.severity === 'info' ? 'informational' : 'invalid';
}

function withPath(issue: OperationOutcomeIssue, path: string | undefined): OperationOutcomeIssue {
  return path === undefined || path === '' ? issue : { ...issue, expression: [path] };
}

const NO_ISSUES: OperationOutcomeIssue = {
  severity: 'information',
  code: 'informational',
  diagnostics: 'ok',
  details: { text: 'No issues were found.' },
};

/** One OperationOutcome listing every issue, in the order given. */
export function operationOutcomeFromIssues(issues: readonly Issue[]): OperationOutcome {
  const listed = issues.map((issue) =>
    withPath(
      { severity: SEVERITY[issue.severity], code: issueType(issue), diagnostics: issue.code, details: { text: issue.message } },
      issue.path,
    ),
  );
  return { resourceType: 'OperationOutcome', issue: listed.length > 0 ? listed : [NO_ISSUES] };
}

/**
 * An error at the boundary (not found, version conflict, bad request...): the first issue states the error;
 * each detail follows as its own issue with the same IssueType and its path. A detail's own `code`, when it
 * has one, becomes that issue's diagnostics.
 */
export function operationOutcomeFromError(
  code: string,
  message: string,
  fhirCode: OperationOutcomeIssueCode,
  details?: readonly { path: string; message: string; code?: string }[],
): OperationOutcome {
  const first: OperationOutcomeIssue = { severity: 'error', code: fhirCode, diagnostics: code, details: { text: message } };
  const rest = (details ?? []).map((detail) =>
    withPath(
      { severity: 'error', code: fhirCode, diagnostics: detail.code ?? code, details: { text: detail.message } },
      detail.path,
    ),
  );
  return { resourceType: 'OperationOutcome', issue: [first, ...rest] };
}
