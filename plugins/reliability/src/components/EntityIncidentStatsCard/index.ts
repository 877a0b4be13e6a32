export { EntityIncidentStatsCard } from './EntityIncidentStatsCard';
export type { EntityIncidentStatsCardProps } from './EntityIncidentStatsCard';
