export { GroupOnCallTable } from './GroupOnCallTable';
export type { GroupOnCallTableProps } from './GroupOnCallTable';
