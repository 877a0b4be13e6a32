import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_PAGERDUTY_ACCOUNT,
  ANNOTATION_PAGERDUTY_SERVICE_ID,
  EntityOnCall,
  EntityOwner,
  EntityReliabilitySummary,
  MetadataProblem,
  readRunbooks,
  resolveEscalationLevels,
  SourceHealth,
} from '@preflight/plugin-reliability-common';
import type { OnCallSourceInfo } from '@preflight/plugin-reliability-node';
import type { ReliabilityStore } from '../database/ReliabilityStore';
import { errorMessage } from '../lib/errorMessage';
import type {
  OnCallProviderRegistry,
  RegisteredOnCallSource,
} from '../providers/OnCallProviderRegistry';
import { toSourceHealth } from './toSourceHealth';

/** Where an entity's on-call service lives, once a provider has claimed it. */
export type LocatedService =
  | {
      kind: 'located';
      registered: RegisteredOnCallSource;
      serviceId: string;
      /** Problems other providers found on the entity. */
      problems: MetadataProblem[];
    }
  | { kind: 'none'; onCall: EntityOnCall; problems: MetadataProblem[] };

function annotationField(name: string): string {
  return `metadata.annotations["${name}"]`;
}

// The provider contract does not say which annotation holds the service id;
// for the built-in PagerDuty provider we know it, others get the generic path.
function serviceIdField(providerType: string): string {
  return providerType === 'pagerduty'
    ? annotationField(ANNOTATION_PAGERDUTY_SERVICE_ID)
    : 'metadata.annotations';
}

function accountField(providerType: string): string {
  return providerType === 'pagerduty'
    ? annotationField(ANNOTATION_PAGERDUTY_ACCOUNT)
    : 'metadata.annotations';
}

function neverSynced(source: OnCallSourceInfo): SourceHealth {
  return {
    id: source.id,
    type: source.type,
    displayName: source.displayName,
    lastAttemptAt: null,
    lastSuccessAt: null,
    lastError: null,
    errorSince: null,
    stale: false,
    ageSeconds: null,
    warnings: [],
  };
}

/**
 * Assembles an entity's reliability summary from the catalog entity and the
 * store. It never calls an upstream source: providers are only asked to map
 * the entity's annotations to a service, which is pure.
 * @public
 */
export class EntitySummaryBuilder {
  constructor(
    private readonly deps: {
      registry: OnCallProviderRegistry;
      store: ReliabilityStore;
      catalog: CatalogService;
      staleAfterMs: number;
    },
  ) {}

