export { ReliabilitySummaryProvider } from './ReliabilitySummaryProvider';
export type { ReliabilitySummaryProviderProps } from './ReliabilitySummaryProvider';
