// @ts-check

/*
 * Scorecard tables. Results are written by the scheduled evaluation and read
 * by the entity card, the team view and the overview; nothing is evaluated on
 * read. JSON documents are text, as in the earlier migrations, so SQLite and
 * PostgreSQL store and return them the same way.
 *
 * The team view reads `scorecard_group_ancestry` by `ancestor_ref` and joins
 * `scorecard_results` by `owner_ref`: both sides are indexed, so a team with
 * sub-groups is one index-served query, whatever the fleet size.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // The current scorecard of each entity in scope.
  await knex.schema.createTable('scorecard_results', table => {
    table.string('entity_ref', 512).primary().notNullable();
    table.string('owner_ref', 512).notNullable();
    table.string('kind', 64).notNullable();
    // Null: below the first level.
    table.string('level_id', 255).nullable();
    table.integer('score').notNullable();
    table.string('fingerprint', 255).notNullable();
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.string('rubric_version', 255).notNullable();
    table.text('row_json', 'longtext').notNullable();
    table.text('scorecard_json', 'longtext').notNullable();
    table.index(['owner_ref'], 'scorecard_results_owner_idx');
  });

  // One row per check of each stored scorecard: what the overview's
  // failing-check ranking and the rubric preview aggregate.
  await knex.schema.createTable('scorecard_check_states', table => {
    table.string('entity_ref', 512).notNullable();
    table.string('check_id', 255).notNullable();
    table.string('state', 32).notNullable();
    table.boolean('passing').notNullable();
    table.boolean('exempt').notNullable();
    table.primary(['entity_ref', 'check_id']);
    table.index(['check_id'], 'scorecard_check_states_check_idx');
  });

  // Level and score over time: a `change` point whenever the level, the score
  // or a check state changed, and a `daily` point on days without a change.
  // `last_of_day` marks each entity's last point of a day, so trends are a
  // plain GROUP BY instead of a window over the whole history.
  await knex.schema.createTable('scorecard_history', table => {
    table.increments('id');
    table.string('entity_ref', 512).notNullable();
    // `YYYY-MM-DD` (UTC): text compares in day order on every database.
    table.string('day', 10).notNullable();
    table.string('reason', 16).notNullable();
    table.string('level_id', 255).nullable();
    table.integer('score').notNullable();
    table.timestamp('recorded_at', { useTz: true }).notNullable();
    table.boolean('last_of_day').notNullable().defaultTo(true);
    // Covers the team trend: entity, day, then what it counts.
    table.index(
      ['entity_ref', 'day', 'last_of_day', 'level_id'],
      'scorecard_history_entity_day_idx',
    );
    // Covers the fleet trend and retention pruning.
    table.index(
      ['day', 'last_of_day', 'level_id'],
      'scorecard_history_day_idx',
    );
  });

  // Closure of the group hierarchy (every group with itself and each of its
  // ancestors), rewritten by every evaluation run.
  await knex.schema.createTable('scorecard_group_ancestry', table => {
    table.string('group_ref', 512).notNullable();
    table.string('ancestor_ref', 512).notNullable();
    table.primary(['group_ref', 'ancestor_ref']);
    table.index(['ancestor_ref'], 'scorecard_group_ancestry_ancestor_idx');
  });

  // A short log of completed evaluation runs (the store keeps the last few).
  await knex.schema.createTable('scorecard_evaluation_runs', table => {
    table.increments('id');
    table.timestamp('completed_at', { useTz: true }).notNullable();
    table.integer('evaluated').notNullable();
    table.integer('unchanged').notNullable();
    table.integer('removed').notNullable();
    table.integer('duration_ms').notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecard_evaluation_runs');
  await knex.schema.dropTable('scorecard_group_ancestry');
  await knex.schema.dropTable('scorecard_history');
  await knex.schema.dropTable('scorecard_check_states');
  await knex.schema.dropTable('scorecard_results');
};
