export { ReviewCheckState } from './ReviewCheckState';
export type { ReviewCheckStateProps } from './ReviewCheckState';
