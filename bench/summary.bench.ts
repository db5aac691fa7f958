/**
 * `npx tsx bench/summary.bench.ts` (embedded database) or
 * `DATABASE_URL=postgres://… npx tsx bench/summary.bench.ts` (a fresh `painpath_bench_<random>` database on
 * that PostgreSQL server, dropped at the end): the pre-visit summary for a patient with two years of weekly
 * check-ins.
 *
 * Targets (issue "Intake, outcome measures and trajectories", Bench): GET /api/v1/patients/:id/summary
 * p99 <= 50 ms on PostgreSQL under a bounded concurrent load; the summary page visible in <= 1 s in headless
 * Chromium on loopback.
 *
 * Steps: build the web app when it is missing or stale (as `npm start` does); start the real server (bench/server-process.ts, demo seed on) on a fresh database
 * (bench/bench-database.ts); sign in as the North-team prescriber and add a new North-team patient through
 * POST /api/v1/patients (checks the write path; the patient has no portal account, so the check-ins go to
 * the demo patient Maria Garcia, who can answer for herself); add WEEKS x (PEG, PHQ-9, GAD-7, PSFS)
 * instrument requests as the prescriber and answer each one signed in as Maria (answers drift from worse to
 * better with noise; PHQ-9 item 9 is always 0 so no safety task is raised). Every response is authored
 * "now" by the server clock: the series has the size of two years of weekly check-ins, not their dates.
 * Then autocannon (bench/load.ts: 200 req/s over 10 connections, 10 s after a 2 s warm-up) on the summary,
 * and 5 page loads in headless Chromium (e2e/support/browser.ts) timed from page.goto to the h1 and to the
 * PEG score being visible.
 * Flags: --weeks <n> (100) --duration <s> (10) --warmup <s> (2) --rate <req/s> (200) --connections <n> (10)
 *        --loads <n> (5 page loads) --budget <s> (170)
 * Exit code 0 when the run completed (targets met or not: the verdict lines say), 1 on failure, 2 on the
 * watchdog or a signal.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import buildWebIfNeeded from '../e2e/global-setup';
import { openBrowser, type BrowserSession } from '../e2e/support/browser';
import { createEmbedded, createPostgres, type BenchDatabase } from './bench-database';
import { CpuWindow } from './cpu';
import { httpRequest, type HttpAnswer } from './http';
import { percentile, runLoad } from './load';
import { killAllServers, startServer, type StartedServer } from './server-process';

const STAFF = 'dr.okafor@riverbend.example';
const PATIENT = 'maria.garcia@patients.example';
const PASSWORD = 'painpath-demo';
const SESSION_COOKIE = 'pp_session';
const MEASURES = ['peg', 'phq9', 'gad7', 'psfs'] as const;
const TARGET_P99_MS = 50;
const TARGET_PAGE_MS = 1_000;

const { values } = parseArgs({
  options: {
    weeks: { type: 'string', default: '100' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    rate: { type: 'string', default: '200' },
    connections: { type: 'string', default: '10' },
    loads: { type: 'string', default: '5' },
    budget: { type: 'string', default: '170' },
  },
});
const WEEKS = Number(values.weeks);
const DURATION_S = Number(values.duration);
const WARMUP_S = Number(values.warmup);
const RATE = Number(values.rate);
const CONNECTIONS = Number(values.connections);
const PAGE_LOADS = Number(values.loads);
const BUDGET_S = Number(values.budget);

const adminUrl = process.env.DATABASE_URL || undefined;
let database: BenchDatabase | undefined;
let server: StartedServer | undefined;
let browser: BrowserSession | undefined;

async function cleanup(): Promise<void> {
  await browser?.close().catch(() => undefined);
  browser = undefined;
  if (server) await server.stop(5_000).catch(() => undefined);
  server = undefined;
  await database?.dispose().catch((err: unknown) => process.stderr.write(`bench: could not remove ${database?.describe}: ${String(err)}\n`));
}

async function emergency(reason: string): Promise<never> {
  process.stderr.write(`\nsummary bench: ${reason}; stopping the server, browser and bench database\n`);
  killAllServers();
  await Promise.race([cleanup(), new Promise((r) => setTimeout(r, 10_000))]);
  process.exit(2);
}
const watchdog = setTimeout(() => void emergency(`over the ${BUDGET_S} s budget`), BUDGET_S * 1000);
watchdog.unref();
process.once('SIGINT', () => void emergency('interrupted'));
process.once('SIGTERM', () => void emergency('terminated'));

const out = (line = ''): void => void process.stdout.write(line + '\n');
const ms = (n: number): string => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const loadavg = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' / ');

/** A signed-in session: every cookie the sign-in set (session and CSRF secret) and the CSRF token. */
interface Session {
  cookie: string;
  sessionValue: string;
  csrf: string;
}

