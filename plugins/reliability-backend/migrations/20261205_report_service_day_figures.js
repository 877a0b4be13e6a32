// @ts-check

/*
 * The figures of each service's daily row as numeric columns next to its
 * JSON, so a report adds a period's rows up in SQL (SUM ... GROUP BY)
 * instead of loading every row's JSON into the process: an organisation's
 * thirteen months are about a million rows.
 *
 * Counts are integers and durations whole milliseconds (bigint), so the
 * database's sums are exactly the process's. The duration histograms stay
 * JSON (a few pairs per row): percentiles cannot be added up, so a report
 * merges the histograms of its period's rows with incidents only.
 *
 * Existing rows are filled from their JSON here, in pages, so no report
 * ever reads a row without its figures.
 */

const COUNT_COLUMNS = {
  high: 'high',
  low: 'low',
  unacknowledged: 'unacknowledged',
  unresolved: 'unresolved',
  openAtDayEnd: 'open_at_day_end',
  noise: 'noise',
  changes: 'changes',
  failedChanges: 'failed_changes',
};

/**
 * The column values of a stored row's JSON.
 * @param {string} rowJson
 * @returns {Record<string, unknown>}
 */
function figuresOf(rowJson) {
  const row = JSON.parse(rowJson);
  /** @type {Record<string, unknown>} */
  const values = {};
  for (const [field, column] of Object.entries(COUNT_COLUMNS)) {
    values[column] = row[field] ?? 0;
  }
  values.ack_count = row.ack?.count ?? 0;
  values.ack_sum_ms = row.ack?.sumMs ?? 0;
  values.ack_histogram = JSON.stringify(row.ack?.histogram ?? []);
  values.resolve_count = row.resolve?.count ?? 0;
  values.resolve_sum_ms = row.resolve?.sumMs ?? 0;
  values.resolve_histogram = JSON.stringify(row.resolve?.histogram ?? []);
  values.longest_ms = row.longest ? row.longest.durationMs : null;
  values.longest_incident_id = row.longest ? row.longest.incidentId : null;
  return values;
}

const PAGE = 1000;

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('report_service_days', table => {
    for (const column of Object.values(COUNT_COLUMNS)) {
      table.integer(column).notNullable().defaultTo(0);
    }
    table.integer('ack_count').notNullable().defaultTo(0);
    table.bigInteger('ack_sum_ms').notNullable().defaultTo(0);
    table.text('ack_histogram').nullable();
    table.integer('resolve_count').notNullable().defaultTo(0);
    table.bigInteger('resolve_sum_ms').notNullable().defaultTo(0);
    table.text('resolve_histogram').nullable();
    // The day's longest resolved incident; null when none resolved.
    table.bigInteger('longest_ms').nullable();
    table.string('longest_incident_id', 255).nullable();
  });

  // Keyset pages over the primary key: each page one read and its updates.
  /** @type {any} */
  let after = null;
  for (;;) {
    const query = knex('report_service_days')
      .select('source_id', 'time_zone', 'service_id', 'day', 'row_json')
      .orderBy(['source_id', 'time_zone', 'service_id', 'day'])
      .limit(PAGE);
    if (after) {
      query.whereRaw('(source_id, time_zone, service_id, day) > (?, ?, ?, ?)', [
        after.source_id,
        after.time_zone,
        after.service_id,
        after.day,
      ]);
    }
    const rows = await query;
    if (rows.length === 0) break;
    await knex.transaction(async tx => {
      for (const row of rows) {
        await tx('report_service_days')
          .where({
            source_id: row.source_id,
            time_zone: row.time_zone,
            service_id: row.service_id,
            day: row.day,
          })
          .update(figuresOf(row.row_json));
      }
    });
    after = rows[rows.length - 1];
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('report_service_days', table => {
    for (const column of Object.values(COUNT_COLUMNS)) {
      table.dropColumn(column);
    }
    for (const column of [
      'ack_count',
      'ack_sum_ms',
      'ack_histogram',
      'resolve_count',
      'resolve_sum_ms',
      'resolve_histogram',
      'longest_ms',
      'longest_incident_id',
    ]) {
      table.dropColumn(column);
    }
  });
};
