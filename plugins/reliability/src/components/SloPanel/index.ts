export { SloPanel } from './SloPanel';
export type { SloPanelProps } from './SloPanel';
