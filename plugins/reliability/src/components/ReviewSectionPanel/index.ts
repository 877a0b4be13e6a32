export { ReviewSectionPanel } from './ReviewSectionPanel';
export type { ReviewSectionPanelProps } from './ReviewSectionPanel';
