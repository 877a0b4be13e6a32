import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_HAS_MEMBER,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_OPENSLO,
  ANNOTATION_TIER,
  EntityOnCall,
  EscalationPolicyRecord,
  FactFreshness,
  MetadataProblem,
  OPEN_REVIEW_STATES,
  readRunbooks,
  ReviewTemplate,
  shiftInterval,
  SourceHealth,
} from '@preflight/plugin-reliability-common';
import {
  AlertRulesFacts,
  AlertRulesReadError,
  EntityReadinessFacts,
  OnCallFacts,
  OnCallPersonFact,
  ReportFacts,
  ReviewFact,
  SloFacts,
} from '@preflight/plugin-reliability-node';
import { checkApplies, parseScorecardExemptions } from './engine';
import type {
  AlertRuleStore,
  StoredAlertRule,
} from '../alertRules/AlertRuleStore';
import { attributeAlertRules } from '../alertRules/attributeAlertRules';
import type { ReliabilityStore } from '../oncall/ReliabilityStore';
import { errorMessage } from '../lib/errorMessage';
import type { OnCallProviderRegistry } from '../oncall/OnCallProviderRegistry';
import {
  FoundService,
  LocatedService,
  locateEntityService,
} from '../oncall/locateEntityService';
import { neverSyncedHealth } from '../service/neverSyncedHealth';
import {
  buildEntityOnCallFromSourceData,
  OnCallSourceData,
  readOnCallSourceData,
} from '../oncall/readOnCallSourceData';
import { toSourceHealth } from '../service/toSourceHealth';
import { toSloStatusView } from '../slo/buildEntitySlos';
import type { SloProviderRegistry } from '../slo/SloProviderRegistry';
import type {
  EntitySloDeclarations,
  SloStore,
  StoredSloStatus,
} from '../slo/SloStore';
import { parseOwnerRef } from '../service/parseOwnerRef';
import type { ReviewStore } from '../reviews/ReviewStore';
import {
  readReportFacts,
  ReportFactSources,
  ReportFactTarget,
} from './readReportFacts';

/** How far ahead level-1 coverage and people are looked at (as the on-call card does). */
export const ON_CALL_LOOK_AHEAD_MS = 7 * 24 * 60 * 60 * 1000;

/** Where {@link gatherReadinessFacts} reads from. */
export interface ReadinessFactSources {
  catalog: CatalogService;
  store: ReliabilityStore;
  onCallRegistry: OnCallProviderRegistry;
  sloStore: SloStore;
  sloRegistry: SloProviderRegistry;
  /** Absent: no alert rules are known (the facts say so with no sources). */
  alertRuleStore?: AlertRuleStore;
  /** On-call data older than this is stale (`reliability.sync.staleAfter`), ms. */
  onCallStaleAfterMs: number;
  /** SLO data older than this is stale (`reliability.slos.sync.staleAfter`), ms. */
  sloStaleAfterMs: number;
  /**
   * Readiness reviews (`reliability.reviews`): the `reviews` fact. Absent,
   * or without templates: entities get no `reviews` fact.
   */
  reviews?: {
    store: Pick<ReviewStore, 'listReviewHeads'>;
    templates: ReviewTemplate[];
  };
  /** Report daily rows: the `reports` fact. Absent: entities get none. */
  reports?: ReportFactSources;
}

/** What one evaluation run reads once and shares between its pages. */
export interface ReadinessRunContext {
  credentials: BackstageCredentials;
  now: Date;
  /** Every stored alert rule, read once per run. */
  alertRules: StoredAlertRule[];
  /** Sources whose last rule read failed, read once per run. */
  alertRuleErrors?: AlertRulesReadError[];
  /** Owners already read in this run, by ref (lower case). */
  owners: Map<string, ResolvedOwner | null>;
}

/** An owner entity and the e-mail addresses of its members. */
export interface ResolvedOwner {
  ref: string;
  kind: string;
  /** The owner as an entity page names it: kind, name, namespace, title, profile. */
  presentation: Entity;
  annotations: Record<string, string>;
  memberRefs: string[] | null;
  memberEmails: string[];
}

