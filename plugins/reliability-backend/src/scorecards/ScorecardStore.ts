import type {
  EntityScorecard,
  LevelTrendPoint,
  ScorecardHistoryPoint,
  TeamScorecardRow,
} from '@preflight/plugin-reliability-common';
import type { Entity } from '@backstage/catalog-model';
import type { TeamScorecardQuery } from './parseTeamScorecardQuery';
import type { CheckStateOfEntity } from './storedCheckStates';

/**
 * An entity as the evaluation last read it from the catalog, with its owner
 * (a presentation: kind, name, namespace, title, profile), for entity pages.
 */
export interface EntityPageSnapshot {
  entityRef: string;
  /** The entity's etag and a hash of the owner; a new mark means rewrite. */
  mark: string;
  entity: Entity;
  /** Null: spec.owner names no entity the evaluation could read (or none). */
  owner: Entity | null;
}

/** What the team view shows whatever its filters: counts and filter values. */
export interface TeamSummary {
  entities: number;
  /** Sum of the scores (the average is this over `entities`). */
  scoreSum: number;
  staleEntities: number;
  /** Entities per level id (null: below the first level). */
  levels: Array<{ levelId: string | null; entities: number }>;
  /** Owning groups with rows, sorted. */
  ownerRefs: string[];
  tiers: string[];
  lifecycles: string[];
}

/**
 * A scorecard as stored: the full result plus the columns the team view and
 * overview filter, sort and aggregate on.
 */
export interface StoredScorecard {
  /** The row of the team table (entity, owner, level, score, SLO/on-call/incident figures). */
  row: TeamScorecardRow;
  scorecard: EntityScorecard;
  /**
   * Hash of everything the evaluation read (entity metadata, facts, rubric
   * version, exemption expiry state). Unchanged fingerprint: nothing to
   * re-evaluate.
   */
  fingerprint: string;
}

/**
 * What an entity's last evaluation read, summed up in a mark the next pass
 * can recompute from change markers alone (catalog etag, store digests,
 * source health, configuration, time bucket). The same mark means the facts
 * are the same, so the entity is skipped without gathering them.
 */
export interface StoredInputMark {
  entityRef: string;
  mark: string;
  /** Judged per UTC hour (open incidents, coverage gaps) instead of per day. */
  hourly: boolean;
  /** A scorecard was stored (the entity was in scope). */
  scored: boolean;
  /** The owner ref as the entity names it; null: none. */
  ownerRef: string | null;
  /** The on-call service the entity was located on; null: none. */
  onCall: { sourceId: string; serviceId: string } | null;
}

/** One check's stored state for one entity, as the overview and preview read them. */
export interface StoredCheckState extends CheckStateOfEntity {
  entityRef: string;
  ownerRef: string;
}

/** A group and one of its ancestors (itself included), for "owned via sub-groups". */
export interface GroupAncestry {
  groupRef: string;
  ancestorRef: string;
}

/**
 * Persistence of scorecard results and history. Evaluation writes; every
 * read (entity card, team view, overview, preview) is served from here.
 */
export interface ScorecardStore {
  /** Fingerprints of every stored scorecard, by entity ref. */
  getFingerprints(): Promise<Map<string, string>>;

  /**
   * Upserts results (scorecard, row, check states, fingerprint) in one
   * transaction. For each entity whose level, score or any check state
   * changed, appends a history point (`reason: 'change'`); also makes sure
   * each written entity has today's daily snapshot. Entity-page snapshots
   * and input marks given go in the same transaction (one commit for all,
   * and a mark is never committed without the result it stands for).
   */
  writeScorecards(
    scorecards: StoredScorecard[],
    now: Date,
    alongside?: {
      snapshots?: EntityPageSnapshot[];
      marks?: StoredInputMark[];
    },
  ): Promise<void>;

  /**
   * The input marks of every entity evaluated with one, by entity ref
   * (written with the results they stand for, by `writeScorecards`).
   */
  getInputMarks(): Promise<Map<string, StoredInputMark>>;

  /** Forgets the input marks of these entities, so they are gathered again. */
  deleteInputMarks(entityRefs: string[]): Promise<void>;

  /** Removes the results and history of entities that left the catalog or the scorecard's scope. */
  deleteScorecards(entityRefs: string[]): Promise<void>;

