// @ts-check

/*
 * Each service's daily figures added up per calendar month (in the rows'
 * zone), kept by the report sync next to the daily rows it replaces: a
 * report's twelve-month trend then reads one row per service and month
 * (about 120,000 for 10,000 services) instead of adding up a year of daily
 * rows (about a million) on its first read after every sync. A sync
 * re-adds only the months its window of days touches.
 *
 * The months of rows stored before this migration are added up here.
 */

const SUMMED_COLUMNS = [
  'high',
  'low',
  'unacknowledged',
  'unresolved',
  'noise',
  'changes',
  'failed_changes',
  'ack_count',
  'ack_sum_ms',
  'resolve_count',
  'resolve_sum_ms',
];

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('report_service_months', table => {
    table.string('source_id', 255).notNullable();
    table.string('time_zone', 64).notNullable();
    table.string('service_id', 255).notNullable();
    // `YYYY-MM`, the month of the daily rows' `day`.
    table.string('month', 7).notNullable();
    for (const column of SUMMED_COLUMNS) {
      if (column.endsWith('_ms')) {
        table.bigInteger(column).notNullable().defaultTo(0);
      } else {
        table.integer(column).notNullable().defaultTo(0);
      }
    }
    table.primary(['source_id', 'time_zone', 'service_id', 'month']);
  });

  await knex.raw(
    `INSERT INTO ?? (??, ??, ??, ??, ${SUMMED_COLUMNS.map(() => '??').join(
      ', ',
    )}) SELECT ??, ??, ??, substr(??, 1, 7), ${SUMMED_COLUMNS.map(
      () => 'SUM(??)',
    ).join(', ')} FROM ?? GROUP BY ??, ??, ??, substr(??, 1, 7)`,
    [
      'report_service_months',
      'source_id',
      'time_zone',
      'service_id',
      'month',
      ...SUMMED_COLUMNS,
      'source_id',
      'time_zone',
      'service_id',
      'day',
      ...SUMMED_COLUMNS,
      'report_service_days',
      'source_id',
      'time_zone',
      'service_id',
      'day',
    ],
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('report_service_months');
};
