import type {
  EscalationTarget,
  IncidentStats,
  MetadataProblem,
  OnCallPerson,
  OnCallServiceRecord,
  SourceHealth,
} from './types';

/** A runbook link of an entity. @public */
export interface Runbook {
  title: string;
  url: string;
  /** Where it came from: the entity's `metadata.links`, or an alert rule. */
  origin: 'entity-link' | 'alert-rule';
  /** For alert runbooks: the alert's name. */
  alert?: string;
}

/** Who holds an escalation level right now. @public */
export interface OnCallAssignment {
  person: OnCallPerson;
  /** null start and end: permanent on-call */
  start: string | null;
  end: string | null;
  schedule?: { id: string; name: string; htmlUrl?: string };
}

/** An escalation level with who is on call now and next. @public */
export interface ResolvedEscalationLevel {
  level: number;
  delayMinutes: number;
  targets: EscalationTarget[];
  /** Empty when the level has nobody now (e.g. a schedule gap). */
  onCallNow: OnCallAssignment[];
  /** The next change of who holds this level within the synced horizon. */
  nextHandoff: { at: string; onCall: OnCallAssignment[] } | null;
  /** Gaps (nobody on call) within the next 7 days. */
  gaps: Array<{ start: string; end: string }>;
}

/** The state of an entity's on-call metadata. @public */
export type OnCallState =
  /** the entity has no PagerDuty annotation */
  | 'not-configured'
  /** the annotation is present but invalid */
  | 'malformed'
  /** the source has synced, and does not know this service id */
  | 'unknown-service'
  /**
   * the source has never synced successfully yet, or its last sync could
   * not reach this service (see `notSyncedReason`)
   */
  | 'awaiting-sync'
  | 'ok';

/** On-call section of an entity summary. @public */
export interface EntityOnCall {
  state: OnCallState;
  /** The source the entity maps to, e.g. `pagerduty:default`. */
  sourceId?: string;
  serviceId?: string;
  problem?: MetadataProblem;
  /**
   * For `awaiting-sync` after a successful sync: why this service was not
   * synced (the source's list was too long to read whole), so it is neither
   * shown nor reported as unknown.
   */
  notSyncedReason?: string;
  service?: OnCallServiceRecord;
  escalationPolicy?: {
    id: string;
    name: string;
    htmlUrl?: string;
    numLoops: number;
    levels: ResolvedEscalationLevel[];
  };
  incidents?: IncidentStats;
}

/** The owner of an entity, from the catalog. @public */
export interface EntityOwner {
  entityRef: string;
  title?: string;
  /** False when the owner reference points to no catalog entity. */
  exists: boolean;
}

/** `GET /entities/:kind/:namespace/:name/summary` @public */
export interface EntityReliabilitySummary {
  entityRef: string;
  owner: EntityOwner | null;
  onCall: EntityOnCall;
  runbooks: Runbook[];
  /** Health of every source this summary drew from. */
  sources: SourceHealth[];
  /** Every metadata problem found on the entity. */
  problems: MetadataProblem[];
  /** When the response was assembled. */
  generatedAt: string;
}

/** `GET /health` @public */
export interface SourcesHealthResponse {
  sources: SourceHealth[];
}

/** `POST /entities/:kind/:namespace/:name/refresh` @public */
export interface RefreshEntityResponse {
  refreshedAt: string;
  summary: EntityReliabilitySummary;
}

/**
 * One entity of a team's on-call overview: who answers a page for it now,
 * until when, and what would keep a page from being answered.
 * @public
 */
export interface GroupOnCallEntity {
  entityRef: string;
  /** The entity's `metadata.title`, when it has one. */
  title?: string;
  /** The group owning the entity: the requested group or one of its sub-groups. */
  ownerRef: string;
  /** Same states as {@link EntityOnCall.state}. */
  state: OnCallState;
  sourceId?: string;
  serviceId?: string;
  /** Why the on-call cannot be shown (malformed annotation, unknown service id). */
  problem?: MetadataProblem;
  /**
   * For `awaiting-sync` after a successful sync: why this service was not
   * synced (the source's list was too long to read whole), so it is neither
   * shown nor reported as unknown.
   */
  notSyncedReason?: string;
  service?: OnCallServiceRecord;
  escalationPolicy?: { id: string; name: string; htmlUrl?: string };
  /** Who holds level 1 now; empty when nobody does or the state is not `ok`. */
  onCallNow: OnCallAssignment[];
  /** The next change of who holds level 1, within the synced horizon. */
  nextHandoff: { at: string; onCall: OnCallAssignment[] } | null;
  /**
   * Escalation levels nobody holds right now, with when that ends (null
   * when nobody is scheduled within the synced horizon).
   */
  uncoveredLevels: Array<{ level: number; until: string | null }>;
  /** Open high-urgency incidents; null when no incident figures are known. */
  openHighUrgencyIncidents: number | null;
  /**
   * When the entity's source last synced successfully (null: never) and
   * whether that data is stale; null when no source applies.
   */
  freshness: { asOf: string | null; stale: boolean } | null;
}

/** `GET /groups/:namespace/:name/on-call` @public */
export interface GroupOnCallResponse {
  groupRef: string;
  /** The group and the sub-groups whose entities are listed. */
  groupRefs: string[];
  /** Entities owned by any of `groupRefs`, ordered by entity ref. */
  entities: GroupOnCallEntity[];
  /** Health of every source the entities drew from. */
  sources: SourceHealth[];
  /**
   * True when the group owns more entities, or has more sub-groups, than
   * one response covers; the list is then incomplete.
   */
  truncated: boolean;
  /** When the response was assembled. */
  generatedAt: string;
}
