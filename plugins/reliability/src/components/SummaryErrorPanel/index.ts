export { SummaryErrorPanel } from './SummaryErrorPanel';
export type { SummaryErrorPanelProps } from './SummaryErrorPanel';
