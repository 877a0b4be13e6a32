import type { EntityScorecard } from './scorecards/types';

/** A level as the UI lists it (lowest first). @public */
export interface ScorecardLevelView {
  id: string;
  title: string;
  /** Check ids the level adds on top of the lower levels. */
  checkIds: string[];
}

/** A check of the rubric as the UI lists it. @public */
export interface ScorecardCheckView {
  id: string;
  title: string;
  category: string;
  description: string;
  /** The level requiring it; null when informational. */
  levelId: string | null;
}

/** The configured rubric, for legends and the overview. @public */
export interface ScorecardRubricView {
  levels: ScorecardLevelView[];
  checks: ScorecardCheckView[];
  version: string;
}

/** One day of an entity's scorecard history. @public */
export interface ScorecardHistoryPoint {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  /** Level id reached that day (the last recorded that day); null: none. */
  levelId: string | null;
  score: number;
}

/**
 * `GET /entities/:kind/:namespace/:name/scorecard`.
 * `ok`: a stored scorecard; `awaiting-evaluation`: the entity is in scope
 * but has not been evaluated yet; `not-in-scope`: no configured check
 * applies to this entity's kind.
 * @public
 */
export interface EntityScorecardResponse {
  entityRef: string;
  state: 'ok' | 'awaiting-evaluation' | 'not-in-scope';
  scorecard: EntityScorecard | null;
  /**
   * When an evaluation run last looked at the entity (runs skip entities
   * whose facts did not change, which confirms their stored result).
   */
  lastCheckedAt?: string | null;
  /** When the level, score or a check state last changed; null: never recorded. */
  lastChangedAt?: string | null;
  rubric: ScorecardRubricView;
  /** Oldest first, at most one point per day. */
  history: ScorecardHistoryPoint[];
  /** True when the stored scorecard used stale facts or was evaluated under another rubric version. */
  stale: boolean;
  generatedAt: string;
}

/** One entity of a team's scorecard table. @public */
export interface TeamScorecardRow {
  entityRef: string;
  title?: string;
  kind: string;
  type?: string;
  lifecycle?: string;
  tier?: string;
  /** The owning group: the requested group or one of its sub-groups. */
  ownerRef: string;
  levelId: string | null;
  score: number;
  /** Checks failing or in error (exempt ones excluded). */
  failingChecks: number;
  /** Lowest attainment among the entity's SLOs; null: no SLO or no data. */
  sloAttainment: number | null;
  /** The objective of that SLO. */
  sloObjective: number | null;
  /** Lowest budget remaining among the entity's SLOs (fraction, may be negative). */
  sloBudgetRemaining: number | null;
  /** Level 1 held throughout the next 7 days; null when on-call is not linked. */
  onCallCovered: boolean | null;
  mttrSeconds: number | null;
  /** Open incidents (any urgency); null when unknown. */
  openIncidents: number | null;
  /**
   * The most severe burn-rate alert among the entity's SLOs (`page` over
   * `ticket` over `unknown` over `no-data` over `ok`); null without SLOs.
   * Rows stored before this field existed read as null until re-evaluated.
   */
  sloAlert?: 'ok' | 'ticket' | 'page' | 'unknown' | 'no-data' | null;
  evaluatedAt: string;
  /** True when some fact behind the row was stale. */
  stale: boolean;
}

/** Number of entities per level id; `none` counts entities below the first level. @public */
export type LevelDistribution = Record<string, number>;

/** One day of a team's level distribution. @public */
export interface LevelTrendPoint {
  day: string;
  counts: LevelDistribution;
  /**
   * True when no evaluation ran that day: the counts are the previous day's,
   * carried forward (nothing was judged, nothing is invented).
   */
  carried?: boolean;
}

/** A sortable column of the team scorecard table. @public */
export type TeamScorecardSort =
  | 'entity'
  | 'level'
  | 'score'
  | 'failingChecks'
  | 'slo'
  | 'budget'
  | 'sloAlert'
  | 'onCall'
  | 'mttr'
  | 'openIncidents'
  | 'owner';

/** Every column the team scorecard view sorts by. @public */
export const TEAM_SCORECARD_SORTS: readonly TeamScorecardSort[] = [
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
];

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
export interface TeamScorecardFacets {
  /** Owning groups with rows: the team and the sub-teams that own something. */
  ownerRefs: string[];
  tiers: string[];
  lifecycles: string[];
}

