export * from './ReportDeltaTile';
