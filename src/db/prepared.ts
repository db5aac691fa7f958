/**
 * Prepared queries, built once per database handle: drizzle builds the SQL text once (instead of on every
 * call) and node-postgres sends it as a named statement, so PostgreSQL parses and plans it once per
 * connection. Only for queries on the pool (`Db`), not inside transactions.
 */
import type { DbOrTx } from './client';

const cache = new WeakMap<object, Map<string, unknown>>();

export function preparedFor<T>(db: DbOrTx, name: string, build: (db: DbOrTx, name: string) => T): T {
  let byName = cache.get(db);
  if (!byName) {
    byName = new Map();
    cache.set(db, byName);
  }
  let query = byName.get(name) as T | undefined;
  if (query === undefined) {
    query = build(db, name);
    byName.set(name, query);
  }
  return query;
}
