export { NextHandoffLine } from './NextHandoffLine';
export type { NextHandoffLineProps } from './NextHandoffLine';
