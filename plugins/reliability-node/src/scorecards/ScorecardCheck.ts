/**
 * The scorecard check contract: the facts a check reads about one entity and
 * what a check implementation is and returns. Built-in checks live in the
 * reliability backend; custom ones come from backend modules through the
 * scorecard checks extension point. The readiness review checklists reuse the
 * same checks on a launch.
 */
import type { Entity } from '@backstage/catalog-model';
import type {
  ChangeFailureRate,
  CheckApplicability,
  CheckFactValue,
  CheckParams,
  CheckPresentation,
  CheckState,
  FactFreshness,
  IncidentStats,
  MetadataProblem,
  OnCallServiceRecord,
  OnCallState,
  ReportPeriod,
  ReviewState,
  Runbook,
  ScorecardExemption,
  SloProblem,
  SloStatusState,
} from '@preflight/plugin-reliability-common';

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

/** What a check implementation is given. @public */
export interface CheckContext {
  facts: EntityReadinessFacts;
  params: CheckParams;
  now: Date;
}

/**
 * A check implementation: built-in ones live in the reliability backend, custom ones come
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
