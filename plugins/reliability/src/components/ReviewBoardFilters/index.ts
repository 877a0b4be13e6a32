export { ReviewBoardFilters } from './ReviewBoardFilters';
export type { ReviewBoardFiltersProps } from './ReviewBoardFilters';
