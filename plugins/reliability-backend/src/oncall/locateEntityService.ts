import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntityOnCall,
  MetadataProblem,
} from '@preflight/plugin-reliability-common';
import { errorMessage } from '../lib/errorMessage';
import type {
  OnCallProviderRegistry,
  RegisteredOnCallSource,
} from './OnCallProviderRegistry';

/** An entity whose on-call service a provider has claimed. */
export interface FoundService {
  kind: 'located';
  registered: RegisteredOnCallSource;
  serviceId: string;
  /** Problems other providers found on the entity. */
  problems: MetadataProblem[];
}

/** Where an entity's on-call service lives, once a provider has claimed it. */
export type LocatedService =
  | FoundService
  | { kind: 'none'; onCall: EntityOnCall; problems: MetadataProblem[] };

/**
 * The problem field of an annotation a provider named in its hints; the
 * annotations in general when it named none.
 */
export function annotationField(annotation: string | undefined): string {
  return annotation
    ? `metadata.annotations["${annotation}"]`
    : 'metadata.annotations';
}

/**
 * Asks each provider, in the order they were added, where the entity's
 * service lives. The first provider that locates it wins; problems of all
 * providers are reported. Pure: providers map annotations without I/O.
 */
export function locateEntityService(
  registry: OnCallProviderRegistry,
  entity: Entity,
): LocatedService {
  const entityRef = stringifyEntityRef(entity);
  const problems: MetadataProblem[] = [];
  let located:
    | { registered: RegisteredOnCallSource; serviceId: string }
    | undefined;

  for (const provider of registry.providers()) {
    let location;
    try {
      location = provider.locateService(entity);
    } catch (error) {
      // A provider bug must not take the entity page down with it.
      problems.push({
        entityRef,
        field: 'metadata.annotations',
        message: `the ${
          provider.type
        } provider could not read this entity's annotations: ${errorMessage(
          error,
        )}`,
      });
      continue;
    }
    if (!location) {
      continue;
    }
    if ('problem' in location) {
      problems.push(location.problem);
      continue;
    }
    const registered = registry.findSource(location.sourceId);
    if (!registered) {
      problems.push({
        entityRef,
        field: annotationField(provider.annotationHints?.sourceAnnotation),
        message: `the on-call source "${location.sourceId}" is not configured`,
        fix: `Use one of the configured sources (${
          registry
            .sources()
            .map(s => s.source.id)
            .join(', ') || 'none configured'
        }), or add the account to the configuration.`,
      });
      continue;
    }
    if (!located) {
      located = { registered, serviceId: location.serviceId };
    }
  }

  if (located) {
    return { kind: 'located', ...located, problems };
  }
  if (problems.length > 0) {
    return {
      kind: 'none',
      onCall: { state: 'malformed', problem: problems[0] },
      problems,
    };
  }
  return { kind: 'none', onCall: { state: 'not-configured' }, problems };
}
