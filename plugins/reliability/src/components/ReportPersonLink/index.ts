export * from './ReportPersonLink';
