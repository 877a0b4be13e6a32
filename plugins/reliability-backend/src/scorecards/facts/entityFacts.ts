import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_TIER,
  MetadataProblem,
  readRunbooks,
} from '@preflight/plugin-reliability-common';
import type { EntityReadinessFacts } from '@preflight/plugin-reliability-node';
import { parseScorecardExemptions } from '../engine';

/** The entity's tier annotation, trimmed; undefined when unset or blank. */
export function readTier(entity: Entity): string | undefined {
  const tier = entity.metadata.annotations?.[ANNOTATION_TIER]?.trim();
  return tier ? tier : undefined;
}

/**
 * The facts read from the catalog entity itself (no other source): its
 * tier, runbooks and scorecard exemptions, and the problems with the
 * metadata they come from (runbooks first, then exemptions).
 */
export function entityOwnFacts(entity: Entity): Pick<
  EntityReadinessFacts,
  'tier' | 'runbooks' | 'exemptions'
> & {
  problems: MetadataProblem[];
} {
  const runbooks = readRunbooks(entity);
  const exemptions = parseScorecardExemptions(entity);
  const tier = readTier(entity);
  return {
    ...(tier ? { tier } : {}),
    runbooks: runbooks.runbooks,
    exemptions: exemptions.exemptions,
    problems: [...runbooks.problems, ...exemptions.problems],
  };
}
