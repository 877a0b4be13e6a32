export { CardFrame } from './CardFrame';
export type { CardFrameProps } from './CardFrame';
