/**
 * Sign-in, sessions, lockout, rate limiting, CSRF and the first-run set-up, through the real API.
 * Two apps: a clinic (generous login rate limit so the many sign-ins here are not throttled) and an empty
 * installation with a login rate limit of 3 per minute (first-run set-up, then the rate limit).
 */
import { createHash } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, organisations, sessions, users } from '../src/db/schema';
import { buildTestApp, signIn, type TestApp } from './support/app';
import { buildClinic, buildUser, TEST_PASSWORD } from './support/builders';
import { detailPaths, expectError, loginRequest } from './support/http';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let t: TestApp;
let fresh: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;

beforeAll(async () => {
  t = await buildTestApp({ loginRateLimitPerMinute: 1000 });
  fresh = await buildTestApp({ loginRateLimitPerMinute: 3 });
  clinic = await buildClinic(t.ctx.db);
});
afterAll(async () => {
  await t?.close();
  await fresh?.close();
});

function setCookieHeaders(res: { headers: Record<string, unknown> }): string[] {
  const raw = res.headers['set-cookie'];
  return raw === undefined ? [] : ([] as string[]).concat(raw as string | string[]);
}

function cookieAttributes(header: string): string[] {
  return header.split(';').slice(1).map((a) => a.trim());
}

async function failedLogins(app: TestApp, userId: string): Promise<{ failedLogins: number; lockedUntil: Date | null }> {
  const rows = await app.ctx.db.select({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, userId));
  return rows[0] as { failedLogins: number; lockedUntil: Date | null };
}

