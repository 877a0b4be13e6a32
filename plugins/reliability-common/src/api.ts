import type { ReliabilityApiSchemas as ApiSchemas } from './apiSchemas';

// The API's request and response shapes are the types generated from
// plugins/reliability-backend/openapi.yaml (`npm run generate:api`): change
// the spec, not these aliases. Types that never cross the wire stay here.

/** A runbook link of an entity. @public */
export type Runbook = ApiSchemas['Runbook'];

/** Who holds an escalation level right now. @public */
export type OnCallAssignment = ApiSchemas['OnCallAssignment'];

/** An escalation level with who is on call now and next. @public */
export type ResolvedEscalationLevel = ApiSchemas['ResolvedEscalationLevel'];

/** The state of an entity's on-call metadata. @public */
export type OnCallState = ApiSchemas['OnCallState'];

/** On-call section of an entity summary. @public */
export type EntityOnCall = ApiSchemas['EntityOnCall'];

/** The owner of an entity, from the catalog. @public */
export type EntityOwner = ApiSchemas['EntityOwner'];

/** `GET /entities/:kind/:namespace/:name/summary` @public */
export type EntityReliabilitySummary = ApiSchemas['EntityReliabilitySummary'];

/** `GET /health` @public */
export type SourcesHealthResponse = ApiSchemas['SourcesHealthResponse'];

/** `POST /entities/:kind/:namespace/:name/refresh` @public */
export type RefreshEntityResponse = ApiSchemas['RefreshEntityResponse'];

/**
 * One entity of a team's on-call overview: who answers a page for it now,
 * until when, and what would keep a page from being answered.
 * @public
 */
export type GroupOnCallEntity = ApiSchemas['GroupOnCallEntity'];

/** `GET /groups/:namespace/:name/on-call` @public */
export type GroupOnCallResponse = ApiSchemas['GroupOnCallResponse'];
