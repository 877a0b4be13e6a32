// @ts-check

/*
 * PostgreSQL compresses a text value of more than about 2 kB when it stores
 * it (TOAST), with pglz unless told otherwise. A stored scorecard is about
 * 3.7 kB, so a first evaluation of 10,000 entities had the database pglz-
 * compress some 40 MB: 0.3-0.5 s of its CPU, on a machine whose cores the
 * evaluation shares with it. lz4 compresses and decompresses several times
 * faster, for about the same size.
 *
 * New values of these columns are compressed with lz4 where the server
 * supports it (PostgreSQL 14 and later built with lz4: offered as a value
 * of `default_toast_compression`). Values already stored keep their
 * compression; PostgreSQL reads both. Other databases: nothing to do.
 */

/** The columns of the evaluation's largest writes (and the entity page's reads). */
const COLUMNS = {
  scorecard_results: ['scorecard_json', 'row_json', 'check_states'],
  entity_page_snapshots: ['entity_json', 'owner_json'],
};

/**
 * @param {import('knex').Knex} knex
 * @returns {Promise<boolean>}
 */
async function supportsLz4(knex) {
  if (knex.client.dialect !== 'postgresql') {
    return false;
  }
  const { rows } = await knex.raw(
    "SELECT enumvals FROM pg_settings WHERE name = 'default_toast_compression'",
  );
  return rows.length > 0 && (rows[0].enumvals ?? []).includes('lz4');
}

/**
 * @param {import('knex').Knex} knex
 * @param {string} method
 */
async function setCompression(knex, method) {
  for (const [table, columns] of Object.entries(COLUMNS)) {
    await knex.raw(
      `ALTER TABLE ?? ${columns
        .map(() => `ALTER COLUMN ?? SET COMPRESSION ${method}`)
        .join(', ')}`,
      [table, ...columns],
    );
  }
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (await supportsLz4(knex)) {
    await setCompression(knex, 'lz4');
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (await supportsLz4(knex)) {
    await setCompression(knex, 'default');
  }
};
