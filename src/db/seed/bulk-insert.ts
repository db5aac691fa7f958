/**
 * Fast bulk insert for seeding: one `INSERT INTO t (cols) SELECT * FROM unnest($1::type[], $2::type[], ...)`
 * per batch, so a batch of N rows sends one bind parameter per column instead of one per value.
 *
 * Why not `db.insert(table).values(rows)`: measured on 20,000 patients (1,000-row batches, 2 cores),
 * drizzle spent ~245 ms building each 27,000-parameter statement and the server ~290 ms planning it;
 * unnest took ~90–100 ms per batch in total on both PGlite and PostgreSQL.
 *
 * Column names and SQL types come from the drizzle table, so the schema stays the single source.
 * Supported values: strings, numbers, booleans, Dates (sent as ISO instants) and null; not json columns.
 */
import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../client';

type Scalar = string | number | boolean | Date | null | undefined;

/**
 * Inserts `rows` into `table`: `varying` columns are sent as one array each, `constant` columns as one
 * value for every row (e.g. org_id, created_at). Columns named in neither take their database default.
 */
export async function insertByColumns<T extends PgTable>(
  db: DbOrTx,
  table: T,
  rows: readonly T['$inferInsert'][],
  varying: readonly (keyof T['$inferInsert'] & string)[],
  constant: Partial<T['$inferInsert']> = {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  const column = (key: string): { name: string; type: string } => {
    const c = columns[key];
    if (c === undefined) throw new Error(`insertByColumns: unknown column ${key}`);
    const type = c.getSQLType();
    if (type === 'json' || type === 'jsonb') throw new Error(`insertByColumns: json column ${key} is not supported`);
    return { name: c.name, type };
  };
  const toParam = (value: Scalar): string | number | boolean | null =>
    value instanceof Date ? value.toISOString() : (value ?? null);

  const constantKeys = Object.keys(constant) as (keyof T['$inferInsert'] & string)[];
  const names = [...varying, ...constantKeys].map((k) => sql.identifier(column(k).name));
  const selected = [
    ...varying.map((k, i) => sql`${sql.identifier(`c${i}`)}`),
    ...constantKeys.map((k) => {
      const c = column(k);
      return sql`${sql.param(toParam(constant[k] as Scalar))}::${sql.raw(c.type)}`;
    }),
  ];
  const arrays = varying.map((k) => {
    const c = column(k);
    const values = rows.map((r) => toParam((r as Record<string, Scalar>)[k]));
    return sql`${sql.param(values)}::${sql.raw(c.type)}[]`;
  });
  const aliases = varying.map((_, i) => sql.identifier(`c${i}`));
  await db.execute(
    sql`INSERT INTO ${table} (${sql.join(names, sql`, `)})
        SELECT ${sql.join(selected, sql`, `)}
        FROM unnest(${sql.join(arrays, sql`, `)}) AS u(${sql.join(aliases, sql`, `)})`,
  );
}
