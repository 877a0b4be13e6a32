import type {
  AlertQualityMeasure,
  ReportPeriod,
  ServiceNoise,
} from '@preflight/plugin-reliability-common';
import type { ServiceDailyRow } from './dailyRowTypes';
import { IncidentTiming, incidentTiming } from './incidentTiming';
import { periodBounds } from './reportPeriod';
import { type PeriodFigures, periodFiguresOf } from './periodFigures';
import type { ReportIncident } from './types';

/** Resolved this fast without an acknowledgement, an incident is noise. */
export const DEFAULT_TRANSIENT_MINUTES = 5;

/** How many services the noisiest list names. */
export const NOISIEST_SERVICES_LIMIT = 10;

/**
 * Whether an incident was noise: nobody acknowledged it, and it either
 * resolved within `transientMinutes` (5 by default, inclusive) or was
 * resolved automatically. An incident a person acknowledged is actionable
 * even if its monitor later resolved it: someone had to look. An open
 * incident is not (yet) noise.
 */
export function isNoiseIncident(
  incident: Pick<ReportIncident, 'autoResolved'>,
  timing: IncidentTiming,
  transientMinutes: number = DEFAULT_TRANSIENT_MINUTES,
): boolean {
  if (timing.acknowledged || !timing.resolved) {
    return false;
  }
  if (incident.autoResolved === true) {
    return true;
  }
  return (
    timing.resolveMs !== null && timing.resolveMs <= transientMinutes * 60_000
  );
}

function measure(
  counts: Map<string, { total: number; noise: number }>,
  limit: number,
): AlertQualityMeasure {
  let total = 0;
  let noise = 0;
  const noisy: ServiceNoise[] = [];
  for (const [serviceId, count] of counts) {
    total += count.total;
    noise += count.noise;
    if (count.noise > 0) {
      noisy.push({
        serviceId,
        total: count.total,
        noise: count.noise,
        noiseShare: count.noise / count.total,
      });
    }
  }
  // Most noise incidents first (they cost the most interruptions), then the
  // higher share, then the id for a stable order.
  noisy.sort(
    (a, b) =>
      b.noise - a.noise ||
      b.noiseShare - a.noiseShare ||
      (a.serviceId < b.serviceId ? -1 : 1),
  );
  return {
    total,
    actionable: total - noise,
    noise,
    actionableShare: total === 0 ? null : (total - noise) / total,
    noisiestServices: noisy.slice(0, limit),
  };
}

/** Options of the alert-quality functions. */
export interface AlertQualityOptions {
  transientMinutes?: number;
  /** How many services to list as noisiest (10 by default). */
  limit?: number;
}

/**
 * Alert quality of the incidents created in the period: actionable share =
 * (incidents − noise) ÷ incidents (see {@link isNoiseIncident}), and the
 * services with noise, noisiest first.
 */
export function computeAlertQuality(
  incidents: readonly ReportIncident[],
  period: ReportPeriod,
  options: AlertQualityOptions = {},
): AlertQualityMeasure {
  const { start, end } = periodBounds(period);
  const counts = new Map<string, { total: number; noise: number }>();
  for (const incident of incidents) {
    const timing = incidentTiming(incident);
    if (!timing || timing.createdMs < start || timing.createdMs >= end) {
      continue;
    }
    const count = counts.get(incident.serviceId) ?? { total: 0, noise: 0 };
    count.total += 1;
    count.noise += isNoiseIncident(incident, timing, options.transientMinutes)
      ? 1
      : 0;
    counts.set(incident.serviceId, count);
  }
  return measure(counts, options.limit ?? NOISIEST_SERVICES_LIMIT);
}

/**
 * {@link computeAlertQuality} from daily rows; exact (the transient
 * threshold was applied when folding).
 */
export function alertQualityFromDailyRows(
  rows: readonly ServiceDailyRow[],
  period: ReportPeriod,
  options: Pick<AlertQualityOptions, 'limit'> = {},
): AlertQualityMeasure {
  return alertQualityOfFigures(periodFiguresOf(rows, period), options);
}

/**
 * {@link alertQualityFromDailyRows} from a period's figures, however they
 * were added up (see `periodFiguresOf`).
 */
export function alertQualityOfFigures(
  figures: PeriodFigures,
  options: Pick<AlertQualityOptions, 'limit'> = {},
): AlertQualityMeasure {
  const counts = new Map<string, { total: number; noise: number }>();
  for (const sums of figures.services) {
    // A service with rows but no incidents has nothing to say about quality.
    if (sums.high + sums.low > 0) {
      counts.set(sums.serviceId, {
        total: sums.high + sums.low,
        noise: sums.noise,
      });
    }
  }
  return measure(counts, options.limit ?? NOISIEST_SERVICES_LIMIT);
}
