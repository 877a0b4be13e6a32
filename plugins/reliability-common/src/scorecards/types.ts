/**
 * The check engine's vocabulary: the facts a check reads, the check
 * implementations, the rubric (checks + levels) the platform team configures,
 * and the results stored per entity. Pure data, shared by the backend (which
 * evaluates and stores), the frontend (which shows) and the readiness review
 * checklists (which reuse the same checks on a launch).
 */
import type { Entity } from '@backstage/catalog-model';
import type { Runbook, OnCallState } from '../api';
import type { SloProblem } from '../openslo';
import type { SloStatusState } from '../sloApi';
import type { ReviewState } from '../reviewApi';
import type { ChangeFailureRate, ReportPeriod } from '../reportApi';
import type {
  IncidentStats,
  MetadataProblem,
  OnCallServiceRecord,
} from '../types';

/** Where a group of facts came from and how fresh it is. @public */
export interface FactFreshness {
  /** e.g. `pagerduty:default`, `prometheus:main`, `catalog`. */
  sourceId: string;
  /** When the source last synced successfully (null: never). */
  asOf: string | null;
  /** True when that data is older than the source's staleness threshold or its last sync failed. */
  stale: boolean;
}

/** The owner of an entity as the catalog knows it. @public */
export interface OwnerFacts {
  /** e.g. `group:default/team-payments`. */
  ref: string;
  /** False when the reference points to no catalog entity. */
  exists: boolean;
  /** Kind of the owner entity (`group`, `user`), when it exists. */
  kind?: string;
  /** Members of the group (direct `hasMember` relations); null when the owner is not a group. */
  memberRefs: string[] | null;
  /** E-mail addresses of those members (from `spec.profile.email`). */
  memberEmails: string[];
  /** Annotations of the owner entity (e.g. a PagerDuty team id). */
  annotations: Record<string, string>;
}

/** A person on call for level 1 within the look-ahead window. @public */
export interface OnCallPersonFact {
  id: string;
  name: string;
  email?: string;
}

/** On-call facts of an entity, from its on-call source. @public */
export interface OnCallFacts {
  state: OnCallState;
  sourceId?: string;
  serviceId?: string;
  /** Why the annotation cannot be used (malformed, unknown service). */
  problem?: MetadataProblem;
  /** The source's freshness; null when no source applies (`not-configured`, `malformed`). */
  freshness: FactFreshness | null;
  service?: OnCallServiceRecord;
  escalationPolicy?: {
    id: string;
    name: string;
    htmlUrl?: string;
    /** Number of escalation levels (rules). */
    levelCount: number;
    /** Periods within `lookAhead` when nobody holds level 1. */
    level1Gaps: Array<{ start: string; end: string }>;
    /** Distinct people holding level 1 at some point within `lookAhead`. */
    level1People: OnCallPersonFact[];
    /** The window the gaps and people were computed over. */
    lookAhead: { start: string; end: string };
  };
  /** Incident figures over the trailing window (90 days). */
  incidents?: IncidentStats;
}

/** An alerting rule attributed to the entity by a metrics source. @public */
export interface AlertRuleFact {
  /** The alert's name. */
  name: string;
  /** The rule group (file) it is defined in. */
  group: string;
  sourceId: string;
  /** Its `runbook_url` annotation, when present. */
  runbookUrl?: string;
  severity?: string;
}

/** Alert rules facts: the rules found for the entity, per metrics source. @public */
export interface AlertRulesFacts {
  rules: AlertRuleFact[];
  /** Freshness of every metrics source whose rules were read; empty when none is configured. */
  freshness: FactFreshness[];
  /**
   * Sources whose rules could not be read on their last sync (e.g. a
   * VictoriaMetrics without vmalert, a ruler refusing the request), with
   * why: "no alert rules" cannot be told from "rules unknown" there.
   */
  unreadable?: AlertRulesReadError[];
}

/** A metrics source whose alert rules could not be read, and why. @public */
export interface AlertRulesReadError {
  sourceId: string;
  error: string;
  /** When the reads began to fail (ISO-8601). */
  since: string;
}

/** The part of one SLO's status a check needs. @public */
export interface SloFact {
  id: string;
  displayName: string;
  state: SloStatusState;
  objective: number;
  window: string;
  /** Over the window; null with no traffic or before the first measurement. */
  attainment: number | null;
  /** 1 − errorRatio / errorBudget; null with no traffic or before the first measurement. */
  budgetRemaining: number | null;
  /**
   * `page`/`ticket` when a burn-rate alert of that severity fires;
   * `unknown` when a long window burns while its short window has no data.
   */
  alertState: 'ok' | 'ticket' | 'page' | 'unknown' | 'no-data' | null;
  evaluatedAt: string | null;
  sourceId?: string;
  /** Why the last measurement failed. */
  errors: string[];
}

