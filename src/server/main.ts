/**
 * Starts Painpath: opens the database (embedded PGlite in DATA_DIR, or PostgreSQL at DATABASE_URL), runs
 * migrations, seeds the demo clinic on an empty database (unless --no-demo / PAINPATH_DEMO=off), starts
 * background jobs and serves the API and the web app. Logs are JSON lines; the banner goes to stdout.
 */
import v8 from 'node:v8';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client';
import type { DemoLogin } from '../db/seed/demo';
import { organisations, apiTokens } from '../db/schema';
import { eq } from 'drizzle-orm';
import { buildApp } from './app';
import { AuditWriter } from './audit/audit-writer';
import { hashPassword } from './auth/password';
import { loadConfig } from './config';
import type { AppContext } from './context';
import { startJobs } from './jobs/jobs';
import { raiseReminder, rescheduleReminders } from './tasks/tasks.service';

const config = loadConfig();
// Under bursty load V8 otherwise lets the heap grow to several times what is live before a full
// collection: about 290-310 MB peak on the bench's list and read loads instead of about 235 MB with the
// default 100 (the heap may grow to twice its live size). Lower values save more memory but collect so
// often that the pre-visit summary pays for it (at 60: +16 % CPU, p99 72 instead of 55 ms); at 100 CPU and
// latency are within the benches' noise of V8's own choice (README, "figures"). The flag is read at each
// collection, so setting it here, before any load, takes effect.
if (config.heapGrowingPercent > 0) v8.setFlagsFromString(`--heap-growing-percent=${config.heapGrowingPercent}`);
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize });
await database.migrate();

const orgCount = (await database.db.select({ n: sql<number>`count(*)::int` }).from(organisations))[0]?.n ?? 0;
let logins: DemoLogin[] = [];
if (orgCount === 0 && config.demo) {
  // Imported only when seeding: a server on existing data never needs the demo clinic's module.
  const { seedDemoClinic } = await import('../db/seed/demo');
  logins = (await seedDemoClinic(database.db, { hashPassword, asOf: new Date() })).logins;
}

const lastUse = new Map<string, number>();
const ctx: AppContext = {
  database,
  db: database.db,
  audit: new AuditWriter(database.db),
  clock: () => new Date(),
  config,
  jobs: null,
  touchApiToken(tokenId) {
    const now = Date.now();
    if ((lastUse.get(tokenId) ?? 0) > now - 60_000) return;
    lastUse.set(tokenId, now);
    void database.db
      .update(apiTokens)
      .set({ lastUsedAt: new Date(now) })
      .where(eq(apiTokens.id, tokenId))
      .catch(() => undefined);
  },
};

const app = await buildApp(ctx);
if (config.jobs) {
  ctx.jobs = await startJobs(database.sql, { onReminder: (job) => raiseReminder(ctx, job) }, (msg, extra) => app.log.warn(extra ?? {}, msg));
  const scheduled = await rescheduleReminders(ctx);
  app.log.info({ scheduled }, 'task reminders scheduled');
}
await app.listen({ host: config.host, port: config.port });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const url = `http://${config.host}:${port}`;

const lines = [
  '',
  `Painpath is running at ${url}`,
  `  database: ${database.describe}`,
  `  API docs: ${url}/api/docs   FHIR: ${url}/fhir/metadata`,
  `  started in ${Math.round(performance.now())} ms (from process start)`,
];
if (logins.length > 0) {
  lines.push('', 'Demo clinic created. Demo sign-ins (password for all: ' + (logins[0]?.password ?? '') + '):');
  for (const l of logins) lines.push(`  ${l.role.padEnd(19)} ${l.email.padEnd(40)} ${l.displayName}${l.note ? ` — ${l.note}` : ''}`);
} else if (orgCount === 0) {
  lines.push('', `No clinic yet: open ${url}/setup to create the first administrator.`);
} else {
  lines.push('', 'Existing data kept. Demo sign-ins, if this is the demo clinic: see README.md.');
}
process.stdout.write(`${lines.join('\n')}\n\n`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  try {
    await app.close();
    await ctx.audit.flush();
    await ctx.jobs?.stop();
    await database.close();
  } finally {
    process.exit(0);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
