export { ReviewItemHeader } from './ReviewItemHeader';
export type { ReviewItemHeaderProps } from './ReviewItemHeader';
