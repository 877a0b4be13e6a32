/**
 * Preflight reliability frontend: on-call, runbooks and incident cards and
 * the reliability tab for Backstage entity pages.
 *
 * @packageDocumentation
 */
export {
  reliabilityPlugin,
  EntityOnCallCard,
  EntityRunbooksCard,
  EntityIncidentStatsCard,
  EntityGroupOnCallCard,
  EntityReliabilityContent,
  EntitySloCard,
} from './plugin';
export { isReliabilityAvailable } from './isReliabilityAvailable';
export { isSloAvailable } from './isSloAvailable';
export * from './api';
export { useEntityReliabilitySummary, useGroupOnCall, useNow } from './hooks';
export type { EntityReliabilitySummaryState, GroupOnCallState } from './hooks';
export { ReliabilitySummaryProvider } from './components/ReliabilitySummaryProvider';
export type { ReliabilitySummaryProviderProps } from './components/ReliabilitySummaryProvider';
export type { EntityOnCallCardProps } from './components/EntityOnCallCard';
export type { EntityRunbooksCardProps } from './components/EntityRunbooksCard';
export type { EntityIncidentStatsCardProps } from './components/EntityIncidentStatsCard';
export type { EntityReliabilityContentProps } from './components/EntityReliabilityContent';
export type { EntityGroupOnCallCardProps } from './components/EntityGroupOnCallCard';
export type { EntitySloCardProps } from './components/EntitySloCard';
export { useEntitySlos, useDeployGate } from './hooks/useEntitySlos';
export type { RequestState } from './hooks/useEntitySlos';
