// @ts-check

/*
 * Reliability report data. A report sync stores what each on-call source
 * says about incidents, change events and level-1 shifts (`report_incidents`,
 * `report_change_events`, `report_shifts`, keyed by the source's ids so a
 * re-read window overwrites instead of duplicating), then re-folds the daily
 * rows of the days it touched. Reports are added up from the daily rows only
 * (`report_service_days`, `report_rotation_days`), never from raw incidents.
 *
 * Instants are epoch milliseconds (bigint): they compare the same way on
 * SQLite and PostgreSQL. Days are `YYYY-MM-DD` text in the row's zone, which
 * orders like the dates. Rows are JSON text, as in the other migrations.
 *
 * `report_entities` maps catalog entities to the service their annotations
 * name, with their owner, so the organisation and team reports find their
 * services with one indexed read instead of walking the catalog.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('report_incidents', table => {
    table.string('source_id', 255).notNullable();
    table.string('incident_id', 255).notNullable();
    table.string('service_id', 255).notNullable();
    table.string('urgency', 8).notNullable();
    table.bigInteger('created_ms').notNullable();
    table.bigInteger('acknowledged_ms').nullable();
    table.bigInteger('resolved_ms').nullable();
    // Null: the source could not tell.
    table.boolean('auto_resolved').nullable();
    table.primary(['source_id', 'incident_id']);
    table.index(['source_id', 'created_ms'], 'report_incidents_created_idx');
    // Incidents still open, whatever their age, for the day-end snapshot.
    table.index(['source_id', 'resolved_ms'], 'report_incidents_resolved_idx');
  });

  await knex.schema.createTable('report_change_events', table => {
    table.string('source_id', 255).notNullable();
    table.string('event_id', 255).notNullable();
    table.string('service_id', 255).notNullable();
    table.bigInteger('at_ms').notNullable();
    table.primary(['source_id', 'event_id']);
    table.index(['source_id', 'at_ms'], 'report_change_events_at_idx');
  });

  await knex.schema.createTable('report_shifts', table => {
    table.string('source_id', 255).notNullable();
    table.string('policy_id', 255).notNullable();
    // user id, start and end: one shift of one person.
    table.string('shift_key', 512).notNullable();
    table.string('user_id', 255).notNullable();
    table.string('user_time_zone', 64).nullable();
    // Null: an open bound (a permanent on-call).
    table.bigInteger('start_ms').nullable();
    table.bigInteger('end_ms').nullable();
    table.primary(['source_id', 'policy_id', 'shift_key']);
    table.index(['source_id', 'end_ms'], 'report_shifts_end_idx');
  });

  await knex.schema.createTable('report_service_days', table => {
    table.string('source_id', 255).notNullable();
    table.string('time_zone', 64).notNullable();
    table.string('day', 10).notNullable();
    table.string('service_id', 255).notNullable();
    table.text('row_json').notNullable();
    table.primary(['source_id', 'time_zone', 'service_id', 'day']);
    // Reports read a zone's days in a range, for all or some services.
    table.index(['time_zone', 'day'], 'report_service_days_day_idx');
  });

  await knex.schema.createTable('report_rotation_days', table => {
    table.string('source_id', 255).notNullable();
    table.string('time_zone', 64).notNullable();
    table.string('day', 10).notNullable();
    table.string('rotation_id', 255).notNullable();
    table.text('row_json').notNullable();
    table.primary(['source_id', 'time_zone', 'rotation_id', 'day']);
    table.index(['time_zone', 'day'], 'report_rotation_days_day_idx');
  });

  // One row per source: how far its report data reaches.
  await knex.schema.createTable('report_sync_state', table => {
    table.string('source_id', 255).primary().notNullable();
    table.bigInteger('history_start_ms').notNullable();
    table.bigInteger('synced_until_ms').notNullable();
    table.timestamp('synced_at', { useTz: true }).notNullable();
    table.text('warnings').notNullable();
  });

  await knex.schema.createTable('report_entities', table => {
    table.string('entity_ref', 512).primary().notNullable();
    table.string('source_id', 255).notNullable();
    table.string('service_id', 255).notNullable();
    // Null: no owner, or one that is not a valid reference.
    table.string('owner_ref', 512).nullable();
    table.string('title', 512).notNullable();
    table.index(['owner_ref'], 'report_entities_owner_idx');
    table.index(['source_id'], 'report_entities_source_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('report_entities');
  await knex.schema.dropTable('report_sync_state');
  await knex.schema.dropTable('report_rotation_days');
  await knex.schema.dropTable('report_service_days');
  await knex.schema.dropTable('report_shifts');
  await knex.schema.dropTable('report_change_events');
  await knex.schema.dropTable('report_incidents');
};
