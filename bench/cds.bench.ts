/**
 * `npm run bench:cds` (embedded database, then PostgreSQL too when DATABASE_URL is set): CDS Hooks
 * `order-sign` over HTTP for a patient with 10 active medications, prefetch-only and with stored Painpath
 * records; then the transport floor (bench/floor-server.ts: the same request and an answer of the same size
 * through Fastify with no CDS work, to show what HTTP and JSON alone cost on this machine); then the domain
 * core's MME + risk evaluations per second (bench/opioids.bench.ts).
 *
 * Target (issue 7, Bench): order-sign p99 <= 10 ms at 50 concurrent connections with prefetch.
 *
 * Steps per database: start the real server on loopback (bench/server-process.ts, demo seed on, fresh
 * database from bench/bench-database.ts); sign in as the demo administrator and create an API token with
 * patients.read (POST /api/v1/api-tokens); sign in as the North-team prescriber, add a patient and
 * import 10 FHIR MedicationRequests (POST /api/v1/patients/:id/medications/import). Two request bodies, each
 * with the same draft order (oxycodone 10 mg every 6 hours):
 * - prefetch-only: an EHR patient id Painpath does not hold, with the 10 medications, the patient and no
 *   conditions in prefetch (no patient data is read from the database; the token lookup still is);
 * - stored: the Painpath patient id, no medications in prefetch (the 10 stored orders, the latest PDMP check
 *   and urine test are read, and the read is audited).
 * For each: a paced run (autocannon, --rate req/s over --connections connections for --duration s after a
 * --warmup s warm-up; autocannon sends each connection's share at the start of each second, so every second
 * begins with a burst of up to 50 concurrent requests) for latency, then an unpaced run of --count requests
 * over the same connections for throughput. Latency is each response's own time in fractional ms (as in
 * bench/load.ts); only 200 answers count towards latency.
 * Flags: --rate <req/s> (500) --connections <n> (50) --duration <s> (8) --warmup <s> (2) --count <n> (4000)
 *        --db embedded|postgres|both (embedded, plus postgres when DATABASE_URL is set)
 *        --records prefetch-only,stored (which request bodies to run)
 *        --budget <s> (600) --cpu-prof (profile each server; .cpuprofile files in bench/results/profiles)
 * Exit code 0 when the run completed (targets met or not: the verdict lines say), 1 on failure, 2 on the
 * watchdog or a signal.
 */
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createEmbedded, createPostgres, type BenchDatabase } from './bench-database';
import { httpRequest } from './http';
import { percentile } from './load';
import { killAllServers, REPO_ROOT, startServer, type StartedServer } from './server-process';
import { cdsRequest, ehrPatient, medicationRequest, q, searchset, tenMedications } from '../test/support/cds-fixtures';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '500' },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '2' },
    count: { type: 'string', default: '4000' },
    budget: { type: 'string', default: '600' },
    'cpu-prof': { type: 'boolean', default: false },
    db: { type: 'string' },
    records: { type: 'string', default: 'prefetch-only,stored' },
  },
});
const RATE = Number(values.rate);
const CONNECTIONS = Number(values.connections);
const DURATION_S = Number(values.duration);
const WARMUP_S = Number(values.warmup);
const COUNT = Number(values.count);
const BUDGET_S = Number(values.budget);
const RECORDS = new Set(values.records.split(',').map((r) => (r === 'stored' ? 'stored records' : r)));
const NODE_FLAGS = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', path.join(REPO_ROOT, 'bench', 'results', 'profiles')] : [];
const TARGET_P99_MS = 10;
const ADMIN = 'sam.ortega@riverbend.example';
const STAFF = 'dr.okafor@riverbend.example';
const PASSWORD = 'painpath-demo';

let database: BenchDatabase | undefined;
/** The prefetch-only request and the real server's answer to it, for the transport floor. */
let floorInput: { body: string; answer: string; token: string } | undefined;
let server: StartedServer | undefined;
const out = (line = ''): void => void process.stdout.write(line + '\n');
const ms = (n: number): string => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const loadavg = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' / ');

async function cleanup(): Promise<void> {
  if (server) await server.stop(5_000).catch(() => undefined);
  server = undefined;
  await database?.dispose().catch(() => undefined);
  database = undefined;
}
async function emergency(reason: string): Promise<never> {
  process.stderr.write(`\ncds bench: ${reason}; stopping the server and the bench database\n`);
  killAllServers();
  await Promise.race([cleanup(), new Promise((r) => setTimeout(r, 10_000))]);
  process.exit(2);
}
const watchdog = setTimeout(() => void emergency(`over the ${BUDGET_S} s budget`), BUDGET_S * 1000);
watchdog.unref();
process.once('SIGINT', () => void emergency('interrupted'));
process.once('SIGTERM', () => void emergency('terminated'));

