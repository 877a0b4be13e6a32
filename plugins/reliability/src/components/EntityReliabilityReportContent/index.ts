export * from './EntityReliabilityReportContent';
