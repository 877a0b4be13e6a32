import type { TeamScorecardRow } from '@preflight/plugin-reliability-common';

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
