/**
 * Starts the real Painpath server as a child process on a free loopback port, on a fresh embedded
 * database (temp data directory) or, when DATABASE_URL is set, a fresh PostgreSQL database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPostgresDatabase } from '../../test/support/database';

export interface RunningServer {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  let dataDir: string | undefined;
  let dropDb: (() => Promise<void>) | undefined;
  const childEnv: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...env,
  };
  if (process.env.DATABASE_URL) {
    const created = await createPostgresDatabase();
    childEnv.DATABASE_URL = created.url;
    dropDb = created.drop;
  } else {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'painpath-e2e-'));
    childEnv.DATA_DIR = dataDir;
    delete childEnv.DATABASE_URL;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    // A busy shared machine can need longer: E2E_SERVER_START_MS raises the limit.
    const startMs = Number(process.env.E2E_SERVER_START_MS ?? 90_000);
    const timer = setTimeout(() => reject(new Error(`server did not start within ${startMs / 1000} s:\n${out}`)), startMs);
    const check = (): void => {
      const m = /Painpath is running at (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      if (dropDb) await dropDb();
    },
  };
}
