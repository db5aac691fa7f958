/**
 * The web app's one way to talk to the server: JSON over same-origin fetch.
 * - Writes (POST/PATCH/PUT/DELETE) carry the session's CSRF token in `x-csrf-token`.
 * - Every failure becomes an ApiError with the server's code, message, per-field details and request id,
 *   so pages can put each detail next to the field it names.
 */

export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  readonly requestId: string | null;

  constructor(status: number, code: string, message: string, details: ErrorDetail[] = [], requestId: string | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** The server's answer to a write made against a version someone else has since changed (412 'conflict.stale-version'). */
export function isStaleVersion(value: unknown): boolean {
  return isApiError(value) && value.code === 'conflict.stale-version';
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Set false for calls where a 401 is an expected answer (session check, sign-in). */
  reportUnauthorized?: boolean;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  etag: string | null;
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The session provider registers this so a session that ends mid-use sends the person to sign in. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown; requestId?: unknown };
}

function toDetails(value: unknown): ErrorDetail[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((d: unknown): ErrorDetail[] => {
    if (typeof d !== 'object' || d === null) return [];
    const { path, message } = d as { path?: unknown; message?: unknown };
    return typeof message === 'string' ? [{ path: typeof path === 'string' ? path : '', message }] : [];
  });
}

async function toApiError(res: Response): Promise<ApiError> {
  const headerId = res.headers.get('x-request-id');
  let body: ErrorBody | null = null;
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    body = null;
  }
  const e = body?.error;
  const code = typeof e?.code === 'string' ? e.code : `http.${res.status}`;
  const message =
    typeof e?.message === 'string' && e.message !== ''
      ? e.message
      : 'Something went wrong on our side. Please try again in a moment.';
  const requestId = typeof e?.requestId === 'string' ? e.requestId : headerId;
  return new ApiError(res.status, code, message, toDetails(e?.details), requestId);
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'We could not reach Painpath. Check your connection and try again.');
  }

  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && options.reportUnauthorized !== false) onUnauthorized?.();
    throw error;
  }

  const etag = res.headers.get('etag');
  if (res.status === 204 || res.headers.get('content-length') === '0') {
    return { data: undefined as T, status: res.status, etag };
  }
  const text = await res.text();
  return { data: (text === '' ? undefined : JSON.parse(text)) as T, status: res.status, etag };
}

export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await request<T>('GET', path, { signal })).data;
}

export async function apiPost<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  return (await request<T>('POST', path, { ...options, body })).data;
}

export async function apiPatch<T>(path: string, body: unknown, ifMatch: string): Promise<ApiResponse<T>> {
  return request<T>('PATCH', path, { body, headers: { 'if-match': ifMatch } });
}

export async function apiDelete(path: string): Promise<void> {
  await request<undefined>('DELETE', path);
}

/** The If-Match value for a record at a version, the same shape as the server's weak ETag. */
export function etagFor(version: number): string {
  return `W/"${version}"`;
}

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs === '' ? path : `${path}?${qs}`;
}

/** Schema-validator wording ("must NOT have fewer than 10 characters") in plain words. */
export function plainDetail(message: string, field = ''): string {
  const m = message.trim();
  if (/email/i.test(field) && m.startsWith('must match pattern')) return 'Enter an email address, like name@example.com.';
  const fewer = /must NOT have fewer than (\d+) characters/.exec(m);
  if (fewer) return fewer[1] === '1' ? 'This is required.' : `Use at least ${fewer[1]} characters.`;
  const more = /must NOT have more than (\d+) characters/.exec(m);
  if (more) return `Use ${more[1]} characters or fewer.`;
  const items = /must NOT have fewer than (\d+) items/.exec(m);
  if (items) return items[1] === '1' ? 'Choose at least one.' : `Choose at least ${items[1]}.`;
  if (m === 'is required' || m.startsWith('must have required property')) return 'This is required.';
  if (/format "email"/.test(m)) return 'Enter an email address, like name@example.com.';
  if (/format "(date|date-time)"/.test(m)) return 'Enter a real date.';
  if (/format "uuid"/.test(m)) return 'Choose from the list.';
  if (m.startsWith('must match pattern')) return 'This is not in the right format.';
  if (m.startsWith('must be equal to one of the allowed values')) return 'Choose one of the options.';
  if (m === '') return 'This is not valid.';
  const sentence = m.charAt(0).toUpperCase() + m.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/**
 * Splits an error's details by form field. `body.email` → `email`; details naming no known field are
 * returned under `''` so the form can list them in its summary.
 */
export function fieldErrors(error: unknown, fields: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!isApiError(error)) return out;
  // A nullable field that fails also reports "must be null" and "must match a schema in anyOf": noise.
  const noise = /^(must be null|must match a schema in anyOf|must match exactly one schema in oneOf)$/;
  const informative = new Set(error.details.filter((d) => !noise.test(d.message)).map((d) => d.path));
  for (const d of error.details) {
    if (noise.test(d.message) && informative.has(d.path)) continue;
    const name = d.path.replace(/^(body|query|params)[./]/, '').replace(/^\//, '').split(/[./[]/)[0] ?? '';
    const key = fields.includes(name) ? name : '';
    const plain = plainDetail(d.message, name);
    const text = key === '' && d.path !== '' ? `${d.path}: ${plain}` : plain;
    const list = (out[key] ??= []);
    if (!list.includes(text)) list.push(text);
  }
  return out;
}
