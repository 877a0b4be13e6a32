export { AsOfChip } from './AsOfChip';
export type { AsOfChipProps } from './AsOfChip';
