/**
 * The bench's findings for one database: the figures, the verdict on each target of the Foundation issue,
 * a printed table and a JSON file (bench/results/latest-<database>.json).
 *
 * Targets (2-core machine, PostgreSQL): patient read p99 <= 25 ms at 1,000 req/s and within 2x the latency
 * of the bare health route; start-up to first answer <= 5 s (a restart on existing data); server memory
 * <= 300 MB under that load. On the embedded database the same lines are printed for information.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseKind } from './bench-database';
import type { LoadResult } from './load';
import type { MemorySummary } from './memory';
import type { PacedResult } from './paced';
import { REPO_ROOT, type Launcher } from './server-process';

export const TARGETS = {
  readP99Ms: 25,
  readRatePerS: 1_000,
  readVsHealth: 2,
  restartMs: 5_000,
  memoryMb: 300,
} as const;

export interface StartupFigures {
  startupMs: number;
  bannerMs: number;
  reportedStartMs: number | undefined;
  rssAfterStartMb: number | undefined;
  stopMs: number;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  node: string;
  platform: string;
  totalMemoryMb: number;
  /** 1-minute load average when the report was made. */
  loadAverage1m: number;
}

export interface Verdict {
  target: string;
  met: boolean;
  figure: string;
}

export type PacedOutcome = PacedResult | { name: string; skipped: string };

