export { IncidentStatsSection } from './IncidentStatsSection';
export type { IncidentStatsSectionProps } from './IncidentStatsSection';
