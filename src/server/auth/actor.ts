/**
 * Who is calling: a person signed in with a session cookie, a system client with a bearer API token, or
 * nobody. Resolved once per request in an onRequest hook; routes then ask for what they need.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { resolveClinicSettings, type ClinicSettings } from '../../domain/access/settings';
import { isRole, isStaffRole, type Role } from '../../domain/access/roles';
import type { AccessActor } from '../../domain/access/patient-access';
import type { AuditEventInput } from '../../domain/audit/hash-chain';
import { findActiveApiToken, findSession } from '../../db/repositories/users.repository';
import { AppError } from '../errors';
import type { AppContext } from '../context';

export const SESSION_COOKIE = 'pp_session';

export interface UserActor {
  kind: 'user';
  userId: string;
  orgId: string;
  orgName: string;
  role: Role;
  displayName: string;
  email: string;
  patientId: string | null;
  settings: ClinicSettings;
  sessionTokenHash: string;
}

export interface TokenActor {
  kind: 'api-token';
  tokenId: string;
  orgId: string;
  orgName: string;
  name: string;
  scopes: string[];
  settings: ClinicSettings;
}

export type RequestActor = UserActor | TokenActor;

declare module 'fastify' {
  interface FastifyRequest {
    actor: RequestActor | null;
  }
  interface FastifyInstance {
    /** Drops a session from the in-process cache (at sign-out). */
    forgetSession(tokenHash: string): void;
    /** Empties the in-process API token cache (at revocation). */
    forgetApiTokens(): void;
  }
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * A short-lived cache of resolved sessions (SESSION_CACHE_MS, default 5 s) saves a database round trip
 * on every signed-in request. Sign-out clears the entry in this process at once; another server process
 * may honour a signed-out session for at most that long. Expiry is still checked against the clock.
 */
type CachedSession = { session: NonNullable<Awaited<ReturnType<typeof findSession>>>; cachedAt: number };
/**
 * API tokens are cached the same way (same time to live): a system client such as an EHR calling CDS Hooks
 * sends many requests with one token, and the look-up was most of a prefetch-only request's cost on the
 * embedded database. Revoking a token empties the cache of this process at once; another process may
 * honour a revoked token for at most that long.
 */
type CachedToken = { found: NonNullable<Awaited<ReturnType<typeof findActiveApiToken>>>; cachedAt: number };
const SESSION_CACHE_MAX = 10_000;

export const actorPlugin = fp(async (app: FastifyInstance, opts: { ctx: AppContext }) => {
  const { ctx } = opts;
  const cache = new Map<string, CachedSession>();
  const ttlMs = ctx.config.sessionCacheMs;
  app.decorate('forgetSession', (tokenHash: string) => {
    cache.delete(tokenHash);
  });
  const tokenCache = new Map<string, CachedToken>();
  app.decorate('forgetApiTokens', () => {
    tokenCache.clear();
  });
  async function lookupToken(tokenHash: string): Promise<CachedToken['found'] | undefined> {
    const hit = tokenCache.get(tokenHash);
    if (hit && performance.now() - hit.cachedAt < ttlMs) return hit.found;
    tokenCache.delete(tokenHash);
    const found = await findActiveApiToken(ctx.db, tokenHash);
    if (found && ttlMs > 0) {
      if (tokenCache.size >= SESSION_CACHE_MAX) tokenCache.clear();
      tokenCache.set(tokenHash, { found, cachedAt: performance.now() });
    }
    return found;
  }
  async function lookup(tokenHash: string, asOf: Date): Promise<CachedSession['session'] | undefined> {
    const hit = cache.get(tokenHash);
    if (hit && performance.now() - hit.cachedAt < ttlMs && hit.session.expiresAt > asOf) return hit.session;
    cache.delete(tokenHash);
    const session = await findSession(ctx.db, tokenHash, asOf);
    if (session && ttlMs > 0) {
      if (cache.size >= SESSION_CACHE_MAX) cache.clear();
      cache.set(tokenHash, { session, cachedAt: performance.now() });
    }
    return session;
  }
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const auth = request.headers.authorization;
    if (auth && /^Bearer\s+/i.test(auth)) {
      const token = auth.replace(/^Bearer\s+/i, '').trim();
      const found = await lookupToken(sha256(token));
      if (!found) throw new AppError('unauthenticated', 'auth.invalid-token', 'The API token is not valid or was revoked.');
      request.actor = {
        kind: 'api-token',
        tokenId: found.token.id,
        orgId: found.token.orgId,
        orgName: found.orgName,
        name: found.token.name,
        scopes: found.token.scopes,
        settings: resolveClinicSettings(found.orgSettings).settings,
      };
      ctx.touchApiToken(found.token.id);
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const tokenHash = sha256(cookie);
    const session = await lookup(tokenHash, ctx.clock());
    if (!session || !isRole(session.user.role)) return;
    request.actor = {
      kind: 'user',
      userId: session.user.id,
      orgId: session.user.orgId,
      orgName: session.orgName,
      role: session.user.role,
      displayName: session.user.displayName,
      email: session.user.email,
      patientId: session.user.patientId,
      settings: resolveClinicSettings(session.orgSettings).settings,
      sessionTokenHash: tokenHash,
    };
  });
});

export function requireActor(request: FastifyRequest): RequestActor {
  if (!request.actor) throw new AppError('unauthenticated', 'auth.required', 'Sign in to continue.');
  return request.actor;
}

export function requireUser(request: FastifyRequest, roles?: readonly Role[]): UserActor {
  const actor = requireActor(request);
  if (actor.kind !== 'user') throw new AppError('forbidden', 'auth.user-required', 'This action needs a signed-in person, not an API token.');
  if (roles && !roles.includes(actor.role)) {
    throw new AppError('forbidden', 'auth.role', 'Your role does not allow this action.');
  }
  return actor;
}

export function requireStaff(request: FastifyRequest): UserActor {
  const actor = requireUser(request);
  if (!isStaffRole(actor.role)) throw new AppError('forbidden', 'auth.staff-only', 'This page is for clinic staff.');
  return actor;
}

export function toAccessActor(actor: RequestActor): AccessActor {
  return actor.kind === 'user'
    ? { kind: 'user', userId: actor.userId, orgId: actor.orgId, role: actor.role, patientId: actor.patientId }
    : { kind: 'api-token', tokenId: actor.tokenId, orgId: actor.orgId, scopes: actor.scopes };
}

/** The audit fields that come from the request itself. */
export function auditFrom(
  request: FastifyRequest,
  asOf: Date,
  fields: Pick<AuditEventInput, 'action' | 'resourceType'> & Partial<AuditEventInput>,
): AuditEventInput {
  const actor = request.actor;
  return {
    orgId: actor?.orgId ?? null,
    patientId: null,
    actorType: actor ? actor.kind : 'anonymous',
    actorId: actor ? (actor.kind === 'user' ? actor.userId : actor.tokenId) : null,
    actorName: actor ? (actor.kind === 'user' ? `${actor.displayName} (${actor.role})` : `API token: ${actor.name}`) : null,
    resourceId: null,
    reason: null,
    ip: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
    requestId: request.id,
    occurredAt: asOf.toISOString(),
    ...fields,
  };
}
