export { ExemptionChip } from './ExemptionChip';
export type { ExemptionChipProps } from './ExemptionChip';
