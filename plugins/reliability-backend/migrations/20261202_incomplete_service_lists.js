// @ts-check

/*
 * Whether a source's last successful sync could list every service. When it
 * could not (PagerDuty's 10,000-offset limit), a service id missing from the
 * stored services is "not synced yet", not "unknown", unless the sync looked
 * it up and was told it does not exist. JSON text, as in the other
 * migrations: null for a complete list, else `{ "confirmedMissing": [ids] }`.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('sources', table => {
    table.text('incomplete_services').nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('sources', table => {
    table.dropColumn('incomplete_services');
  });
};