interface Session {
  cookie: string;
  csrf: string;
}
async function signIn(base: string, email: string): Promise<Session> {
  const a = await httpRequest(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (a.status !== 200) throw new Error(`sign-in as ${email}: ${a.status} ${a.body.slice(0, 300)}`);
  const cookie = (a.headers['set-cookie'] ?? []).map((l) => l.split(';')[0]?.trim() ?? '').filter((p) => p.includes('=')).join('; ');
  return { cookie, csrf: (JSON.parse(a.body) as { csrfToken: string }).csrfToken };
}
async function api<T>(base: string, s: Session, method: string, path: string, body?: unknown, expect = 201): Promise<T> {
  const headers: Record<string, string> = { cookie: s.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': s.csrf }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
  const a = await httpRequest(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), timeoutMs: 15_000 });
  if (a.status !== expect) throw new Error(`${method} ${path}: ${a.status} ${a.body.slice(0, 400)}`);
  return JSON.parse(a.body) as T;
}

interface Run {
  requests: number;
  ok: number;
  other: Record<string, number>;
  seconds: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}
function load(url: string, token: string, body: string, options: { rate?: number; durationS?: number; amount?: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const other: Record<string, number> = {};
    let requests = 0;
    const t0 = performance.now();
    const instance = autocannon(
      {
        url,
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
        connections: CONNECTIONS,
        timeout: 10,
        ...(options.rate === undefined ? {} : { overallRate: options.rate, ignoreCoordinatedOmission: true }),
        ...(options.amount === undefined ? { duration: options.durationS ?? 1 } : { amount: options.amount }),
      },
      (err) => {
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        const sorted = Float64Array.from(latencies).sort();
        resolve({ requests, ok: latencies.length, other, seconds: (performance.now() - t0) / 1000, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? 0 });
      },
    );
    instance.on('response', (_c, status, _b, time) => {
      requests++;
      if (status === 200) latencies.push(time);
      else other[String(status)] = (other[String(status)] ?? 0) + 1;
    });
  });
}

const verdicts: string[] = [];

