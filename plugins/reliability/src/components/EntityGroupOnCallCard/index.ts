export { EntityGroupOnCallCard } from './EntityGroupOnCallCard';
export type { EntityGroupOnCallCardProps } from './EntityGroupOnCallCard';