/** The facts of one entity, or why they could not be gathered. */
export type GatheredFacts =
  | { entityRef: string; entity: Entity; facts: EntityReadinessFacts }
  | { entityRef: string; entity: Entity; error: string };

/** The key of an owner ref in {@link ReadinessRunContext.owners}. */
export const ownerKey = (ref: string) => ref.toLocaleLowerCase('en-US');
const refKey = ownerKey;

function freshnessOf(health: SourceHealth): FactFreshness {
  return {
    sourceId: health.id,
    asOf: health.lastSuccessAt,
    stale: health.stale,
  };
}

function emailOf(entity: Entity): string | undefined {
  const email = (entity.spec?.profile as { email?: unknown } | undefined)
    ?.email;
  return typeof email === 'string' && email.trim() !== ''
    ? email.trim()
    : undefined;
}

/**
 * Reads the owners of a page of entities (and the members of owner groups)
 * with two catalog requests at most, reusing owners read by earlier pages.
 */
export async function readOwners(
  catalog: CatalogService,
  ownerRefs: string[],
  context: ReadinessRunContext,
): Promise<void> {
  const wanted = [
    ...new Set(ownerRefs.filter(ref => !context.owners.has(refKey(ref)))),
  ];
  if (wanted.length === 0) {
    return;
  }
  const { items } = await catalog.getEntitiesByRefs(
    {
      entityRefs: wanted,
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.annotations',
        'metadata.title',
        'spec.profile',
        'relations',
      ],
    },
    { credentials: context.credentials },
  );
  const memberRefs = new Set<string>();
  const owners: Array<{ wantedRef: string; owner: Entity | undefined }> =
    wanted.map((wantedRef, index) => ({ wantedRef, owner: items[index] }));
  for (const { owner } of owners) {
    if (owner && owner.kind.toLocaleLowerCase('en-US') === 'group') {
      for (const relation of owner.relations ?? []) {
        if (relation.type === RELATION_HAS_MEMBER) {
          memberRefs.add(relation.targetRef);
        }
      }
    }
  }
  const emails = new Map<string, string>();
  if (memberRefs.size > 0) {
    const members = await catalog.getEntitiesByRefs(
      {
        entityRefs: [...memberRefs],
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.profile'],
      },
      { credentials: context.credentials },
    );
    for (const member of members.items) {
      const email = member ? emailOf(member) : undefined;
      if (member && email) {
        emails.set(refKey(stringifyEntityRef(member)), email);
      }
    }
  }
  for (const { wantedRef, owner } of owners) {
    if (!owner) {
      context.owners.set(refKey(wantedRef), null);
      continue;
    }
    const isGroup = owner.kind.toLocaleLowerCase('en-US') === 'group';
    const members = isGroup
      ? (owner.relations ?? [])
          .filter(relation => relation.type === RELATION_HAS_MEMBER)
          .map(relation => relation.targetRef)
          .sort()
      : null;
    const profile = (owner.spec as { profile?: unknown } | undefined)?.profile;
    context.owners.set(refKey(wantedRef), {
      ref: stringifyEntityRef(owner),
      kind: owner.kind.toLocaleLowerCase('en-US'),
      presentation: {
        apiVersion: owner.apiVersion ?? 'backstage.io/v1alpha1',
        kind: owner.kind,
        metadata: {
          name: owner.metadata.name,
          namespace: owner.metadata.namespace ?? 'default',
          ...(owner.metadata.title ? { title: owner.metadata.title } : {}),
        },
        ...(profile ? { spec: { profile } } : {}),
      },
      annotations: owner.metadata.annotations ?? {},
      memberRefs: members,
      memberEmails: (members ?? []).flatMap(ref => {
        const email = emails.get(refKey(ref));
        return email ? [email] : [];
      }),
    });
  }
}

