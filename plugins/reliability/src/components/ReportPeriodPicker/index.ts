export * from './ReportPeriodPicker';