/** SLO facts of an entity. @public */
export interface SloFacts {
  /** True when the entity has the `preflight.dev/openslo` annotation. */
  declared: boolean;
  slos: SloFact[];
  /** Problems of the OpenSLO files. */
  problems: SloProblem[];
  /** Freshness of the metrics sources measuring these SLOs. */
  freshness: FactFreshness[];
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

/** One open readiness review of an entity, as checks see it. @public */
export interface ReviewFact {
  id: string;
  stage: string;
  templateId: string;
  state: ReviewState;
  /** Drift causes of a drifted review. */
  driftCount: number;
  /** When the review last changed. */
  updatedAt: string;
}

/** Readiness review facts of an entity (present when reviews are configured). @public */
export interface ReviewFacts {
  /** Stages offered by the review templates that apply to the entity; empty: none applies. */
  offeredStages: string[];
  /** The entity's open reviews (at most one per stage). */
  reviews: ReviewFact[];
}

/**
 * Everything the built-in checks read about one entity, gathered in bulk
 * from the catalog and the stored observations. Custom checks get the same
 * object.
 * @public
 */
export interface EntityReadinessFacts {
  entityRef: string;
  entity: Entity;
  /** `preflight.dev/tier`, when set. */
  tier?: string;
  owner: OwnerFacts | null;
  onCall: OnCallFacts;
  runbooks: Runbook[];
  alertRules: AlertRulesFacts;
  slos: SloFacts;
  exemptions: ScorecardExemption[];
  /** Readiness reviews; absent when `reliability.reviews` configures no template. */
  reviews?: ReviewFacts;
  /**
   * Report figures over the last whole days; absent when the entity's
   * service has no report data (or reports are not wired in).
   */
  reports?: ReportFacts;
  /** Problems found while reading the entity's metadata (exemptions, tier, ...). */
  problems: MetadataProblem[];
}

/**
 * An entity's report figures over {@link ReportFacts.period}, summed from
 * the daily rows of its service and of its service's rotation (level 1 of
 * its escalation policy).
 * @public
 */
export interface ReportFacts {
  period: ReportPeriod;
  /** Days in the period. */
  windowDays: number;
  /** The report sync of the entity's source; null: never synced. */
  freshness: FactFreshness | null;
  /** Changes made in the period and how many were followed by a high-urgency incident. */
  changeFailure: ChangeFailureRate;
  /** Incidents created in the period and how many of them were noise. */
  alerts: { total: number; noise: number };
  /** Load of the service's rotation; null when it has none or no rows. */
  onCall: {
    rotationId: string;
    shifts: number;
    pages: number;
    /** pages ÷ shifts; null without shifts. */
    pagesPerShift: number | null;
    offHoursPages: number;
  } | null;
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

/** What a check implementation returns. @public */
export interface CheckOutcome {
  state: CheckState;
  /** One sentence a service owner understands, naming the values compared. */
  message: string;
  facts: CheckFactValue[];
  /**
   * The implementation id of a prerequisite check whose failure keeps this
   * one from being judged, e.g. `pagerduty-service-linked` for every check
   * that reads PagerDuty data of an entity with a broken PagerDuty link.
   */
  blockedBy?: string;
}

/** Parameters (thresholds) of a check, after tier overrides are applied. @public */
export type CheckParams = Record<string, string | number | boolean>;

/** What a check implementation is given. @public */
export interface CheckContext {
  facts: EntityReadinessFacts;
  params: CheckParams;
  now: Date;
}

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

/**
 * A check implementation: built-in ones live in -common, custom ones come
 * from backend modules through the scorecard checks extension point.
 * @public
 */
export interface ScorecardCheck {
  /** Unique implementation id, e.g. `oncall-escalation-levels`. */
  id: string;
  defaults: CheckPresentation & {
    appliesTo?: CheckApplicability;
    params?: CheckParams;
    /** Parameter overrides by tier, e.g. stricter limits for `tier-1`. */
    paramsByTier?: Record<string, CheckParams>;
  };
  evaluate(context: CheckContext): CheckOutcome | Promise<CheckOutcome>;
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
