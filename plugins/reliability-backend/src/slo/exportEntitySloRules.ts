import { NotFoundError } from '@backstage/errors';
import type { SloDefinition } from '@preflight/plugin-reliability-common';
import type { SloProviderRegistry } from './SloProviderRegistry';
import type { EntitySloDeclarations } from './SloStore';

/**
 * The Prometheus rule file of an entity's SLOs, from the providers that
 * can export rules (one YAML document per provider type). Throws
 * `NotFoundError` when none of the entity's SLOs can be exported.
 * @public
 */
export function exportEntitySloRules(options: {
  entityRef: string;
  declarations: EntitySloDeclarations;
  registry: SloProviderRegistry;
  owner?: string;
  runbookUrl?: string;
}): string {
  const { entityRef, declarations, registry, owner, runbookUrl } = options;
  // Grouped by provider, not source: rules name no instance, so SLOs of
  // several instances of one provider share a file.
  const byProvider = new Map<
    string,
    {
      registered: NonNullable<ReturnType<SloProviderRegistry['get']>>;
      slos: SloDefinition[];
    }
  >();
  for (const { definition, sourceId } of declarations.slos) {
    const registered = sourceId ? registry.get(sourceId) : undefined;
    if (!registered?.provider.exportRules) {
      continue;
    }
    const group = byProvider.get(registered.provider.type) ?? {
      registered,
      slos: [],
    };
    group.slos.push(definition);
    byProvider.set(registered.provider.type, group);
  }
  if (byProvider.size === 0) {
    throw new NotFoundError(
      `${entityRef} has no SLOs whose source can export rules`,
    );
  }
  return [...byProvider.values()]
    .map(
      ({ registered, slos }) =>
        registered.provider.exportRules!({
          entityRef,
          slos,
          ...(owner ? { owner } : {}),
          ...(runbookUrl ? { runbookUrl } : {}),
        }).yaml,
    )
    .join('---\n');
}
