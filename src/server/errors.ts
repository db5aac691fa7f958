/**
 * One error type carries an outcome to HTTP; one table maps outcome codes to status codes.
 * REST answers `{ error: { code, message, details[], requestId } }`; FHIR answers an OperationOutcome
 * (see fhir/fhir.errors.ts). Every invalid field is listed with its path, not just the first.
 */
export interface ErrorDetail {
  path: string;
  message: string;
  code?: string;
}

export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'precondition-failed'
  | 'precondition-required'
  | 'locked'
  | 'rate-limited'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'internal';

export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'precondition-failed': 412,
  'precondition-required': 428,
  locked: 423,
  'rate-limited': 429,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  internal: 500,
};

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly details: ErrorDetail[];
  /** Extra fields for the error body (e.g. breakGlassAvailable). */
  readonly extra: Record<string, unknown>;

  constructor(kind: ErrorKind, code: string, message: string, details: ErrorDetail[] = [], extra: Record<string, unknown> = {}) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.details = details;
    this.extra = extra;
  }

  get status(): number {
    return STATUS_BY_KIND[this.kind];
  }
}

export const notFound = (what: string): AppError => new AppError('not-found', 'not-found', `${what} was not found.`);

export interface ErrorBody {
  error: { code: string; message: string; details: ErrorDetail[]; requestId: string } & Record<string, unknown>;
}

export function errorBody(err: AppError, requestId: string): ErrorBody {
  return { error: { code: err.code, message: err.message, details: err.details, requestId, ...err.extra } };
}
