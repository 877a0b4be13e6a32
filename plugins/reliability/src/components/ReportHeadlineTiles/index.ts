export * from './ReportHeadlineTiles';
