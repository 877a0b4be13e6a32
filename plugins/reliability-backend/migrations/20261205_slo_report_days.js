// @ts-check

/*
 * The daily SLO history the reliability report reads: per SLO and local day
 * (in the report time zone) the attainment and budget remaining of the last
 * measurement of the day, the budget the day's bad events consumed, and the
 * seconds a page-level burn-rate alert fired. Written by the SLO sync with
 * upserts keyed by SLO, zone and day; `closed` marks a day whose figures the
 * first measurement of a later day completed. `demo` marks rows the demo
 * backend generated, never the SLO sync.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('slo_report_days', t => {
    t.string('entity_ref', 255).notNullable();
    t.string('slo_id', 255).notNullable();
    t.string('time_zone', 64).notNullable();
    t.string('day', 10).notNullable();
    t.string('owner_ref', 255).nullable();
    t.string('slo_name', 255).notNullable();
    t.double('objective').notNullable();
    t.double('attainment').nullable();
    t.double('budget_remaining').nullable();
    t.double('budget_consumed').nullable();
    t.double('page_alert_seconds').notNullable().defaultTo(0);
    t.bigInteger('measured_at_ms').notNullable();
    t.boolean('closed').notNullable().defaultTo(false);
    t.boolean('demo').notNullable().defaultTo(false);
    t.primary(['entity_ref', 'slo_id', 'time_zone', 'day']);
    // Organisation reports read a range of days; team reports by owner.
    t.index(['time_zone', 'day'], 'slo_report_days_zone_day_idx');
    t.index(['owner_ref', 'time_zone', 'day'], 'slo_report_days_owner_idx');
    // The data version the report cache follows: MAX() on an index.
    t.index(['measured_at_ms'], 'slo_report_days_measured_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('slo_report_days');
};
