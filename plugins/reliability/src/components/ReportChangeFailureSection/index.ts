export * from './ReportChangeFailureSection';
