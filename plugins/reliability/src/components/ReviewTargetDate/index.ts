export { ReviewTargetDate } from './ReviewTargetDate';
export type { ReviewTargetDateProps } from './ReviewTargetDate';
