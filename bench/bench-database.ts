/**
 * A throwaway database for one bench run: a fresh DATA_DIR under os.tmpdir() for the embedded database,
 * or a fresh `painpath_bench_<random>` database on the PostgreSQL server named by DATABASE_URL. `dispose()`
 * removes it (DROP DATABASE ... WITH (FORCE), so lingering connections do not block it) and may be called
 * more than once.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export type DatabaseKind = 'embedded' | 'postgres';

export interface BenchDatabase {
  kind: DatabaseKind;
  /** Environment for the server: DATA_DIR or DATABASE_URL. */
  env: Record<string, string>;
  /** Where it is, without secrets. */
  describe: string;
  /** PostgreSQL server version, when it is one. */
  serverVersion?: string;
  /** Process ids of the PostgreSQL backends connected to the bench database (none on the embedded one). */
  backendPids(): Promise<number[]>;
  dispose(): Promise<void>;
}

export function createEmbedded(): BenchDatabase {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'painpath-bench-'));
  let disposed = false;
  return {
    kind: 'embedded',
    env: { DATA_DIR: dir },
    describe: `embedded PGlite in ${dir}`,
    async backendPids() {
      return [];
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function createPostgres(adminUrl: string): Promise<BenchDatabase> {
  const name = `painpath_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  let serverVersion: string | undefined;
  try {
    serverVersion = String((await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '');
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let disposed = false;
  // One connection to the admin database, opened on first use, to list the bench database's backends.
  let monitor: pg.Client | undefined;
  return {
    kind: 'postgres',
    env: { DATABASE_URL: url.toString() },
    describe: `PostgreSQL ${serverVersion} at ${url.hostname}:${url.port || 5432}/${name}`,
    serverVersion,
    async backendPids() {
      if (!monitor) {
        monitor = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
        await monitor.connect();
      }
      const rows = (await monitor.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name])).rows;
      return rows.map((r) => r.pid);
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      await monitor?.end().catch(() => undefined);
      const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
