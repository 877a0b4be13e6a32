import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_OPENSLO,
  FactFreshness,
  SourceHealth,
} from '@preflight/plugin-reliability-common';
import type { SloFacts } from '@preflight/plugin-reliability-node';
import { neverSyncedHealth } from '../../service/neverSyncedHealth';
import { toSourceHealth } from '../../service/toSourceHealth';
import { sloMeasuredState } from '../../slo/buildEntitySlos';
import type { SloProviderRegistry } from '../../slo/SloProviderRegistry';
import type {
  EntitySloDeclarations,
  StoredSloStatusSummary,
} from '../../slo/SloStore';
import { freshnessOf } from './freshnessOf';
import type { ReadinessFactSources } from './ReadinessFactSources';

/** The SLO declarations and stored statuses of a page of entities. */
export interface SloPageData {
  /** In the order of the page's entities. */
  declarations: EntitySloDeclarations[];
  /** By entity ref, then SLO id. */
  statuses: Map<string, Map<string, StoredSloStatusSummary>>;
}

/** Reads the SLO declarations and statuses of a page: one query each. */
export async function readSloPageData(
  sources: ReadinessFactSources,
  entityRefs: string[],
): Promise<SloPageData> {
  const [declarations, statuses] = await Promise.all([
    sources.sloStore.getDeclarationsForEntities(entityRefs),
    sources.sloStore.getStatusSummariesForEntities(entityRefs),
  ]);
  const byEntity = new Map<string, Map<string, StoredSloStatusSummary>>();
  for (const status of statuses) {
    const byId = byEntity.get(status.entityRef) ?? new Map();
    byId.set(status.sloId, status);
    byEntity.set(status.entityRef, byId);
  }
  return { declarations, statuses: byEntity };
}

/** The SLO sources a page's declarations measure with. */
export function declaredSloSourceIds(data: SloPageData): string[] {
  return data.declarations.flatMap(d =>
    d.slos.flatMap(slo => slo.sourceId ?? []),
  );
}

/**
 * Reads the health of these SLO sources in one query (none when there are
 * none), stale after the SLO threshold.
 */
export async function readSloSourceHealth(
  sources: ReadinessFactSources,
  sourceIds: string[],
  now: Date,
): Promise<Map<string, SourceHealth>> {
  const ids = [...new Set(sourceIds)];
  const stored =
    ids.length > 0
      ? await sources.store.listSourceHealth({ sourceIds: ids })
      : [];
  return new Map(
    stored.map(row => [
      row.id,
      toSourceHealth(row, { now, staleAfterMs: sources.sloStaleAfterMs }),
    ]),
  );
}

/**
 * The freshness of SLO sources, by id; a registered source that never
 * synced is never-synced, an unregistered one is left out.
 */
export function sloSourceFreshness(
  sourceIds: string[],
  health: Map<string, SourceHealth>,
  registry: SloProviderRegistry,
): FactFreshness[] {
  return [...new Set(sourceIds)].sort().flatMap(id => {
    const known = health.get(id);
    if (known) {
      return [freshnessOf(known)];
    }
    const registered = registry.get(id);
    return registered
      ? [freshnessOf(neverSyncedHealth(registered.source))]
      : [];
  });
}

/**
 * The `slos` fact of one entity, each SLO in the state the entity page shows
 * (the same {@link sloMeasuredState}; without the page's burn-down and query
 * links, which no check reads), with the freshness of the sources measuring
 * it.
 */
export function sloFactsOf(
  entity: Entity,
  declarations: EntitySloDeclarations,
  statuses: Map<string, StoredSloStatusSummary>,
  health: Map<string, SourceHealth>,
  registry: SloProviderRegistry,
): SloFacts {
  const slos = declarations.slos.map(declared => {
    const { definition, sourceId } = declared;
    const measured = sloMeasuredState(
      declared,
      statuses.get(definition.id),
      declarations.problems,
    );
    return {
      id: definition.id,
      displayName: definition.displayName,
      state: measured.state,
      objective: definition.target,
      window: definition.window,
      attainment: measured.evaluation?.attainment ?? null,
      budgetRemaining: measured.evaluation?.budgetRemaining ?? null,
      alertState: measured.evaluation?.alerts.state ?? null,
      evaluatedAt: measured.evaluatedAt,
      ...(sourceId ? { sourceId } : {}),
      errors: measured.errors,
    };
  });
  return {
    declared: Boolean(entity.metadata.annotations?.[ANNOTATION_OPENSLO]),
    slos,
    problems: declarations.problems,
    freshness: sloSourceFreshness(
      declarations.slos.flatMap(slo => slo.sourceId ?? []),
      health,
      registry,
    ),
  };
}
