/**
 * The one shape for expected clinical or validation conditions returned by domain functions.
 * Codes are stable (e.g. `task.assignee-missing`) so callers and tests can rely on them; messages are plain
 * language. `path` names the input field concerned (dot/bracket notation, e.g. `name[0].family`).
 */
export type IssueSeverity = 'error' | 'warning' | 'info';

export interface Issue {
  code: string;
  message: string;
  severity: IssueSeverity;
  path?: string;
}

export function error(code: string, message: string, path?: string): Issue {
  return path === undefined ? { code, message, severity: 'error' } : { code, message, severity: 'error', path };
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
