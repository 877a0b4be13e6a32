import type {
  EntityScorecard,
  LevelTrendPoint,
  ScorecardHistoryPoint,
  TeamScorecardRow,
} from '@preflight/plugin-reliability-common';

/**
 * A scorecard as stored: the full result plus the columns the team view and
 * overview filter, sort and aggregate on.
 * @public
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

/** One check's stored state for one entity, as the overview and preview read them. @public */
export interface StoredCheckState {
  entityRef: string;
  ownerRef: string;
  checkId: string;
  /** The raw check state (`pass`, `fail`, `warning`, `not-applicable`, `error`). */
  state: string;
  /** Counts as passing (pass, warning, unexpired exemption). */
  passing: boolean;
  exempt: boolean;
}

/** A group and one of its ancestors (itself included), for "owned via sub-groups". @public */
export interface GroupAncestry {
  groupRef: string;
  ancestorRef: string;
}

/**
 * Persistence of scorecard results and history. Evaluation writes; every
 * read (entity card, team view, overview, preview) is served from here.
 * @public
 */
export interface ScorecardStore {
  /** Fingerprints of every stored scorecard, by entity ref. */
  getFingerprints(): Promise<Map<string, string>>;

  /**
   * Upserts results (scorecard, row, per-check states, fingerprint) in one
   * transaction. For each entity whose level, score or any check state
   * changed, appends a history point (`reason: 'change'`); also makes sure
   * each written entity has today's daily snapshot.
   */
  writeScorecards(scorecards: StoredScorecard[], now: Date): Promise<void>;

  /** Removes the results and history of entities that left the catalog or the scorecard's scope. */
  deleteScorecards(entityRefs: string[]): Promise<void>;

  /**
   * Records today's daily snapshot (level, score) of every stored scorecard
   * that has none for today, and deletes history older than `retainFrom`.
   */
  recordDailySnapshots(now: Date, retainFrom: Date): Promise<void>;

  /** Replaces the group hierarchy used by team queries (closure, self included). */
  replaceGroupAncestry(pairs: GroupAncestry[]): Promise<void>;

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

  /** Daily level distribution of the group's entities since `sinceDay`, oldest first. */
  getTeamTrend(groupRef: string, sinceDay: string): Promise<LevelTrendPoint[]>;

  /** Daily level distribution of every entity since `sinceDay`, oldest first. */
  getFleetTrend(sinceDay: string): Promise<LevelTrendPoint[]>;

  /** Every stored row (overview ranking and distribution). */
  listRows(): Promise<TeamScorecardRow[]>;

  /** Every stored check state (failing-check ranking, rubric preview). */
  listCheckStates(): Promise<StoredCheckState[]>;

  /** Every ancestry pair (team ranking includes sub-groups). */
  listGroupAncestry(): Promise<GroupAncestry[]>;
}
