/** A PostgreSQL server through a `pg` pool. See client.ts. */
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { MIGRATIONS_FOLDER, OID_DATE, OID_INT8, parseInt8, type Database, type Db } from './driver-common';
import * as schema from './schema';

export async function openPostgres(url: string, poolSize: number): Promise<Database> {
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
