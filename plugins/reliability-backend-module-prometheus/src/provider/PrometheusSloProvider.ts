import type { LoggerService } from '@backstage/backend-plugin-api';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ANNOTATION_PROMETHEUS_INSTANCE } from '@preflight/plugin-reliability-common';
import { type SloDefinition } from '@preflight/plugin-reliability-node';
import { compileSli } from '../batching/compileSli';
import {
  findSloQueryProblem,
  type QueryPlanOptions,
} from '../batching/planBatchedQueries';
import {
  PROMETHEUS_INSTANCE_NAME_PATTERN,
  type PrometheusModuleConfig,
} from '../config/PrometheusModuleConfig';
import type {
  AlertRuleRecord,
  ListAlertRulesOptions,
  SloMeasureOptions,
  SloObservationBatch,
  SloProvider,
  SloQueryLink,
  SloRules,
  SloRulesInput,
  SloSourceInfo,
  SloSourceLocation,
} from '@preflight/plugin-reliability-node';
import { fillWindowPlaceholder } from '../promql';
import { generateSloRules } from '../rules/generateSloRules';
import { sliErrorRatioExpression } from '../rules/sliErrorRatioExpression';
import { PrometheusClient } from '../client/PrometheusClient';
import { PrometheusQueryError } from '../client/PrometheusQueryError';
import {
  PrometheusSloSource,
  type PrometheusSloSourceOptions,
} from '../source/PrometheusSloSource';
import { resolvePrometheusInstance } from '../source/resolvePrometheusInstance';
import { sloFieldPath } from '../source/sloFieldPath';
import { queryLinkUrl } from './queryLinkUrl';

const SOURCE_PREFIX = 'prometheus:';

/** Construction options of {@link PrometheusSloProvider}. */
export type PrometheusSloProviderOptions = PrometheusSloSourceOptions & {
  logger?: LoggerService;
};

/**
 * The Prometheus {@link SloProvider}: one source per configured instance,
 * measured in bulk by a {@link PrometheusSloSource}.
 */
export class PrometheusSloProvider implements SloProvider {
  readonly type = 'prometheus';
  private readonly config: PrometheusModuleConfig;
  private readonly source: PrometheusSloSource;
  private readonly planOptions: QueryPlanOptions;

  private readonly rulesClients = new Map<string, PrometheusClient>();

  constructor(options: PrometheusSloProviderOptions) {
    this.config = options.config;
    this.planOptions = options.plan ?? {};
    this.source = new PrometheusSloSource(options);
    const createClient =
      options.createClient ?? (instance => new PrometheusClient({ instance }));
    for (const instance of this.config.instances) {
      if (instance.rulesUrl) {
        // Same headers (tenant, token) and deadline; its own concurrency.
        this.rulesClients.set(
          instance.name,
          createClient({ ...instance, baseUrl: instance.rulesUrl }),
        );
      }
    }
  }

  listSources(): SloSourceInfo[] {
    return this.config.instances.map(instance => ({
      id: `${SOURCE_PREFIX}${instance.name}`,
      type: this.type,
      displayName: `Prometheus (${instance.name})`,
    }));
  }

  locateSlo(entity: Entity, slo: SloDefinition): SloSourceLocation {
    const entityRef = stringifyEntityRef(entity);
    const annotation =
      entity.metadata.annotations?.[ANNOTATION_PROMETHEUS_INSTANCE];
    const field = `metadata.annotations["${ANNOTATION_PROMETHEUS_INSTANCE}"]`;
    if (
      annotation !== undefined &&
      !PROMETHEUS_INSTANCE_NAME_PATTERN.test(annotation.trim())
    ) {
      return {
        problem: {
          entityRef,
          field,
          message: `"${annotation}" is not a Prometheus instance name${
            /^[a-z]+:\/\//i.test(annotation)
              ? ' (instances are named in app-config, never given as URLs)'
              : ''
          }`,
          fix: 'Write the name of an instance under reliability.prometheus.instances, e.g. "main".',
        },
      };
    }
    const resolution = resolvePrometheusInstance(slo, annotation, this.config);
    if ('problem' in resolution) {
      return {
        problem: {
          entityRef,
          field: sloFieldPath(slo, resolution.problem.field),
          message: `SLO "${slo.id}": ${resolution.problem.message}`,
          fix: resolution.problem.fix,
        },
      };
    }
    // A query that can never be measured is a declaration problem, shown
    // with its field as soon as the file is read, not after the next sync.
    const queryProblem = findSloQueryProblem(slo, this.planOptions);
    if (queryProblem) {
      return {
        problem: {
          entityRef,
          field: sloFieldPath(slo, queryProblem.field),
          message: `SLO "${slo.id}": ${queryProblem.message}`,
          ...(queryProblem.fix ? { fix: queryProblem.fix } : {}),
        },
      };
    }
    return { sourceId: `${SOURCE_PREFIX}${resolution.instance}` };
  }

