import type { Knex } from 'knex';
import { chunks } from './chunks';

/** A column of {@link insertRowsAsJson}, with the SQL type its value has. */
export interface JsonRowColumn {
  name: string;
  type: 'text' | 'boolean' | 'integer';
}

// Rows per statement: one bound parameter each, so only memory bounds it.
const ROWS_PER_STATEMENT = 20_000;
// Rows per statement where a plain multi-row INSERT is used instead.
const ROWS_PER_VALUES_INSERT = 500;

const POSTGRES_CAST: Record<JsonRowColumn['type'], string> = {
  text: 'text',
  boolean: 'boolean',
  integer: 'integer',
};

/**
 * Inserts many small rows with one bound parameter per statement: the rows
 * as a JSON array of tuples, unpacked by the database. A multi-row
 * `INSERT … VALUES` binds every value separately, and for hundreds of
 * thousands of rows (an evaluation's check states) compiling and binding
 * those values cost about three times as much as the JSON form on both
 * SQLite and PostgreSQL. Other databases get the plain insert.
 */
export async function insertRowsAsJson(
  db: Knex | Knex.Transaction,
  table: string,
  columns: JsonRowColumn[],
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  const client = String(db.client.config.client);
  const names = columns.map(c => c.name);
  const target = `?? (${names.map(() => '??').join(', ')})`;
  let select: string | undefined;
  if (client === 'pg') {
    select = `SELECT ${columns
      .map((c, i) => `(r->>${i})::${POSTGRES_CAST[c.type]}`)
      .join(', ')} FROM json_array_elements(?::json) AS r`;
  } else if (client === 'better-sqlite3' || client === 'sqlite3') {
    select = `SELECT ${columns
      .map((_, i) => `json_extract(value, '$[${i}]')`)
      .join(', ')} FROM json_each(?)`;
  }
  if (!select) {
    for (const chunk of chunks(rows, ROWS_PER_VALUES_INSERT)) {
      await db(table).insert(chunk);
    }
    return;
  }
  for (const chunk of chunks(rows, ROWS_PER_STATEMENT)) {
    const tuples = chunk.map(row => names.map(name => row[name] ?? null));
    await db.raw(`INSERT INTO ${target} ${select}`, [
      table,
      ...names,
      JSON.stringify(tuples),
    ]);
  }
}