async function benchDatabase(kind: 'embedded' | 'postgres', adminUrl?: string): Promise<void> {
  out(`\n== CDS order-sign bench: ${kind}`);
  database = kind === 'postgres' && adminUrl ? await createPostgres(adminUrl) : createEmbedded();
  out(`database: ${database.describe}`);
  server = await startServer({ env: { ...database.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', PAINPATH_JOBS: 'off', PAINPATH_DEMO: 'on' }, startTimeoutMs: 240_000, nodeFlags: NODE_FLAGS });
  const base = server.baseUrl;
  out(`server: ${server.launcher} src/server/main.ts at ${base}, up in ${Math.round(server.startupMs)} ms`);

  const admin = await signIn(base, ADMIN);
  const { token } = await api<{ token: string }>(base, admin, 'POST', '/api/v1/api-tokens', { name: 'CDS bench EHR', scopes: ['patients.read'] });
  const staff = await signIn(base, STAFF);
  const teams = await api<{ items: { id: string; name: string }[] }>(base, staff, 'GET', '/api/v1/care-teams', undefined, 200);
  const north = teams.items.find((t) => t.name === 'North team');
  if (!north) throw new Error('no North team in the demo seed');
  const patient = await api<{ id: string }>(base, staff, 'POST', '/api/v1/patients', { mrn: `CDS-${Date.now()}`, givenName: 'Bench', familyName: 'Cds', birthDate: '1968-02-03', sex: 'male', careTeamId: north.id });
  const meds = tenMedications();
  const resources = meds.map((m) => ({ ...m, subject: { reference: `Patient/${patient.id}` } }));
  const imported = await api<{ entries: { outcome: string; reason: string | null }[] }>(base, staff, 'POST', `/api/v1/patients/${patient.id}/medications/import`, { resources }, 200);
  const count = imported.entries.filter((e) => e.outcome === 'imported').length;
  if (count !== 10) throw new Error(`import stored ${count} of 10: ${JSON.stringify(imported.entries.map((e) => e.reason))}`);
  out(`patient ${patient.id}: 10 MedicationRequests imported (4 opioid orders, benzodiazepine, gabapentinoid, sleep medication, muscle relaxant, 2 others)`);

  const draft = medicationRequest('draft-oxy', 'oxycodone hydrochloride 10 MG Oral Tablet', { value: 1, unit: 'tablet' }, q(6));
  const bodies = {
    'prefetch-only': JSON.stringify(cdsRequest('order-sign', 'ehr-bench-1', { drafts: [draft], prefetch: { patient: ehrPatient('ehr-bench-1'), medications: searchset(meds), conditions: searchset([]) } })),
    'stored records': JSON.stringify(cdsRequest('order-sign', patient.id, { drafts: [draft], prefetch: { patient: ehrPatient(patient.id), conditions: searchset([]) } })),
  };
  const url = `${base}/cds-services/painpath-opioid-order-sign`;
  for (const [name, body] of Object.entries(bodies)) {
    if (!RECORDS.has(name)) continue;
    const one = await httpRequest(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
    if (one.status !== 200) throw new Error(`order-sign (${name}): ${one.status} ${one.body.slice(0, 400)}`);
    const cards = (JSON.parse(one.body) as { cards: { summary: string }[] }).cards;
    if (name === 'prefetch-only') floorInput = { body, answer: one.body, token };
    out(`\n-- ${name}: ${body.length.toLocaleString('en-US')} bytes in, ${one.body.length.toLocaleString('en-US')} bytes out, ${cards.length} cards: ${cards.map((c) => c.summary).join(' | ')}`);
    out(`   load average before (1/5/15 min) ${loadavg()}`);
    await load(url, token, body, { rate: RATE, durationS: WARMUP_S });
    const paced = await load(url, token, body, { rate: RATE, durationS: DURATION_S });
    out(
      `   paced ${RATE} req/s over ${CONNECTIONS} connections, ${DURATION_S} s: ${paced.requests} requests, ${paced.ok} × 200${Object.keys(paced.other).length > 0 ? `, other ${JSON.stringify(paced.other)}` : ''}; ` +
        `latency p50 ${ms(paced.p50)} ms, p90 ${ms(paced.p90)} ms, p99 ${ms(paced.p99)} ms, max ${ms(paced.max)} ms`,
    );
    const burst = await load(url, token, body, { amount: COUNT });
    out(
      `   unpaced ${COUNT} requests over ${CONNECTIONS} connections: ${(burst.requests / burst.seconds).toFixed(0)} req/s; latency p50 ${ms(burst.p50)} ms, p99 ${ms(burst.p99)} ms ` +
        `(with ${CONNECTIONS} always in flight, latency ≈ ${CONNECTIONS} × service time)`,
    );
    if (name === 'prefetch-only') verdicts.push(`${kind}: order-sign prefetch-only p99 ${ms(paced.p99)} ms at ${CONNECTIONS} connections (${RATE} req/s paced) — target ≤ ${TARGET_P99_MS} ms: ${paced.p99 <= TARGET_P99_MS ? 'met' : 'NOT met'}`);
  }
  out(`   load average after (1/5/15 min) ${loadavg()}`);
  await cleanup();
}

/**
 * The same loads against bench/floor-server.ts: HTTP, JSON parsing of the same request and writing an answer
 * of the same size, with no CDS work at all. What the real service can reach on this machine is above this.
 */
async function transportFloor(): Promise<void> {
  if (floorInput === undefined) return;
  const { body, answer, token } = floorInput;
  out('\n== transport floor: bench/floor-server.ts (Fastify parses the same request and sends a fixed answer of the same size; no CDS work)');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'painpath-floor-'));
  const answerFile = path.join(dir, 'answer.json');
  writeFileSync(answerFile, answer);
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/floor-server.ts', answerFile], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error('the floor server did not start within 30 s')), 30_000);
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
        const match = /floor server at (http:\/\/\S+)/.exec(text);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => reject(new Error(`the floor server exited (${code})`)));
    });
    const url = `${base}/floor`;
    const one = await httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    if (one.status !== 200 || one.body.length !== answer.length) throw new Error(`floor server answered ${one.status}, ${one.body.length} bytes`);
    out(`   ${body.length.toLocaleString('en-US')} bytes in, ${one.body.length.toLocaleString('en-US')} bytes out`);
    await load(url, token, body, { rate: RATE, durationS: WARMUP_S });
    const paced = await load(url, token, body, { rate: RATE, durationS: DURATION_S });
    out(`   paced ${RATE} req/s over ${CONNECTIONS} connections, ${DURATION_S} s: ${paced.ok} × 200; latency p50 ${ms(paced.p50)} ms, p90 ${ms(paced.p90)} ms, p99 ${ms(paced.p99)} ms, max ${ms(paced.max)} ms`);
    const burst = await load(url, token, body, { amount: COUNT });
    out(`   unpaced ${COUNT} requests over ${CONNECTIONS} connections: ${(burst.requests / burst.seconds).toFixed(0)} req/s; latency p50 ${ms(burst.p50)} ms, p99 ${ms(burst.p99)} ms`);
    verdicts.push(`floor: a route with no CDS work at all has paced p99 ${ms(paced.p99)} ms on this machine (unpaced p99 ${ms(burst.p99)} ms)`);
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  out(`machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}; load average at start ${loadavg()} (shared machine: other work runs beside this bench)`);
  const adminUrl = process.env.DATABASE_URL || undefined;
  const which = values.db ?? (adminUrl ? 'both' : 'embedded');
  if (which !== 'postgres') await benchDatabase('embedded');
  if (which !== 'embedded') {
    if (adminUrl) await benchDatabase('postgres', adminUrl);
    else out('\n(PostgreSQL skipped: DATABASE_URL is not set)');
  }

  await transportFloor();

  out('\n== domain core: calculateMme + reviewRisk, 10 medications (bench/opioids.bench.ts)');
  const micro = spawnSync(process.execPath, ['--import', 'tsx', 'bench/opioids.bench.ts', '--iterations', '30000', '--budget', '15'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
  out(micro.stdout.trim());
  if (micro.status !== 0) out(`(opioids bench exited ${micro.status}: ${micro.stderr.slice(0, 300)})`);
  out('\n== verdicts');
  for (const v of verdicts) out(v);
}

main()
  .then(() => process.exit(0))
  .catch(async (err: unknown) => {
    process.stderr.write(`cds bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n${server?.stderrTail() ?? ''}\n`);
    await cleanup();
    process.exit(1);
  });
