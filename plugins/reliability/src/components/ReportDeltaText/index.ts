export * from './ReportDeltaText';
