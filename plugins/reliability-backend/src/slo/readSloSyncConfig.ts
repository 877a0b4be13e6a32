import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { parseSloDuration } from '@preflight/plugin-reliability-common';

/** Settings of the SLO syncs, with defaults applied. */
export interface SloSyncConfig {
  /** Schedule of each SLO source's task (scope is always global). */
  schedule: Pick<
    SchedulerServiceTaskScheduleDefinition,
    'frequency' | 'timeout' | 'initialDelay'
  >;
  /** Deadline of one sync, in milliseconds. */
  timeoutMs: number;
  /**
   * The time between two syncs, in seconds (with a cron schedule, the stale
   * threshold): the longest one measurement's alert state counts for in
   * the daily SLO history.
   */
  intervalSeconds: number;
  /** SLO evaluations older than this are stale (and block deploys), in milliseconds. */
  staleAfterMs: number;
  /** Longest SLO window accepted in an OpenSLO file (`reliability.slos.maxWindow`), in seconds. */
  maxWindowSeconds: number;
  /** Error-budget policy of the deploy gate (`reliability.slos.deployGate`). */
  deployGate: DeployGatePolicy;
}

/** How the deploy gate treats what it cannot judge. */
export interface DeployGatePolicy {
  /**
   * A page-level alert whose long window burns over its threshold while its
   * short window has no data (the service stopped reporting): `block`
   * (default) or `allow` the deploy.
   */
  unknownPageAlert: 'block' | 'allow';
  /**
   * What `allowed` says when the gate cannot judge (decision `unknown`: SLO
   * data missing, stale, its source never answered, a broken declaration):
   * `block` (default) or `allow`.
   */
  onUnknown: 'block' | 'allow';
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
// A quarter: enough for every common SLO window (7d, 28d, 30d, 90d) while
// a typical Prometheus keeps weeks, not years, of data.
const DEFAULT_MAX_WINDOW: HumanDuration = { days: 90 };

function readDuration(
  config: Config | undefined,
  key: string,
  fallback: HumanDuration,
  prefix = 'reliability.slos.sync',
): HumanDuration {
  if (!config?.has(key)) {
    return fallback;
  }
  const duration = readDurationFromConfig(config, { key });
  if (durationToMilliseconds(duration) <= 0) {
    throw new Error(`${prefix}.${key} must be a positive duration`);
  }
  return duration;
}

// Written like an OpenSLO window ("400d", "13w") it is parsed like one:
// the `ms`-style reading of config durations turns "400d" into 399.75 days.
function readMaxWindowSeconds(slos: Config | undefined): number {
  const key = 'maxWindow';
  const raw = slos?.getOptional(key);
  if (typeof raw === 'string' && /^[0-9]+[a-zA-Z]+$/.test(raw.trim())) {
    try {
      return parseSloDuration(raw.trim());
    } catch (error) {
      throw new Error(`reliability.slos.${key}: ${(error as Error).message}`);
    }
  }
  return (
    durationToMilliseconds(
      readDuration(slos, key, DEFAULT_MAX_WINDOW, 'reliability.slos'),
    ) / 1000
  );
}

// Only the two words: a typo must not quietly open or close the gate.
function readGateChoice(
  slos: Config | undefined,
  key: 'unknownPageAlert' | 'onUnknown',
): 'block' | 'allow' {
  const value = slos?.getOptionalString(`deployGate.${key}`);
  if (value === undefined) {
    return 'block';
  }
  if (value !== 'block' && value !== 'allow') {
    throw new Error(
      `reliability.slos.deployGate.${key} must be "block" or "allow", got "${value}"`,
    );
  }
  return value;
}

/**
 * Reads `reliability.slos.sync` (same keys as `reliability.sync`),
 * `reliability.slos.maxWindow` and `reliability.slos.deployGate`, applying
 * defaults so SLOs work with no configuration.
 */
export function readSloSyncConfig(root: Config): SloSyncConfig {
  const slos = root.getOptionalConfig('reliability.slos');
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
    intervalSeconds:
      durationToMilliseconds(
        'cron' in frequency
          ? readDuration(sync, 'staleAfter', DEFAULT_STALE_AFTER)
          : frequency,
      ) / 1000,
    staleAfterMs: durationToMilliseconds(
      readDuration(sync, 'staleAfter', DEFAULT_STALE_AFTER),
    ),
    maxWindowSeconds: readMaxWindowSeconds(slos),
    deployGate: {
      unknownPageAlert: readGateChoice(slos, 'unknownPageAlert'),
      onUnknown: readGateChoice(slos, 'onUnknown'),
    },
  };
}
