export * from './ReportServiceLink';
