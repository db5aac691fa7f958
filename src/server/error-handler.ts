/**
 * Turns anything thrown in a route into the one REST error shape (or an OperationOutcome under /fhir).
 * Fastify's own errors (bad JSON, oversize bodies, schema validation, CSRF, rate limits) are mapped to
 * clear 4xx answers; anything unknown is logged with the request id and answered with a generic 500.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { operationOutcomeFromError, type OperationOutcomeIssueCode } from '../fhir/operation-outcome';
import { AppError, errorBody, type ErrorDetail, type ErrorKind } from './errors';

interface AjvError {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Plain-language message for one Ajv error. */
function plainMessage(e: AjvError): string {
  const p = e.params ?? {};
  switch (e.keyword ?? '') {
    case 'minLength':
      return p.limit === 1 ? 'cannot be empty' : `is too short: use at least ${String(p.limit)} characters`;
    case 'maxLength':
      return `is too long: use at most ${String(p.limit)} characters`;
    case 'minimum':
      return `must be ${String(p.limit)} or more`;
    case 'maximum':
      return `must be ${String(p.limit)} or less`;
    case 'enum':
      return `must be one of: ${((p.allowedValues as unknown[] | undefined) ?? []).map(String).join(', ')}`;
    case 'type':
      return `must be ${p.type === 'integer' ? 'a whole number' : `a ${String(p.type)}`}`;
    case 'format':
      if (p.format === 'uuid') return 'must be an id (UUID)';
      if (p.format === 'date-time') return 'must be a date and time such as 2026-11-22T15:00:00Z';
      return `must be a valid ${String(p.format)}`;
    case 'pattern':
      return p.pattern === '^\\d{4}-\\d{2}-\\d{2}$' ? 'must be a date written YYYY-MM-DD' : 'is not in the expected format';
    case 'minItems':
      return `needs at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`;
    case 'uniqueItems':
      return 'must not repeat an item';
    case 'minProperties':
      return 'must contain at least one field';
    default:
      return e.message ?? 'is invalid';
  }
}

export function validationDetails(context: string, errors: readonly AjvError[]): ErrorDetail[] {
  // A nullable field (anyOf [T, null]) that fails yields "must be null" and "must match a schema in anyOf"
  // beside the real reason: keep only the real reason for that path.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath ?? ''));
  const relevant = errors.filter(
    (e) => !(anyOfPaths.has(e.instancePath ?? '') && (e.keyword === 'anyOf' || (e.keyword === 'type' && e.params?.type === 'null'))),
  );
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  for (const path of anyOfPaths) {
    if (!relevant.some((e) => (e.instancePath ?? '') === path)) relevant.push({ instancePath: path, keyword: 'invalid', message: 'is not an allowed value' });
  }
  for (const e of relevant) {
    const base = context + (e.instancePath ? e.instancePath.replace(/\//g, '.') : '');
    let path = base;
    let message = plainMessage(e);
    if (e.keyword === 'additionalProperties' && typeof e.params?.additionalProperty === 'string') {
      path = `${base}.${e.params.additionalProperty}`;
      message = 'is not a known field';
    } else if (e.keyword === 'required' && typeof e.params?.missingProperty === 'string') {
      path = `${base}.${e.params.missingProperty}`;
      message = 'is required';
    }
    const key = `${path}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    details.push({ path, message });
  }
  return details;
}

/** Maps any thrown value to an AppError; returns null for unknown (500) errors. */
export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  const fe = err as FastifyError & { validation?: AjvError[]; validationContext?: string };
  if (fe && Array.isArray(fe.validation)) {
    const details = validationDetails(fe.validationContext ?? 'body', fe.validation);
    return new AppError('validation', 'validation', `The request has ${details.length} invalid field${details.length === 1 ? '' : 's'}.`, details);
  }
  const byCode: Record<string, [ErrorKind, string, string]> = {
    FST_ERR_CTP_INVALID_JSON_BODY: ['validation', 'request.invalid-json', 'The request body is not valid JSON.'],
    FST_ERR_CTP_EMPTY_JSON_BODY: ['validation', 'request.empty-body', 'The request body is empty but JSON was declared.'],
    FST_ERR_CTP_BODY_TOO_LARGE: ['payload-too-large', 'request.too-large', 'The request body is larger than the server accepts.'],
    FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported-media-type', 'request.unsupported-media-type', 'The request content type is not supported; send application/json.'],
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['validation', 'request.invalid-length', 'The request content length does not match its body.'],
    FST_CSRF_INVALID_TOKEN: ['forbidden', 'auth.csrf', 'The request is missing its anti-forgery token or the token is wrong. Reload the page and try again.'],
    FST_CSRF_MISSING_SECRET: ['forbidden', 'auth.csrf', 'The request is missing its anti-forgery token or the token is wrong. Reload the page and try again.'],
  };
  const mapped = fe?.code ? byCode[fe.code] : undefined;
  if (mapped) return new AppError(mapped[0], mapped[1], mapped[2]);
  if (fe && fe.statusCode === 429) return new AppError('rate-limited', 'rate-limited', 'Too many attempts. Wait a minute and try again.');
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('validation', 'request.invalid', fe.message);
  }
  return null;
}

const FHIR_CODE: Record<ErrorKind, OperationOutcomeIssueCode> = {
  validation: 'invalid',
  unauthenticated: 'login',
  forbidden: 'forbidden',
  'not-found': 'not-found',
  conflict: 'conflict',
  'precondition-failed': 'conflict',
  'precondition-required': 'business-rule',
  locked: 'security',
  'rate-limited': 'throttled',
  'payload-too-large': 'too-costly',
  'unsupported-media-type': 'not-supported',
  internal: 'exception',
};

export function handleError(err: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const appError = toAppError(err);
  const isFhir = request.url.startsWith('/fhir');
  if (!appError) {
    request.log.error({ err, requestId: request.id }, 'unexpected error');
    const generic = new AppError('internal', 'internal', `Something went wrong on our side. Reference: ${request.id}.`);
    if (isFhir) {
      void reply.status(500).type('application/fhir+json').send(operationOutcomeFromError('internal', generic.message, 'exception'));
    } else {
      void reply.status(500).send(errorBody(generic, request.id));
    }
    return;
  }
  if (appError.status >= 500) request.log.error({ err, requestId: request.id }, appError.message);
  if (isFhir) {
    void reply
      .status(appError.status)
      .type('application/fhir+json')
      .send(operationOutcomeFromError(appError.code, appError.message, FHIR_CODE[appError.kind], appError.details));
    return;
  }
  void reply.status(appError.status).send(errorBody(appError, request.id));
}
