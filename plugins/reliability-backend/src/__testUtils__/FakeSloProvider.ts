import type { Entity } from '@backstage/catalog-model';
import { ANNOTATION_PROMETHEUS_INSTANCE } from '@preflight/plugin-reliability-common';
import { type SloDefinition } from '@preflight/plugin-reliability-node';
import type {
  SloMeasurement,
  SloMeasureOptions,
  SloObservationBatch,
  SloProvider,
  SloQueryLink,
  SloRules,
  SloRulesInput,
  SloSourceInfo,
  SloSourceLocation,
} from '@preflight/plugin-reliability-node';
import { stringify } from 'yaml';

/** What a test wants the fake source to report for one SLO. */
export type FakeSloReading =
  | {
      good: number;
      total: number;
      /** Per burn-rate window; windows not given read like the period. */
      windows?: Partial<Record<string, { good: number; total: number }>>;
      /** Burn-down buckets the period is spread over evenly (default 2). */
      buckets?: number;
    }
  | { error: string };

/**
 * An in-memory SLO provider of type `metrics` with sources `metrics:east`
 * and `metrics:west`. It locates SLOs by `metricSourceRef`, then the
 * `preflight.dev/prometheus-instance` annotation, then `east`, and reports
 * whatever readings the test sets. Methods are jest mocks so tests can
 * count calls.
 */
export class FakeSloProvider implements SloProvider {
  readonly type = 'metrics';
  readonly sources: SloSourceInfo[] = ['east', 'west'].map(name => ({
    id: `metrics:${name}`,
    type: 'metrics',
    displayName: `Metrics (${name})`,
  }));

  /** Readings by `<entityRef>/<sloId>`; SLOs without one have no traffic. */
  readings = new Map<string, FakeSloReading>();
  /** Sources whose whole measurement run fails. */
  failingSources = new Set<string>();

  readonly listSources = jest.fn((): SloSourceInfo[] => this.sources);

  readonly locateSlo = jest.fn(
    (entity: Entity, slo: SloDefinition): SloSourceLocation => {
      const name =
        slo.prometheusInstance ??
        entity.metadata.annotations?.[ANNOTATION_PROMETHEUS_INSTANCE] ??
        'east';
      if (!this.sources.some(source => source.id === `metrics:${name}`)) {
        return {
          problem: {
            entityRef: slo.entityRef,
            field: `metadata.annotations["${ANNOTATION_PROMETHEUS_INSTANCE}"]`,
            message: `${slo.entityRef}: SLO "${slo.id}" names the unknown instance "${name}"`,
          },
        };
      }
      return { sourceId: `metrics:${name}` };
    },
  );

  readonly measureSlos = jest.fn(
    async (
      sourceId: string,
      slos: readonly SloDefinition[],
      options: SloMeasureOptions,
    ): Promise<SloObservationBatch> => {
      if (this.failingSources.has(sourceId)) {
        throw new Error(`${sourceId} is unreachable`);
      }
      const now = options.now ?? new Date();
      return {
        sourceId,
        observedAt: now.toISOString(),
        observations: slos.map(slo => this.measure(slo, now)),
        stats: {
          slos: slos.length,
          queries: 1,
          unbatchedQueries: slos.length,
          failedQueries: 0,
        },
      };
    },
  );

  readonly queryLinks = jest.fn(
    (sourceId: string, slo: SloDefinition): SloQueryLink[] => [
      { title: 'Open in metrics', url: `https://${sourceId}.test/${slo.id}` },
    ],
  );

  readonly exportRules = jest.fn((input: SloRulesInput): SloRules => {
    const groups = input.slos.map(slo => ({
      name: `slo-${slo.id}`,
      rules: [
        {
          alert: 'SLOErrorBudgetBurn',
          expr: `slo_errors{slo="${slo.id}"} > ${1 - slo.target}`,
          labels: { severity: 'page', owner: input.owner ?? '' },
          annotations: { runbook_url: input.runbookUrl ?? '' },
        },
      ],
    }));
    return { yaml: stringify({ groups }), groups, problems: [] };
  });

  private measure(slo: SloDefinition, now: Date): SloMeasurement {
    const reading = this.readings.get(`${slo.entityRef}/${slo.id}`);
    const base = {
      ref: `${slo.entityRef}/${slo.id}`,
      entityRef: slo.entityRef,
      sloId: slo.id,
      evaluatedAt: now.toISOString(),
      warnings: [],
    };
    if (reading && 'error' in reading) {
      return {
        ...base,
        windows: {},
        errors: [{ message: reading.error, query: 'slo_errors' }],
      };
    }
    const period = reading
      ? { good: reading.good, total: reading.total }
      : null;
    const windowIds = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const;
    const bucketCount = reading?.buckets ?? 2;
    const windowStart = new Date(now.getTime() - slo.windowSeconds * 1000);
    return {
      ...base,
      period,
      windows: Object.fromEntries(
        windowIds.map(id => [id, reading?.windows?.[id] ?? period]),
      ),
      burnDown: {
        windowStart: windowStart.toISOString(),
        stepSeconds: slo.windowSeconds / (reading?.buckets ?? 2),
        buckets: period
          ? Array.from({ length: bucketCount }, (_, i) => ({
              timestamp: new Date(
                windowStart.getTime() +
                  ((i + 1) * slo.windowSeconds * 1000) / bucketCount,
              ).toISOString(),
              good: period.good / bucketCount,
              total: period.total / bucketCount,
            }))
          : [],
      },
      errors: [],
    };
  }
}
