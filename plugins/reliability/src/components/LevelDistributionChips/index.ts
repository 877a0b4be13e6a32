export { LevelDistributionChips } from './LevelDistributionChips';
export type { LevelDistributionChipsProps } from './LevelDistributionChips';