/** Distinct people holding the lowest level at some point of `[now, end)`. */
function lowestLevelPeople(
  policy: EscalationPolicyRecord,
  now: Date,
  end: number,
): OnCallPersonFact[] {
  const levels = policy.levels.map(level => level.level);
  if (levels.length === 0) {
    return [];
  }
  const first = Math.min(...levels);
  const people = new Map<string, OnCallPersonFact>();
  for (const shift of policy.shifts) {
    const interval = shift.level === first ? shiftInterval(shift) : undefined;
    if (!interval || interval.end <= now.getTime() || interval.start >= end) {
      continue;
    }
    if (!people.has(shift.user.id)) {
      people.set(shift.user.id, {
        id: shift.user.id,
        name: shift.user.name,
        ...(shift.user.email ? { email: shift.user.email } : {}),
      });
    }
  }
  return [...people.values()].sort((a, b) =>
    a.name.localeCompare(b.name, 'en'),
  );
}

function toOnCallFacts(
  onCall: EntityOnCall,
  health: SourceHealth | undefined,
  policy: EscalationPolicyRecord | undefined,
  now: Date,
): OnCallFacts {
  const facts: OnCallFacts = {
    state: onCall.state,
    ...(onCall.sourceId ? { sourceId: onCall.sourceId } : {}),
    ...(onCall.serviceId ? { serviceId: onCall.serviceId } : {}),
    ...(onCall.problem ? { problem: onCall.problem } : {}),
    freshness: health ? freshnessOf(health) : null,
    ...(onCall.service ? { service: onCall.service } : {}),
    ...(onCall.incidents ? { incidents: onCall.incidents } : {}),
  };
  if (onCall.escalationPolicy && policy) {
    const end = now.getTime() + ON_CALL_LOOK_AHEAD_MS;
    const lookAhead = {
      start: now.toISOString(),
      end: new Date(end).toISOString(),
    };
    const [first] = onCall.escalationPolicy.levels;
    facts.escalationPolicy = {
      id: onCall.escalationPolicy.id,
      name: onCall.escalationPolicy.name,
      ...(onCall.escalationPolicy.htmlUrl
        ? { htmlUrl: onCall.escalationPolicy.htmlUrl }
        : {}),
      levelCount: onCall.escalationPolicy.levels.length,
      // A policy without levels pages nobody: the whole window is a gap.
      level1Gaps: first ? first.gaps : [lookAhead],
      level1People: lowestLevelPeople(policy, now, end),
      lookAhead,
    };
  }
  return facts;
}

/**
 * The health of SLO sources, stale after the SLO threshold; sources that
 * never synced get a never-synced health.
 */
function sloSourceHealth(
  sourceIds: string[],
  stored: Map<string, SourceHealth>,
  registry: SloProviderRegistry,
): FactFreshness[] {
  return [...new Set(sourceIds)].sort().flatMap(id => {
    const health = stored.get(id);
    if (health) {
      return [freshnessOf(health)];
    }
    const registered = registry.get(id);
    return registered
      ? [freshnessOf(neverSyncedHealth(registered.source))]
      : [];
  });
}

function toSloFacts(
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
    freshness: sloSourceHealth(
      declarations.slos.flatMap(slo => slo.sourceId ?? []),
      health,
      registry,
    ),
  };
}

function readTier(entity: Entity): string | undefined {
  const tier = entity.metadata.annotations?.[ANNOTATION_TIER]?.trim();
  return tier ? tier : undefined;
}

/** Whether reviews are configured: without templates, entities get no `reviews` fact. */
export function reviewsEnabled(sources: ReadinessFactSources): boolean {
  return !!sources.reviews && sources.reviews.templates.length > 0;
}

/** Reads the open reviews of these entities (all entities: undefined). */
export async function readOpenReviews(
  sources: ReadinessFactSources,
  entityRefs?: string[],
): Promise<Map<string, ReviewFact[]>> {
  if (!reviewsEnabled(sources)) {
    return new Map();
  }
  return reviewFactsByEntity(
    await sources.reviews!.store.listReviewHeads({
      ...(entityRefs ? { entityRefs } : {}),
      states: [...OPEN_REVIEW_STATES],
    }),
  );
}