describe('sign-in', () => {
  it('sets an httpOnly, SameSite=Lax session cookie that expires with the session, and returns a CSRF token', async () => {
    const res = await loginRequest(t.app, clinic.prescriberA.email, TEST_PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ id: clinic.prescriberA.id, role: 'prescriber', orgId: clinic.org.id, orgName: clinic.org.name, patientId: null });
    expect(typeof body.csrfToken).toBe('string');
    expect(body.csrfToken.length).toBeGreaterThan(10);

    const session = setCookieHeaders(res).find((c) => c.startsWith('pp_session='));
    expect(session).toBeDefined();
    const attrs = cookieAttributes(session as string);
    expect(attrs).toContain('HttpOnly');
    expect(attrs).toContain('SameSite=Lax');
    expect(attrs).toContain('Path=/');
    // Plain http (no proxy): not Secure, or the browser would drop it.
    expect(attrs.map((a) => a.toLowerCase())).not.toContain('secure');
    expect(attrs).toContain(`Expires=${new Date(t.clock.now.getTime() + 12 * HOUR).toUTCString()}`);

    // Only the SHA-256 of the token is stored.
    const token = decodeURIComponent((session as string).split(';')[0]?.slice('pp_session='.length) ?? '');
    const stored = await t.ctx.db.select().from(sessions).where(eq(sessions.userId, clinic.prescriberA.id));
    expect(stored.map((s) => s.tokenHash)).toContain(createHash('sha256').update(token).digest('hex'));
    expect(stored.map((s) => s.tokenHash)).not.toContain(token);

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: `pp_session=${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(clinic.prescriberA.id);
  });

  it('answers a wrong password and an unknown e-mail address with the same 401', async () => {
    const wrong = await loginRequest(t.app, clinic.therapistB.email, 'not the password');
    const wrongError = expectError(wrong, 401, 'auth.invalid-credentials');
    expect(setCookieHeaders(wrong).some((c) => c.startsWith('pp_session='))).toBe(false);

    const unknown = await loginRequest(t.app, 'nobody.here@test.example', 'not the password');
    const unknownError = expectError(unknown, 401, 'auth.invalid-credentials');
    expect(unknownError.message).toBe(wrongError.message);
    expect(unknownError.details).toEqual(wrongError.details);
    expect(Object.keys(unknownError).sort()).toEqual(Object.keys(wrongError).sort());
  });

  it('locks the account after 5 wrong passwords (423 even with the right one) until the lock minutes pass', async () => {
    const user = await buildUser(t.ctx.db, { orgId: clinic.org.id, role: 'therapist' });
    for (let i = 1; i <= 5; i += 1) {
      expectError(await loginRequest(t.app, user.email, `wrong-${i}`), 401, 'auth.invalid-credentials');
    }
    const lockedUntil = new Date(t.clock.now.getTime() + 15 * MINUTE);
    expect(await failedLogins(t, user.id)).toEqual({ failedLogins: 5, lockedUntil });

    const locked = expectError(await loginRequest(t.app, user.email, TEST_PASSWORD), 423, 'auth.locked');
    expect(locked.lockedUntil).toBe(lockedUntil.toISOString());
    expectError(await loginRequest(t.app, user.email, 'still wrong'), 423, 'auth.locked');

    t.clock.advance(15 * MINUTE - 1);
    expectError(await loginRequest(t.app, user.email, TEST_PASSWORD), 423, 'auth.locked');
    t.clock.advance(1);
    const ok = await loginRequest(t.app, user.email, TEST_PASSWORD);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await failedLogins(t, user.id)).toEqual({ failedLogins: 0, lockedUntil: null });
  });

  it('resets the failure count on a successful sign-in', async () => {
    const user = await buildUser(t.ctx.db, { orgId: clinic.org.id, role: 'pharmacist' });
    for (let i = 0; i < 4; i += 1) expectError(await loginRequest(t.app, user.email, 'wrong'), 401, 'auth.invalid-credentials');
    expect((await failedLogins(t, user.id)).failedLogins).toBe(4);
    expect((await loginRequest(t.app, user.email, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await failedLogins(t, user.id)).failedLogins).toBe(0);
    // Four more wrong passwords: 8 in total, but only 4 since the last success, so not locked.
    for (let i = 0; i < 4; i += 1) expectError(await loginRequest(t.app, user.email, 'wrong'), 401, 'auth.invalid-credentials');
    expect((await loginRequest(t.app, user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('parallel wrong passwords cannot get past the lockout', async () => {
    const user = await buildUser(t.ctx.db, { orgId: clinic.org.id, role: 'therapist' });
    // Ten guesses at once, each from its own address (so the per-address rate limit is not what stops them).
    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => loginRequest(t.app, user.email, `guess-${i}`, `10.3.0.${i + 1}`)));
    // Each guess is refused: wrong password (401), or already locked (423) once the lock is in place.
    for (const r of burst) expect([401, 423]).toContain(r.statusCode);
    // Ten wrong passwords is at least five: the account must now be locked.
    expectError(await loginRequest(t.app, user.email, TEST_PASSWORD), 423, 'auth.locked');
  });

  it('audits successful and failed sign-ins', async () => {
    const user = await buildUser(t.ctx.db, { orgId: clinic.org.id, role: 'therapist' });
    await loginRequest(t.app, user.email, 'wrong');
    await loginRequest(t.app, user.email, TEST_PASSWORD);
    const rows = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.actorId, user.id)).orderBy(asc(auditEvents.seq));
    expect(rows.map((r) => [r.action, r.reason])).toEqual([
      ['login-failed', 'wrong password'],
      ['login', null],
    ]);
  });
});

describe('CSRF protection', () => {
  it('refuses a cookie-authenticated write without the token or with a wrong one, and writes nothing', async () => {
    const a = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
    const other = await signIn(t.app, clinic.bhA.email, TEST_PASSWORD);
    const url = `/api/v1/patients/${clinic.patientA.id}`;
    const before = (await a.get(url)).json();
    const patch = (headers: Record<string, string>) =>
      t.app.inject({ method: 'PATCH', url, headers: { cookie: a.cookie, 'content-type': 'application/json', 'if-match': `W/"${before.version}"`, ...headers }, payload: JSON.stringify({ phone: '555-0111' }) });

    expectError(await patch({}), 403, 'auth.csrf');
    expectError(await patch({ 'x-csrf-token': 'not-a-real-token' }), 403, 'auth.csrf');
    // A valid token, but issued to another session.
    expectError(await patch({ 'x-csrf-token': other.csrfToken }), 403, 'auth.csrf');
    const unchanged = (await a.get(url)).json();
    expect(unchanged.version).toBe(before.version);
    expect(unchanged.phone).toBe(before.phone);

    const ok = await patch({ 'x-csrf-token': a.csrfToken });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().phone).toBe('555-0111');
  });
});

describe('sessions', () => {
  it('logout answers 204 and the old cookie no longer works', async () => {
    const a = await signIn(t.app, clinic.coordinator.email, TEST_PASSWORD);
    expect((await a.get('/api/v1/auth/session')).statusCode).toBe(200);
    const out = await a.send('POST', '/api/v1/auth/logout');
    expect(out.statusCode).toBe(204);
    const cleared = setCookieHeaders(out).find((c) => c.startsWith('pp_session='));
    expect(cleared).toMatch(/^pp_session=;/);
    expectError(await a.get('/api/v1/auth/session'), 401, 'auth.required');
    expectError(await a.get(`/api/v1/patients/${clinic.patientA.id}`), 401, 'auth.required');
  });

  it('expires a session after sessionHours (12)', async () => {
    const a = await signIn(t.app, clinic.lead.email, TEST_PASSWORD);
    t.clock.advance(12 * HOUR - 1);
    expect((await a.get('/api/v1/auth/session')).statusCode).toBe(200);
    t.clock.advance(1);
    expectError(await a.get('/api/v1/auth/session'), 401, 'auth.required');
  });
});

describe('first-run set-up (empty installation)', () => {
  const setup = (payload: unknown, remoteAddress: string) => fresh.app.inject({ method: 'POST', url: '/api/v1/setup', payload: payload as object, remoteAddress });
  const admin = { clinicName: 'Lakeside Pain Clinic', displayName: 'Robin Admin', email: 'Robin.Admin@Lakeside.example', password: 'a long enough password' };

  it('lists a short password and a bad e-mail address together and creates nothing', async () => {
    expect((await fresh.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needsSetup: true });
    const res = await setup({ ...admin, email: 'not-an-email', password: 'short' }, '10.0.1.1');
    const error = expectError(res, 400, 'validation');
    expect(detailPaths(error)).toEqual(['body.email', 'body.password']);
    expect((await fresh.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needsSetup: true });
  });

  it('creates the clinic and its administrator once (201, signed in); a second attempt is 409', async () => {
    // Two simultaneous first-run requests: exactly one wins.
    const [first, second] = await Promise.all([setup(admin, '10.0.1.2'), setup({ ...admin, email: 'other@lakeside.example' }, '10.0.1.3')]);
    const statuses = [first.statusCode, second.statusCode].sort();
    expect(statuses).toEqual([201, 409]);
    const created = first.statusCode === 201 ? first : second;
    const refused = first.statusCode === 201 ? second : first;
    expectError(refused, 409, 'setup.already-done');

    const body = created.json();
    expect(body.user.role).toBe('administrator');
    expect(body.user.orgName).toBe('Lakeside Pain Clinic');
    expect(typeof body.csrfToken).toBe('string');
    const cookie = setCookieHeaders(created).map((c) => c.split(';')[0]).join('; ');
    const me = await fresh.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(body.user.id);

    expectError(await setup({ ...admin, email: 'third@lakeside.example' }, '10.0.1.4'), 409, 'setup.already-done');
    expect((await fresh.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needsSetup: false });
    expect(await fresh.ctx.db.select().from(organisations)).toHaveLength(1);
    const allUsers = await fresh.ctx.db.select().from(users);
    expect(allUsers.map((u) => [u.email, u.role])).toEqual([[created === first ? 'robin.admin@lakeside.example' : 'other@lakeside.example', 'administrator']]);
  });

  it('rate limits sign-in attempts per address (3 per minute here) with 429', async () => {
    const email = (await fresh.ctx.db.select().from(users))[0]?.email as string;
    for (let i = 0; i < 3; i += 1) expectError(await loginRequest(fresh.app, email, 'wrong password', '10.0.2.1'), 401, 'auth.invalid-credentials');
    expectError(await loginRequest(fresh.app, email, admin.password, '10.0.2.1'), 429, 'rate-limited');
    // Another address is not affected.
    expect((await loginRequest(fresh.app, email, admin.password, '10.0.2.2')).statusCode).toBe(200);
  });
});