  /**
   * Asks each provider, in the order they were added, where the entity's
   * service lives. The first provider that locates it wins; problems of all
   * providers are reported.
   */
  locateService(entity: Entity): LocatedService {
    const entityRef = stringifyEntityRef(entity);
    const problems: MetadataProblem[] = [];
    let located:
      | { registered: RegisteredOnCallSource; serviceId: string }
      | undefined;

    for (const provider of this.deps.registry.providers()) {
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
      const registered = this.deps.registry.findSource(location.sourceId);
      if (!registered) {
        problems.push({
          entityRef,
          field: accountField(provider.type),
          message: `the on-call source "${location.sourceId}" is not configured`,
          fix: `Use one of the configured sources (${
            this.deps.registry
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

  /** Builds the summary of an entity the caller is allowed to see. */
  async build(
    entity: Entity,
    credentials: BackstageCredentials,
    now: Date = new Date(),
  ): Promise<EntityReliabilitySummary> {
    const entityRef = stringifyEntityRef(entity);
    const located = this.locateService(entity);
    const runbooks = readRunbooks(entity);

    const [owner, onCallPart] = await Promise.all([
      this.readOwner(entity, credentials),
      located.kind === 'located'
        ? this.readOnCall(entityRef, located, now)
        : Promise.resolve({
            onCall: located.onCall,
            sources: [] as SourceHealth[],
            problems: [] as MetadataProblem[],
          }),
    ]);

    return {
      entityRef,
      owner: owner.owner,
      onCall: onCallPart.onCall,
      runbooks: runbooks.runbooks,
      sources: onCallPart.sources,
      problems: [
        ...located.problems,
        ...onCallPart.problems,
        ...runbooks.problems,
        ...owner.problems,
      ],
      generatedAt: now.toISOString(),
    };
  }

  private async readOnCall(
    entityRef: string,
    located: Extract<LocatedService, { kind: 'located' }>,
    now: Date,
  ): Promise<{
    onCall: EntityOnCall;
    sources: SourceHealth[];
    problems: MetadataProblem[];
  }> {
    const { store, staleAfterMs } = this.deps;
    const { provider, source } = located.registered;
    const { serviceId } = located;

    const [stored] = await store.listSourceHealth({ sourceIds: [source.id] });
    const health = stored
      ? toSourceHealth(stored, { now, staleAfterMs })
      : neverSynced(source);
    const base = { sourceId: source.id, serviceId };

    if (!health.lastSuccessAt) {
      return {
        onCall: { state: 'awaiting-sync', ...base },
        sources: [health],
        problems: [],
      };
    }

    const service = await store.getService(source.id, serviceId);
    if (!service) {
      const problem: MetadataProblem = {
        entityRef,
        field: serviceIdField(provider.type),
        message: `${source.displayName} (source "${source.id}") has no service "${serviceId}"`,
        fix:
          provider.type === 'pagerduty'
            ? `Copy the id from the service's PagerDuty URL (…/service-directory/<id>), or set "${ANNOTATION_PAGERDUTY_ACCOUNT}" if the service lives in another configured account.`
            : 'Check the service id, and that the service exists in this source.',
      };
      return {
        onCall: { state: 'unknown-service', ...base, problem },
        sources: [health],
        problems: [problem],
      };
    }

    const [policy, incidents] = await Promise.all([
      service.escalationPolicyId
        ? store.getEscalationPolicy(source.id, service.escalationPolicyId)
        : Promise.resolve(undefined),
      store.getIncidentStats(source.id, serviceId),
    ]);

    const onCall: EntityOnCall = { state: 'ok', ...base, service };
    if (policy) {
      onCall.escalationPolicy = {
        id: policy.id,
        name: policy.name,
        htmlUrl: policy.htmlUrl,
        numLoops: policy.numLoops,
        levels: resolveEscalationLevels(policy, now),
      };
    }
    if (incidents) {
      onCall.incidents = incidents;
    }
    return { onCall, sources: [health], problems: [] };
  }

  private async readOwner(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<{ owner: EntityOwner | null; problems: MetadataProblem[] }> {
    const rawOwner = entity.spec?.owner;
    if (typeof rawOwner !== 'string' || rawOwner.trim() === '') {
      return { owner: null, problems: [] };
    }
    const entityRef = stringifyEntityRef(entity);
    let ownerRef: string;
    try {
      ownerRef = stringifyEntityRef(
        parseEntityRef(rawOwner.trim(), {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      );
    } catch (error) {
      return {
        owner: null,
        problems: [
          {
            entityRef,
            field: 'spec.owner',
            message: `"${rawOwner}" is not a valid entity reference: ${errorMessage(
              error,
            )}`,
            fix: 'Use a reference such as group:default/team-payments or team-payments.',
          },
        ],
      };
    }

    const ownerEntity = await this.deps.catalog.getEntityByRef(ownerRef, {
      credentials,
    });
    if (!ownerEntity) {
      return {
        owner: { entityRef: ownerRef, exists: false },
        problems: [
          {
            entityRef,
            field: 'spec.owner',
            message: `the owner ${ownerRef} is not in the catalog (or not visible to you)`,
            fix: 'Point spec.owner at an existing group or user, or add that entity to the catalog.',
          },
        ],
      };
    }
    const profile = ownerEntity.spec?.profile as
      | { displayName?: unknown }
      | undefined;
    const title =
      ownerEntity.metadata.title ??
      (typeof profile?.displayName === 'string'
        ? profile.displayName
        : undefined);
    return {
      owner: {
        entityRef: stringifyEntityRef(ownerEntity),
        exists: true,
        ...(title ? { title } : {}),
      },
      problems: [],
    };
  }
}
