// @ts-check

/*
 * Fleet-scale team reads. The team view sorts, filters and pages in the
 * query, so the figures it sorts and filters on become columns of
 * `scorecard_results` (the store fills them for rows written before this
 * migration when it starts: `columns_version` below its current value).
 *
 * `scorecard_daily_levels` is the trend pre-aggregated per group (every
 * ancestor counts its sub-groups' entities) and for the fleet (`*`): one row
 * per scope, day and level. Each evaluation run rewrites today's rows, so a
 * trend read is one indexed range scan whatever the history's size. Past
 * days are filled from the existing history (each entity at its last point
 * of the day, under its current owner).
 *
 * `entity_page_snapshots` keeps, for every entity the evaluation reads, the
 * entity as the catalog last gave it and a presentation of its owner, so an
 * entity page is answered from one stored row after the access check instead
 * of catalog round trips. Rewritten only when the entity's etag or the owner
 * changed.
 *
 * `reliability_data_versions` holds a counter per data set, bumped in the
 * transaction of every write the reads depend on. Every replica reads it (one
 * primary-key lookup) to name its ETags and key its caches, so a change made
 * by one replica is seen by the others on their next request.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scorecard_results', table => {
    table.string('name_sort', 512).nullable();
    table.text('search_text').nullable();
    table.string('lifecycle', 255).nullable();
    table.string('tier', 255).nullable();
    table.integer('failing_checks').notNullable().defaultTo(0);
    table.double('slo_margin').nullable();
    table.double('slo_budget').nullable();
    table.integer('slo_alert_rank').nullable();
    table.integer('on_call_covered').nullable();
    table.double('mttr_seconds').nullable();
    table.integer('open_incidents').nullable();
    table.boolean('stale').notNullable().defaultTo(false);
    table.integer('columns_version').notNullable().defaultTo(0);
  });
  // Rows written before `sloAlert` existed lack it: an empty fingerprint
  // makes the next evaluation rewrite them.
  await knex('scorecard_results').update({ fingerprint: '' });

  await knex.schema.createTable('scorecard_daily_levels', table => {
    // A group ref, or `*` for the whole fleet.
    table.string('scope_ref', 512).notNullable();
    table.string('day', 10).notNullable();
    // A level id, or `none`.
    table.string('level_key', 255).notNullable();
    table.integer('entities').notNullable();
    table.primary(['scope_ref', 'day', 'level_key']);
  });
  await knex.raw(
    `INSERT INTO scorecard_daily_levels (scope_ref, day, level_key, entities)
     SELECT a.ancestor_ref, h.day, COALESCE(h.level_id, 'none'), COUNT(*)
     FROM scorecard_history h
     JOIN scorecard_results r ON r.entity_ref = h.entity_ref
     JOIN scorecard_group_ancestry a ON a.group_ref = r.owner_ref
     WHERE h.last_of_day = ?
     GROUP BY a.ancestor_ref, h.day, COALESCE(h.level_id, 'none')`,
    [true],
  );
  await knex.raw(
    `INSERT INTO scorecard_daily_levels (scope_ref, day, level_key, entities)
     SELECT '*', h.day, COALESCE(h.level_id, 'none'), COUNT(*)
     FROM scorecard_history h
     JOIN scorecard_results r ON r.entity_ref = h.entity_ref
     WHERE h.last_of_day = ?
     GROUP BY h.day, COALESCE(h.level_id, 'none')`,
    [true],
  );

  await knex.schema.createTable('entity_page_snapshots', table => {
    table.string('entity_ref', 512).primary().notNullable();
    // The entity's etag and a hash of the owner: unchanged, not rewritten.
    table.string('mark', 255).notNullable();
    table.text('entity_json', 'longtext').notNullable();
    // Null: spec.owner names no entity the evaluation could read.
    table.text('owner_json').nullable();
    table.timestamp('captured_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('reliability_data_versions', table => {
    table.string('scope', 64).primary().notNullable();
    table.bigInteger('version').notNullable();
    table.timestamp('changed_at', { useTz: true }).notNullable();
  });
  await knex('reliability_data_versions').insert({
    scope: 'scorecards',
    version: 1,
    changed_at: new Date(),
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_data_versions');
  await knex.schema.dropTable('entity_page_snapshots');
  await knex.schema.dropTable('scorecard_daily_levels');
  await knex.schema.alterTable('scorecard_results', table => {
    for (const column of [
      'name_sort',
      'search_text',
      'lifecycle',
      'tier',
      'failing_checks',
      'slo_margin',
      'slo_budget',
      'slo_alert_rank',
      'on_call_covered',
      'mttr_seconds',
      'open_incidents',
      'stale',
      'columns_version',
    ]) {
      table.dropColumn(column);
    }
  });
};
