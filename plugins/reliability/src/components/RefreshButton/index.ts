export { RefreshButton } from './RefreshButton';
export type { RefreshButtonProps } from './RefreshButton';
