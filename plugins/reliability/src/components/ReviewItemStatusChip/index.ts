export { ReviewItemStatusChip } from './ReviewItemStatusChip';
export type { ReviewItemStatusChipProps } from './ReviewItemStatusChip';
