export * from './ReportExportButtons';
