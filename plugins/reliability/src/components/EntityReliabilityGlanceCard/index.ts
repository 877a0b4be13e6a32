export { EntityReliabilityGlanceCard } from './EntityReliabilityGlanceCard';
export type { EntityReliabilityGlanceCardProps } from './EntityReliabilityGlanceCard';
