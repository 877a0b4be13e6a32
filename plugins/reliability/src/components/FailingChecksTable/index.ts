export { FailingChecksTable } from './FailingChecksTable';
export type { FailingChecksTableProps } from './FailingChecksTable';
