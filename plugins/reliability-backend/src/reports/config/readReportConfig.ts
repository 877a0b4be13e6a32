import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { DEFAULT_CHANGE_FAILURE_WINDOW_MINUTES } from '../metrics/changeFailureRate';
import { DEFAULT_TRANSIENT_MINUTES } from '../metrics/alertQuality';
import {
  DEFAULT_ON_CALL_HOURS,
  OnCallHours,
  validateOnCallHours,
} from '../metrics/pageHours';
import { DEFAULT_REPORT_TIME_ZONE } from '../metrics/reportPeriod';
import { isKnownTimeZone } from '../metrics/zonedTime';

/** Settings of reliability reports, with defaults applied. */
export interface ReportConfig {
  /** The zone daily rows are folded in and reports default to. */
  timeZone: string;
  /** How long after a change a high-urgency incident fails it. */
  changeFailureWindowMinutes: number;
  /** Unacknowledged incidents resolved within this are noise. */
  transientMinutes: number;
  /** How far back the first report sync of a source reads. */
  historyDays: number;
  /**
   * Each later sync re-reads this many days before the previous one's end,
   * for late data (PagerDuty analytics lag up to a day).
   */
  resyncDays: number;
  /** Business and sleep hours of pages; the default zone is `timeZone`. */
  hours: OnCallHours;
  /** The monthly digest through notifications. */
  digest: {
    enabled: boolean;
    schedule: SchedulerServiceTaskScheduleDefinition;
  };
}

/** Every 6 hours: soon after a month ends, and again after a failed send. */
const DEFAULT_DIGEST_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 6 },
  timeout: { minutes: 30 },
  initialDelay: { minutes: 5 },
};

function readDigest(config: Config | undefined): ReportConfig['digest'] {
  const digest = config?.getOptionalConfig('digest');
  const enabled = digest?.getOptionalBoolean('enabled') ?? false;
  if (!digest?.has('schedule')) {
    return { enabled, schedule: DEFAULT_DIGEST_SCHEDULE };
  }
  try {
    return {
      enabled,
      schedule: readSchedulerServiceTaskScheduleDefinitionFromConfig(
        digest.getConfig('schedule'),
      ),
    };
  } catch (error) {
    throw new Error(
      `reliability.reports.digest.schedule: ${(error as Error).message}`,
    );
  }
}

function positiveInteger(
  config: Config | undefined,
  key: string,
  fallback: number,
  max: number,
): number {
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new Error(
      `reliability.reports.${key} must be a whole number from 0 to ${max}, got ${value}`,
    );
  }
  return value;
}

/**
 * Reads `reliability.reports`; every key is optional.
 * @throws Error naming the key that is wrong.
 */
export function readReportConfig(root: Config): ReportConfig {
  const config = root.getOptionalConfig('reliability.reports');
  const timeZone =
    config?.getOptionalString('timeZone') ?? DEFAULT_REPORT_TIME_ZONE;
  if (!isKnownTimeZone(timeZone)) {
    throw new Error(
      `reliability.reports.timeZone "${timeZone}" is not a known IANA time zone`,
    );
  }
  const hoursConfig = config?.getOptionalConfig('onCallHours');
  const hours: OnCallHours = {
    businessDays:
      (hoursConfig?.getOptional('businessDays') as number[] | undefined) ??
      DEFAULT_ON_CALL_HOURS.businessDays,
    businessStart:
      hoursConfig?.getOptionalString('businessStart') ??
      DEFAULT_ON_CALL_HOURS.businessStart,
    businessEnd:
      hoursConfig?.getOptionalString('businessEnd') ??
      DEFAULT_ON_CALL_HOURS.businessEnd,
    sleepStart:
      hoursConfig?.getOptionalString('sleepStart') ??
      DEFAULT_ON_CALL_HOURS.sleepStart,
    sleepEnd:
      hoursConfig?.getOptionalString('sleepEnd') ??
      DEFAULT_ON_CALL_HOURS.sleepEnd,
    defaultTimeZone: timeZone,
  };
  try {
    validateOnCallHours(hours);
  } catch (error) {
    throw new Error(
      `reliability.reports.onCallHours: ${(error as Error).message}`,
    );
  }
  return {
    timeZone,
    changeFailureWindowMinutes: positiveInteger(
      config,
      'changeFailureWindowMinutes',
      DEFAULT_CHANGE_FAILURE_WINDOW_MINUTES,
      24 * 60,
    ),
    transientMinutes: positiveInteger(
      config,
      'transientMinutes',
      DEFAULT_TRANSIENT_MINUTES,
      24 * 60,
    ),
    historyDays: positiveInteger(config, 'historyDays', 400, 800),
    resyncDays: positiveInteger(config, 'resyncDays', 3, 90),
    hours,
    digest: readDigest(config),
  };
}
