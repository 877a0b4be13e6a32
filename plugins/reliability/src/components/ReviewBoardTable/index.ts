export { ReviewBoardTable } from './ReviewBoardTable';
export type { ReviewBoardTableProps } from './ReviewBoardTable';