function reviewFactsByEntity(
  openReviews: Awaited<ReturnType<ReviewStore['listReviewHeads']>>,
): Map<string, ReviewFact[]> {
  const reviewsByEntity = new Map<string, ReviewFact[]>();
  for (const review of openReviews) {
    const list = reviewsByEntity.get(review.entityRef) ?? [];
    list.push({
      id: review.id,
      stage: review.stage,
      templateId: review.templateId,
      state: review.state,
      driftCount: review.digest.driftCount,
      updatedAt: review.updatedAt,
    });
    reviewsByEntity.set(review.entityRef, list);
  }
  return reviewsByEntity;
}

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
 * Gathers the readiness facts of a page of catalog entities in bulk: a
 * bounded number of catalog requests (owners, their members) and store
 * reads (source health, then per source its services, policies and incident
 * figures; SLO declarations and statuses), whatever the page size. The
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
  const located: LocatedService[] = entities.map(entity =>
    locateEntityService(sources.onCallRegistry, entity),
  );
  const found = located.filter(
    (location): location is FoundService => location.kind === 'located',
  );

  const reviewsOn = reviewsEnabled(sources);
  const [, onCallData, declarations, statuses, reviewsByEntity] =
    await Promise.all([
      readOwners(
        sources.catalog,
        owners.flatMap(owner => (owner.ref ? [owner.ref] : [])),
        context,
      ),
      readOnCallSourceData({
        store: sources.store,
        found,
        staleAfterMs: sources.onCallStaleAfterMs,
        now,
      }),
      sources.sloStore.getDeclarationsForEntities(entityRefs),
      sources.sloStore.getStatusesForEntities(entityRefs),
      readOpenReviews(sources, entityRefs),
    ]);
  const reportFacts = sources.reports
    ? await readReportFacts(
        sources.reports,
        reportTargets(entityRefs, located, onCallData),
        now,
      )
    : new Map<string, ReportFacts>();
  const alertRuleSources = alertRuleSourceIds(sources);
  const sloSourceIds = [
    ...new Set([
      ...declarations.flatMap(d => d.slos.flatMap(slo => slo.sourceId ?? [])),
      ...alertRuleSources,
    ]),
  ];
  const sloHealth = new Map(
    (sloSourceIds.length > 0
      ? await sources.store.listSourceHealth({ sourceIds: sloSourceIds })
      : []
    ).map(stored => [
      stored.id,
      toSourceHealth(stored, { now, staleAfterMs: sources.sloStaleAfterMs }),
    ]),
  );
  const alertRuleFreshness = sloSourceHealth(
    alertRuleSources,
    sloHealth,
    sources.sloRegistry,
  );
  const unreadableRules = (context.alertRuleErrors ?? []).filter(error =>
    alertRuleSources.includes(error.sourceId),
  );
  const rulesByEntity = sources.alertRuleStore
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

  const statusesByEntity = new Map<string, Map<string, StoredSloStatus>>();
  for (const status of statuses) {
    const byId = statusesByEntity.get(status.entityRef) ?? new Map();
    byId.set(status.sloId, status);
    statusesByEntity.set(status.entityRef, byId);
  }

  return entities.map((entity, index) => {
    const entityRef = entityRefs[index];
    try {
      return {
        entityRef,
        entity,
        facts: assemble({
          entity,
          entityRef,
          owner: owners[index],
          location: located[index],
          onCallData,
          declarations: declarations[index],
          statuses: statusesByEntity.get(entityRef) ?? new Map(),
          sloHealth,
          alertRules: {
            rules: rulesByEntity.get(entityRef) ?? [],
            freshness: alertRuleFreshness,
            ...(unreadableRules.length > 0
              ? { unreadable: unreadableRules }
              : {}),
          },
          reviews: reviewsOn ? reviewsByEntity.get(entityRef) ?? [] : undefined,
          reports: reportFacts.get(entityRef),
          sources,
          context,
        }),
      };
    } catch (error) {
      return { entityRef, entity, error: errorMessage(error) };
    }
  });
}

