export { RefreshErrorAlert } from './RefreshErrorAlert';
export type { RefreshErrorAlertProps } from './RefreshErrorAlert';
