export * from './ReliabilityReportView';
