/** The embedded database: PGlite (PostgreSQL in WebAssembly) in a data directory or in memory. See client.ts. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { MIGRATIONS_FOLDER, OID_DATE, OID_INT8, parseInt8, type Database, type Db, type SqlExecutor } from './driver-common';
import * as schema from './schema';

export async function openEmbedded(dataDir: string): Promise<Database> {
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
