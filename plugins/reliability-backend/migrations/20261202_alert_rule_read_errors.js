// @ts-check

/*
 * Why a metrics source's alert rules could not be read on its last sync
 * (e.g. VictoriaMetrics without vmalert does not serve them), so the
 * scorecard says "unknown" instead of "no alert rules". A row is removed
 * when the source's rules are read again.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('alert_rule_read_errors', table => {
    table.string('source_id', 255).primary().notNullable();
    // When the current run of failures began.
    table.timestamp('since', { useTz: true }).notNullable();
    table.text('error').notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('alert_rule_read_errors');
};
