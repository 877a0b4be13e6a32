import type { Entity } from '@backstage/catalog-model';
import type {
  IncidentFact,
  MetadataProblem,
  OnCallPerson,
  OnCallSnapshot,
} from '@preflight/plugin-reliability-common';

/**
 * One independently synced source, e.g. one PagerDuty account. Each source
 * has its own health, its own last-known-good data and its own sync task.
 * @public
 */
export interface OnCallSourceInfo {
  /** Stable id, `<type>:<account>`, e.g. `pagerduty:default`. */
  id: string;
  /** Provider type, e.g. `pagerduty`. */
  type: string;
  /** Shown in the UI, e.g. `PagerDuty (default)`. */
  displayName: string;
}

/**
 * Where an entity's service lives, or why that could not be told.
 * `undefined` from {@link OnCallProvider.locateService} means the entity
 * does not use this provider at all.
 * @public
 */
export type OnCallServiceLocation =
  | { sourceId: string; serviceId: string }
  | { problem: MetadataProblem };

/** Options passed to every provider sync call. @public */
export interface OnCallSyncOptions {
  /** Aborted when the scheduler's task timeout is reached or the backend stops. */
  signal: AbortSignal;
  /**
   * The service ids catalog entities name for this source (a catalog query,
   * so call it only when needed). A bulk sync whose service list could not
   * be read whole calls it to look up the annotated services it missed one
   * by one, instead of leaving them to be reported as unknown.
   */
  annotatedServiceIds?: () => Promise<string[]>;
}

/**
 * An incident as reports read it: its timing plus whether the source
 * resolved it without a person.
 * @public
 */
export interface OnCallReportIncident extends IncidentFact {
  /**
   * True when nobody resolved it (a monitoring integration or the service's
   * auto-resolve timeout did); undefined when the source cannot tell.
   */
  autoResolved?: boolean;
}

/** A change (a deploy, a config change) recorded on a service. @public */
export interface OnCallChangeEvent {
  id: string;
  serviceId: string;
  /** When the change happened, ISO-8601. */
  timestamp: string;
}

/**
 * A level-1 on-call shift of an escalation policy (a rotation), as reports
 * count pages per shift and per person.
 * @public
 */
export interface OnCallReportShift {
  /** The escalation policy (rotation) id. */
  policyId: string;
  /** Only `id` and `timeZone` are needed; contact methods may be empty. */
  user: Pick<OnCallPerson, 'id' | 'name' | 'timeZone'>;
  /** ISO-8601; null for a permanent on-call. */
  start: string | null;
  end: string | null;
}

/** Options of {@link OnCallProvider.syncReportData}. @public */
export interface OnCallReportSyncOptions extends OnCallSyncOptions {
  /** Start of the window of incidents created, changes made and shifts held. */
  since: Date;
  /** End of that window (exclusive); usually now. */
  until: Date;
  /**
   * When given, also the incidents created earlier whose state changed at
   * or after this instant (an old incident resolved since the last read).
   */
  changedSince?: Date;
}

/**
 * What reports need of a source over a window, read in bulk.
 * @public
 */
export interface OnCallReportData {
  /** Incidents created in the window (and those changed since `changedSince`). */
  incidents: OnCallReportIncident[];
  /** Change events in the window. */
  changeEvents: OnCallChangeEvent[];
  /** Level-1 shifts overlapping the window. */
  shifts: OnCallReportShift[];
  /** Things that went partly wrong but did not fail the read. */
  warnings: string[];
}

/**
 * How entities name their service in a provider's annotations, so the
 * problems the backend reports (a service id the source does not have, a
 * source that is not configured) point at the annotation to correct and say
 * how. The generic backend knows no provider's annotations but these.
 * @public
 */
export interface OnCallAnnotationHints {
  /** The annotation holding the service id, e.g. `pagerduty.com/service-id`. */
  serviceIdAnnotation: string;
  /**
   * The annotation choosing the source (account), for providers with
   * several, e.g. `pagerduty.com/account`.
   */
  sourceAnnotation?: string;
  /**
   * What to do when the source has no service with the annotated id, e.g.
   * where in the provider's UI the right id is found.
   */
  unknownServiceFix: string;
}

/**
 * An on-call and incident data source (PagerDuty today; Opsgenie or others
 * later). Providers read their source in bulk and return normalized data;
 * they never see the store or the REST API.
 * @public
 */
export interface OnCallProvider {
  /** Provider type, e.g. `pagerduty`. */
  readonly type: string;

  /**
   * Which annotations name an entity's service, and how to correct them.
   * Optional: without it, problems point at the entity's annotations in
   * general and suggest checking the service id.
   */
  readonly annotationHints?: OnCallAnnotationHints;

  /**
   * The length of the source's rate-limit window, in seconds: how long a
   * client is told to wait (`Retry-After`) when a refresh was rate limited
   * and the {@link OnCallSourceError} says no `retryAfterSeconds`.
   * Optional: without either, the answer names no wait.
   */
  readonly rateLimitWindowSeconds?: number;

  /** The sources (accounts) this provider syncs. */
  listSources(): OnCallSourceInfo[];

  /**
   * Maps an entity to a service in one of this provider's sources, from its
   * annotations alone. Pure: no I/O.
   */
  locateService(entity: Entity): OnCallServiceLocation | undefined;

  /** Reads everything of one source in bulk (paged lists, no per-service calls). */
  syncSource(
    sourceId: string,
    options: OnCallSyncOptions,
  ): Promise<OnCallSnapshot>;

  /**
   * Reads one service, its policy, on-calls and incidents, for an explicit
   * "refresh now" of one entity. The result is merged into the stored data.
   * Failures should be thrown as {@link OnCallSourceError}s so the caller
   * can tell a wrong service id from a configuration problem, a rate limit
   * or an outage; any other error is treated as the source being unavailable.
   */
  syncService(
    sourceId: string,
    serviceId: string,
    options: OnCallSyncOptions,
  ): Promise<OnCallSnapshot>;

  /**
   * Reads what reliability reports need over a window (incidents with their
   * timing, change events, level-1 shifts) in bulk, within the source's rate
   * limits. Optional: a source without it simply has no report data.
   */
  syncReportData?(
    sourceId: string,
    options: OnCallReportSyncOptions,
  ): Promise<OnCallReportData>;
}
