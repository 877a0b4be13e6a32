export { ServiceStatusChip } from './ServiceStatusChip';
export type { ServiceStatusChipProps } from './ServiceStatusChip';
