export { useNow } from './useNow';
export { useEntityReliabilitySummary } from './useEntityReliabilitySummary';
export { useSummaryLoader } from './useSummaryLoader';
export { ReliabilitySummaryContext } from './ReliabilitySummaryContext';
export type { EntityReliabilitySummaryState } from './EntityReliabilitySummaryState';
export { useGroupOnCall } from './useGroupOnCall';
export type { GroupOnCallState } from './useGroupOnCall';
export {
  useEntityScorecard,
  useGroupScorecards,
  useScorecardOverview,
} from './useScorecards';
