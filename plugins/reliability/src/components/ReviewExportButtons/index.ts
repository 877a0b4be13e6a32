export { ReviewExportButtons } from './ReviewExportButtons';
export type { ReviewExportButtonsProps } from './ReviewExportButtons';
