export * from './durations';
export * from './mergeIntervals';
export * from './shiftInterval';
export * from './resolveEscalationLevels';
