export { SloProblemList } from './SloProblemList';
export type { SloProblemListProps } from './SloProblemList';
