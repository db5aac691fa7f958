/**
 * Sign-in, sign-out, the current session and the first-run set-up of the first administrator.
 * Sessions: a random token in an httpOnly, SameSite=Lax cookie (Secure over https); only its SHA-256 is
 * stored. Failed sign-ins count towards a lockout (clinic setting) and are rate limited per address.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { resolveClinicSettings } from '../../domain/access/settings';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import {
  countUsers,
  deleteSession,
  findUserByEmail,
  insertSession,
  recordFailedLogin,
  resetFailedLogins,
  type UserRow,
} from '../../db/repositories/users.repository';
import { organisations, users } from '../../db/schema';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { errorResponses } from '../schemas';
import { auditFrom, SESSION_COOKIE, sha256, type UserActor } from './actor';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyAgainstDummy, verifyPassword } from './password';

const SessionResponse = Type.Object({
  user: Type.Object({
    id: Type.String(),
    displayName: Type.String(),
    email: Type.String(),
    role: Type.String(),
    orgId: Type.String(),
    orgName: Type.String(),
    patientId: Type.Union([Type.String(), Type.Null()]),
  }),
  csrfToken: Type.String(),
});

const LoginBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 200 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

const SetupBody = Type.Object(
  {
    clinicName: Type.String({ minLength: 2, maxLength: 200 }),
    displayName: Type.String({ minLength: 2, maxLength: 200 }),
    email: Type.String({ pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', maxLength: 200 }),
    password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 200 }),
  },
  { additionalProperties: false },
);

function isHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

function sessionPayload(reply: FastifyReply, u: { id: string; displayName: string; email: string; role: string; orgId: string; patientId: string | null }, orgName: string) {
  return {
    user: { id: u.id, displayName: u.displayName, email: u.email, role: u.role, orgId: u.orgId, orgName, patientId: u.patientId },
    csrfToken: reply.generateCsrf(),
  };
}

export const authRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Sign-in'];

  async function startSession(request: FastifyRequest, reply: FastifyReply, user: UserRow, sessionHours: number): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const asOf = ctx.clock();
    const expiresAt = new Date(asOf.getTime() + sessionHours * 3_600_000);
    await insertSession(ctx.db, {
      tokenHash: sha256(token),
      userId: user.id,
      orgId: user.orgId,
      expiresAt,
      ip: request.ip,
      userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
    });
    const secure = ctx.config.secureCookies === 'always' || (ctx.config.secureCookies === 'auto' && isHttps(request));
    void reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
  }

  app.post(
    '/auth/login',
    {
      config: { rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Sign in with e-mail and password', body: LoginBody, response: { 200: SessionResponse, ...errorResponses, 423: { $ref: 'ErrorResponse' }, 429: { $ref: 'ErrorResponse' } } },
    },
    async (request, reply) => {
      const asOf = ctx.clock();
      const user = await findUserByEmail(ctx.db, request.body.email);
      const invalid = new AppError('unauthenticated', 'auth.invalid-credentials', 'The e-mail address or password is not right.');
      if (!user || user.disabled) {
        await verifyAgainstDummy(request.body.password);
        await ctx.audit.record(auditFrom(request, asOf, { action: 'login-failed', resourceType: 'Session', reason: 'unknown account' }));
        throw invalid;
      }
      const orgRows = await ctx.db.select().from(organisations).where(eq(organisations.id, user.orgId));
      const org = orgRows[0];
      const settings = resolveClinicSettings(org?.settings).settings;
      const actorFields = { orgId: user.orgId, actorType: 'user' as const, actorId: user.id, actorName: `${user.displayName} (${user.role})` };
      if (user.lockedUntil && user.lockedUntil > asOf) {
        await ctx.audit.record(auditFrom(request, asOf, { ...actorFields, action: 'login-refused', resourceType: 'Session', reason: 'account locked' }));
        throw new AppError('locked', 'auth.locked', `Too many wrong passwords. Try again after ${user.lockedUntil.toISOString().slice(11, 16)} UTC, or ask your administrator.`, [], {
          lockedUntil: user.lockedUntil.toISOString(),
        });
      }
      if (!(await verifyPassword(user.passwordHash, request.body.password))) {
        const counted = await recordFailedLogin(
          ctx.db,
          user.id,
          asOf,
          settings.lockout.maxFailedLogins,
          new Date(asOf.getTime() + settings.lockout.lockMinutes * 60_000),
        );
        const locked = counted.lockedUntil !== null && counted.lockedUntil > asOf;
        await ctx.audit.record(auditFrom(request, asOf, { ...actorFields, action: 'login-failed', resourceType: 'Session', reason: locked ? 'wrong password; account locked' : 'wrong password' }));
        throw invalid;
      }
      await resetFailedLogins(ctx.db, user.id);
      await startSession(request, reply, user, settings.sessionHours);
      await ctx.audit.record(auditFrom(request, asOf, { ...actorFields, action: 'login', resourceType: 'Session', patientId: user.patientId }));
      return sessionPayload(reply, user, org?.name ?? '');
    },
  );

  app.post('/auth/logout', { schema: { tags, summary: 'Sign out', response: { 204: Type.Null() } } }, async (request, reply) => {
    const actor = request.actor;
    if (actor?.kind === 'user') {
      await deleteSession(ctx.db, actor.sessionTokenHash);
      app.forgetSession(actor.sessionTokenHash);
      await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'logout', resourceType: 'Session' }));
    }
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/auth/session', { schema: { tags, summary: 'The signed-in person and a CSRF token', response: { 200: SessionResponse, ...errorResponses } } }, async (request, reply) => {
    const actor = request.actor;
    if (!actor || actor.kind !== 'user') throw new AppError('unauthenticated', 'auth.required', 'Sign in to continue.');
    const a: UserActor = actor;
    return sessionPayload(reply, { id: a.userId, displayName: a.displayName, email: a.email, role: a.role, orgId: a.orgId, patientId: a.patientId }, a.orgName);
  });

  app.get('/setup', { schema: { tags: ['First run'], summary: 'Whether the first administrator still needs to be created', response: { 200: Type.Object({ needsSetup: Type.Boolean() }) } } }, async () => ({
    needsSetup: (await countUsers(ctx.db)) === 0,
  }));

  app.post(
    '/setup',
    { config: { rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: '1 minute' } }, schema: { tags: ['First run'], summary: 'Create the clinic and its first administrator (only on an empty installation)', body: SetupBody, response: { 201: SessionResponse, ...errorResponses, 409: { $ref: 'ErrorResponse' } } } },
    async (request, reply) => {
      const asOf = ctx.clock();
      const passwordHash = await hashPassword(request.body.password);
      const user = await ctx.db.transaction(async (tx) => {
        // Serialise two simultaneous first-run requests: only one may create the first administrator.
        await tx.execute(`SELECT pg_advisory_xact_lock(727275)`);
        if ((await countUsers(tx)) > 0) throw new AppError('conflict', 'setup.already-done', 'This installation is already set up. Sign in instead.');
        const orgRows = await tx.insert(organisations).values({ name: request.body.clinicName.trim(), settings: {} }).returning();
        const org = orgRows[0] as { id: string };
        const userRows = await tx
          .insert(users)
          .values({ orgId: org.id, email: request.body.email.trim().toLowerCase(), displayName: request.body.displayName.trim(), role: 'administrator', passwordHash })
          .returning();
        const created = userRows[0] as UserRow;
        await appendAuditEvents(tx, [
          auditFrom(request, asOf, { orgId: org.id, actorType: 'user', actorId: created.id, actorName: `${created.displayName} (administrator)`, action: 'setup', resourceType: 'Organisation', resourceId: org.id }),
        ]);
        return created;
      });
      await startSession(request, reply, user, resolveClinicSettings({}).settings.sessionHours);
      void reply.status(201);
      return sessionPayload(reply, user, request.body.clinicName.trim());
    },
  );
};
