export { ReviewStateChip } from './ReviewStateChip';
export type { ReviewStateChipProps } from './ReviewStateChip';
