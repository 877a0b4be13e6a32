// @ts-check

/*
 * A digest of each daily row's content, written with the row, so scorecard
 * change markers can tell which services' and rotations' figures changed by
 * reading short digests instead of every row's JSON. Rows written before
 * this migration keep a null digest: they are unchanged until the next
 * report sync rewrites them, and that rewrite moves their marks once.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  for (const table of ['report_service_days', 'report_rotation_days']) {
    await knex.schema.alterTable(table, t => {
      t.string('row_digest', 64).nullable();
    });
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const table of ['report_service_days', 'report_rotation_days']) {
    await knex.schema.alterTable(table, t => {
      t.dropColumn('row_digest');
    });
  }
};
