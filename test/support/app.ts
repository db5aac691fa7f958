/**
 * The real application on a fresh test database, with a controllable clock, driven through
 * `app.inject` (no network). Builders create real rows through the database.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app';
import { AuditWriter } from '../../src/server/audit/audit-writer';
import { loadConfig } from '../../src/server/config';
import type { AppContext } from '../../src/server/context';
import { createTestDatabase, type TestDatabase } from './database';

export interface TestClock {
  now: Date;
  advance(ms: number): void;
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: TestClock;
  testDb: TestDatabase;
  close(): Promise<void>;
}

/** The instant `days` after the test clock's now, at `hour`:00 UTC, as ISO text (visits and appointments). */
export function isoDaysAfter(clock: TestClock, days: number, hour = 15): string {
  const d = new Date(clock.now.getTime() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
}

/** The test clock's calendar date (YYYY-MM-DD, UTC). */
export const clockDate = (clock: TestClock): string => clock.now.toISOString().slice(0, 10);

export async function buildTestApp(overrides: Partial<AppContext['config']> = {}): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const clock: TestClock = {
    now: new Date('2026-11-22T15:00:00.000Z'),
    advance(ms) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const config = { ...loadConfig({}, []), logLevel: 'silent', webDir: '/nonexistent', ...overrides };
  const ctx: AppContext = {
    database: testDb.database,
    db: testDb.database.db,
    audit: new AuditWriter(testDb.database.db),
    clock: () => clock.now,
    config,
    jobs: null,
    touchApiToken: () => undefined,
  };
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  return {
    app,
    ctx,
    clock,
    testDb,
    close: async () => {
      await app.close();
      await ctx.audit.flush();
      await testDb.drop();
    },
  };
}

/** A signed-in person: their cookies and CSRF token, and helpers that send them. */
export interface Agent {
  cookie: string;
  csrfToken: string;
  user: { id: string; role: string; orgId: string; patientId: string | null };
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  send(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, email: string, password: string): Promise<Agent> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const body = res.json<{ csrfToken: string; user: Agent['user'] }>();
  return {
    cookie,
    csrfToken: body.csrfToken,
    user: body.user,
    get: (url, headers = {}) => app.inject({ method: 'GET', url, headers: { cookie, ...headers } }),
    send: (method, url, payload, headers = {}) =>
      app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': body.csrfToken, ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(payload === undefined ? {} : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
      }),
  };
}
