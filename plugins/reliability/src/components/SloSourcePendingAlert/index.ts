export { SloSourcePendingAlert } from './SloSourcePendingAlert';
export type { SloSourcePendingAlertProps } from './SloSourcePendingAlert';
