import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_PROMETHEUS_INSTANCE,
  BURN_RATE_WINDOWS,
  burnRateWindowsForPeriod,
  type SloEventCounts,
} from '@preflight/plugin-reliability-common';
import { type SloDefinition } from '@preflight/plugin-reliability-node';
import type {
  SloMeasurement,
  SloMeasureOptions,
  SloObservationBatch,
  SloProvider,
  SloQueryLink,
  SloSourceInfo,
  SloSourceLocation,
} from '@preflight/plugin-reliability-node';
import { demoCacheBoundary, demoScenario } from './demoScenario';
import {
  expectedDemoSeries,
  type ExpectedDemoSeries,
} from './expectedDemoSeries';
import { parseSeriesSelector, selectorMatches } from './parseSeriesSelector';

/** Instance name the catalog's SLOs resolve to by default, as in app-config.yaml. */
export const SIMULATED_DEMO_INSTANCE = 'demo';

/** The one source of the simulated demo provider. */
export const SIMULATED_DEMO_SOURCE: SloSourceInfo = {
  id: `simulated:${SIMULATED_DEMO_INSTANCE}`,
  type: 'simulated',
  displayName: 'Simulated demo data (no Prometheus)',
};

const MINUTE = 60;
/** Burn-down buckets per SLO window, like a Prometheus range query of modest size. */
const BURN_DOWN_BUCKETS = 240;

/** Options of {@link SimulatedDemoSloProvider}. */
export interface SimulatedDemoSloProviderOptions {
  /**
   * When the demo "started": anchors the scenario's episodes the way the
   * demo Prometheus anchors them at its start. Defaults to now.
   */
  startedAt?: Date;
}

/**
 * SLO source for the demo when no `prometheus` binary is installed: answers
 * the demo fleet's SLO queries from the same scenario the demo Prometheus
 * is loaded with (./demoScenario.ts), integrating the scenario's expected
 * rates instead of reading samples. Its source is named "Simulated demo data
 * (no Prometheus)" so no card passes it off as live metrics. Only plain series selectors of the scenario's counters can be
 * answered; anything else is reported on the SLO.
 */
export class SimulatedDemoSloProvider implements SloProvider {
  readonly type = SIMULATED_DEMO_SOURCE.type;
  readonly #series: ExpectedDemoSeries[];

