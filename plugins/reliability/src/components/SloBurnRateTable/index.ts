export { SloBurnRateTable } from './SloBurnRateTable';
export type { SloBurnRateTableProps } from './SloBurnRateTable';
