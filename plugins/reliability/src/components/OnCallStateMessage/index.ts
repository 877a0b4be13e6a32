export { OnCallStateMessage } from './OnCallStateMessage';
export type { OnCallStateMessageProps } from './OnCallStateMessage';
