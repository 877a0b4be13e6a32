export { EntityRunbooksCard } from './EntityRunbooksCard';
export type { EntityRunbooksCardProps } from './EntityRunbooksCard';
