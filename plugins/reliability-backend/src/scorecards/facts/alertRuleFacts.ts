import type { Entity } from '@backstage/catalog-model';
import type { SourceHealth } from '@preflight/plugin-reliability-common';
import type {
  AlertRuleFact,
  AlertRulesFacts,
} from '@preflight/plugin-reliability-node';
import { attributeAlertRules } from '../../alertRules/attributeAlertRules';
import type { EntitySloDeclarations } from '../../slo/SloStore';
import type {
  ReadinessFactSources,
  ReadinessRunContext,
} from './ReadinessFactSources';
import { sloSourceFreshness } from './sloFacts';

/** The SLO sources whose alert rules are read (none without an alert rule store). */
export function alertRuleSourceIds(sources: ReadinessFactSources): string[] {
  return sources.alertRuleStore
    ? sources.sloRegistry
        .start()
        .filter(registered => registered.provider.listAlertRules)
        .map(registered => registered.source.id)
    : [];
}

/**
 * The `alertRules` fact of each entity of a page, by entity ref. No reads:
 * the rules and the sources that failed to serve them are read once per
 * run (`context`), and the health of the rule sources with the page's SLO
 * sources (`sloHealth`). Rules are attributed to entities by their labels
 * and the services of the entities' SLOs; the freshness and the unreadable
 * sources are the same for every entity.
 */
export function alertRuleFactsOfPage(options: {
  sources: ReadinessFactSources;
  context: ReadinessRunContext;
  entities: Entity[];
  entityRefs: string[];
  /** {@link alertRuleSourceIds}. */
  ruleSourceIds: string[];
  /** The page's SLO declarations, in the order of `entities`. */
  declarations: EntitySloDeclarations[];
  sloHealth: Map<string, SourceHealth>;
}): (entityRef: string) => AlertRulesFacts {
  const { sources, context, entities, entityRefs, declarations } = options;
  const ruleSources = options.ruleSourceIds;
  const freshness = sloSourceFreshness(
    ruleSources,
    options.sloHealth,
    sources.sloRegistry,
  );
  const unreadable = (context.alertRuleErrors ?? []).filter(error =>
    ruleSources.includes(error.sourceId),
  );
  const rulesByEntity: Map<string, AlertRuleFact[]> = sources.alertRuleStore
    ? attributeAlertRules(
        context.alertRules,
        entities.map((entity, index) => ({
          entityRef: entityRefs[index],
          name: entity.metadata.name,
          sloServices: declarations[index].slos.map(
            slo => slo.definition.service,
          ),
        })),
      )
    : new Map();
  return entityRef => ({
    rules: rulesByEntity.get(entityRef) ?? [],
    freshness,
    ...(unreadable.length > 0 ? { unreadable } : {}),
  });
}
