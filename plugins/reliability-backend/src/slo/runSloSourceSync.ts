import type {
  AuthService,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { SloDefinition } from '@preflight/plugin-reliability-node';
import type { AlertRuleStore } from '../alertRules/AlertRuleStore';
import { readSourceAlertRules } from '../alertRules/readSourceAlertRules';
import type { SourceStateStore } from '../database/SourceStateStore';
import { errorMessage } from '../lib/errorMessage';
import { formatDuration } from '../lib/formatDuration';
import { collectSloDeclarations } from './collectSloDeclarations';
import { evaluateMeasurement } from './evaluateMeasurement';
import { listSloEntities } from './listSloEntities';
import type {
  RegisteredSloSource,
  SloProviderRegistry,
} from './SloProviderRegistry';
import type { SloStore } from './SloStore';
import {
  recordSloHistory,
  type SloHistoryRecording,
} from '../reports/slo/recordSloHistory';

/** Outcome of one SLO sync. */
export type SloSyncOutcome =
  | { status: 'succeeded'; slos: number; failedSlos: number; queries: number }
  | { status: 'failed'; error: string };

/** Dependencies of {@link runSloSourceSync}. */
export interface SloSyncDeps {
  registry: SloProviderRegistry;
  catalog: CatalogService;
  auth: AuthService;
  urlReader: UrlReaderService;
  sloStore: SloStore;
  store: SourceStateStore;
  logger: LoggerService;
  /**
   * Where the alert rules of each source go (for the scorecard). Without it,
   * or for a provider without `listAlertRules`, no rules are read.
   */
  alertRuleStore?: AlertRuleStore;
  /** Longest SLO window accepted (`reliability.slos.maxWindow`), in seconds; default 90 days. */
  maxWindowSeconds?: number;
  /** Where each measurement is added to the report's daily SLO history; none without it. */
  sloHistory?: SloHistoryRecording;
}

const key = (entityRef: string, sloId: string) =>
  JSON.stringify([entityRef, sloId]);

/**
 * One SLO sync of one source: reads the SLO declarations from the catalog
 * (one paged query), stores them, measures the SLOs located on this source
 * with a single `measureSlos` call, evaluates them and stores their status.
 * A failure is recorded on this source only; its last good evaluations and
 * every other source's data stay as they were.
 *
 * After a successful measurement it also reads the source's alert rules
 * (one `listAlertRules` call) and replaces the stored ones. Failing to read
 * them does not fail the sync: the last good rules stay and the source's
 * health carries a warning.
 *
 * Throws only when the store itself cannot be written.
 */
export async function runSloSourceSync(
  deps: SloSyncDeps,
  options: {
    registered: RegisteredSloSource;
    signal?: AbortSignal;
    timeoutMs: number;
    now?: () => Date;
  },
): Promise<SloSyncOutcome> {
  const { registered, timeoutMs } = options;
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = options.signal
    ? AbortSignal.any([options.signal, deadline])
    : deadline;

  let mine: SloDefinition[];
  const owners = new Map<string, string | null>();
  try {
    const entities = await listSloEntities({ ...deps, signal });
    for (const entity of entities) {
      owners.set(stringifyEntityRef(entity), ownerRefOf(entity));
    }
    const { declarations } = await collectSloDeclarations({
      entities,
      registry: deps.registry,
      urlReader: deps.urlReader,
      signal,
      maxWindowSeconds: deps.maxWindowSeconds,
    });
    signal.throwIfAborted();
    await deps.sloStore.replaceDeclarations(declarations);
    mine = declarations.flatMap(declaration =>
      declaration.slos
        .filter(slo => slo.sourceId === registered.source.id)
        .map(slo => slo.definition),
    );
  } catch (error) {
    return failed(error);
  }
  const { provider, source } = registered;
  let batch;
  try {
    batch = await provider.measureSlos(source.id, mine, {
      signal,
      now: startedAt,
    });
    if (!batch || !Array.isArray(batch.observations)) {
      // Half an answer must not wipe the last good evaluations.
      throw new Error('the provider returned an incomplete batch');
    }
    if (batch.unavailable) {
      // The source is down: an outage of the source, shown as stale data
      // with its age and the network cause, not an error on every SLO.
      throw new Error(batch.unavailable);
    }
    if (
      batch.stats.queries > 0 &&
      batch.stats.failedQueries >= batch.stats.queries
    ) {
      // Nothing was measured: the source is refusing every query. Name a
      // query's failure, never an SLO's declaration problem (which belongs
      // to its own entity and is shown there).
      const firstError = firstQueryError(batch);
      throw new Error(
        `all ${batch.stats.queries} queries failed${
          firstError ? `; the first: ${firstError}` : ''
        }`,
      );
    }
  } catch (error) {
    return failed(error);
  }

  const observations = new Map(
    batch.observations.map(observation => [
      key(observation.entityRef, observation.sloId),
      observation,
    ]),
  );
  const statuses = mine.map(definition =>
    evaluateMeasurement(
      definition,
      observations.get(key(definition.entityRef, definition.id)),
    ),
  );
  const alertRules = deps.alertRuleStore
    ? await readSourceAlertRules(provider, source.id, {
        signal,
        describeAbort: () =>
          deadline.aborted
            ? `sync did not finish within ${formatDuration(timeoutMs)}`
            : undefined,
      })
    : ({ status: 'unsupported' } as const);
  if (alertRules.status === 'failed') {
    deps.logger.warn(`${source.id}: ${alertRules.warning}`);
  }
  // The instant the source measured (Prometheus queries run at the whole
  // minute, up to a minute before the sync started), not the sync's start.
  const observedMs = Date.parse(batch.observedAt);
  const queryWarning = failedQueriesWarning(batch);
  await deps.sloStore.recordSourceMeasurement({
    source,
    measuredAt: Number.isFinite(observedMs) ? new Date(observedMs) : startedAt,
    statuses,
    warnings: [
      ...(queryWarning ? [queryWarning] : []),
      ...(alertRules.status === 'failed' ? [alertRules.warning] : []),
    ],
  });
  if (deps.sloHistory) {
    await recordHistory(deps.sloHistory);
  }
  if (alertRules.status === 'read') {
    await deps.alertRuleStore!.replaceSourceAlertRules(
      source.id,
      alertRules.rules,
    );
  } else if (alertRules.status === 'failed') {
    await deps.alertRuleStore!.recordSourceAlertRulesError(
      source.id,
      alertRules.reason,
    );
  }
  const failedSlos = statuses.filter(status => status.state === 'error');
  deps.logger.info(
    `Measured ${statuses.length} SLOs on ${source.id} with ${
      batch.stats.queries
    } queries (${batch.stats.failedQueries} failed, ${
      failedSlos.length
    } SLOs with errors)${
      alertRules.status === 'read'
        ? ` and read ${alertRules.rules.length} alert rules`
        : ''
    } in ${now().getTime() - startedAt.getTime()} ms`,
  );
  return {
    status: 'succeeded',
    slos: statuses.length,
    failedSlos: failedSlos.length,
    queries: batch.stats.queries,
  };

  // The report's history is secondary: failing to write it is logged, and
  // the status just recorded stands.
  async function recordHistory(recording: SloHistoryRecording) {
    try {
      await recordSloHistory(recording, {
        measuredAt: Number.isFinite(observedMs)
          ? new Date(observedMs)
          : startedAt,
        measured: mine.map((definition, index) => ({
          definition,
          measurement: observations.get(
            key(definition.entityRef, definition.id),
          ),
          status: statuses[index],
          ownerRef: owners.get(definition.entityRef) ?? null,
        })),
      });
    } catch (error) {
      deps.logger.warn(
        `${source.id}: could not record the daily SLO history: ${errorMessage(
          error,
        )}`,
      );
    }
  }

  async function failed(error: unknown): Promise<SloSyncOutcome> {
    const message = deadline.aborted
      ? `sync did not finish within ${formatDuration(timeoutMs)}`
      : errorMessage(error);
    deps.logger.warn(
      `SLO sync of ${registered.source.id} failed; keeping the last good evaluations: ${message}`,
    );
    await deps.store.recordSyncFailure({
      source: registered.source,
      error: message,
      attemptedAt: startedAt,
    });
    return { status: 'failed', error: message };
  }
}

/** The entity's owner as a full ref (owners are groups unless a kind is given). */
function ownerRefOf(entity: Entity): string | null {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || !owner) {
    return null;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return null;
  }
}

/**
 * The first error of a failed query (not an SLO's declaration problem, which
 * belongs to its own entity and is shown there).
 */
function firstQueryError(batch: {
  observations: ReadonlyArray<{
    errors: ReadonlyArray<{ message: string; field?: string }>;
  }>;
}): string | undefined {
  return batch.observations
    .flatMap(o => o.errors)
    .find(error => error.field === undefined)?.message;
}

/**
 * The source's health warning for a run in which some queries failed, with
 * the engine's reason (e.g. a sample limit), so /health says why some SLOs
 * have no fresh numbers instead of showing a healthy source.
 */
function failedQueriesWarning(batch: {
  stats: { queries: number; failedQueries: number };
  observations: ReadonlyArray<{
    errors: ReadonlyArray<{ message: string; field?: string }>;
  }>;
}): string | undefined {
  const { queries, failedQueries } = batch.stats;
  if (failedQueries <= 0) {
    return undefined;
  }
  const first = firstQueryError(batch);
  return `${failedQueries} of ${queries} queries failed${
    first ? `; the first: ${first}` : ''
  }`;
}
