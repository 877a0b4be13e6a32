import type { Knex } from 'knex';
import { chunks } from './chunks';

/** A column of {@link bulkInsert}, with the SQL type its value has. */
export interface BulkColumn {
  name: string;
  type: 'text' | 'boolean' | 'integer' | 'double' | 'timestamp';
}

/** Options of {@link bulkInsert}. */
export interface BulkInsertOptions {
  /**
   * Upsert on these (unique) columns: a row that conflicts replaces the
   * stored row's other columns, as knex's `.onConflict(…).merge()` does.
   */
  mergeOn?: string[];
}

// PostgreSQL: rows per statement, one bound parameter each, so only memory
// bounds it.
const ROWS_PER_JSON_STATEMENT = 20_000;
// SQLite reads a multi-row VALUES list as a compound SELECT: at most 500.
const SQLITE_ROWS_PER_STATEMENT = 500;
// SQLite's bound-parameter limit is 32,766.
const SQLITE_PARAMETERS_PER_STATEMENT = 32_000;
// Other databases: knex's multi-row insert.
const ROWS_PER_KNEX_INSERT = 500;

const POSTGRES_CAST: Record<BulkColumn['type'], string> = {
  text: 'text',
  boolean: 'boolean',
  integer: 'integer',
  double: 'double precision',
  timestamp: 'timestamptz',
};

/**
 * Inserts (or upserts) many rows at once, the cheapest way each database
 * takes them:
 *
 * - PostgreSQL: one bound parameter per statement, the rows as a JSON array
 *   of tuples unpacked by the server (`jsonb`, parsed once however many
 *   columns are read from each tuple). Compiling and binding a multi-row
 *   `INSERT … VALUES` cost several times as much for thousands of rows.
 * - SQLite: a multi-row `INSERT … VALUES` written here, without knex's
 *   query builder (compiling the builder cost about as much as SQLite's own
 *   work). JSON does not pay there: SQLite re-reads a tuple's text for each
 *   column it extracts.
 * - Others: knex's multi-row insert.
 *
 * Values are bound as knex binds them, so rows read the same whichever way
 * they were written (SQLite timestamps as epoch milliseconds, booleans 1/0).
 */
export async function bulkInsert(
  db: Knex | Knex.Transaction,
  table: string,
  columns: BulkColumn[],
  rows: Array<Record<string, unknown>>,
  options: BulkInsertOptions = {},
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const client = String(db.client.config.client);
  if (client === 'pg') {
    await insertAsJson(db, table, columns, rows, options);
  } else if (client === 'better-sqlite3' || client === 'sqlite3') {
    await insertAsValues(db, table, columns, rows, options);
  } else {
    for (const chunk of chunks(rows, ROWS_PER_KNEX_INSERT)) {
      const insert = db(table).insert(chunk);
      await (options.mergeOn
        ? insert.onConflict(options.mergeOn).merge()
        : insert);
    }
  }
}

/** `INSERT INTO table (columns)` with identifiers as bindings. */
function intoClause(table: string, columns: BulkColumn[]) {
  return {
    sql: `INSERT INTO ?? (${columns.map(() => '??').join(', ')})`,
    bindings: [table, ...columns.map(c => c.name)],
  };
}

/** ` ON CONFLICT (…) DO UPDATE SET …` replacing every other column, or nothing. */
function upsertClause(columns: BulkColumn[], mergeOn: string[] | undefined) {
  if (!mergeOn) {
    return { sql: '', bindings: [] };
  }
  const updated = columns
    .map(c => c.name)
    .filter(name => !mergeOn.includes(name));
  return {
    sql: ` ON CONFLICT (${mergeOn
      .map(() => '??')
      .join(', ')}) DO UPDATE SET ${updated.map(() => '?? = ??').join(', ')}`,
    bindings: [
      ...mergeOn,
      ...updated.flatMap(name => [name, `excluded.${name}`]),
    ],
  };
}

async function insertAsJson(
  db: Knex | Knex.Transaction,
  table: string,
  columns: BulkColumn[],
  rows: Array<Record<string, unknown>>,
  options: BulkInsertOptions,
) {
  const into = intoClause(table, columns);
  const upsert = upsertClause(columns, options.mergeOn);
  const select = `SELECT ${columns
    .map((c, i) => `(r->>${i})::${POSTGRES_CAST[c.type]}`)
    .join(', ')} FROM jsonb_array_elements(?::jsonb) AS r`;
  for (const chunk of chunks(rows, ROWS_PER_JSON_STATEMENT)) {
    const tuples = chunk.map(row =>
      columns.map(column => {
        const value = row[column.name];
        return value instanceof Date ? value.toISOString() : value ?? null;
      }),
    );
    await db.raw(`${into.sql} ${select}${upsert.sql}`, [
      ...into.bindings,
      JSON.stringify(tuples),
      ...upsert.bindings,
    ]);
  }
}

async function insertAsValues(
  db: Knex | Knex.Transaction,
  table: string,
  columns: BulkColumn[],
  rows: Array<Record<string, unknown>>,
  options: BulkInsertOptions,
) {
  const into = intoClause(table, columns);
  const upsert = upsertClause(columns, options.mergeOn);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const perStatement = Math.max(
    1,
    Math.min(
      SQLITE_ROWS_PER_STATEMENT,
      Math.floor(SQLITE_PARAMETERS_PER_STATEMENT / columns.length),
    ),
  );
  for (const chunk of chunks(rows, perStatement)) {
    const values: Knex.RawBinding[] = [];
    for (const row of chunk) {
      for (const column of columns) {
        values.push((row[column.name] ?? null) as Knex.RawBinding);
      }
    }
    await db.raw(
      `${into.sql} VALUES ${Array(chunk.length).fill(tuple).join(', ')}${
        upsert.sql
      }`,
      [...into.bindings, ...values, ...upsert.bindings],
    );
  }
}
