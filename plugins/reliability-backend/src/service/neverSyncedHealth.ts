import type { SourceHealth } from '@preflight/plugin-reliability-common';
import type { OnCallSourceInfo } from '@preflight/plugin-reliability-node';

/**
 * The health of a source the store has no row for yet: registered sources
 * get one at startup, so this only covers the moments before that.
 */
export function neverSyncedHealth(source: OnCallSourceInfo): SourceHealth {
  return {
    id: source.id,
    type: source.type,
    displayName: source.displayName,
    lastAttemptAt: null,
    lastSuccessAt: null,
    lastError: null,
    errorSince: null,
    stale: false,
    ageSeconds: null,
    warnings: [],
  };
}
