export { UncoveredLevelChip } from './UncoveredLevelChip';
export type { UncoveredLevelChipProps } from './UncoveredLevelChip';
