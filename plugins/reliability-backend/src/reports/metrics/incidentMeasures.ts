import type {
  DurationMeasure,
  IncidentFact,
  IncidentMeasures,
  LongestIncident,
  ReportPeriod,
} from '@preflight/plugin-reliability-common';
import type { ServiceDailyRow } from './dailyRowTypes';
import { longestOf } from './longestIncident';
import {
  type DurationHistogram,
  histogramPercentile,
} from './durationHistogram';
import { IncidentTiming, incidentTiming, isOpenAt } from './incidentTiming';
import { nearestRankPercentile } from './percentile';
import { periodBounds } from './reportPeriod';
import { type PeriodFigures, periodFiguresOf, totalOf } from './periodFigures';

/** The percentile reported next to the means. */
export const REPORT_PERCENTILE = 90;

/** The mean of `count` durations summing to `sumMs`, in seconds; null when none. */
export function meanSeconds(count: number, sumMs: number): number | null {
  return count === 0 ? null : sumMs / count / 1000;
}

function exactMeasure(durationsMs: number[]): DurationMeasure {
  const sumMs = durationsMs.reduce((sum, ms) => sum + ms, 0);
  const p90Ms = nearestRankPercentile(durationsMs, REPORT_PERCENTILE);
  return {
    count: durationsMs.length,
    meanSeconds: meanSeconds(durationsMs.length, sumMs),
    p90Seconds: p90Ms === null ? null : p90Ms / 1000,
    p90Approximate: false,
  };
}

function histogramMeasure(
  count: number,
  sumMs: number,
  histogram: DurationHistogram,
): DurationMeasure {
  return {
    count,
    meanSeconds: meanSeconds(count, sumMs),
    p90Seconds: histogramPercentile(histogram, REPORT_PERCENTILE),
    p90Approximate: true,
  };
}

/**
 * Incident figures over a period, from raw incidents. An incident belongs
 * to the period it was created in; its acknowledgement and resolution count
 * whenever they happened (as known when computed).
 *
 * - `byUrgency`, `total`: incidents created in `[start, end)`.
 * - `mtta`: over those acknowledged with a usable time; the ones never
 *   acknowledged are not in the figure but counted in `unacknowledged`, so
 *   a low MTTA over few acknowledged incidents is visible as such.
 * - `mttr`: over those resolved with a usable time; `unresolved` counts the
 *   rest that are still open.
 * - Means are arithmetic; p90 is nearest-rank (see `nearestRankPercentile`).
 * - `openAtPeriodEnd`: incidents created any time before the end and not
 *   resolved by it (see `isOpenAt`).
 * - `longest`: the resolved incident of the period with the longest time to
 *   resolve (ties: lowest id). Open incidents show in `openAtPeriodEnd`.
 * Incidents with an unparseable creation time are ignored.
 */
export function computeIncidentMeasures(
  incidents: readonly IncidentFact[],
  period: ReportPeriod,
): IncidentMeasures {
  const { start, end } = periodBounds(period);
  const timed: Array<{ incident: IncidentFact; timing: IncidentTiming }> = [];
  for (const incident of incidents) {
    const timing = incidentTiming(incident);
    if (timing) {
      timed.push({ incident, timing });
    }
  }
  const inPeriod = timed.filter(
    ({ timing }) => timing.createdMs >= start && timing.createdMs < end,
  );

  let longest: (LongestIncident & { durationMs: number }) | null = null;
  for (const { incident, timing } of inPeriod) {
    if (timing.resolveMs !== null) {
      longest = longestOf(
        {
          incidentId: incident.id,
          serviceId: incident.serviceId,
          durationMs: timing.resolveMs,
          durationSeconds: timing.resolveMs / 1000,
        },
        longest,
      );
    }
  }

  const high = inPeriod.filter(({ incident }) => incident.urgency === 'high');
  return {
    total: inPeriod.length,
    byUrgency: { high: high.length, low: inPeriod.length - high.length },
    mtta: exactMeasure(
      inPeriod.flatMap(({ timing }) =>
        timing.ackMs === null ? [] : [timing.ackMs],
      ),
    ),
    unacknowledged: inPeriod.filter(({ timing }) => !timing.acknowledged)
      .length,
    mttr: exactMeasure(
      inPeriod.flatMap(({ timing }) =>
        timing.resolveMs === null ? [] : [timing.resolveMs],
      ),
    ),
    unresolved: inPeriod.filter(({ timing }) => !timing.resolved).length,
    openAtPeriodEnd: timed.filter(({ timing }) => isOpenAt(timing, end)).length,
    longest:
      longest === null
        ? null
        : {
            incidentId: longest.incidentId,
            serviceId: longest.serviceId,
            durationSeconds: longest.durationSeconds,
          },
  };
}

/**
 * The same figures as {@link computeIncidentMeasures}, from daily rows of
 * any number of services. Counts, means, `openAtPeriodEnd` and `longest`
 * are exact; p90 comes from merged histograms (`p90Approximate`: never
 * above the exact value, less than max(1 s, exact / 64) below it).
 * `openAtPeriodEnd` is read from each service's row of the period's last
 * day; a service without that row had nothing open.
 * @throws InputError when rows were folded in another zone than the period's.
 */
export function incidentMeasuresFromDailyRows(
  rows: readonly ServiceDailyRow[],
  period: ReportPeriod,
): IncidentMeasures {
  return incidentMeasuresOfFigures(periodFiguresOf(rows, period));
}

/**
 * {@link incidentMeasuresFromDailyRows} from a period's figures, however
 * they were added up (see `periodFiguresOf`).
 */
export function incidentMeasuresOfFigures(
  figures: PeriodFigures,
): IncidentMeasures {
  const total = totalOf(figures.services);
  const { longest } = figures;
  return {
    total: total.high + total.low,
    byUrgency: { high: total.high, low: total.low },
    mtta: histogramMeasure(
      total.ackCount,
      total.ackSumMs,
      figures.ackHistogram,
    ),
    unacknowledged: total.unacknowledged,
    mttr: histogramMeasure(
      total.resolveCount,
      total.resolveSumMs,
      figures.resolveHistogram,
    ),
    unresolved: total.unresolved,
    openAtPeriodEnd: total.openAtEnd,
    longest:
      longest === null
        ? null
        : {
            incidentId: longest.incidentId,
            serviceId: longest.serviceId,
            durationSeconds: longest.durationMs / 1000,
          },
  };
}
