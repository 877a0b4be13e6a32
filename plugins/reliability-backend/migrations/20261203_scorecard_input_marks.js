// @ts-check

/*
 * What each entity's last scorecard evaluation read, so a pass where nothing
 * changed skips the entity without gathering its facts. `mark` is a hash of
 * the entity's catalog etag, the rubric and configuration, its owner, the
 * stored on-call, SLO, alert-rule and review observations it was judged on,
 * the health of their sources and the time bucket (UTC day, or hour when
 * `hourly`) it was judged in. `owner_ref`, `oncall_source_id` and
 * `oncall_service_id` say which observations those were, so the next pass
 * can recompute the mark from the stores' current digests alone. `scored`:
 * a result was stored (the entity was in the scorecard's scope).
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecard_input_marks', table => {
    table.string('entity_ref', 512).primary().notNullable();
    table.string('mark', 64).notNullable();
    table.boolean('hourly').notNullable().defaultTo(false);
    table.boolean('scored').notNullable().defaultTo(false);
    table.string('owner_ref', 512).nullable();
    table.string('oncall_source_id', 255).nullable();
    table.string('oncall_service_id', 255).nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecard_input_marks');
};
