/**
 * One 400 listing every bad field: the schema's errors (attached by the route) and the domain's own checks
 * (src/domain/care-plan/validate.ts), together. Domain checks run on whatever arrived; a body too broken for
 * them (a wrong type where an object is needed) still gets every schema error.
 */
import type { FastifyRequest } from 'fastify';
import type { Issue } from '../../domain/issues';
import { AppError, type ErrorDetail } from '../errors';
import { validationDetails } from '../error-handler';

export function invalid(details: ErrorDetail[]): AppError {
  return new AppError('validation', 'validation', `The request has ${details.length} invalid field${details.length === 1 ? '' : 's'}.`, details);
}

export function domainDetails(issues: readonly Issue[]): ErrorDetail[] {
  return issues.filter((i) => i.severity === 'error').map((i) => ({ path: `body.${i.path ?? ''}`.replace(/\.$/, ''), message: i.message, code: i.code }));
}

/** Throws one validation error with the schema's and the domain's details, or returns the typed body. */
export function checkBody<T>(request: FastifyRequest, domain: (body: T) => Issue[], extra: ErrorDetail[] = []): T {
  const ve = request.validationError as (Error & { validation?: unknown[]; validationContext?: string }) | undefined;
  if (ve && ve.validationContext !== 'body') throw ve;
  const schema = ve ? validationDetails('body', (ve.validation ?? []) as never[]) : [];
  let fromDomain: ErrorDetail[] = [];
  try {
    fromDomain = domainDetails(domain(request.body as T));
  } catch {
    // The body's shape is too far off for the domain checks; the schema errors say why.
  }
  const seen = new Set(schema.map((d) => d.path));
  const details = [...schema, ...[...fromDomain, ...extra].filter((d) => !seen.has(d.path))];
  if (details.length > 0) throw invalid(details);
  return request.body as T;
}

export function staleVersion(what: string, current: number): AppError {
  return new AppError('precondition-failed', 'conflict.stale-version', `Someone else changed ${what} first. Reload to see their change.`, [], { currentVersion: current });
}

export function ifMatchRequired(): AppError {
  return new AppError('precondition-required', 'conflict.if-match-required', 'Send the If-Match header with the version you edited.', [{ path: 'headers.if-match', message: 'is required' }]);
}