/** The located entities' services and the rotation (escalation policy) each pages. */
function reportTargets(
  entityRefs: string[],
  located: LocatedService[],
  onCallData: Map<string, OnCallSourceData>,
): ReportFactTarget[] {
  return located.flatMap((location, index) => {
    if (location.kind !== 'located') {
      return [];
    }
    const sourceId = location.registered.source.id;
    const service = onCallData.get(sourceId)?.services.get(location.serviceId);
    return [
      {
        entityRef: entityRefs[index],
        sourceId,
        serviceId: location.serviceId,
        ...(service?.escalationPolicyId
          ? { rotationId: service.escalationPolicyId }
          : {}),
      },
    ];
  });
}

function assemble(input: {
  entity: Entity;
  entityRef: string;
  owner: { ref?: string; problem?: MetadataProblem };
  location: LocatedService;
  onCallData: Map<string, OnCallSourceData>;
  declarations: EntitySloDeclarations;
  statuses: Map<string, StoredSloStatus>;
  sloHealth: Map<string, SourceHealth>;
  alertRules: AlertRulesFacts;
  /** Open reviews; undefined when reviews are not configured. */
  reviews: ReviewFact[] | undefined;
  reports: ReportFacts | undefined;
  sources: ReadinessFactSources;
  context: ReadinessRunContext;
}): EntityReadinessFacts {
  const { entity, entityRef, location, context } = input;
  const problems: MetadataProblem[] = [...location.problems];
  if (input.owner.problem) {
    problems.push(input.owner.problem);
  }

  let onCall: OnCallFacts;
  if (location.kind === 'located') {
    const data = input.onCallData.get(location.registered.source.id)!;
    const built = buildEntityOnCallFromSourceData(
      entityRef,
      location,
      data,
      context.now,
    );
    problems.push(...built.problems);
    const service = data.services.get(location.serviceId);
    const policy = service?.escalationPolicyId
      ? data.policies.get(service.escalationPolicyId)
      : undefined;
    onCall = toOnCallFacts(built.onCall, data.health, policy, context.now);
  } else {
    onCall = toOnCallFacts(location.onCall, undefined, undefined, context.now);
  }

  const runbooks = readRunbooks(entity);
  problems.push(...runbooks.problems);
  const exemptions = parseScorecardExemptions(entity);
  problems.push(...exemptions.problems);

  const resolved = input.owner.ref
    ? context.owners.get(refKey(input.owner.ref))
    : undefined;
  const tier = readTier(entity);
  return {
    entityRef,
    entity,
    ...(tier ? { tier } : {}),
    owner: input.owner.ref
      ? {
          ref: resolved?.ref ?? input.owner.ref,
          exists: Boolean(resolved),
          ...(resolved ? { kind: resolved.kind } : {}),
          memberRefs: resolved?.memberRefs ?? null,
          memberEmails: resolved?.memberEmails ?? [],
          annotations: resolved?.annotations ?? {},
        }
      : null,
    onCall,
    runbooks: runbooks.runbooks,
    alertRules: input.alertRules,
    slos: toSloFacts(
      entity,
      input.declarations,
      input.statuses,
      input.sloHealth,
      input.sources.sloRegistry,
    ),
    exemptions: exemptions.exemptions,
    ...(input.reviews
      ? {
          reviews: {
            offeredStages: [
              ...new Set(
                (input.sources.reviews?.templates ?? [])
                  .filter(t => checkApplies(t, entity, tier))
                  .flatMap(t => t.stages),
              ),
            ],
            reviews: input.reviews,
          },
        }
      : {}),
    ...(input.reports ? { reports: input.reports } : {}),
    problems,
  };
}
