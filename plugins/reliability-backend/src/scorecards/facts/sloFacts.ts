import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_OPENSLO,
  FactFreshness,
  SourceHealth,
} from '@preflight/plugin-reliability-common';
import type { SloFacts } from '@preflight/plugin-reliability-node';
import { neverSyncedHealth } from '../../service/neverSyncedHealth';
import { toSourceHealth } from '../../service/toSourceHealth';
import { toSloStatusView } from '../../slo/buildEntitySlos';
import type { SloProviderRegistry } from '../../slo/SloProviderRegistry';
import type {
  EntitySloDeclarations,
  StoredSloStatus,
} from '../../slo/SloStore';
import { freshnessOf } from './freshnessOf';
import type { ReadinessFactSources } from './ReadinessFactSources';

/** The SLO declarations and stored statuses of a page of entities. */
export interface SloPageData {
  /** In the order of the page's entities. */
  declarations: EntitySloDeclarations[];
  /** By entity ref, then SLO id. */
  statuses: Map<string, Map<string, StoredSloStatus>>;
}

/** Reads the SLO declarations and statuses of a page: one query each. */
export async function readSloPageData(
  sources: ReadinessFactSources,
  entityRefs: string[],
): Promise<SloPageData> {
  const [declarations, statuses] = await Promise.all([
    sources.sloStore.getDeclarationsForEntities(entityRefs),
    sources.sloStore.getStatusesForEntities(entityRefs),
  ]);
  const byEntity = new Map<string, Map<string, StoredSloStatus>>();
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
 * The `slos` fact of one entity, each SLO as the entity page shows it
 * (the same view function), with the freshness of the sources measuring it.
 */
export function sloFactsOf(
  entity: Entity,
  declarations: EntitySloDeclarations,
  statuses: Map<string, StoredSloStatus>,
  health: Map<string, SourceHealth>,
  registry: SloProviderRegistry,
): SloFacts {
  const slos = declarations.slos.map(declared => {
    const view = toSloStatusView(
      declared,
      statuses.get(declared.definition.id),
      registry,
      declarations.problems,
    );
    return {
      id: view.id,
      displayName: view.displayName,
      state: view.state,
      objective: view.objective,
      window: view.window,
      attainment: view.evaluation?.attainment ?? null,
      budgetRemaining: view.evaluation?.budgetRemaining ?? null,
      alertState: view.evaluation?.alerts.state ?? null,
      evaluatedAt: view.evaluatedAt,
      ...(view.sourceId ? { sourceId: view.sourceId } : {}),
      errors: view.errors,
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
