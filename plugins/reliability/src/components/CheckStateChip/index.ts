export { CheckStateChip } from './CheckStateChip';
export type { CheckStateChipProps } from './CheckStateChip';