  /**
   * Records today's daily snapshot (level, score) of every stored scorecard
   * that has none for today, rewrites today's pre-aggregated level counts of
   * every group and the fleet, and deletes history older than `retainFrom`.
   */
  recordDailySnapshots(now: Date, retainFrom: Date): Promise<void>;

  /**
   * Whether today's (UTC) daily snapshots and level counts were recorded
   * (by {@link ScorecardStore.recordDailySnapshots}) for a non-empty fleet.
   */
  hasDailySnapshots(now: Date): Promise<boolean>;

  /**
   * Replaces the group hierarchy used by team queries (closure, self
   * included). Resolves to whether it changed.
   */
  replaceGroupAncestry(pairs: GroupAncestry[]): Promise<boolean>;

  /** Remembers when an evaluation run completed and how many entities it (re)evaluated. */
  recordEvaluationRun(run: {
    completedAt: Date;
    evaluated: number;
    unchanged: number;
    removed: number;
    durationMs: number;
  }): Promise<void>;

  /** When the last evaluation run completed; null: never. */
  getLastEvaluatedAt(): Promise<string | null>;

  getScorecard(entityRef: string): Promise<StoredScorecard | undefined>;

  /** The stored scorecards of these entities (absent ones left out), in bulk. */
  getScorecards(entityRefs: string[]): Promise<Map<string, StoredScorecard>>;
  /**
   * When the entity's level, score or a check state last changed (its
   * latest `change` history point); null when no change is recorded.
   */
  getLastChangedAt(entityRef: string): Promise<string | null>;

  /** One point per day since `sinceDay` (inclusive), oldest first. */
  getHistory(
    entityRef: string,
    sinceDay: string,
  ): Promise<ScorecardHistoryPoint[]>;

  /** The group itself and every group below it, from the stored ancestry. */
  getGroupDescendants(groupRef: string): Promise<string[]>;

  /** Rows of every entity owned by the group or a sub-group, ordered by entity ref. */
  getTeamRows(groupRef: string): Promise<TeamScorecardRow[]>;

  /**
   * The counter bumped by every write the scorecard reads depend on (results,
   * hierarchy, daily aggregates, runs). Read from the database each time, so
   * every replica sees the others' writes.
   */
  getDataVersion(): Promise<number>;

  /**
   * One page of the team's rows (owned by the group or a sub-group) matching
   * the query, sorted and paged by the database. `levelIds` (lowest first)
   * orders the level column.
   */
  queryTeamRows(
    groupRef: string,
    query: TeamScorecardQuery,
    levelIds: string[],
  ): Promise<TeamScorecardRow[]>;

  /** How many of the team's rows match the query's filters (paging ignored). */
  countTeamRows(groupRef: string, query: TeamScorecardQuery): Promise<number>;

  /** Counts and filter values of the whole team, aggregated by the database. */
  getTeamSummary(groupRef: string): Promise<TeamSummary>;

  /**
   * The pre-aggregated daily level counts of a group (`*`: the fleet) since
   * `sinceDay`, oldest first; only days an evaluation recorded.
   */
  getDailyLevels(
    scopeRef: string,
    sinceDay: string,
  ): Promise<LevelTrendPoint[]>;

  /** The marks of every stored entity-page snapshot, by entity ref. */
  getEntityPageMarks(): Promise<Map<string, string>>;

  /** Upserts entity-page snapshots (in batches). */
  writeEntityPageSnapshots(snapshots: EntityPageSnapshot[]): Promise<void>;

  /** Removes the snapshots of entities that left the catalog or the scope. */
  deleteEntityPageSnapshots(entityRefs: string[]): Promise<void>;

  /** One entity's snapshot, by primary key. */
  getEntityPageSnapshot(
    entityRef: string,
  ): Promise<EntityPageSnapshot | undefined>;

  /** Ids of the failing checks (failing or in error, exempt excluded) per entity. */
  getFailingCheckIds(entityRefs: string[]): Promise<Map<string, string[]>>;

  /** Daily level distribution of every entity since `sinceDay`, oldest first. */
  getFleetTrend(sinceDay: string): Promise<LevelTrendPoint[]>;

  /** Every stored row (overview ranking and distribution). */
  listRows(): Promise<TeamScorecardRow[]>;

  /** Every stored check state (failing-check ranking, rubric preview). */
  listCheckStates(): Promise<StoredCheckState[]>;

  /** Every ancestry pair (team ranking includes sub-groups). */
  listGroupAncestry(): Promise<GroupAncestry[]>;
}
