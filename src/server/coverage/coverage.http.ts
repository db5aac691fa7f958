/** Small helpers the coverage and appointment routes share: If-Match, stale versions, field errors. */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { parseIfMatch } from '../schemas';

export function requireIfMatch(request: FastifyRequest): number {
  const expected = parseIfMatch(request.headers['if-match']);
  if (expected === undefined) {
    throw new AppError('precondition-required', 'conflict.if-match-required', 'Send the If-Match header with the version you edited.', [{ path: 'headers.if-match', message: 'is required' }]);
  }
  return expected;
}

export function staleVersion(what: string, currentVersion: number): AppError {
  return new AppError('precondition-failed', 'conflict.stale-version', `Someone else changed this ${what} first. Reload to see their change.`, [], { currentVersion });
}

/** One 400 listing every problem; paths are relative to the body. */
export function invalidBody(problems: readonly { path?: string; message: string; code: string }[]): AppError {
  return new AppError(
    'validation',
    'validation',
    `The request has ${problems.length} invalid field${problems.length === 1 ? '' : 's'}.`,
    problems.map((p) => ({ path: `body.${p.path ?? ''}`.replace(/\.$/, ''), message: p.message, code: p.code })),
  );
}

export const toDateString = (d: Date): string => d.toISOString().slice(0, 10);
