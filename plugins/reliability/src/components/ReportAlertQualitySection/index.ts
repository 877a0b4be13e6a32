export * from './ReportAlertQualitySection';
