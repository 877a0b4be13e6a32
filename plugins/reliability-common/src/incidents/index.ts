export * from './IncidentFact';
export * from './computeIncidentStats';
