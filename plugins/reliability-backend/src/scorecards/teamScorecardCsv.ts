import {
  type CsvCell,
  type ScorecardRubricView,
  type TeamScorecardRow,
  toCsv,
} from '@preflight/plugin-reliability-common';

/** A fraction as a percentage number for spreadsheets, e.g. 0.99912 → 99.912. */
function percentCell(fraction: number | null): CsvCell {
  return fraction === null ? null : Math.round(fraction * 100_000) / 1000;
}

function yesNo(value: boolean | null): CsvCell {
  if (value === null) {
    return null;
  }
  return value ? 'yes' : 'no';
}

/** The header line of the team export. */
export const TEAM_SCORECARD_CSV_HEADER: CsvCell[] = [
  'Entity',
  'Title',
  'Kind',
  'Owner',
  'Tier',
  'Lifecycle',
  'Level',
  'Score',
  'Failing checks',
  'Failing check names',
  'SLO attainment (%)',
  'SLO objective (%)',
  'Error budget left (%)',
  'SLO alert',
  'On-call covered',
  'MTTR (minutes)',
  'Open incidents',
  'Evaluated at',
  'Stale',
];

/**
 * Rows of the team export as CSV lines (no header), with level titles, the
 * titles of the failing checks and percentages a spreadsheet can compute with.
 */
export function teamScorecardCsvLines(
  rows: TeamScorecardRow[],
  failingCheckIds: Map<string, string[]>,
  rubric: ScorecardRubricView,
): string {
  if (rows.length === 0) {
    return '';
  }
  const levels = new Map(rubric.levels.map(l => [l.id, l.title]));
  const checks = new Map(rubric.checks.map(c => [c.id, c.title]));
  return toCsv(
    rows.map(row => [
      row.entityRef,
      row.title ?? '',
      row.kind,
      row.ownerRef,
      row.tier ?? '',
      row.lifecycle ?? '',
      row.levelId === null
        ? 'No level'
        : levels.get(row.levelId) ?? row.levelId,
      row.score,
      row.failingChecks,
      (failingCheckIds.get(row.entityRef) ?? [])
        // A check dropped from the rubric since the evaluation keeps its id.
        .map(id => checks.get(id) ?? id)
        .join('; '),
      percentCell(row.sloAttainment),
      percentCell(row.sloObjective),
      percentCell(row.sloBudgetRemaining),
      row.sloAlert ?? '',
      yesNo(row.onCallCovered),
      row.mttrSeconds === null ? null : Math.round(row.mttrSeconds / 6) / 10,
      row.openIncidents,
      row.evaluatedAt,
      yesNo(row.stale),
    ]),
  );
}
