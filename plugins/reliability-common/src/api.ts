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
  /** the source has never synced successfully yet */
  | 'awaiting-sync'
  | 'ok';

/** On-call section of an entity summary. @public */
export interface EntityOnCall {
  state: OnCallState;
  /** The source the entity maps to, e.g. `pagerduty:default`. */
  sourceId?: string;
  serviceId?: string;
  problem?: MetadataProblem;
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
