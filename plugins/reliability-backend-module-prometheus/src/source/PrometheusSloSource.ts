import { setMaxListeners } from 'node:events';
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  BURN_RATE_WINDOWS,
  type BurnRateWindow,
} from '@preflight/plugin-reliability-common';
import {
  currentSloWindow,
  type SloDefinition,
} from '@preflight/plugin-reliability-node';
import { executeQueryPlan } from '../batching/executeQueryPlan';
import {
  planBatchedQueries,
  type QueryPlanOptions,
} from '../batching/planBatchedQueries';
import type { PlannableSlo } from '../batching/QueryPlan';
import { PrometheusClient } from '../client/PrometheusClient';
import type {
  PrometheusInstanceConfig,
  PrometheusModuleConfig,
} from '../config/PrometheusModuleConfig';
import { assembleMeasurements } from './assembleMeasurements';
import { resolvePrometheusInstance } from './resolvePrometheusInstance';
import type { SloMeasurement } from '@preflight/plugin-reliability-node';
import { sloFieldPath } from './sloFieldPath';
import { sloRefOf } from './sloRefOf';

/** One SLO to measure. */
export interface SloMeasurementRequest {
  definition: SloDefinition;
  /** The entity's `preflight.dev/prometheus-instance` annotation, if any. */
  instanceAnnotation?: string;
}

/** Options of {@link PrometheusSloSource.measure}. */
export interface MeasureSlosOptions {
  /** Aborts every query (e.g. the scheduler's task signal). */
  signal?: AbortSignal;
  /** Evaluation instant; defaults to the source's clock. Rounded down to the minute. */
  at?: Date;
}

/** Query counts of one {@link PrometheusSloSource.measure} call. */
export interface SloMeasurementStats {
  slos: number;
  /** Queries issued (one per window per shape, plus range queries). */
  queries: number;
  /** Queries the same SLOs would cost measured one at a time. */
  unbatchedQueries: number;
  failedQueries: number;
}

/** An instance that did not answer the probe, so none of its queries were sent. */
export interface UnavailableInstance {
  instance: string;
  /** Why, e.g. `Prometheus instance "main": network: request to … failed: connection refused (ECONNREFUSED)`. */
  message: string;
  /** Queries of this run that were not sent. */
  skippedQueries: number;
}

/** Outcome of {@link PrometheusSloSource.measure}. */
export interface SloMeasurementReport {
  /** ISO-8601 instant every query was evaluated at. */
  evaluatedAt: string;
  /** Instances that were down: their SLOs carry the probe's error. */
  unavailable: UnavailableInstance[];
  /** One per request, in request order. */
  measurements: SloMeasurement[];
  stats: SloMeasurementStats;
}

/** Construction options of {@link PrometheusSloSource}. */
export interface PrometheusSloSourceOptions {
  config: PrometheusModuleConfig;
  logger?: LoggerService;
  /** Builds the client of an instance; override in tests. */
  createClient?: (instance: PrometheusInstanceConfig) => PrometheusClient;
  /** "Now"; defaults to the wall clock. */
  now?: () => Date;
  /** Burn-rate windows of a 30-day period, scaled to each SLO's period; defaults to 5m, 30m, 1h, 2h, 6h, 1d, 3d. */
  windows?: readonly BurnRateWindow[];
  plan?: QueryPlanOptions;
}

/**
 * Measures SLOs on the configured Prometheus instances: per SLO the events
 * over its window, over each burn-rate window and per step for the burn-down
 * chart, with SLOs of one shape batched into grouped queries. Problems stay
 * with the SLO they belong to: an unknown instance, a query Prometheus
 * rejects or an instance that is down become errors on the affected SLOs
 * while the others are measured.
 */
export class PrometheusSloSource {
  private readonly config: PrometheusModuleConfig;
  private readonly logger?: LoggerService;
  private readonly clients = new Map<string, PrometheusClient>();
  private readonly now: () => Date;
  private readonly windows: readonly BurnRateWindow[];
  private readonly planOptions: QueryPlanOptions;

  constructor(options: PrometheusSloSourceOptions) {
    this.config = options.config;
    this.logger = options.logger;
    this.now = options.now ?? (() => new Date());
    this.windows = options.windows ?? BURN_RATE_WINDOWS;
    this.planOptions = options.plan ?? {};
    const createClient =
      options.createClient ?? (instance => new PrometheusClient({ instance }));
    for (const instance of this.config.instances) {
      this.clients.set(instance.name, createClient(instance));
    }
  }

  /** The client of a configured instance (shared by every measurement, so its concurrency bound holds). */
  client(instance: string): PrometheusClient | undefined {
    return this.clients.get(instance);
  }

