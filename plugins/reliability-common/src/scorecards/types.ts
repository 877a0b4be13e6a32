/**
 * The scorecard's results as stored and shown: the rubric (checks + levels)
 * the platform team configures and each entity's scorecard. Pure data, shared
 * by the backend (which evaluates and stores) and the frontend (which shows).
 * The facts a check reads and the check contract itself are backend-only and
 * live in `@preflight/plugin-reliability-node`.
 */
/** Where a group of facts came from and how fresh it is. @public */
export interface FactFreshness {
  /** e.g. `pagerduty:default`, `prometheus:main`, `catalog`. */
  sourceId: string;
  /** When the source last synced successfully (null: never). */
  asOf: string | null;
  /** True when that data is older than the source's staleness threshold or its last sync failed. */
  stale: boolean;
}

/** One exemption declared in an entity's catalog file. @public */
export interface ScorecardExemption {
  /** The check it exempts. */
  checkId: string;
  reason: string;
  /** Who approved it, e.g. `user:default/alice`. */
  approver: string;
  /** Last day the exemption holds (ISO date `YYYY-MM-DD`, inclusive, UTC). */
  expires: string;
}

/**
 * What a check decided:
 * `pass`, `fail`; `warning` passes but is close to failing;
 * `not-applicable` the check does not concern this entity (e.g. no SLOs for
 * an SLO-met check when the SLO-defined check covers absence);
 * `error` the facts it needs are missing or stale, so it cannot tell.
 * @public
 */
export type CheckState =
  | 'pass'
  | 'fail'
  | 'warning'
  | 'not-applicable'
  | 'error';

/** A fact value a check used, shown next to its result. @public */
export interface CheckFactValue {
  label: string;
  value: string | number | boolean | null;
  /** Source id the value came from (`catalog` for entity metadata). */
  sourceId?: string;
  /** When that source last synced; null: never. */
  asOf?: string | null;
  stale?: boolean;
}

/** Parameters (thresholds) of a check, after tier overrides are applied. @public */
export type CheckParams = Record<string, string | number | boolean>;

/** Which entities a check applies to; an absent list matches everything. @public */
export interface CheckApplicability {
  kinds?: string[];
  types?: string[];
  lifecycles?: string[];
  tiers?: string[];
}

/** Metadata of a check as shown to users. @public */
export interface CheckPresentation {
  title: string;
  /** e.g. `ownership`, `on-call`, `runbooks`, `slos`, `incidents`, `documentation`, `metadata`. */
  category: string;
  description: string;
  fix: { text: string; url?: string };
}

/** A check as configured in the rubric, defaults filled in. @public */
export interface RubricCheck extends CheckPresentation {
  /** Id used by levels, exemptions and results. */
  id: string;
  /** The implementation it runs (defaults to `id`). */
  implementation: string;
  appliesTo: CheckApplicability;
  /** Default parameters. */
  params: CheckParams;
  /** Parameter overrides by tier, e.g. `{ 'tier-1': { maxMttrMinutes: 60 } }`. */
  paramsByTier: Record<string, CheckParams>;
}

/**
 * A level. Levels are ordered lowest first and cumulative: an entity reaches
 * a level when every check of that level and of every lower level passes.
 * @public
 */
export interface RubricLevel {
  id: string;
  title: string;
  checks: string[];
}

/** The configured checks and levels. @public */
export interface ScorecardRubric {
  checks: RubricCheck[];
  levels: RubricLevel[];
  /** A stable hash of the rubric; results evaluated under another version are re-evaluated. */
  version: string;
}

/** An exemption as applied to a result. @public */
export interface AppliedExemption extends ScorecardExemption {
  /** True once the expiry date has passed: the check counts as failing again. */
  expired: boolean;
}

/** One check's result for one entity. @public */
export interface ScorecardCheckResult extends CheckPresentation {
  checkId: string;
  /** The level that requires this check; null when no level does (informational). */
  levelId: string | null;
  /** What the check decided. */
  state: CheckState;
  message: string;
  facts: CheckFactValue[];
  /** An exemption declared for this check, active or expired. */
  exemption?: AppliedExemption;
  /**
   * The id of the failing check (in this scorecard) this one cannot be
   * judged without: fixing that one is the fix for this one too.
   */
  blockedBy?: string;
  /**
   * Whether the result counts as passing for levels and score: pass,
   * warning, or an unexpired exemption. Not-applicable results are left out
   * of the score and never block a level.
   */
  passing: boolean;
}

/** Result counts of one scorecard. @public */
export interface ScorecardCounts {
  pass: number;
  fail: number;
  warning: number;
  notApplicable: number;
  error: number;
  /** Results counted as passing thanks to an unexpired exemption. */
  exempt: number;
}

/** A level reached or aimed at. @public */
export interface LevelRef {
  id: string;
  title: string;
  /** 0-based position in the rubric's levels. */
  index: number;
}

/** The scorecard of one entity. @public */
export interface EntityScorecard {
  entityRef: string;
  /** The highest level reached; null when not even the first. */
  level: LevelRef | null;
  /** Percentage (0–100, integer) of applicable checks that count as passing. */
  score: number;
  counts: ScorecardCounts;
  /** The next level and the checks that keep the entity from it; null at the top level. */
  nextLevel: (LevelRef & { blockingCheckIds: string[] }) | null;
  checks: ScorecardCheckResult[];
  /** When the checks ran (ISO-8601). */
  evaluatedAt: string;
  /** Freshness of every source the facts came from. */
  sources: FactFreshness[];
  rubricVersion: string;
}
