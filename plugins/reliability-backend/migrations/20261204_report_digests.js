// @ts-check

/*
 * Monthly report digests already sent: one row per team and month, written
 * before the send by whichever replica claims it first, so a team gets one
 * digest a month even with several replicas running the digest task.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('report_digests', table => {
    table.string('group_ref', 255).notNullable();
    table.string('month', 7).notNullable();
    table.bigInteger('claimed_ms').notNullable();
    table.primary(['group_ref', 'month']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('report_digests');
};
