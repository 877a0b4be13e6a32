export * from './ReportTrendChart';
