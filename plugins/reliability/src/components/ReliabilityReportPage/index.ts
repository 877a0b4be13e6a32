export * from './ReliabilityReportPage';
