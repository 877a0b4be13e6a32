import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { MetadataProblem } from '@preflight/plugin-reliability-common';
import type { EntityReadinessFacts } from '@preflight/plugin-reliability-node';
import { errorMessage } from '../lib/errorMessage';
import { locateEntityService } from '../oncall/locateEntityService';
import { parseOwnerRef } from '../service/parseOwnerRef';
import {
  alertRuleFactsOfPage,
  alertRuleSourceIds,
} from './facts/alertRuleFacts';
import { entityOwnFacts } from './facts/entityFacts';
import { onCallFactsOf, readOnCallData } from './facts/onCallFacts';
import { ownerFactsOf, readOwners } from './facts/ownerFacts';
import type {
  ReadinessFactSources,
  ReadinessRunContext,
} from './facts/ReadinessFactSources';
import { readPageReportFacts } from './facts/reportFacts';
import { readOpenReviews, reviewFactsOf } from './facts/reviewFacts';
import {
  declaredSloSourceIds,
  readSloPageData,
  readSloSourceHealth,
  sloFactsOf,
} from './facts/sloFacts';

export type {
  ReadinessFactSources,
  ReadinessRunContext,
} from './facts/ReadinessFactSources';
export type { ResolvedOwner } from './facts/ownerFacts';

/** The facts of one entity, or why they could not be gathered. */
export type GatheredFacts =
  | { entityRef: string; entity: Entity; facts: EntityReadinessFacts }
  | { entityRef: string; entity: Entity; error: string };

/**
 * Gathers the readiness facts of a page of catalog entities in bulk, one
 * reader per source (`facts/`): the owners and their members from the
 * catalog, on-call data, SLO declarations, statuses and source health,
 * alert rules, open reviews and report figures. Each reader makes a bounded
 * number of requests, whatever the page size; none reads per entity. The
 * on-call and SLO parts are built by the same functions as the entity page
 * and the group view, so the scorecard tells the same story.
 *
 * A problem with one entity's metadata never fails the page: each entity is
 * assembled separately, and one that cannot be is returned with the error.
 */
export async function gatherReadinessFacts(
  sources: ReadinessFactSources,
  entities: Entity[],
  context: ReadinessRunContext,
): Promise<GatheredFacts[]> {
  const { now } = context;
  const entityRefs = entities.map(entity => stringifyEntityRef(entity));
  const owners = entities.map(entity => parseOwnerRef(entity));
  const located = entities.map(entity =>
    locateEntityService(sources.onCallRegistry, entity),
  );

  const [, onCallData, slo, openReviews] = await Promise.all([
    readOwners(
      sources.catalog,
      owners.flatMap(owner => (owner.ref ? [owner.ref] : [])),
      context,
    ),
    readOnCallData(sources, located, now),
    readSloPageData(sources, entityRefs),
    readOpenReviews(sources, entityRefs),
  ]);
  // Alert rules come from SLO sources: their health is read with the
  // page's SLO sources, in one query.
  const ruleSourceIds = alertRuleSourceIds(sources);
  const [reports, sloHealth] = await Promise.all([
    readPageReportFacts(sources, entityRefs, located, onCallData, now),
    readSloSourceHealth(
      sources,
      [...declaredSloSourceIds(slo), ...ruleSourceIds],
      now,
    ),
  ]);
  const alertRulesOf = alertRuleFactsOfPage({
    sources,
    context,
    entities,
    entityRefs,
    ruleSourceIds,
    declarations: slo.declarations,
    sloHealth,
  });

  return entities.map((entity, index) => {
    const entityRef = entityRefs[index];
    try {
      const location = located[index];
      const owner = owners[index];
      const onCall = onCallFactsOf(entityRef, location, onCallData, now);
      const own = entityOwnFacts(entity);
      const problems: MetadataProblem[] = [
        ...location.problems,
        ...(owner.problem ? [owner.problem] : []),
        ...onCall.problems,
        ...own.problems,
      ];
      const reviews = reviewFactsOf(
        sources,
        entity,
        own.tier,
        openReviews.get(entityRef),
      );
      const entityReports = reports.get(entityRef);
      const facts: EntityReadinessFacts = {
        entityRef,
        entity,
        ...(own.tier ? { tier: own.tier } : {}),
        owner: ownerFactsOf(owner.ref, context),
        onCall: onCall.onCall,
        runbooks: own.runbooks,
        alertRules: alertRulesOf(entityRef),
        slos: sloFactsOf(
          entity,
          slo.declarations[index],
          slo.statuses.get(entityRef) ?? new Map(),
          sloHealth,
          sources.sloRegistry,
        ),
        exemptions: own.exemptions,
        ...(reviews ? { reviews } : {}),
        ...(entityReports ? { reports: entityReports } : {}),
        problems,
      };
      return { entityRef, entity, facts };
    } catch (error) {
      return { entityRef, entity, error: errorMessage(error) };
    }
  });
}
