export { RubricPreviewPanel } from './RubricPreviewPanel';
export type { RubricPreviewPanelProps } from './RubricPreviewPanel';