async function signIn(baseUrl: string, email: string): Promise<Session> {
  const answer = await httpRequest(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (answer.status !== 200) throw new Error(`sign-in as ${email}: ${answer.status} ${answer.body.slice(0, 300)}`);
  const pairs = (answer.headers['set-cookie'] ?? []).map((line) => line.split(';')[0]?.trim() ?? '').filter((p) => p.includes('='));
  const sessionValue = pairs.find((p) => p.startsWith(`${SESSION_COOKIE}=`))?.slice(SESSION_COOKIE.length + 1);
  if (!sessionValue) throw new Error(`sign-in as ${email} set no ${SESSION_COOKIE} cookie`);
  return { cookie: pairs.join('; '), sessionValue, csrf: (JSON.parse(answer.body) as { csrfToken: string }).csrfToken };
}

async function api<T>(baseUrl: string, session: Session, method: string, path: string, body?: unknown, expect = method === 'GET' ? 200 : 201): Promise<T> {
  const headers: Record<string, string> = { cookie: session.cookie };
  if (method !== 'GET') headers['x-csrf-token'] = session.csrf;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const answer: HttpAnswer = await httpRequest(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), timeoutMs: 15_000 });
  if (answer.status !== expect) throw new Error(`${method} ${path}: ${answer.status} ${answer.body.slice(0, 400)}`);
  return JSON.parse(answer.body) as T;
}

interface Item {
  id: string;
  kind: 'choice' | 'scale-0-10' | 'yes-no' | 'activity';
  options?: { value: number }[];
}

/** A deterministic pseudo-random source, so both databases get the same answers. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Answers for one week: severity drifts from about 0.75 to 0.35 over the weeks, with noise. */
function answersFor(items: Item[], week: number, random: () => number): Record<string, unknown> {
  const severity = Math.min(1, Math.max(0, 0.75 - (0.4 * week) / Math.max(WEEKS - 1, 1) + (random() - 0.5) * 0.3));
  const answers: Record<string, unknown> = {};
  for (const item of items) {
    const jitter = (random() - 0.5) * 0.2;
    if (item.kind === 'choice') {
      const values = (item.options ?? []).map((o) => o.value).sort((a, b) => a - b);
      const index = item.id === 'phq9.9' ? 0 : Math.round(Math.min(1, Math.max(0, severity + jitter)) * (values.length - 1));
      answers[item.id] = values[index];
    } else if (item.kind === 'scale-0-10') {
      answers[item.id] = Math.round(Math.min(1, Math.max(0, severity + jitter)) * 10);
    } else if (item.kind === 'yes-no') {
      answers[item.id] = false;
    } else {
      // PSFS: higher is better, so ability rises as severity falls.
      const ability = (k: number) => Math.round(Math.min(1, Math.max(0, 1 - severity + (random() - 0.5) * 0.2 - k * 0.05)) * 10);
      answers[item.id] = [
        { name: 'Walking the dog', score: ability(0) },
        { name: 'Gardening', score: ability(1) },
        { name: 'Sitting through a film', score: ability(2) },
      ];
    }
  }
  return answers;
}

async function inParallel<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await (tasks[i] as () => Promise<T>)();
      }
    }),
  );
  return results;
}

async function timePageLoad(page: Page, url: string): Promise<{ h1Ms: number; pegMs: number }> {
  const t0 = performance.now();
  const heading = page.getByRole('heading', { level: 1, name: /Pre-visit summary:/ });
  const peg = page.locator('section[aria-labelledby="scores-title"]').getByText(/PEG/).first();
  await page.goto(url, { waitUntil: 'commit' });
  await heading.waitFor({ state: 'visible', timeout: 15_000 });
  const h1Ms = performance.now() - t0;
  await peg.waitFor({ state: 'visible', timeout: 15_000 });
  return { h1Ms, pegMs: performance.now() - t0 };
}

