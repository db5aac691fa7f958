/**
 * Shared by both drivers (client-embedded.ts, client-postgres.ts) and re-exported by client.ts: the types
 * everything above the database layer sees, the migrations folder and the type parsing.
 *
 * One database code path for the embedded database (PGlite, PostgreSQL in WebAssembly) and for a
 * PostgreSQL server (`pg` pool). Everything above this file sees a drizzle `Db` and a `SqlExecutor`.
 *
 * Type parsing is made identical on both: int8 (OID 20) comes back as a JS number (refusing values past
 * 2^53), numeric (1700) as a string, date (1082) as 'YYYY-MM-DD', timestamptz as Date.
 */
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

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

export const OID_INT8 = 20;
export const OID_DATE = 1082;

/** int8 as number on both drivers; refuses silently losing precision. */
export function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`int8 value ${value} is outside the safe integer range`);
  return n;
}
