// @ts-check

/*
 * The name the on-call source gives each person with a shift, so the
 * on-call load and fairness lists of a report show names, not provider ids.
 * Shifts stored before this migration have no name until a report sync
 * reads them again; a person without a name shows as the id.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('report_shifts', table => {
    table.string('user_name', 255).nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('report_shifts', table => {
    table.dropColumn('user_name');
  });
};
