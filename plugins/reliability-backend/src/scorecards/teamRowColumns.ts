import type { TeamScorecardRow } from '@preflight/plugin-reliability-common';
import type { BulkColumn } from '../lib/bulkInsert';

/**
 * Version of {@link teamRowColumns}' output. Stored rows with a lower
 * `columns_version` are re-derived from their row JSON when the store starts.
 */
export const TEAM_ROW_COLUMNS_VERSION = 1;

/** Rank of each SLO alert state, most severe highest (`sloAlert` sort). */
const ALERT_RANK: Record<string, number> = {
  ok: 0,
  'no-data': 1,
  unknown: 2,
  ticket: 3,
  page: 4,
};

/** The name the team table shows: the title, else the entity's name. */
function displayName(row: TeamScorecardRow): string {
  return row.title ?? row.entityRef.replace(/^[^:]+:[^/]+\//, '');
}

/**
 * The columns of `scorecard_results` the team view sorts and filters on,
 * derived from the stored row, so the query does the work the browser did.
 */
export function teamRowColumns(row: TeamScorecardRow) {
  const name = row.entityRef.replace(/^[^:]+:[^/]+\//, '');
  return {
    name_sort: displayName(row).toLocaleLowerCase('en-US'),
    search_text: `${row.title ?? ''}\n${name}`.toLocaleLowerCase('en-US'),
    lifecycle: row.lifecycle ?? null,
    tier: row.tier ?? null,
    failing_checks: row.failingChecks,
    // How far the weakest SLO is above (positive) or below its objective.
    slo_margin:
      row.sloAttainment === null || row.sloObjective === null
        ? null
        : row.sloAttainment - row.sloObjective,
    slo_budget: row.sloBudgetRemaining,
    slo_alert_rank: row.sloAlert ? ALERT_RANK[row.sloAlert] ?? null : null,
    on_call_covered:
      row.onCallCovered === null ? null : Number(row.onCallCovered),
    mttr_seconds: row.mttrSeconds,
    open_incidents: row.openIncidents,
    stale: row.stale,
    columns_version: TEAM_ROW_COLUMNS_VERSION,
  };
}

/** The SQL type of each of {@link teamRowColumns}' columns. */
export const TEAM_ROW_COLUMN_TYPES: Record<
  keyof ReturnType<typeof teamRowColumns>,
  BulkColumn['type']
> = {
  name_sort: 'text',
  search_text: 'text',
  lifecycle: 'text',
  tier: 'text',
  failing_checks: 'integer',
  slo_margin: 'double',
  slo_budget: 'double',
  slo_alert_rank: 'integer',
  on_call_covered: 'integer',
  mttr_seconds: 'double',
  open_incidents: 'integer',
  stale: 'boolean',
  columns_version: 'integer',
};
