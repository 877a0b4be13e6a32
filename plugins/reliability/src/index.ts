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
  EntityReliabilityContent,
} from './plugin';
export { isReliabilityAvailable } from './isReliabilityAvailable';
export * from './api';
export { useEntityReliabilitySummary, useNow } from './hooks';
export type { EntityReliabilitySummaryState } from './hooks';
export { ReliabilitySummaryProvider } from './components/ReliabilitySummaryProvider';
export type { ReliabilitySummaryProviderProps } from './components/ReliabilitySummaryProvider';
export type { EntityOnCallCardProps } from './components/EntityOnCallCard';
export type { EntityRunbooksCardProps } from './components/EntityRunbooksCard';
export type { EntityIncidentStatsCardProps } from './components/EntityIncidentStatsCard';
export type { EntityReliabilityContentProps } from './components/EntityReliabilityContent';
