export { NextLevelLine } from './NextLevelLine';
export type { NextLevelLineProps } from './NextLevelLine';
