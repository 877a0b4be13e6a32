export { SloAlertChip } from './SloAlertChip';
export type { SloAlertChipProps } from './SloAlertChip';
