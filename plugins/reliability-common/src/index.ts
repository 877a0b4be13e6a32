/**
 * Shared types, API shapes, permissions and SRE arithmetic for Preflight.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './boundUserValue';
export * from './types';
export * from './api';
export * from './permissions';
export * from './entityMetadata';
export * from './oncall';
export * from './incidents';
export * from './slo';
export * from './time';
export * from './sloApi';
export * from './scorecards';
export * from './scorecardApi';
export * from './reviewApi';
export * from './reportApi';
export * from './format';
export * from './csv';
export * from './zodIssues';
// The OpenAPI spec's generated types (plugins/reliability-backend/openapi.yaml),
// for typed clients.
export type {
  paths as ReliabilityApiPaths,
  components as ReliabilityApiComponents,
  operations as ReliabilityApiOperations,
} from './generated/openapi';
export type {
  ReliabilityApiParameters,
  ReliabilityApiSchemas,
} from './apiSchemas';
