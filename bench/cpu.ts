/**
 * CPU time, from /proc (Linux, clock ticks of 10 ms): of the server process, of the PostgreSQL backends
 * serving the bench database, of the bench itself (autocannon runs here), and of the whole machine.
 *
 * Latency on a small machine depends on what else runs on it. CPU milliseconds per request do not, or far
 * less: they say what a request costs, so the capacity of one core is 1000 / (ms per request). What the
 * rest of the machine used during the load is reported too, so a busy machine is visible in the figures.
 */
import { readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime + stime of one process in ms, or undefined when it is gone. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3 (state).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/** Busy and total CPU time of the whole machine (all cores), in ms. */
function machineCpuMs(): { busyMs: number; totalMs: number } {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [, ...rest] = line.trim().split(/\s+/);
    // user nice system idle iowait irq softirq steal (guest times are already in user/nice).
    const v = rest.slice(0, 8).map(Number);
    const total = v.reduce((a, b) => a + b, 0);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    return { busyMs: (total - idle) * TICK_MS, totalMs: total * TICK_MS };
  } catch {
    return { busyMs: 0, totalMs: 0 };
  }
}

export interface CpuUse {
  wallMs: number;
  serverMs: number;
  /**
   * PostgreSQL backends of the bench database (0 on the embedded database: it runs inside the server;
   * null when the backends' processes are not visible here, e.g. PostgreSQL on another host).
   */
  postgresMs: number | null;
  /** This process: autocannon and the bench. */
  benchMs: number;
  /** Everything else on the machine, in cores (1 = one core fully used) over the window. */
  otherCores: number;
  /** The machine's busy share over the window, in cores. */
  machineCores: number;
}

/** A window of CPU accounting: `start()` before a load, `stop()` after it. */
export class CpuWindow {
  private readonly serverPid: number;
  private readonly backendPids: () => Promise<number[]>;
  private t0 = 0;
  private server0 = 0;
  private bench0: NodeJS.CpuUsage = { user: 0, system: 0 };
  private machine0 = { busyMs: 0, totalMs: 0 };
  private backends0 = new Map<number, number>();

  constructor(serverPid: number, backendPids: () => Promise<number[]>) {
    this.serverPid = serverPid;
    this.backendPids = backendPids;
  }

  async start(): Promise<void> {
    this.backends0 = await this.backendCpu();
    this.t0 = performance.now();
    this.server0 = processCpuMs(this.serverPid) ?? 0;
    this.bench0 = process.cpuUsage();
    this.machine0 = machineCpuMs();
  }

  async stop(): Promise<CpuUse> {
    const wallMs = performance.now() - this.t0;
    const serverMs = (processCpuMs(this.serverPid) ?? this.server0) - this.server0;
    const bench = process.cpuUsage(this.bench0);
    const machine = machineCpuMs();
    const { cpu: backends1, missing } = await this.backendCpuWithMissing();
    let postgresMs: number | null = 0;
    for (const [pid, ms] of backends1) postgresMs += ms - (this.backends0.get(pid) ?? 0);
    if (backends1.size === 0 && missing > 0) postgresMs = null;
    const benchMs = (bench.user + bench.system) / 1000;
    const machineBusyMs = machine.busyMs - this.machine0.busyMs;
    return {
      wallMs,
      serverMs,
      postgresMs,
      benchMs,
      otherCores: Math.max(0, machineBusyMs - serverMs - (postgresMs ?? 0) - benchMs) / wallMs,
      machineCores: machineBusyMs / wallMs,
    };
  }

  private async backendCpu(): Promise<Map<number, number>> {
    return (await this.backendCpuWithMissing()).cpu;
  }

  private async backendCpuWithMissing(): Promise<{ cpu: Map<number, number>; missing: number }> {
    const cpu = new Map<number, number>();
    let missing = 0;
    for (const pid of await this.backendPids()) {
      const ms = processCpuMs(pid);
      if (ms === undefined) missing += 1;
      else cpu.set(pid, ms);
    }
    return { cpu, missing };
  }
}