  async measureSlos(
    sourceId: string,
    slos: readonly SloDefinition[],
    options: SloMeasureOptions,
  ): Promise<SloObservationBatch> {
    const instance = this.instanceOf(sourceId);
    // Located already: pin every SLO to this source's instance.
    const report = await this.source.measure(
      slos.map(definition => ({
        definition: { ...definition, prometheusInstance: instance },
      })),
      { signal: options.signal, at: options.now },
    );
    const [down] = report.unavailable;
    return {
      sourceId,
      observedAt: report.evaluatedAt,
      observations: report.measurements,
      ...(down
        ? {
            unavailable: `${down.message}; its ${down.skippedQueries} queries were not sent and are tried again next run`,
          }
        : {}),
      stats: report.stats,
    };
  }

  queryLinks(sourceId: string, slo: SloDefinition): SloQueryLink[] {
    const name = this.instanceOf(sourceId);
    const instance = this.config.instances.find(i => i.name === name)!;
    const compiled = compileSli(slo.indicator);
    if (!compiled.ok) {
      return [];
    }
    const expression =
      compiled.sli.kind === 'threshold'
        ? fillWindowPlaceholder(compiled.sli.template, '5m')
        : sliErrorRatioExpression(compiled.sli, '1h');
    return [
      {
        title:
          compiled.sli.kind === 'threshold'
            ? 'SLI in Prometheus'
            : 'Error ratio (1h) in Prometheus',
        url: queryLinkUrl(
          instance,
          this.source.client(name)?.detectedEngine?.engine,
          expression,
          slo.windowSeconds,
        ),
      },
    ];
  }

  exportRules(input: SloRulesInput): SloRules {
    return generateSloRules(input);
  }

  /**
   * The alerting rules of a source: from `rulesUrl` when configured (vmalert,
   * Mimir ruler), else from the instance. An empty list from an engine that
   * does not evaluate rules itself (VictoriaMetrics answers `/api/v1/rules`
   * with an empty placeholder unless vmalert is set up) is not "no alert
   * rules": it fails with a `rules_not_served` error that says to set
   * `rulesUrl`, so the scorecard says the rules are unknown.
   */
  async listAlertRules(
    options: ListAlertRulesOptions,
  ): Promise<AlertRuleRecord[]> {
    const instance = this.instanceOf(options.sourceId);
    const rulesClient = this.rulesClients.get(instance);
    // The measurement's client: its concurrency bound covers this request too.
    const client = this.source.client(instance)!;
    const rules = await (rulesClient ?? client).alertingRules({
      signal: options.signal,
    });
    if (rules.length === 0 && !rulesClient) {
      const { engine } = await client.engine({ signal: options.signal });
      if (engine === 'victoriametrics') {
        throw new PrometheusQueryError({
          instance,
          errorType: 'rules_not_served',
          retryable: false,
          detail: `VictoriaMetrics does not evaluate alerting rules itself (its /api/v1/rules is an empty placeholder unless -vmalert.proxyURL is set), so whether there are any is unknown; set reliability.prometheus.instances[].rulesUrl to vmalert's address`,
        });
      }
    }
    return rules.map(rule => ({
      group: rule.group,
      ...(rule.file ? { file: rule.file } : {}),
      name: rule.name,
      labels: rule.labels,
      annotations: rule.annotations,
    }));
  }

  private instanceOf(sourceId: string): string {
    const name = sourceId.startsWith(SOURCE_PREFIX)
      ? sourceId.slice(SOURCE_PREFIX.length)
      : '';
    if (!this.config.instances.some(instance => instance.name === name)) {
      throw new Error(
        `"${sourceId}" is not a source of the Prometheus provider`,
      );
    }
    return name;
  }
}