export interface DatabaseReport {
  database: { kind: DatabaseKind; describe: string };
  machine: Machine;
  settings: { durationS: number; warmupS: number; ratePerS: number; connections: number; launcher: Launcher; serverRoot: string };
  startup: { first: StartupFigures; restart: StartupFigures };
  loads: LoadResult[];
  /** Health and patient read under an evenly paced load at the same rate, when the server kept up. */
  paced: PacedOutcome[];
  memory: MemorySummary & { perLoadPeakRssMb: Record<string, number> };
  verdicts: Verdict[];
  generatedAt: string;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.arch()} ${os.release()}`,
    totalMemoryMb: Math.round(os.totalmem() / 1_048_576),
    loadAverage1m: os.loadavg()[0] ?? 0,
  };
}

export function judge(report: Omit<DatabaseReport, 'verdicts'>): Verdict[] {
  const byName = new Map(report.loads.map((l) => [l.name, l]));
  const read = byName.get('patient read');
  const health = byName.get('health');
  const verdicts: Verdict[] = [];
  if (read) {
    const clean = read.non2xx === 0 && read.errors === 0;
    const rateHeld = read.achievedRatePerS >= 0.95 * TARGETS.readRatePerS;
    verdicts.push({
      target: `patient read p99 <= ${TARGETS.readP99Ms} ms at ${fmtInt(TARGETS.readRatePerS)} req/s`,
      met: read.latencyMs.p99 <= TARGETS.readP99Ms && rateHeld && clean,
      figure:
        `p99 ${fmtMs(read.latencyMs.p99)} ms at ${fmtInt(read.achievedRatePerS)} req/s achieved` +
        (clean ? '' : `, ${read.non2xx} non-2xx, ${read.errors} errors (${read.timeouts} of them timeouts after 10 s)`) +
        (rateHeld ? '' : ' (rate not held)'),
    });
    const paced = report.paced.find((p): p is PacedResult => p.name === 'patient read' && !('skipped' in p));
    const pacedHealth = report.paced.find((p): p is PacedResult => p.name === 'health' && !('skipped' in p));
    if (paced) {
      const pacedClean = paced.non2xx === 0 && paced.errors === 0;
      verdicts.push({
        target: `patient read p99 <= ${TARGETS.readP99Ms} ms at ${fmtInt(TARGETS.readRatePerS)} req/s, evenly paced`,
        met: paced.latencyMs.p99 <= TARGETS.readP99Ms && pacedClean && paced.ratePerS >= TARGETS.readRatePerS,
        figure: `p99 ${fmtMs(paced.latencyMs.p99)} ms at ${fmtInt(paced.ratePerS)} req/s` + (pacedClean ? '' : `, ${paced.non2xx} non-2xx, ${paced.errors} errors`),
      });
    }
    if (health) {
      const p99Ratio = read.latencyMs.p99 / Math.max(health.latencyMs.p99, 0.001);
      const p50Ratio = read.latencyMs.p50 / Math.max(health.latencyMs.p50, 0.001);
      verdicts.push({
        target: `patient read within ${TARGETS.readVsHealth}x the health route (p99)`,
        met: p99Ratio <= TARGETS.readVsHealth,
        figure:
          `p99 ${fmtMs(read.latencyMs.p99)} vs ${fmtMs(health.latencyMs.p99)} ms = ${p99Ratio.toFixed(1)}x (p50 ${fmtMs(read.latencyMs.p50)} vs ${fmtMs(health.latencyMs.p50)} ms = ${p50Ratio.toFixed(1)}x)` +
          (paced && pacedHealth
            ? `; evenly paced p99 ${fmtMs(paced.latencyMs.p99)} vs ${fmtMs(pacedHealth.latencyMs.p99)} ms = ${(paced.latencyMs.p99 / Math.max(pacedHealth.latencyMs.p99, 0.001)).toFixed(1)}x`
            : ''),
      });
    }
  }
  verdicts.push({
    target: `start-up to first answer <= ${TARGETS.restartMs / 1000} s (restart on existing data)`,
    met: report.startup.restart.startupMs <= TARGETS.restartMs,
    figure: `restart ${fmtInt(report.startup.restart.startupMs)} ms; first start on an empty database ${fmtInt(report.startup.first.startupMs)} ms`,
  });
  verdicts.push({
    target: `server memory <= ${TARGETS.memoryMb} MB under load`,
    met: report.memory.peakRssMb <= TARGETS.memoryMb,
    figure: `peak RSS ${fmtInt(report.memory.peakRssMb)} MB, final ${fmtInt(report.memory.finalRssMb)} MB, VmHWM ${fmtInt(report.memory.hwmMb)} MB`,
  });
  return verdicts;
}

export function printReport(report: DatabaseReport, out: NodeJS.WritableStream = process.stdout): void {
  const m = report.machine;
  const s = report.settings;
  const lines: string[] = [
    '',
    `== Painpath bench: ${report.database.kind} (${report.database.describe})`,
    `machine: ${m.cpus} CPUs (${m.cpuModel}), Node ${m.node}, ${m.platform}, ${fmtInt(m.totalMemoryMb)} MB RAM`,
    `server:  ${s.launcher} src/server/main.ts${s.serverRoot === REPO_ROOT ? '' : ` in ${s.serverRoot}`}, LOG_LEVEL=warn, PAINPATH_JOBS=on, loopback`,
    `load:    autocannon, ${fmtInt(s.ratePerS)} req/s over ${s.connections} connections, ${s.durationS} s after ${s.warmupS} s warm-up, each route alone`,
    '',
    'start-up (spawn -> first 200 from GET /health)',
    startupLine('first start, empty database (migrations + demo seed)', report.startup.first),
    startupLine('restart on the same data', report.startup.restart),
    '',
    row(['route', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'req/s', 'non-2xx', 'errors', 'burst ms', 'RSS MB', 'srv CPU', 'PG CPU', 'others']),
    ...report.loads.map((l) =>
      row([
        `${l.name.padEnd(13)} GET ${l.label}`,
        fmtMs(l.latencyMs.p50),
        fmtMs(l.latencyMs.p90),
        fmtMs(l.latencyMs.p99),
        fmtMs(l.latencyMs.max),
        fmtInt(l.achievedRatePerS),
        String(l.non2xx),
        String(l.errors),
        fmtInt(l.burstMs),
        fmtInt(report.memory.perLoadPeakRssMb[l.name] ?? 0),
        l.cpu ? fmtMs(l.cpu.serverMsPerRequest) : 'n/a',
        l.cpu?.postgresMsPerRequest == null ? 'n/a' : fmtMs(l.cpu.postgresMsPerRequest),
        l.cpu ? l.cpu.otherCores.toFixed(2) : 'n/a',
      ]),
    ),
    '  burst ms:  autocannon sends each second\'s share back to back on every connection: the time each second\'s',
    '             requests took to be answered (the server is idle for the rest of the second)',
    '  RSS MB:    peak server RSS during that load (warm-up included)',
    `  srv CPU:   server process CPU ms per request${report.database.kind === 'embedded' ? ' (includes the embedded database)' : ''}; PG CPU: the bench database's PostgreSQL backends, ms per request`,
    '  errors:    connection errors and timeouts (no answer within 10 s)',
    `  others:    CPU used meanwhile by every other process on this ${m.cpus}-core machine, in cores (autocannon excluded)`,
    '',
    `evenly paced (a request due every ${fmtMs(1000 / s.ratePerS)} ms over up to ${s.connections} keep-alive connections; latency counted from when it was due)`,
    ...(report.paced.length === 0
      ? ['  (not run)']
      : report.paced.map((p) =>
          'skipped' in p
            ? `  ${p.name.padEnd(13)} skipped: ${p.skipped}`
            : row([
                `${p.name.padEnd(13)} ${p.durationS} s`,
                fmtMs(p.latencyMs.p50),
                fmtMs(p.latencyMs.p90),
                fmtMs(p.latencyMs.p99),
                fmtMs(p.latencyMs.max),
                fmtInt(p.achievedRatePerS),
                String(p.non2xx),
                String(p.errors),
              ]),
        )),
    '',
    `memory (server process, /proc VmRSS every 200 ms during the loads): peak ${fmtInt(report.memory.peakRssMb)} MB, final ${fmtInt(report.memory.finalRssMb)} MB, VmHWM ${fmtInt(report.memory.hwmMb)} MB` +
      (report.database.kind === 'postgres' ? ' (PostgreSQL\'s own processes not included)' : ' (includes the embedded database)'),
    '',
    report.database.kind === 'postgres' ? 'verdicts' : 'verdicts (the targets are set for PostgreSQL; shown here for information)',
    ...report.verdicts.map((v) => `  [${v.met ? 'met' : 'NOT MET'}] ${v.target}: ${v.figure}`),
    ...busyWarning(report),
    '',
  ];
  out.write(lines.join('\n') + '\n');
}

