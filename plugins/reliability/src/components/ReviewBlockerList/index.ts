export { ReviewBlockerList } from './ReviewBlockerList';
export type { ReviewBlockerListProps } from './ReviewBlockerList';
