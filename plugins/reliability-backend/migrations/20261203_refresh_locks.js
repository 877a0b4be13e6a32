// @ts-check

/*
 * One row per entity and per user that asked for a refresh: the rate limiter
 * locks the two rows of a request (SELECT … FOR UPDATE) while it checks the
 * recent requests and records the new one, so two replicas deciding on the
 * same entity or user take turns instead of both granting the last slot.
 * Rows hold no data; there is one per refreshed entity and per user.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('refresh_locks', table => {
    table.string('lock_key', 600).primary().notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('refresh_locks');
};
