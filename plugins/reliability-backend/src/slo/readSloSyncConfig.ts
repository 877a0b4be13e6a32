import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

/** Settings of the SLO syncs, with defaults applied. @public */
export interface SloSyncConfig {
  /** Schedule of each SLO source's task (scope is always global). */
  schedule: Pick<
    SchedulerServiceTaskScheduleDefinition,
    'frequency' | 'timeout' | 'initialDelay'
  >;
  /** Deadline of one sync, in milliseconds. */
  timeoutMs: number;
  /** SLO evaluations older than this are stale (and block deploys), in milliseconds. */
  staleAfterMs: number;
}

// Every minute: page-level burn alerts look at a 5-minute window, so the
// deploy gate must not lag by more than a fraction of it. Batched PromQL
// makes a run a handful of queries per source.
const DEFAULT_FREQUENCY: HumanDuration = { minutes: 1 };
const DEFAULT_TIMEOUT: HumanDuration = { minutes: 2 };
const DEFAULT_INITIAL_DELAY: HumanDuration = { seconds: 5 };
// Ten missed runs: long enough to ride out a Prometheus restart, short
// enough that a deploy gate never trusts a picture older than that.
const DEFAULT_STALE_AFTER: HumanDuration = { minutes: 10 };

function readDuration(
  config: Config | undefined,
  key: string,
  fallback: HumanDuration,
): HumanDuration {
  if (!config?.has(key)) {
    return fallback;
  }
  const duration = readDurationFromConfig(config, { key });
  if (durationToMilliseconds(duration) <= 0) {
    throw new Error(`reliability.slos.sync.${key} must be a positive duration`);
  }
  return duration;
}

/**
 * Reads `reliability.slos.sync` (same keys as `reliability.sync`), applying
 * defaults so SLOs work with no configuration.
 * @public
 */
export function readSloSyncConfig(root: Config): SloSyncConfig {
  const sync = root.getOptionalConfig('reliability.slos.sync');
  const cron = sync?.getOptionalString('frequency.cron');
  const frequency = cron
    ? { cron }
    : readDuration(sync, 'frequency', DEFAULT_FREQUENCY);
  const timeout = readDuration(sync, 'timeout', DEFAULT_TIMEOUT);
  const initialDelay = readDuration(
    sync,
    'initialDelay',
    DEFAULT_INITIAL_DELAY,
  );
  return {
    schedule: { frequency, timeout, initialDelay },
    timeoutMs: durationToMilliseconds(timeout),
    staleAfterMs: durationToMilliseconds(
      readDuration(sync, 'staleAfter', DEFAULT_STALE_AFTER),
    ),
  };
}