async function main(): Promise<void> {
  const kind = adminUrl ? 'postgres' : 'embedded';
  out(`== Painpath summary bench: ${kind}`);
  out(`machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}; load average at start (1/5/15 min) ${loadavg()}`);
  // The page loads below need the built web app, as `npm start` and the browser tests do.
  buildWebIfNeeded();
  database = adminUrl ? await createPostgres(adminUrl) : createEmbedded();
  out(`database: ${database.describe}`);
  const env = { ...database.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', PAINPATH_JOBS: 'on', PAINPATH_DEMO: 'on' };
  server = await startServer({ env, startTimeoutMs: 60_000 });
  const base = server.baseUrl;
  out(`server: ${server.launcher} src/server/main.ts at ${base}, up in ${Math.round(server.startupMs)} ms (migrations + demo seed)`);

  const staff = await signIn(base, STAFF);
  const teams = await api<{ items: { id: string; name: string }[] }>(base, staff, 'GET', '/api/v1/care-teams');
  const north = teams.items.find((t) => t.name === 'North team');
  if (!north) throw new Error(`no 'North team' among ${teams.items.map((t) => t.name).join(', ')}`);
  const created = await api<{ id: string }>(base, staff, 'POST', '/api/v1/patients', {
    mrn: `BENCH-${Date.now()}`,
    givenName: 'Bench',
    familyName: 'Summary',
    birthDate: '1971-04-12',
    sex: 'female',
    careTeamId: north.id,
  });
  out(`new North-team patient ${created.id} created (POST /api/v1/patients 201); it has no portal account, so the check-ins go to ${PATIENT}`);

  const patient = await signIn(base, PATIENT);
  const mine = await api<{ items: { id: string; givenName: string; familyName: string }[] }>(base, patient, 'GET', '/api/v1/me/patients');
  const maria = mine.items[0];
  if (!maria) throw new Error(`${PATIENT} opens no patient record`);
  const patientId = maria.id;
  const instruments = await api<{ items: { id: string; items: Item[] }[] }>(base, staff, 'GET', '/api/v1/instruments');
  const itemsOf = new Map(instruments.items.map((i) => [i.id, i.items]));
  const countPoints = async (): Promise<Record<string, number>> => {
    const m = await api<{ series: { instrumentId: string; points: unknown[] }[] }>(base, staff, 'GET', `/api/v1/patients/${patientId}/measures`);
    return Object.fromEntries(MEASURES.map((id) => [id, m.series.find((s) => s.instrumentId === id)?.points.length ?? 0]));
  };
  const before = await countPoints();

  const random = rng(20240601);
  const tasks: (() => Promise<void>)[] = [];
  for (let week = 0; week < WEEKS; week++) {
    for (const id of MEASURES) {
      const items = itemsOf.get(id);
      if (!items) throw new Error(`GET /api/v1/instruments has no ${id}`);
      const answers = answersFor(items, week, random);
      tasks.push(async () => {
        const request = await api<{ id: string }>(base, staff, 'POST', `/api/v1/patients/${patientId}/instrument-requests`, { instrumentId: id });
        await api(base, patient, 'POST', `/api/v1/instrument-requests/${request.id}/response`, { answers });
      });
    }
  }
  const s0 = performance.now();
  await inParallel(tasks, 4);
  const setupS = (performance.now() - s0) / 1000;
  const after = await countPoints();
  out(
    `check-ins for ${maria.givenName} ${maria.familyName} (${patientId}): ${tasks.length} requests answered in ${setupS.toFixed(1)} s (${((2 * tasks.length) / setupS).toFixed(0)} POST/s); ` +
      `completed responses per measure now ${MEASURES.map((id) => `${id} ${after[id]}`).join(', ')} (seed had ${MEASURES.map((id) => before[id]).join('/')})`,
  );
  out('  note: every added response is authored "now" by the server clock (no API back-dates them): the series has the size');
  out('        of two years of weekly check-ins, not their dates.');

  const summaryPath = `/api/v1/patients/${patientId}/summary`;
  const one = await httpRequest(base + summaryPath, { headers: { cookie: staff.cookie } });
  if (one.status !== 200) throw new Error(`GET ${summaryPath}: ${one.status} ${one.body.slice(0, 300)}`);
  const summary = JSON.parse(one.body) as { scores: { instrumentId: string }[] };
  out(`summary: ${one.body.length.toLocaleString('en-US')} bytes, scores for ${summary.scores.map((s) => s.instrumentId).join(', ')}`);

  out(`\n-- load: GET ${summaryPath} with the prescriber's cookie, autocannon ${RATE} req/s over ${CONNECTIONS} connections, ${DURATION_S} s after ${WARMUP_S} s warm-up`);
  out(`   load average before (1/5/15 min) ${loadavg()}`);
  const db = database;
  const load = await runLoad({
    name: 'summary',
    label: '/api/v1/patients/:id/summary',
    url: base + summaryPath,
    headers: { cookie: `${SESSION_COOKIE}=${staff.sessionValue}` },
    durationS: DURATION_S,
    warmupS: WARMUP_S,
    ratePerS: RATE,
    connections: CONNECTIONS,
    cpu: new CpuWindow(server.serverPid, () => db.backendPids()),
  });
  const l = load.latencyMs;
  out(`   p50 ${ms(l.p50)} ms  p90 ${ms(l.p90)} ms  p99 ${ms(l.p99)} ms  max ${ms(l.max)} ms  mean ${ms(l.mean)} ms`);
  out(`   ${load.requests} requests, ${load.achievedRatePerS.toFixed(0)} req/s achieved (target ${RATE}), non-2xx ${load.non2xx}, errors ${load.errors} (timeouts ${load.timeouts}), burst ${ms(load.burstMs)} ms per second`);
  if (load.cpu) {
    out(
      `   CPU per request: server ${ms(load.cpu.serverMsPerRequest)} ms${load.cpu.postgresMsPerRequest === null ? '' : `, PostgreSQL backends ${ms(load.cpu.postgresMsPerRequest)} ms`}; ` +
        `other processes meanwhile ${load.cpu.otherCores.toFixed(2)} of ${os.cpus().length} cores`,
    );
  }
  out(`   load average after (1/5/15 min) ${loadavg()}`);

  out(`\n-- browser: ${PAGE_LOADS} loads of /patients/${patientId}/summary in headless Chromium, signed in by the session cookie`);
  browser = await openBrowser();
  await browser.context.addCookies([{ name: SESSION_COOKIE, value: staff.sessionValue, url: base }]);
  const pageUrl = `${base}/patients/${patientId}/summary`;
  const loads: { h1Ms: number; pegMs: number }[] = [];
  for (let i = 0; i < PAGE_LOADS; i++) {
    const page = await browser.context.newPage();
    try {
      const t = await timePageLoad(page, pageUrl);
      loads.push(t);
      out(`   load ${i + 1}${i === 0 ? ' (cold cache)' : ''}: h1 visible ${ms(t.h1Ms)} ms, PEG score visible ${ms(t.pegMs)} ms`);
    } finally {
      await page.close();
    }
  }
  const h1 = Float64Array.from(loads.map((t) => t.h1Ms)).sort();
  const peg = Float64Array.from(loads.map((t) => t.pegMs)).sort();
  out(`   h1: median ${ms(percentile(h1, 50))} ms, max ${ms(h1[h1.length - 1] ?? 0)} ms; PEG: median ${ms(percentile(peg, 50))} ms, max ${ms(peg[peg.length - 1] ?? 0)} ms`);
  out(`   load average (1/5/15 min) ${loadavg()}`);

  const clean = load.non2xx === 0 && load.errors === 0;
  out(`\nverdicts${kind === 'postgres' ? '' : ' (the API target is set for PostgreSQL; shown here for information)'}`);
  out(
    `  [${l.p99 <= TARGET_P99_MS && clean ? 'met' : 'NOT MET'}] summary API p99 <= ${TARGET_P99_MS} ms under a bounded load: p99 ${ms(l.p99)} ms at ${load.achievedRatePerS.toFixed(0)} req/s over ${CONNECTIONS} connections` +
      (clean ? '' : `, ${load.non2xx} non-2xx, ${load.errors} errors`) +
      (load.achievedRatePerS >= 0.95 * RATE ? '' : ` (the ${RATE} req/s asked for was not held: the server was saturated, so latency includes queueing)`),
  );
  const worst = peg[peg.length - 1] ?? Infinity;
  out(`  [${worst <= TARGET_PAGE_MS ? 'met' : 'NOT MET'}] summary page visible <= ${TARGET_PAGE_MS} ms: slowest of ${PAGE_LOADS} loads ${ms(worst)} ms to the PEG score (h1 ${ms(h1[h1.length - 1] ?? 0)} ms)`);
  const busy = (os.loadavg()[0] ?? 0) >= 0.5 * os.cpus().length;
  out(`  load average at the end (1/5/15 min) ${loadavg()} on ${os.cpus().length} CPUs${busy ? ': the machine is busy with other work; latency figures are pessimistic' : ''}`);
}

let failed = false;
try {
  await main();
} catch (err) {
  failed = true;
  process.stderr.write(`\nsummary bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n${server?.stderrTail() ?? ''}\n`);
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
process.exit(failed ? 1 : 0);
