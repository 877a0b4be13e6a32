export { LevelDistributionBar } from './LevelDistributionBar';
export type { LevelDistributionBarProps } from './LevelDistributionBar';
