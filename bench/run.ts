/**
 * `npm run bench` (tsx bench/run.ts): starts the real server on loopback and prints start-up time, memory,
 * and latency/throughput of the health route, the patient list and the patient read under a bounded
 * autocannon load, on the embedded database and, when DATABASE_URL is set, on PostgreSQL too (in a fresh
 * database `painpath_bench_<random>` that is dropped at the end).
 *
 * Per database: start on an empty database (migrations + demo seed) and stop; restart on the same data
 * and keep that process; sign in as a prescriber; load each route alone; stop. Every patient read and list
 * appends an audit event (group-committed), so the loads measure the real path.
 *
 * Flags: --duration <s> (10) --warmup <s> (2) --rate <req/s> (1000) --connections <n> (50)
 *        --db embedded|postgres|both (embedded, plus postgres when DATABASE_URL is set)
 *        --routes health,list,read (which loads to run)
 *        --paced-duration <s> (5; 0 = off): after autocannon, health and patient read again under an evenly
 *          paced load at the same rate (see paced.ts), when autocannon showed the server keeps that rate
 *        --cpu-prof (profile the loaded server; .cpuprofile files in bench/results/profiles)
 *        --server-root <dir> (run src/server/main.ts of another checkout, e.g. to compare a branch)
 *        --budget <s> (watchdog: kill everything and exit 2 after this long)
 * Exit code: 0 when the run completed (targets met or not: the verdict lines say), 1 on failure.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createEmbedded, createPostgres, type BenchDatabase, type DatabaseKind } from './bench-database';
import { CpuWindow } from './cpu';
import { cookieFrom, httpRequest } from './http';
import { runLoad, type LoadResult } from './load';
import { readProcMemory, RssSampler } from './memory';
import { runPacedLoad } from './paced';
import { judge, machine, printReport, writeJson, type DatabaseReport, type PacedOutcome, type StartupFigures } from './report';
import { killAllServers, REPO_ROOT, startServer, type Launcher, type StartedServer } from './server-process';

const DEMO_PRESCRIBER = 'dr.okafor@riverbend.example';
const DEMO_PASSWORD = 'painpath-demo';
const SESSION_COOKIE = 'pp_session';
const START_TIMEOUT_MS = 60_000;

interface Settings {
  durationS: number;
  warmupS: number;
  ratePerS: number;
  connections: number;
  cpuProf: boolean;
  routes: string[];
  pacedDurationS: number;
  serverRoot: string | undefined;
}

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    rate: { type: 'string', default: '1000' },
    connections: { type: 'string', default: '50' },
    db: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    routes: { type: 'string', default: 'health,list,read' },
    'paced-duration': { type: 'string', default: '5' },
    'server-root': { type: 'string' },
    budget: { type: 'string' },
  },
});

const settings: Settings = {
  durationS: positive('duration', values.duration),
  warmupS: Number(values.warmup ?? 2),
  ratePerS: positive('rate', values.rate),
  connections: positive('connections', values.connections),
  cpuProf: values['cpu-prof'] ?? false,
  routes: (values.routes ?? 'health,list,read').split(',').map((r) => r.trim()),
  pacedDurationS: Number(values['paced-duration'] ?? 5),
  serverRoot: values['server-root'] ? path.resolve(values['server-root']) : undefined,
};
const adminUrl = process.env.DATABASE_URL || undefined;
const kinds = databasesToRun(values.db, adminUrl);
const budgetS = values.budget ? positive('budget', values.budget) : kinds.length * (90 + 3 * (settings.warmupS + settings.durationS + 5));

/** Everything that must be undone, whatever happens. */
const openDatabases = new Set<BenchDatabase>();

async function emergencyCleanup(reason: string): Promise<never> {
  process.stderr.write(`\nbench: ${reason}; stopping servers and removing bench databases\n`);
  killAllServers();
  await Promise.race([Promise.allSettled([...openDatabases].map((d) => d.dispose())), new Promise((r) => setTimeout(r, 10_000))]);
  process.exit(2);
}

const watchdog = setTimeout(() => void emergencyCleanup(`over the ${budgetS} s budget`), budgetS * 1000);
watchdog.unref();
process.once('SIGINT', () => void emergencyCleanup('interrupted'));
process.once('SIGTERM', () => void emergencyCleanup('terminated'));

