export * from './ReportMoversSection';
