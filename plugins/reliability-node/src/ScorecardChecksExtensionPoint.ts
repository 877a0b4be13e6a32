import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { ScorecardCheck } from '@preflight/plugin-reliability-node';

/**
 * Lets backend modules add scorecard checks to the reliability plugin. A
 * check added here is registered next to the built-in library: a rubric that
 * lists no checks runs it with its defaults, and a configured rubric can
 * reference it by id (or as the `check` implementation of a configured
 * check), place it in a level and override its params per tier.
 *
 * Check ids must be unique across the built-ins and every module; a
 * duplicate stops the backend at startup.
 * @public
 */
export interface ReliabilityScorecardChecksExtensionPoint {
  addCheck(check: ScorecardCheck): void;
}

/** @public */
export const reliabilityScorecardChecksExtensionPoint =
  createExtensionPoint<ReliabilityScorecardChecksExtensionPoint>({
    id: 'reliability.scorecard-checks',
  });
