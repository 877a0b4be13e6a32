export { EntityReliabilityContent } from './EntityReliabilityContent';
export type { EntityReliabilityContentProps } from './EntityReliabilityContent';
