export { ReloadFailedAlert } from './ReloadFailedAlert';
export type { ReloadFailedAlertProps } from './ReloadFailedAlert';
