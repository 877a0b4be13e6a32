export { StaleWarning } from './StaleWarning';
export type { StaleWarningProps } from './StaleWarning';
