/**
 * Opens the database: a PostgreSQL server when a URL is given, the embedded database (PGlite) otherwise.
 * Each driver lives in its own module, loaded only when it is used: PGlite's WebAssembly build adds about
 * 40 MB to a process that talks to a PostgreSQL server and never needs it. Shared types and type parsing:
 * driver-common.ts.
 */
import type { Database } from './driver-common';

export { MIGRATIONS_FOLDER, parseInt8, type Database, type Db, type DbOrTx, type Schema, type SqlExecutor, type Tx } from './driver-common';

export interface OpenOptions {
  /** postgres:// URL; when absent the embedded database is used. */
  databaseUrl?: string | undefined;
  /** Data directory for the embedded database; 'memory://' for a throwaway one. */
  dataDir?: string | undefined;
  poolSize?: number | undefined;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./client-postgres');
    return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  }
  const { openEmbedded } = await import('./client-embedded');
  return openEmbedded(options.dataDir ?? './data');
}
