import type {
  GroupScorecardQuery,
  TeamScorecardSort,
} from '@preflight/plugin-reliability-common';

/** A sortable column of the team scorecard table (the backend sorts). */
export type TeamScorecardColumn = TeamScorecardSort;

/** What the team table is narrowed to. Empty strings mean "all". */
export interface TeamScorecardFilter {
  /** Matched against the title and name, case-insensitively. */
  text: string;
  /** A level id, `none` ({@link NO_LEVEL}), or '' for every level. */
  levelId: string;
  onlyFailing: boolean;
  /** An owning group ref, or '' for every owner. */
  ownerRef: string;
  /** A tier, or '' for every tier. */
  tier: string;
  /** A lifecycle, or '' for every lifecycle. */
  lifecycle: string;
  /** A check id: only entities failing it; '' for any. */
  check: string;
}

/** No filter: every row. */
export const NO_TEAM_SCORECARD_FILTER: TeamScorecardFilter = {
  text: '',
  levelId: '',
  onlyFailing: false,
  ownerRef: '',
  tier: '',
  lifecycle: '',
  check: '',
};

/**
 * The backend query of the table's state: filters (empty ones left out),
 * sort, and the page (`page` counts from 0).
 */
export function teamScorecardQuery(
  filter: TeamScorecardFilter,
  sort: { column: TeamScorecardColumn; direction: 'asc' | 'desc' },
  page?: { page: number; pageSize: number },
): GroupScorecardQuery {
  const query: GroupScorecardQuery = {
    sort: sort.column,
    direction: sort.direction,
  };
  if (filter.text.trim()) {
    query.search = filter.text.trim();
  }
  if (filter.levelId) {
    query.level = filter.levelId;
  }
  if (filter.onlyFailing) {
    query.failing = true;
  }
  if (filter.ownerRef) {
    query.owner = filter.ownerRef;
  }
  if (filter.tier) {
    query.tier = filter.tier;
  }
  if (filter.lifecycle) {
    query.lifecycle = filter.lifecycle;
  }
  if (filter.check) {
    query.check = filter.check;
  }
  if (page) {
    query.offset = page.page * page.pageSize;
    query.limit = page.pageSize;
  }
  return query;
}