  async measure(
    requests: readonly SloMeasurementRequest[],
    options: MeasureSlosOptions = {},
  ): Promise<SloMeasurementReport> {
    if (options.signal) {
      // Every query combines this run's signal with its own deadline, so one
      // run legitimately adds more abort listeners than Node's default of 10.
      setMaxListeners(0, options.signal);
    }
    // Whole minutes: windows then end on the sample grid of the usual 1m
    // scrape (or a multiple of it), and buckets stay stable between syncs.
    const at = new Date(
      Math.floor((options.at ?? this.now()).getTime() / 60_000) * 60_000,
    );
    const evaluatedAt = at.toISOString();

    const plannable: PlannableSlo[] = [];
    const early = new Map<string, SloMeasurement>();
    const seen = new Set<string>();
    for (const { definition, instanceAnnotation } of requests) {
      const ref = sloRefOf(definition);
      if (seen.has(ref)) {
        continue;
      }
      seen.add(ref);
      const resolution = resolvePrometheusInstance(
        definition,
        instanceAnnotation,
        this.config,
      );
      if ('problem' in resolution) {
        early.set(ref, {
          ref,
          entityRef: definition.entityRef,
          sloId: definition.id,
          evaluatedAt,
          windows: {},
          warnings: [],
          errors: [
            {
              message: `SLO "${definition.id}" of ${definition.entityRef}: ${resolution.problem.message}. ${resolution.problem.fix}`,
              field: sloFieldPath(definition, resolution.problem.field),
            },
          ],
        });
        continue;
      }
      plannable.push({
        ref,
        instance: resolution.instance,
        definition,
        ...calendarPeriod(definition, at),
      });
    }

    const plan = planBatchedQueries(plannable, this.windows, this.planOptions);
    const down = await this.probe(plan, options.signal);
    const outcomes = await executeQueryPlan(plan, {
      clientFor: name => this.clients.get(name),
      at,
      signal: options.signal,
      unavailable: down,
    });
    // A cancelled sync must not be stored as if Prometheus had failed.
    options.signal?.throwIfAborted();

    const assembled = assembleMeasurements({
      slos: plannable,
      plan,
      outcomes,
      at,
    });
    const failedQueries = outcomes.filter(outcome => !outcome.ok).length;
    const unavailable = [...down].map(([instance, error]) => ({
      instance,
      message: error.message,
      skippedQueries: plan.queries.filter(q => q.instance === instance).length,
    }));
    for (const { instance, message, skippedQueries } of unavailable) {
      this.logger?.warn(
        `Prometheus instance "${instance}" is down; skipped its ${skippedQueries} queries this run: ${message}`,
      );
    }
    const stats: SloMeasurementStats = {
      slos: seen.size,
      queries: plan.queries.length,
      unbatchedQueries: plan.unbatchedQueryCount,
      failedQueries,
    };
    this.logger?.info(
      `Measured ${stats.slos} SLOs with ${stats.queries} PromQL queries (${stats.unbatchedQueries} one SLO at a time); ${failedQueries} failed`,
    );
    // `seen` keeps request order and drops repeated SLOs.
    const measurements = [...seen].map(
      ref => early.get(ref) ?? assembled.get(ref)!,
    );
    return { evaluatedAt, unavailable, measurements, stats };
  }

  /**
   * One cheap request per instance the plan queries, before any query:
   * while an instance is down a run costs one request instead of every
   * query three times (with retries), and the run resumes by itself once
   * the probe gets an answer.
   */
  private async probe(
    plan: { queries: ReadonlyArray<{ instance: string }> },
    signal: AbortSignal | undefined,
  ): Promise<Map<string, Error>> {
    const instances = [...new Set(plan.queries.map(q => q.instance))];
    const down = new Map<string, Error>();
    await Promise.all(
      instances.map(async instance => {
        const client = this.clients.get(instance);
        if (!client) {
          return;
        }
        try {
          await client.probe({ signal });
        } catch (error) {
          signal?.throwIfAborted();
          down.set(
            instance,
            error instanceof Error ? error : new Error(String(error)),
          );
        }
      }),
    );
    return down;
  }
}

/**
 * A calendar-aligned window is measured from its start up to `at` (at least
 * a minute, so the range is a valid PromQL duration at the very start).
 */
function calendarPeriod(
  definition: SloDefinition,
  at: Date,
): { periodSeconds?: number } {
  if (definition.rolling) {
    return {};
  }
  const { start } = currentSloWindow(definition, at);
  return {
    periodSeconds: Math.max(
      60,
      Math.round((at.getTime() - start.getTime()) / 1000),
    ),
  };
}
