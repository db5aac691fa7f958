/**
 * A fresh, migrated database per test file: the embedded database in memory by default, or a new
 * PostgreSQL database (created on the DATABASE_URL server, dropped afterwards) when DATABASE_URL is set.
 * The same tests therefore run on both.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client';

export interface TestDatabase {
  database: Database;
  /** The URL of the throwaway PostgreSQL database, or undefined on the embedded database. */
  url: string | undefined;
  /** For a second process (a child server): a data directory or URL it can open too. */
  drop(): Promise<void>;
}

export const usingPostgres = (): boolean => Boolean(process.env.DATABASE_URL);

/** Creates an empty PostgreSQL database on the DATABASE_URL server and returns its URL. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL as string;
  const name = `painpath_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (usingPostgres()) {
    const created = await createPostgresDatabase();
    const database = await openDatabase({ databaseUrl: created.url, poolSize: 5 });
    await database.migrate();
    return {
      database,
      url: created.url,
      drop: async () => {
        await database.close();
        await created.drop();
      },
    };
  }
  const database = await openDatabase({ dataDir: 'memory://' });
  await database.migrate();
  return { database, url: undefined, drop: () => database.close() };
}
