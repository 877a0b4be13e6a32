export * from './ReportSloSection';
