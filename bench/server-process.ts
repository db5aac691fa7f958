/**
 * The real server as a child process: `node --import tsx src/server/main.ts` (falling back to
 * `npx tsx src/server/main.ts` when the loader flag does not work), on loopback with PORT=0. The port is
 * read from the banner on stdout ("Painpath is running at http://127.0.0.1:<port>"); start-up time is
 * measured from spawn to the first 200 from GET /health, polled every 20 ms. Polling can only begin once
 * the banner has given the port; the server prints it right after listening, so nothing is lost.
 * Each server runs in its own process group (detached), which `stop()` and `killAllServers()` end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { httpRequest } from './http';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BANNER = /Painpath is running at (http:\/\/[^\s]+)/;
const STARTED_IN = /started in (\d+) ms/;
const HEALTH_POLL_MS = 20;

export type Launcher = 'node --import tsx' | 'npx tsx';

export interface ServerOptions {
  /** Environment for the server on top of the bench's own (DATABASE_URL is removed unless given here). */
  env: Record<string, string>;
  /** Give up on start-up after this long. */
  startTimeoutMs: number;
  /** Extra node flags, e.g. --cpu-prof (only with the `node --import tsx` launcher). */
  nodeFlags?: string[];
  launcher?: Launcher;
  /** The checkout whose src/server/main.ts runs (default: this one), e.g. to compare a branch. */
  serverRoot?: string;
}

export interface StartedServer {
  baseUrl: string;
  /** Root process of what was spawned; its process group holds everything it started. */
  spawnedPid: number;
  /** The node process that runs the server (the same as spawnedPid with `node --import tsx`). */
  serverPid: number;
  launcher: Launcher;
  /** Spawn to the first 200 from GET /health. */
  startupMs: number;
  /** Spawn to the banner on stdout. */
  bannerMs: number;
  /** The server's own "started in N ms" (from its first line of code to listening). */
  reportedStartMs: number | undefined;
  /** Last lines of stderr, for errors. */
  stderrTail(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with how long the stop took. */
  stop(graceMs?: number): Promise<{ stopMs: number; exitCode: number | null; signal: NodeJS.Signals | null; killed: boolean }>;
}

/** Every child still running, so a watchdog or a signal can end them. */
const running = new Set<ChildProcess>();

/** Kills (SIGKILL) the process group of every server still running. Safe to call more than once. */
export function killAllServers(): void {
  for (const child of running) killGroup(child, 'SIGKILL');
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

export async function startServer(options: ServerOptions): Promise<StartedServer> {
  const launcher = options.launcher ?? 'node --import tsx';
  try {
    return await startWith(launcher, options);
  } catch (err) {
    if (launcher === 'node --import tsx' && err instanceof LoaderError) {
      process.stderr.write(`  (node --import tsx failed: ${err.message.split('\n')[0]}; trying npx tsx)\n`);
      return startWith('npx tsx', options);
    }
    throw err;
  }
}

class LoaderError extends Error {}

async function startWith(launcher: Launcher, options: ServerOptions): Promise<StartedServer> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  Object.assign(env, options.env);
  const [command, args] =
    launcher === 'node --import tsx'
      ? [process.execPath, [...(options.nodeFlags ?? []), '--import', 'tsx', 'src/server/main.ts']]
      : ['npx', ['tsx', 'src/server/main.ts']];

  const t0 = performance.now();
  const child = spawn(command, args, { cwd: options.serverRoot ?? REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });

  const stderrLines: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderrLines.push(...chunk.split('\n').filter((l) => l.trim() !== ''));
    if (stderrLines.length > 200) stderrLines.splice(0, stderrLines.length - 200);
  });
  const stderrTail = (): string => stderrLines.slice(-30).join('\n');

  let stdout = '';
  let bannerMs: number | undefined;
  const banner = new Promise<string>((resolve) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = BANNER.exec(stdout);
      if (match?.[1] && bannerMs === undefined) {
        bannerMs = performance.now() - t0;
        resolve(match[1]);
      }
    });
  });

  const stop: StartedServer['stop'] = async (graceMs = 15_000) => {
    const s0 = performance.now();
    killGroup(child, 'SIGTERM');
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      killGroup(child, 'SIGKILL');
    }, graceMs);
    const { code, signal } = await exited;
    clearTimeout(timer);
    return { stopMs: performance.now() - s0, exitCode: code, signal, killed };
  };

  try {
    const outcome = await withDeadline(
      Promise.race([banner.then((url) => ({ url })), exited.then((e) => ({ exit: e }))]),
      options.startTimeoutMs,
      `no banner within ${options.startTimeoutMs} ms`,
    );
    if ('exit' in outcome) {
      const tail = stderrTail();
      const message = `server exited before listening (code ${outcome.exit.code}, signal ${outcome.exit.signal})\n${tail}`;
      const looksLikeLoader = /tsx|ERR_MODULE_NOT_FOUND|bad option|ERR_UNKNOWN_FILE_EXTENSION/.test(tail) && !/Painpath|migrat/i.test(tail);
      throw looksLikeLoader ? new LoaderError(message) : new Error(message);
    }
    const baseUrl = outcome.url;
    const deadline = t0 + options.startTimeoutMs;
    const startupMs = await pollHealth(baseUrl, t0, () => child.exitCode !== null || child.signalCode !== null || performance.now() > deadline);
    if (startupMs === undefined) throw new Error(`GET /health did not answer 200 within ${options.startTimeoutMs} ms (or the server exited)\n${stderrTail()}`);
    const reported = STARTED_IN.exec(stdout)?.[1];
    return {
      baseUrl,
      spawnedPid: child.pid ?? -1,
      serverPid: launcher === 'node --import tsx' ? (child.pid ?? -1) : findServerPid(child.pid ?? -1),
      launcher,
      startupMs,
      bannerMs: bannerMs ?? startupMs,
      reportedStartMs: reported === undefined ? undefined : Number(reported),
      stderrTail,
      stop,
    };
  } catch (err) {
    await stop(5_000);
    throw err;
  }
}

/** Milliseconds from t0 to the first 200, or undefined when `giveUp()` says so first. */
async function pollHealth(baseUrl: string, t0: number, giveUp: () => boolean): Promise<number | undefined> {
  while (!giveUp()) {
    try {
      const answer = await httpRequest(`${baseUrl}/health`, { timeoutMs: 1_000 });
      if (answer.status === 200) return performance.now() - t0;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, HEALTH_POLL_MS));
  }
  return undefined;
}

function withDeadline<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** With `npx tsx` the server is a descendant: the node process whose command line runs main.ts. */
function findServerPid(rootPid: number): number {
  const queue = [rootPid];
  let found = rootPid;
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (/node/.test(cmdline) && cmdline.includes('src/server/main.ts')) found = pid;
      for (const task of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/)) {
        if (task) queue.push(Number(task));
      }
    } catch {
      // process gone or /proc unavailable
    }
  }
  return found;
}
