export { OnCallLevelRow } from './OnCallLevelRow';
export type { OnCallLevelRowProps } from './OnCallLevelRow';
