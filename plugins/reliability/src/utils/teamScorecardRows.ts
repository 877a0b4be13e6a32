import type {
  ScorecardRubricView,
  TeamScorecardRow,
} from '@preflight/plugin-reliability-common';
import { levelIndex, levelTitle, NO_LEVEL } from './scorecardLevels';
import { entityRefName } from './entityRefName';
import { entityDisplayName } from './sortGroupOnCallEntities';
import { CsvCell, toCsv } from './toCsv';

/** A sortable column of the team scorecard table. */
export type TeamScorecardColumn =
  | 'entity'
  | 'level'
  | 'score'
  | 'failingChecks'
  | 'slo'
  | 'budget'
  | 'onCall'
  | 'mttr'
  | 'openIncidents'
  | 'owner';

/** What the team table is narrowed to. Empty strings mean "all". */
export interface TeamScorecardFilter {
  /** Matched against the title and name, case-insensitively. */
  text: string;
  /** A level id, {@link NO_LEVEL}, or '' for every level. */
  levelId: string;
  onlyFailing: boolean;
  /** An owning group ref, or '' for every owner. */
  ownerRef: string;
}

/** No filter: every row. */
export const NO_TEAM_SCORECARD_FILTER: TeamScorecardFilter = {
  text: '',
  levelId: '',
  onlyFailing: false,
  ownerRef: '',
};

function sameRef(a: string, b: string): boolean {
  return a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');
}

/** The rows a filter keeps, in their original order. */
export function filterTeamScorecardRows(
  rows: TeamScorecardRow[],
  filter: TeamScorecardFilter,
): TeamScorecardRow[] {
  const text = filter.text.trim().toLocaleLowerCase('en-US');
  return rows.filter(row => {
    if (
      text &&
      ![row.title ?? '', entityRefName(row.entityRef)].some(value =>
        value.toLocaleLowerCase('en-US').includes(text),
      )
    ) {
      return false;
    }
    if (filter.levelId && (row.levelId ?? NO_LEVEL) !== filter.levelId) {
      return false;
    }
    if (filter.onlyFailing && row.failingChecks === 0) {
      return false;
    }
    return !filter.ownerRef || sameRef(row.ownerRef, filter.ownerRef);
  });
}

/** How far the worst SLO is above (positive) or below its objective. */
function sloMargin(row: TeamScorecardRow): number | null {
  return row.sloAttainment === null || row.sloObjective === null
    ? null
    : row.sloAttainment - row.sloObjective;
}

function sortValue(
  row: TeamScorecardRow,
  column: TeamScorecardColumn,
  rubric: ScorecardRubricView,
): string | number | null {
  switch (column) {
    case 'entity':
      return entityDisplayName(row).toLocaleLowerCase('en-US');
    case 'level':
      return levelIndex(rubric, row.levelId);
    case 'score':
      return row.score;
    case 'failingChecks':
      return row.failingChecks;
    case 'slo':
      return sloMargin(row);
    case 'budget':
      return row.sloBudgetRemaining;
    case 'onCall':
      return row.onCallCovered === null ? null : Number(row.onCallCovered);
    case 'mttr':
      return row.mttrSeconds;
    case 'openIncidents':
      return row.openIncidents;
    case 'owner':
      return row.ownerRef.toLocaleLowerCase('en-US');
    default:
      return null;
  }
}

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') {
    return a - b;
  }
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}

/**
 * Rows sorted by one column. Rows without a value (no SLO, no on-call)
 * stay at the bottom in both directions, so sorting never buries the rows
 * that have figures; ties are broken by name.
 */
export function sortTeamScorecardRows(
  rows: TeamScorecardRow[],
  column: TeamScorecardColumn,
  direction: 'asc' | 'desc',
  rubric: ScorecardRubricView,
): TeamScorecardRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  const byName = (a: TeamScorecardRow, b: TeamScorecardRow) =>
    compareValues(
      entityDisplayName(a).toLocaleLowerCase('en-US'),
      entityDisplayName(b).toLocaleLowerCase('en-US'),
    );
  return [...rows].sort((a, b) => {
    const va = sortValue(a, column, rubric);
    const vb = sortValue(b, column, rubric);
    if (va === null || vb === null) {
      return (va === null ? 1 : 0) - (vb === null ? 1 : 0) || byName(a, b);
    }
    return sign * compareValues(va, vb) || byName(a, b);
  });
}

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

const CSV_HEADER: CsvCell[] = [
  'Entity',
  'Title',
  'Kind',
  'Owner',
  'Level',
  'Score',
  'Failing checks',
  'SLO attainment (%)',
  'SLO objective (%)',
  'Error budget left (%)',
  'On-call covered',
  'MTTR (minutes)',
  'Open incidents',
  'Evaluated at',
  'Stale',
];

/**
 * The rows as a CSV file, in the order given, with level titles and
 * percentages a spreadsheet can compute with.
 */
export function teamScorecardCsv(
  rows: TeamScorecardRow[],
  rubric: ScorecardRubricView,
): string {
  return toCsv([
    CSV_HEADER,
    ...rows.map(row => [
      row.entityRef,
      row.title ?? '',
      row.kind,
      row.ownerRef,
      levelTitle(rubric, row.levelId),
      row.score,
      row.failingChecks,
      percentCell(row.sloAttainment),
      percentCell(row.sloObjective),
      percentCell(row.sloBudgetRemaining),
      yesNo(row.onCallCovered),
      row.mttrSeconds === null ? null : Math.round(row.mttrSeconds / 6) / 10,
      row.openIncidents,
      row.evaluatedAt,
      yesNo(row.stale),
    ]),
  ]);
}
