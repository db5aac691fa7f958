/**
 * One database code path for the embedded database (PGlite, PostgreSQL in WebAssembly) and for a
 * PostgreSQL server (`pg` pool). Everything above this file sees a drizzle `Db` and a `SqlExecutor`.
 *
 * Type parsing is made identical on both: int8 (OID 20) comes back as a JS number (refusing values past
 * 2^53), numeric (1700) as a string, date (1082) as 'YYYY-MM-DD', timestamptz as Date.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export interface Database {
  kind: 'embedded' | 'postgres';
  db: Db;
  sql: SqlExecutor;
  /** Human description without secrets, for logs. */
  describe: string;
  /** Applies the numbered migrations in src/db/migrations (forward-only), from an empty database too. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

const OID_INT8 = 20;
const OID_DATE = 1082;

/** int8 as number on both drivers; refuses silently losing precision. */
export function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`int8 value ${value} is outside the safe integer range`);
  return n;
}

export interface OpenOptions {
  /** postgres:// URL; when absent the embedded database is used. */
  databaseUrl?: string | undefined;
  /** Data directory for the embedded database; 'memory://' for a throwaway one. */
  dataDir?: string | undefined;
  poolSize?: number | undefined;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openEmbedded(options.dataDir ?? './data');
}

async function openEmbedded(dataDir: string): Promise<Database> {
  const memory = dataDir.startsWith('memory://');
  if (!memory) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(memory ? undefined : path.resolve(dataDir), {
    parsers: { [OID_INT8]: parseInt8, [OID_DATE]: (v: string) => v },
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  const sql: SqlExecutor = {
    async executeSql(text, values) {
      if (values && values.length > 0) {
        const r = await client.query<Record<string, unknown>>(text, values);
        return { rows: r.rows };
      }
      // pg-boss sends multi-statement scripts without parameters; exec runs them in one call.
      const results = await client.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) };
    },
  };
  return {
    kind: 'embedded',
    db,
    sql,
    describe: memory ? 'embedded (in memory)' : `embedded (${path.resolve(dataDir)})`,
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    close: async () => {
      await client.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  // drizzle's node-postgres session passes its own per-query type overrides that fall back to pg's global
  // parsers, so the int8/date choice is made globally (it is the same choice everywhere in the process).
  pg.types.setTypeParser(OID_INT8, parseInt8);
  pg.types.setTypeParser(OID_DATE, (v: string) => v);
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', (err) => {
    // An idle client losing its connection must not crash the process; the next query reconnects.
    console.error(JSON.stringify({ level: 'error', msg: 'postgres pool error', err: err.message }));
  });
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const u = new URL(url);
  return {
    kind: 'postgres',
    db,
    sql: {
      async executeSql(text, values) {
        const r = await pool.query(text, values);
        return { rows: r.rows as Record<string, unknown>[] };
      },
    },
    describe: `postgres (${u.hostname}:${u.port || 5432}${u.pathname})`,
    migrate: async () => {
      // Serialise concurrent start-ups of several server processes: a session-level advisory lock held
      // on one dedicated connection for the whole migration.
      const lockClient = await pool.connect();
      try {
        await lockClient.query('SELECT pg_advisory_lock(727274)');
        await migratePg(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await lockClient.query('SELECT pg_advisory_unlock(727274)').catch(() => undefined);
        lockClient.release();
      }
    },
    close: async () => {
      await pool.end();
    },
  };
}