export function writeJson(report: DatabaseReport): string {
  const dir = path.join(REPO_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `latest-${report.database.kind}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  return path.relative(REPO_ROOT, file);
}

/** Other processes taking a quarter of a core or more make latency figures pessimistic: say so. */
function busyWarning(report: DatabaseReport): string[] {
  const busiest = Math.max(0, ...report.loads.map((l) => l.cpu?.otherCores ?? 0));
  if (busiest < 0.25) return [];
  return [
    `  note: other processes used up to ${busiest.toFixed(2)} of ${report.machine.cpus} cores during the loads (load average ${report.machine.loadAverage1m.toFixed(1)}):`,
    '        latency and start-up figures are pessimistic; CPU ms per request are not affected much.',
  ];
}

function startupLine(label: string, f: StartupFigures): string {
  const own = f.reportedStartMs === undefined ? '' : `; server's own "started in" ${fmtInt(f.reportedStartMs)} ms`;
  const rss = f.rssAfterStartMb === undefined ? '' : `; RSS ${fmtInt(f.rssAfterStartMb)} MB`;
  return `  ${label.padEnd(54)} ${fmtInt(f.startupMs).padStart(7)} ms  (banner ${fmtInt(f.bannerMs)} ms${own}${rss}; stop ${fmtInt(f.stopMs)} ms)`;
}

function row(cells: string[]): string {
  const [first = '', ...rest] = cells;
  return `  ${first.padEnd(44)}${rest.map((c) => c.padStart(8)).join(' ')}`;
}

function fmtMs(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0);
}

function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
