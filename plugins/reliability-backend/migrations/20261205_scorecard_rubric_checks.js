// @ts-check

/*
 * A check's presentation (title, category, description, fix, level) is the
 * same in every entity's scorecard judged under one rubric version, since
 * the version is a hash of the rubric. Stored once per version here instead
 * of in each `scorecard_results.scorecard_json`, it no longer makes up more
 * than half of every scorecard written: a first evaluation of 10,000
 * entities wrote 165 MB of JSON, most of it these texts repeated.
 * Scorecards written before this migration keep their full form and are
 * read as they are.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecard_rubric_checks', table => {
    table.string('rubric_version', 255).notNullable();
    table.string('check_id', 255).notNullable();
    table.text('presentation_json').notNullable();
    table.primary(['rubric_version', 'check_id']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecard_rubric_checks');
};
