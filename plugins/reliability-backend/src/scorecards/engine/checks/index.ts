import type { ScorecardCheck } from '@preflight/plugin-reliability-node';
import { documentationChecks } from './documentationChecks';
import { incidentChecks } from './incidentChecks';
import { metadataChecks } from './metadataChecks';
import { onCallChecks } from './onCallChecks';
import { ownershipChecks } from './ownershipChecks';
import { runbookChecks } from './runbookChecks';
import { reportChecks } from './reportChecks';
import { reviewChecks } from './reviewChecks';
import { sloChecks } from './sloChecks';

export * from './documentationChecks';
export * from './incidentChecks';
export * from './metadataChecks';
export * from './onCallChecks';
export * from './ownershipChecks';
export * from './runbookChecks';
export * from './reportChecks';
export * from './reviewChecks';
export * from './sloChecks';

/** Every built-in readiness check, in the order scorecards list them. */
export const builtinScorecardChecks: ScorecardCheck[] = [
  ...ownershipChecks,
  ...onCallChecks,
  ...runbookChecks,
  ...sloChecks,
  ...incidentChecks,
  ...reportChecks,
  ...documentationChecks,
  ...metadataChecks,
  ...reviewChecks,
];
