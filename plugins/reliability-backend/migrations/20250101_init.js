// @ts-check

/*
 * Initial schema of the reliability plugin.
 *
 * Timestamps are stored as timestamps with time zone; JSON documents as text
 * (`longtext` on MySQL, plain `text` elsewhere) so the same migration runs on
 * SQLite, PostgreSQL and MySQL. Every read goes through a primary key or one
 * of the indexes below.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // One row per source (e.g. one PagerDuty account), written after every
  // sync attempt. Data tables are never touched by a failed sync.
  await knex.schema.createTable('sources', table => {
    table.string('source_id', 255).primary().notNullable();
    table.string('type', 64).notNullable();
    table.string('display_name', 255).notNullable();
    table.timestamp('last_attempt_at', { useTz: true }).nullable();
    table.timestamp('last_success_at', { useTz: true }).nullable();
    table.text('last_error').nullable();
    table.timestamp('error_since', { useTz: true }).nullable();
    table.text('warnings').notNullable().defaultTo('[]');
  });

  await knex.schema.createTable('oncall_services', table => {
    table.string('source_id', 255).notNullable();
    table.string('service_id', 255).notNullable();
    table.string('name', 1024).notNullable();
    table.string('escalation_policy_id', 255).nullable();
    table.text('document', 'longtext').notNullable();
    table.primary(['source_id', 'service_id']);
  });

  await knex.schema.createTable('escalation_policies', table => {
    table.string('source_id', 255).notNullable();
    table.string('policy_id', 255).notNullable();
    table.string('name', 1024).notNullable();
    table.text('document', 'longtext').notNullable();
    table.primary(['source_id', 'policy_id']);
  });

  await knex.schema.createTable('incident_stats', table => {
    table.string('source_id', 255).notNullable();
    table.string('service_id', 255).notNullable();
    table.text('document', 'longtext').notNullable();
    table.primary(['source_id', 'service_id']);
  });

  // Explicit "refresh now" requests. Kept in the database (not in memory) so
  // the rate limit holds across backend replicas; the auditor service is the
  // audit channel, this table only needs a short history.
  await knex.schema.createTable('refresh_requests', table => {
    table.bigIncrements('id').primary();
    table.string('entity_ref', 512).notNullable();
    table.string('actor_ref', 512).notNullable();
    table.timestamp('requested_at', { useTz: true }).notNullable();
    table.index(['entity_ref', 'requested_at'], 'refresh_requests_entity_idx');
    table.index(['actor_ref', 'requested_at'], 'refresh_requests_actor_idx');
    table.index(['requested_at'], 'refresh_requests_time_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('refresh_requests');
  await knex.schema.dropTable('incident_stats');
  await knex.schema.dropTable('escalation_policies');
  await knex.schema.dropTable('oncall_services');
  await knex.schema.dropTable('sources');
};
