export * from './ReliabilityReportContent';
