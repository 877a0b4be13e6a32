export * from './ReportIncidentsSection';
