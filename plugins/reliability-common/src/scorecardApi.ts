import type {
  ReliabilityApiParameters as ApiParameters,
  ReliabilityApiSchemas as ApiSchemas,
} from './apiSchemas';

// The API's request and response shapes are the types generated from
// plugins/reliability-backend/openapi.yaml (`npm run generate:api`): change
// the spec, not these aliases. Types that never cross the wire stay here.

/** A level as the UI lists it (lowest first). @public */
export type ScorecardLevelView =
  ApiSchemas['ScorecardRubricView']['levels'][number];

/** A check of the rubric as the UI lists it. @public */
export type ScorecardCheckView =
  ApiSchemas['ScorecardRubricView']['checks'][number];

/** The configured rubric, for legends and the overview. @public */
export type ScorecardRubricView = ApiSchemas['ScorecardRubricView'];

/** One day of an entity's scorecard history. @public */
export type ScorecardHistoryPoint = ApiSchemas['ScorecardHistoryPoint'];

/**
 * `GET /entities/:kind/:namespace/:name/scorecard`.
 * `ok`: a stored scorecard; `awaiting-evaluation`: the entity is in scope
 * but has not been evaluated yet; `not-in-scope`: no configured check
 * applies to this entity's kind.
 * @public
 */
export type EntityScorecardResponse = ApiSchemas['EntityScorecardResponse'];

/** One entity of a team's scorecard table. @public */
export type TeamScorecardRow = ApiSchemas['TeamScorecardRow'];

/** Number of entities per level id; `none` counts entities below the first level. @public */
export type LevelDistribution = ApiSchemas['LevelDistribution'];

/** One day of a team's level distribution. @public */
export type LevelTrendPoint = ApiSchemas['LevelTrendPoint'];

/**
 * A sortable column of the team scorecard table: the spec's `sort`, whose
 * empty value only means the default. @public
 */
export type TeamScorecardSort = Exclude<ApiParameters['teamSort'], ''>;

const SORTS = [
  'entity',
  'level',
  'score',
  'failingChecks',
  'slo',
  'budget',
  'sloAlert',
  'onCall',
  'mttr',
  'openIncidents',
  'owner',
] as const satisfies readonly TeamScorecardSort[];

// Fails to compile when the spec adds a column this list lacks.
const everySortListed: Exclude<
  TeamScorecardSort,
  (typeof SORTS)[number]
> extends never
  ? true
  : never = true;
void everySortListed;

/** Every column the team scorecard view sorts by, as the spec lists them. @public */
export const TEAM_SCORECARD_SORTS: readonly TeamScorecardSort[] = SORTS;

/** Largest page of the team scorecard view. @public */
export const TEAM_SCORECARD_MAX_PAGE_SIZE = 100;

/**
 * What the team view is narrowed to, sorted by and paged at: the query
 * string of `GET /groups/:namespace/:name/scorecards` (and of its CSV
 * export, which ignores paging). Absent fields mean "all".
 * @public
 */
export interface GroupScorecardQuery {
  /** Matched against the title and name, case-insensitively. */
  search?: string;
  /** A level id, or `none` for entities below the first level. */
  level?: string;
  /** An owning group: the team or one of its sub-teams. */
  owner?: string;
  /** Only entities with failing checks. */
  failing?: boolean;
  /**
   * A check id: only entities where that check fails or is in error
   * (exempt results excluded), as the overview counts them.
   */
  check?: string;
  tier?: string;
  lifecycle?: string;
  /** Default `score`. */
  sort?: TeamScorecardSort;
  /** Default `asc`. */
  direction?: 'asc' | 'desc';
  /** Rows skipped; default 0. */
  offset?: number;
  /** Rows a page; default 25, at most {@link TEAM_SCORECARD_MAX_PAGE_SIZE}. */
  limit?: number;
}

/** The values the team view's filters can take (for the filter menus). @public */
export type TeamScorecardFacets =
  ApiSchemas['GroupScorecardResponse']['facets'];

/** `GET /groups/:namespace/:name/scorecards` @public */
export type GroupScorecardResponse = ApiSchemas['GroupScorecardResponse'];

/** A team's standing in the organization overview. @public */
export type TeamStanding = ApiSchemas['TeamStanding'];

/** How often a check fails on the entities one team owns directly. @public */
export type FailingCheckTeam = FailingCheckView['teams'][number];

/** A check and how often it fails across the fleet. @public */
export type FailingCheckView =
  ApiSchemas['ScorecardOverviewResponse']['failingChecks'][number];

/** `GET /scorecards/overview` @public */
export type ScorecardOverviewResponse = ApiSchemas['ScorecardOverviewResponse'];

/** One proposed change to the rubric's levels. @public */
export type RubricChange = ApiSchemas['RubricChange'];

/** `POST /scorecards/preview` request body. @public */
export type RubricPreviewRequest = ApiSchemas['RubricPreviewRequest'];

/** An entity whose level a rubric change would move. @public */
export type RubricPreviewMove =
  ApiSchemas['RubricPreviewResponse']['moves'][number];

/** `POST /scorecards/preview` response: what the change would do, from stored results. @public */
export type RubricPreviewResponse = ApiSchemas['RubricPreviewResponse'];
