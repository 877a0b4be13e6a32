export * from './sloDuration';
export * from './burnRateWindows';
export * from './sloEventCounts';
export * from './errorBudget';
export * from './burnRateAlertPolicy';
export * from './evaluateSloBudget';
export * from './computeBurnDownSeries';
export * from './timesliceAttainment';