let failed = false;
for (const kind of kinds) {
  try {
    const report = await benchDatabase(kind);
    printReport(report);
    process.stdout.write(`results: ${writeJson(report)}\n`);
  } catch (err) {
    failed = true;
    process.stderr.write(`\nbench on ${kind} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
}
clearTimeout(watchdog);
process.exit(failed ? 1 : 0);

async function benchDatabase(kind: DatabaseKind): Promise<DatabaseReport> {
  process.stdout.write(`\n-- ${kind}: preparing a fresh database\n`);
  const database = kind === 'postgres' ? await createPostgres(adminUrl as string) : createEmbedded();
  openDatabases.add(database);
  let server: StartedServer | undefined;
  try {
    const env = { ...database.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', PAINPATH_JOBS: 'on', PAINPATH_DEMO: 'on' };

    process.stdout.write(`-- ${kind}: first start on an empty database\n`);
    server = await startServer({ env, startTimeoutMs: START_TIMEOUT_MS, serverRoot: settings.serverRoot });
    const firstStart = server;
    const launcher: Launcher = server.launcher;
    const firstRss = readProcMemory(server.serverPid)?.rssMb;
    const firstStop = await server.stop();
    server = undefined;
    const first: StartupFigures = { ...startupOf(firstStart), rssAfterStartMb: firstRss, stopMs: firstStop.stopMs };

    process.stdout.write(`-- ${kind}: restart on the same data\n`);
    const nodeFlags = settings.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', path.join(REPO_ROOT, 'bench', 'results', 'profiles')] : [];
    server = await startServer({ env, startTimeoutMs: START_TIMEOUT_MS, launcher, nodeFlags, serverRoot: settings.serverRoot });
    const restartStart = server;
    const restartRss = readProcMemory(server.serverPid)?.rssMb;

    const { cookie, patientId } = await signInAndPickPatient(server.baseUrl);
    const headers = { cookie: `${SESSION_COOKIE}=${cookie}` };
    const allRoutes = [
      { key: 'health', name: 'health', path: '/health', label: '/health', headers: undefined },
      { key: 'list', name: 'patient list', path: '/api/v1/patients?limit=25', label: '/api/v1/patients?limit=25', headers },
      { key: 'read', name: 'patient read', path: `/api/v1/patients/${patientId}`, label: '/api/v1/patients/:id', headers },
    ];
    const routes = allRoutes.filter((r) => settings.routes.includes(r.key));
    const loads: LoadResult[] = [];
    const perLoadPeakRssMb: Record<string, number> = {};
    const overall = new RssSampler(server.serverPid, 200);
    for (const route of routes) {
      process.stdout.write(`-- ${kind}: load GET ${route.path} (${settings.warmupS} s warm-up + ${settings.durationS} s)\n`);
      const sampler = new RssSampler(server.serverPid, 200);
      loads.push(
        await runLoad({
          name: route.name,
          label: route.label,
          url: server.baseUrl + route.path,
          headers: route.headers,
          durationS: settings.durationS,
          warmupS: settings.warmupS,
          ratePerS: settings.ratePerS,
          connections: settings.connections,
          cpu: new CpuWindow(server.serverPid, () => database.backendPids()),
        }),
      );
      perLoadPeakRssMb[route.name] = sampler.stop().peakRssMb;
      await settle(server.baseUrl);
    }
    const paced: PacedOutcome[] = [];
    for (const route of routes.filter((r) => r.key === 'health' || r.key === 'read')) {
      if (settings.pacedDurationS <= 0) break;
      const load = loads.find((l) => l.name === route.name);
      if (!load || load.achievedRatePerS < 0.95 * settings.ratePerS || load.errors > 0) {
        paced.push({ name: route.name, skipped: `autocannon got ${Math.round(load?.achievedRatePerS ?? 0)} of ${settings.ratePerS} req/s: the server does not keep this pace` });
        continue;
      }
      process.stdout.write(`-- ${kind}: evenly paced GET ${route.path} (1 s warm-up + ${settings.pacedDurationS} s)\n`);
      paced.push(
        await runPacedLoad({
          name: route.name,
          url: server.baseUrl + route.path,
          headers: route.headers,
          ratePerS: settings.ratePerS,
          durationS: settings.pacedDurationS,
          warmupS: 1,
          maxSockets: settings.connections,
        }),
      );
      await settle(server.baseUrl);
    }
    const memory = { ...overall.stop(), perLoadPeakRssMb };
    const restartStop = await server.stop();
    server = undefined;
    const restart: StartupFigures = { ...startupOf(restartStart), rssAfterStartMb: restartRss, stopMs: restartStop.stopMs };

    const partial = {
      database: { kind, describe: database.describe },
      machine: machine(),
      settings: { durationS: settings.durationS, warmupS: settings.warmupS, ratePerS: settings.ratePerS, connections: settings.connections, launcher, serverRoot: settings.serverRoot ?? REPO_ROOT },
      startup: { first, restart },
      loads,
      paced,
      memory,
      generatedAt: new Date().toISOString(),
    };
    return { ...partial, verdicts: judge(partial) };
  } finally {
    if (server) await server.stop(5_000).catch(() => undefined);
    await database.dispose().catch((err: unknown) => process.stderr.write(`bench: could not remove ${database.describe}: ${String(err)}\n`));
    openDatabases.delete(database);
  }
}

/**
 * After a load the server may still be working through requests whose clients have gone (the embedded
 * database answers one query at a time). Wait until GET /ready, which asks the database, answers promptly,
 * so one load's backlog does not land in the next one's figures.
 */
async function settle(baseUrl: string, timeoutMs = 15_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    const t0 = performance.now();
    const answer = await httpRequest(`${baseUrl}/ready`, { timeoutMs }).catch(() => undefined);
    if (answer?.status === 200 && performance.now() - t0 < 50) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  process.stderr.write(`  (the server was still busy ${timeoutMs / 1000} s after the load)\n`);
}

function startupOf(s: StartedServer): Omit<StartupFigures, 'rssAfterStartMb' | 'stopMs'> {
  return { startupMs: s.startupMs, bannerMs: s.bannerMs, reportedStartMs: s.reportedStartMs };
}

async function signInAndPickPatient(baseUrl: string): Promise<{ cookie: string; patientId: string }> {
  const login = await httpRequest(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_PRESCRIBER, password: DEMO_PASSWORD }),
  });
  const cookie = cookieFrom(login.headers, SESSION_COOKIE);
  if (login.status !== 200 || !cookie) throw new Error(`sign-in as ${DEMO_PRESCRIBER} failed: ${login.status} ${login.body.slice(0, 300)}`);
  const headers = { cookie: `${SESSION_COOKIE}=${cookie}` };
  const list = await httpRequest(`${baseUrl}/api/v1/patients?limit=100`, { headers });
  if (list.status !== 200) throw new Error(`GET /api/v1/patients answered ${list.status}: ${list.body.slice(0, 300)}`);
  const items = (JSON.parse(list.body) as { items: { id: string; careTeam: { name: string } | null }[] }).items;
  const patient = items.find((p) => p.careTeam?.name.startsWith('North')) ?? items[0];
  if (!patient) throw new Error('the prescriber sees no patients: was the demo clinic seeded?');
  const read = await httpRequest(`${baseUrl}/api/v1/patients/${patient.id}`, { headers });
  if (read.status !== 200) throw new Error(`GET /api/v1/patients/${patient.id} answered ${read.status}: ${read.body.slice(0, 300)}`);
  return { cookie, patientId: patient.id };
}

function databasesToRun(flag: string | undefined, url: string | undefined): DatabaseKind[] {
  switch (flag) {
    case undefined:
      return url ? ['embedded', 'postgres'] : ['embedded'];
    case 'embedded':
      return ['embedded'];
    case 'postgres':
    case 'both':
      if (!url) throw new Error(`--db ${flag} needs DATABASE_URL (the server on which to create the bench database)`);
      return flag === 'both' ? ['embedded', 'postgres'] : ['postgres'];
    default:
      throw new Error(`--db must be embedded, postgres or both, not "${flag}"`);
  }
}

function positive(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, not "${value}"`);
  return n;
}
