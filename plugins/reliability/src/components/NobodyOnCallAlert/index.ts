export { NobodyOnCallAlert } from './NobodyOnCallAlert';
export type { NobodyOnCallAlertProps } from './NobodyOnCallAlert';