/** `GET /groups/:namespace/:name/scorecards` @public */
export interface GroupScorecardResponse {
  groupRef: string;
  /** The group and its sub-groups (transitively). */
  groupRefs: string[];
  rubric: ScorecardRubricView;
  /** One page of the rows matching the query, in its order. */
  rows: TeamScorecardRow[];
  /** Rows matching the query (every page). */
  total: number;
  offset: number;
  limit: number;
  /** Every entity of the team, whatever the query. */
  entities: number;
  /** Average score of every entity of the team; null without entities. */
  averageScore: number | null;
  /** Entities of the team evaluated with stale facts. */
  staleEntities: number;
  /** Level distribution of every entity of the team. */
  distribution: LevelDistribution;
  facets: TeamScorecardFacets;
  /**
   * Oldest first, one point per day from the first recorded day to today;
   * days without an evaluation are carried forward and marked `carried`.
   */
  trend: LevelTrendPoint[];
  /** First day with recorded history; null: none yet. */
  historySince: string | null;
  /** Last completed evaluation run; null: never. */
  lastEvaluatedAt: string | null;
  generatedAt: string;
}

/** A team's standing in the organization overview. @public */
export interface TeamStanding {
  groupRef: string;
  title?: string;
  /** 1 = best average score, among the list the standing is in. */
  rank: number;
  /**
   * Entities counted: for a team, those it owns directly (each entity
   * counts once, for its owner); for a department, those it and every
   * group below it own.
   */
  entities: number;
  /** True for a department's roll-up, whose figures include its sub-teams. */
  includesSubTeams: boolean;
  averageScore: number;
  distribution: LevelDistribution;
}

/** How often a check fails on the entities one team owns directly. @public */
export interface FailingCheckTeam {
  groupRef: string;
  /** Entities of the team where it fails (exempt excluded). */
  failing: number;
  /** Entities of the team where it is in error. */
  errors: number;
}

/** A check and how often it fails across the fleet. @public */
export interface FailingCheckView {
  checkId: string;
  title: string;
  category: string;
  levelId: string | null;
  /** Entities where it fails (exempt excluded). */
  failing: number;
  /** Entities where it is in error (facts missing or stale). */
  errors: number;
  /** Entities it applies to. */
  applicable: number;
  /**
   * The teams (groups owning entities directly, as in
   * {@link ScorecardOverviewResponse.teams}) where it fails or is in error,
   * most first; entities owned by people are not listed.
   */
  teams: FailingCheckTeam[];
}

/** `GET /scorecards/overview` @public */
export interface ScorecardOverviewResponse {
  rubric: ScorecardRubricView;
  totalEntities: number;
  distribution: LevelDistribution;
  /**
   * Groups that own entities directly, best first, each counting only what
   * it owns itself: every entity counts once, so the teams add up to the
   * entities owned by groups.
   */
  teams: TeamStanding[];
  /**
   * Groups with sub-teams that own entities, best first, each counting
   * everything it and the groups below it own (a department's roll-up).
   */
  departments: TeamStanding[];
  /** Most failing first. */
  failingChecks: FailingCheckView[];
  trend: LevelTrendPoint[];
  lastEvaluatedAt: string | null;
  generatedAt: string;
}

/** One proposed change to the rubric's levels. @public */
export interface RubricChange {
  op: 'add' | 'remove';
  checkId: string;
  levelId: string;
}

/** `POST /scorecards/preview` request body. @public */
export interface RubricPreviewRequest {
  changes: RubricChange[];
}

/** An entity whose level a rubric change would move. @public */
export interface RubricPreviewMove {
  entityRef: string;
  ownerRef: string;
  from: string | null;
  to: string | null;
}

/** `POST /scorecards/preview` response: what the change would do, from stored results. @public */
export interface RubricPreviewResponse {
  changes: RubricChange[];
  before: LevelDistribution;
  after: LevelDistribution;
  /** Entities that would drop a level. */
  droppedCount: number;
  /** Entities that would rise a level. */
  raisedCount: number;
  /** The moves, dropped first, at most 500. */
  moves: RubricPreviewMove[];
  /** e.g. "Adding “SLOs defined” to Silver drops 12 entities below Silver." */
  summary: string;
  generatedAt: string;
}
