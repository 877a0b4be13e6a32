import type { LoggerService } from '@backstage/backend-plugin-api';
import type { OnCallSnapshot } from '@preflight/plugin-reliability-common';
import type { ReliabilityStore } from './ReliabilityStore';
import { errorMessage } from '../lib/errorMessage';
import { formatDuration } from '../lib/formatDuration';
import type { RegisteredOnCallSource } from './OnCallProviderRegistry';

/** Outcome of one sync attempt. */
export type SourceSyncOutcome =
  | { status: 'succeeded'; services: number; warnings: number }
  | { status: 'failed'; error: string };

function assertSnapshot(snapshot: OnCallSnapshot): void {
  // A provider bug that returns half a snapshot must not wipe the source's
  // data: treat it as a failed sync instead.
  if (
    !snapshot ||
    !Array.isArray(snapshot.services) ||
    !Array.isArray(snapshot.policies) ||
    !Array.isArray(snapshot.incidentStats)
  ) {
    throw new Error('the provider returned an incomplete snapshot');
  }
}

/**
 * Syncs one source: reads it in bulk through its provider, then replaces its
 * stored data and marks it healthy. On failure only the source's health is
 * updated, so the last-known-good data keeps being served.
 *
 * Throws only when the store itself cannot be written.
 */
export async function runSourceSync(options: {
  registered: RegisteredOnCallSource;
  store: ReliabilityStore;
  logger: LoggerService;
  /** Aborted by the scheduler (task timeout or shutdown). */
  signal?: AbortSignal;
  /** Deadline of the whole sync, in milliseconds. */
  timeoutMs: number;
  now?: () => Date;
  /**
   * The service ids the catalog annotates for this source; handed to the
   * provider, which asks only when its service list is incomplete.
   */
  annotatedServiceIds?: (signal: AbortSignal) => Promise<string[]>;
}): Promise<SourceSyncOutcome> {
  const { registered, store, logger, timeoutMs } = options;
  const { provider, source } = registered;
  const now = options.now ?? (() => new Date());
  // The data reflects the source as of when we started reading it.
  const startedAt = now();
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = options.signal
    ? AbortSignal.any([options.signal, deadline])
    : deadline;

  let snapshot: OnCallSnapshot;
  try {
    const { annotatedServiceIds } = options;
    snapshot = await provider.syncSource(source.id, {
      signal,
      ...(annotatedServiceIds
        ? { annotatedServiceIds: () => annotatedServiceIds(signal) }
        : {}),
    });
    assertSnapshot(snapshot);
  } catch (error) {
    const message = deadline.aborted
      ? `sync did not finish within ${formatDuration(timeoutMs)}`
      : errorMessage(error);
    logger.warn(
      `Sync of on-call source ${source.id} failed; keeping its last-known data: ${message}`,
    );
    await store.recordSyncFailure({
      source,
      error: message,
      attemptedAt: startedAt,
    });
    return { status: 'failed', error: message };
  }

  await store.replaceSourceSnapshot({ source, snapshot, syncedAt: startedAt });
  const warnings = snapshot.warnings ?? [];
  for (const warning of warnings) {
    logger.warn(`Sync of on-call source ${source.id}: ${warning}`);
  }
  logger.info(
    `Synced on-call source ${source.id}: ${
      snapshot.services.length
    } services, ${snapshot.policies.length} escalation policies, ${
      snapshot.incidentStats.length
    } incident stats in ${now().getTime() - startedAt.getTime()} ms`,
  );
  return {
    status: 'succeeded',
    services: snapshot.services.length,
    warnings: warnings.length,
  };
}
