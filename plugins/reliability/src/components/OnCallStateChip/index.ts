export { OnCallStateChip } from './OnCallStateChip';
export type { OnCallStateChipProps } from './OnCallStateChip';
