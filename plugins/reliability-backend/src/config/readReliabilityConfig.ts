import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

/** Settings of the reliability backend, with defaults applied. */
export interface ReliabilityConfig {
  sync: {
    /** Schedule of each source's sync task (scope is always global). */
    schedule: Pick<
      SchedulerServiceTaskScheduleDefinition,
      'frequency' | 'timeout' | 'initialDelay'
    >;
    /** Deadline of one sync, in milliseconds (the scheduler timeout). */
    timeoutMs: number;
    /** Data older than this counts as stale, in milliseconds. */
    staleAfterMs: number;
  };
  refresh: {
    /** Minimum time between two refreshes of the same entity, in milliseconds. */
    perEntityIntervalMs: number;
    /** Refreshes one user may make per minute, across all entities. */
    perUserPerMinute: number;
    /** Deadline of one refresh's upstream calls, in milliseconds. */
    timeoutMs: number;
  };
}

const DEFAULT_FREQUENCY: HumanDuration = { minutes: 5 };
const DEFAULT_TIMEOUT: HumanDuration = { minutes: 10 };
// Short, so a freshly started demo shows data within seconds.
const DEFAULT_INITIAL_DELAY: HumanDuration = { seconds: 5 };
const DEFAULT_STALE_AFTER: HumanDuration = { minutes: 30 };
const DEFAULT_REFRESH_INTERVAL: HumanDuration = { seconds: 30 };
const DEFAULT_REFRESH_PER_USER_PER_MINUTE = 10;
const DEFAULT_REFRESH_TIMEOUT: HumanDuration = { seconds: 30 };

function readDuration(
  config: Config | undefined,
  key: string,
  fallback: HumanDuration,
  path: string,
): HumanDuration {
  if (!config?.has(key)) {
    return fallback;
  }
  const duration = readDurationFromConfig(config, { key });
  if (durationToMilliseconds(duration) <= 0) {
    throw new Error(`${path}.${key} must be a positive duration`);
  }
  return duration;
}

/**
 * Reads `reliability.sync` and `reliability.refresh`, applying defaults so
 * the plugin runs with no configuration at all.
 */
export function readReliabilityConfig(root: Config): ReliabilityConfig {
  const sync = root.getOptionalConfig('reliability.sync');
  const refresh = root.getOptionalConfig('reliability.refresh');

  const cron = sync?.getOptionalString('frequency.cron');
  const frequency = cron
    ? { cron }
    : readDuration(sync, 'frequency', DEFAULT_FREQUENCY, 'reliability.sync');
  const timeout = readDuration(
    sync,
    'timeout',
    DEFAULT_TIMEOUT,
    'reliability.sync',
  );
  const initialDelay = readDuration(
    sync,
    'initialDelay',
    DEFAULT_INITIAL_DELAY,
    'reliability.sync',
  );
  const staleAfter = readDuration(
    sync,
    'staleAfter',
    DEFAULT_STALE_AFTER,
    'reliability.sync',
  );

  const perUserPerMinute =
    refresh?.getOptionalNumber('perUserPerMinute') ??
    DEFAULT_REFRESH_PER_USER_PER_MINUTE;
  if (!Number.isInteger(perUserPerMinute) || perUserPerMinute < 1) {
    throw new Error(
      'reliability.refresh.perUserPerMinute must be a positive integer',
    );
  }

  return {
    sync: {
      schedule: { frequency, timeout, initialDelay },
      timeoutMs: durationToMilliseconds(timeout),
      staleAfterMs: durationToMilliseconds(staleAfter),
    },
    refresh: {
      perEntityIntervalMs: durationToMilliseconds(
        readDuration(
          refresh,
          'perEntityInterval',
          DEFAULT_REFRESH_INTERVAL,
          'reliability.refresh',
        ),
      ),
      perUserPerMinute,
      timeoutMs: durationToMilliseconds(
        readDuration(
          refresh,
          'timeout',
          DEFAULT_REFRESH_TIMEOUT,
          'reliability.refresh',
        ),
      ),
    },
  };
}
