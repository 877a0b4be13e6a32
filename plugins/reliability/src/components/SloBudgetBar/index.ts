export { SloBudgetBar } from './SloBudgetBar';
export type { SloBudgetBarProps } from './SloBudgetBar';
