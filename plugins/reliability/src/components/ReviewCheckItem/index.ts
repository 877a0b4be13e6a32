export { ReviewCheckItem } from './ReviewCheckItem';
export type { ReviewCheckItemProps } from './ReviewCheckItem';
