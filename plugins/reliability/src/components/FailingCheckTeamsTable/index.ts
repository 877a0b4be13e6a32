export { FailingCheckTeamsTable } from './FailingCheckTeamsTable';
export type { FailingCheckTeamsTableProps } from './FailingCheckTeamsTable';
