export { RequestPending } from './RequestPending';
export type { RequestPendingProps } from './RequestPending';
