export * from './ReportTrendCharts';
