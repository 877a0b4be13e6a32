import {
  TEAM_SCORECARD_SORTS,
  type TeamScorecardSort,
} from '@preflight/plugin-reliability-common';
import {
  NO_TEAM_SCORECARD_FILTER,
  type TeamScorecardFilter,
} from './teamScorecardRows';

/** Rows a page the team table offers. */
export const TEAM_SCORECARD_PAGE_SIZES = [25, 50, 100] as const;

/** Everything the team table shows, as kept in the page's address. */
export interface TeamScorecardViewState {
  filter: TeamScorecardFilter;
  sort: { column: TeamScorecardSort; direction: 'asc' | 'desc' };
  /** From 0. */
  page: number;
  pageSize: number;
}

/** Worst score first, as a manager scans the table. */
const DEFAULT_SORT: TeamScorecardViewState['sort'] = {
  column: 'score',
  direction: 'asc',
};

/**
 * Address parameter of each filter; the same names as the backend query
 * so a link reads the same in both places.
 */
const FILTER_PARAMS: Array<
  [Exclude<keyof TeamScorecardFilter, 'onlyFailing'>, string]
> = [
  ['text', 'search'],
  ['levelId', 'level'],
  ['ownerRef', 'owner'],
  ['tier', 'tier'],
  ['lifecycle', 'lifecycle'],
  ['check', 'check'],
];

// Address values are user input: a hand-edited link must not send the
// backend a value it refuses.
const MAX_PARAM_LENGTH = 200;

/**
 * The team table's state from the page's address; anything missing or not
 * understood falls back to its default (`defaultPageSize` for the page size).
 */
export function readTeamScorecardParams(
  params: URLSearchParams,
  defaultPageSize: number,
): TeamScorecardViewState {
  const filter: TeamScorecardFilter = { ...NO_TEAM_SCORECARD_FILTER };
  for (const [field, name] of FILTER_PARAMS) {
    filter[field] = (params.get(name) ?? '').slice(0, MAX_PARAM_LENGTH);
  }
  filter.onlyFailing = params.get('failing') === 'true';
  const column = params.get('sort') as TeamScorecardSort | null;
  const direction = params.get('direction');
  const sort: TeamScorecardViewState['sort'] =
    column && TEAM_SCORECARD_SORTS.includes(column)
      ? { column, direction: direction === 'desc' ? 'desc' : 'asc' }
      : DEFAULT_SORT;
  const size = Number(params.get('size'));
  const pageSize = (TEAM_SCORECARD_PAGE_SIZES as readonly number[]).includes(
    size,
  )
    ? size
    : defaultPageSize;
  const pageParam = params.get('page') ?? '';
  // Shown from 1 in the address, as people count pages.
  const page = /^\d{1,6}$/.test(pageParam)
    ? Math.max(0, Number(pageParam) - 1)
    : 0;
  return { filter, sort, page, pageSize };
}

/**
 * The address parameters of the team table's state, defaults left out so
 * a plain tab link shows the default table. Other parameters of `base`
 * are kept.
 */
export function writeTeamScorecardParams(
  state: TeamScorecardViewState,
  defaultPageSize: number,
  base: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of [
    ...FILTER_PARAMS.map(([, n]) => n),
    'failing',
    'sort',
    'direction',
    'page',
    'size',
  ]) {
    params.delete(name);
  }
  for (const [field, name] of FILTER_PARAMS) {
    if (state.filter[field]) {
      params.set(name, state.filter[field]);
    }
  }
  if (state.filter.onlyFailing) {
    params.set('failing', 'true');
  }
  if (
    state.sort.column !== DEFAULT_SORT.column ||
    state.sort.direction !== DEFAULT_SORT.direction
  ) {
    params.set('sort', state.sort.column);
    params.set('direction', state.sort.direction);
  }
  if (state.page > 0) {
    params.set('page', String(state.page + 1));
  }
  if (state.pageSize !== defaultPageSize) {
    params.set('size', String(state.pageSize));
  }
  return params;
}

/**
 * The address of a group's scorecards tab narrowed to a filter, e.g. the
 * entities of one team failing one check. `groupPath` is the group's
 * entity page path.
 */
export function groupScorecardsHref(
  groupPath: string,
  tabPath: string,
  filter: Partial<TeamScorecardFilter> = {},
): string {
  const params = writeTeamScorecardParams(
    {
      filter: { ...NO_TEAM_SCORECARD_FILTER, ...filter },
      sort: DEFAULT_SORT,
      page: 0,
      pageSize: 0,
    },
    0,
  );
  const search = params.toString();
  return `${groupPath.replace(/\/$/, '')}/${tabPath}${
    search ? `?${search}` : ''
  }`;
}
