// @ts-check

/*
 * Alert rules each metrics source reported on its last successful read
 * (Prometheus /api/v1/rules?type=alert), for the scorecard check "every alert
 * rule has a runbook_url". A source's rows are replaced as a whole; a failed
 * read leaves them as they were. Labels and annotations are JSON text, as in
 * the other migrations.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // Sources that have reported their rules at least once, even zero rules:
  // "no rules" and "never read" must stay distinguishable.
  await knex.schema.createTable('alert_rule_sources', table => {
    table.string('source_id', 255).primary().notNullable();
    table.timestamp('reported_at', { useTz: true }).notNullable();
    table.integer('rule_count').notNullable();
  });

  // One row per alerting rule, in the order the source listed them. Names
  // repeat (one alert name per severity is common), so the key is the
  // position within the source.
  await knex.schema.createTable('alert_rules', table => {
    table.string('source_id', 255).notNullable();
    table.integer('position').notNullable();
    table.string('group_name', 512).notNullable();
    table.text('file').nullable();
    table.string('name', 512).notNullable();
    table.text('labels', 'longtext').notNullable();
    table.text('annotations', 'longtext').notNullable();
    table.primary(['source_id', 'position']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('alert_rules');
  await knex.schema.dropTable('alert_rule_sources');
};