  constructor(options: SimulatedDemoSloProviderOptions = {}) {
    const endSeconds =
      Math.floor((options.startedAt ?? new Date()).getTime() / 60_000) * 60;
    this.#series = expectedDemoSeries(
      demoScenario(demoCacheBoundary(endSeconds), endSeconds),
    );
  }

  listSources(): SloSourceInfo[] {
    return [{ ...SIMULATED_DEMO_SOURCE }];
  }

  locateSlo(entity: Entity, slo: SloDefinition): SloSourceLocation {
    const annotation =
      entity.metadata.annotations?.[ANNOTATION_PROMETHEUS_INSTANCE]?.trim();
    const instance =
      slo.prometheusInstance ?? annotation ?? SIMULATED_DEMO_INSTANCE;
    if (instance !== SIMULATED_DEMO_INSTANCE) {
      // Another provider may know this instance; the registry reports the
      // first provider's problem only when none does.
      return {
        problem: {
          entityRef: stringifyEntityRef(entity),
          field: slo.prometheusInstance
            ? 'spec.indicator.spec.ratioMetric.*.metricSource.metricSourceRef'
            : `metadata.annotations["${ANNOTATION_PROMETHEUS_INSTANCE}"]`,
          message: `SLO "${slo.id}": the simulated demo data only stands in for the "${SIMULATED_DEMO_INSTANCE}" instance, not "${instance}"`,
        },
      };
    }
    return { sourceId: SIMULATED_DEMO_SOURCE.id };
  }

  async measureSlos(
    sourceId: string,
    slos: readonly SloDefinition[],
    options: SloMeasureOptions,
  ): Promise<SloObservationBatch> {
    options.signal.throwIfAborted();
    if (sourceId !== SIMULATED_DEMO_SOURCE.id) {
      throw new Error(`Unknown simulated SLO source "${sourceId}"`);
    }
    const now = options.now ?? new Date();
    const observations = slos.map(slo => this.#measure(slo, now));
    return {
      sourceId,
      observedAt: now.toISOString(),
      observations,
      stats: {
        slos: slos.length,
        queries: 0,
        unbatchedQueries: 0,
        failedQueries: 0,
      },
    };
  }

  queryLinks(): SloQueryLink[] {
    // There is no query UI behind simulated data.
    return [];
  }

  #measure(slo: SloDefinition, now: Date): SloMeasurement {
    const base = {
      ref: `${slo.entityRef}/${slo.id}`,
      entityRef: slo.entityRef,
      sloId: slo.id,
      instance: SIMULATED_DEMO_INSTANCE,
      evaluatedAt: now.toISOString(),
      warnings: [
        'Simulated demo data: expected values of the demo scenario, not live metrics',
      ],
    };
    const failed = (message: string, field?: string): SloMeasurement => ({
      ...base,
      windows: {},
      errors: [{ message, field, instance: SIMULATED_DEMO_INSTANCE }],
    });
    const indicator = slo.indicator;
    if (indicator.kind === 'threshold' || slo.timeSliceWindowSeconds) {
      return failed(
        `SLO "${slo.id}" of ${slo.entityRef}: the simulated demo data has only ratio SLIs budgeted by occurrences`,
        'spec.indicator',
      );
    }
    const numeratorQuery =
      indicator.kind === 'ratio-good'
        ? indicator.goodQuery
        : indicator.badQuery;
    const numerator = this.#matching(numeratorQuery);
    const total = this.#matching(indicator.totalQuery);
    if (!numerator || !total) {
      return failed(
        `SLO "${slo.id}" of ${slo.entityRef}: the simulated demo data answers only plain series selectors of the demo counters`,
        'spec.indicator',
      );
    }

    if (total.length === 0) {
      // Like Prometheus with no series: unknown, not zero.
      return {
        ...base,
        period: null,
        windows: Object.fromEntries(BURN_RATE_WINDOWS.map(w => [w.id, null])),
        errors: [],
      };
    }

    // Per-minute increases, oldest first, ending at `now`, long enough for
    // the SLO window and every burn-rate window.
    const nowSeconds = now.getTime() / 1000;
    const longest = Math.max(
      slo.windowSeconds,
      ...BURN_RATE_WINDOWS.map(w => w.seconds),
    );
    const minutes = Math.ceil(longest / MINUTE);
    const perMinute = (series: ExpectedDemoSeries[]) => {
      const out = new Float64Array(minutes);
      for (let k = 0; k < minutes; k++) {
        const mid = nowSeconds - (minutes - k - 0.5) * MINUTE;
        for (const s of series) {
          out[k] += s.ratePerSecond(mid) * MINUTE;
        }
      }
      return out;
    };
    const num = perMinute(numerator);
    const tot = perMinute(total);
    const sumLast = (values: Float64Array, seconds: number, skip = 0) => {
      let sum = 0;
      const count = Math.ceil(seconds / MINUTE);
      for (let k = minutes - skip - count; k < minutes - skip; k++) {
        sum += values[k];
      }
      return sum;
    };
    const counts = (seconds: number, skip = 0): SloEventCounts => {
      const n = sumLast(num, seconds, skip);
      const t = sumLast(tot, seconds, skip);
      return {
        good: indicator.kind === 'ratio-good' ? n : t - n,
        total: t,
      };
    };

    const windowMinutes = Math.ceil(slo.windowSeconds / MINUTE);
    const stepMinutes = Math.max(
      1,
      Math.ceil(windowMinutes / BURN_DOWN_BUCKETS),
    );
    const buckets = [];
    for (
      let end = windowMinutes % stepMinutes;
      end <= windowMinutes;
      end += stepMinutes
    ) {
      if (end === 0) {
        continue;
      }
      const skip = windowMinutes - end;
      const size = Math.min(stepMinutes, end);
      buckets.push({
        timestamp: new Date((nowSeconds - skip * MINUTE) * 1000).toISOString(),
        ...counts(size * MINUTE, skip),
      });
    }
    return {
      ...base,
      period: counts(slo.windowSeconds),
      windows: Object.fromEntries(
        burnRateWindowsForPeriod(slo.windowSeconds).map(w => [
          w.id,
          counts(w.seconds),
        ]),
      ),
      burnDown: {
        windowStart: new Date(
          (nowSeconds - slo.windowSeconds) * 1000,
        ).toISOString(),
        stepSeconds: stepMinutes * MINUTE,
        buckets,
      },
      errors: [],
    };
  }

  /** The scenario's series a plain selector picks, or `undefined` for another query shape. */
  #matching(query: string): ExpectedDemoSeries[] | undefined {
    const selector = parseSeriesSelector(query);
    return selector
      ? this.#series.filter(s => selectorMatches(selector, s.metric, s.labels))
      : undefined;
  }
}
