import type { SourceHealth } from '@preflight/plugin-reliability-common';
import type { StoredSourceHealth } from '../database/SourceStateStore';

/**
 * Adds the read-time fields to a stored health record: the age of the last
 * good data and whether it is stale (the last attempt failed, or the last
 * success is older than `staleAfterMs`).
 */
export function toSourceHealth(
  stored: StoredSourceHealth,
  options: { now: Date; staleAfterMs: number },
): SourceHealth {
  const lastSuccess = stored.lastSuccessAt
    ? new Date(stored.lastSuccessAt).getTime()
    : null;
  // Clocks of replicas differ slightly; an age is never negative.
  const ageMs =
    lastSuccess === null
      ? null
      : Math.max(0, options.now.getTime() - lastSuccess);
  const lastAttemptFailed = stored.lastError !== null;
  return {
    ...stored,
    stale:
      lastAttemptFailed || (ageMs !== null && ageMs > options.staleAfterMs),
    ageSeconds: ageMs === null ? null : Math.floor(ageMs / 1000),
  };
}
