import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  OnCallHealthResponse,
  OnCallLoadMeasure,
  ReliabilityReportResponse,
  ReportPeriod,
  ReportScope,
  ReportServiceRef,
} from '@preflight/plugin-reliability-common';
import type { ReliabilityStore } from '../../oncall/ReliabilityStore';
import type { OnCallProviderRegistry } from '../../oncall/OnCallProviderRegistry';
import { digest } from '../../lib/digest';
import { VersionedCache } from '../../lib/VersionedCache';
import { CatalogVisibility } from '../../reviews/CatalogVisibility';
import { locateEntityService } from '../../oncall/locateEntityService';
import type { ReportConfig } from '../config/readReportConfig';
import { alertQualityOfFigures } from '../metrics/alertQuality';
import { lastWholeDaysPeriod, previousPeriod } from '../metrics/reportPeriod';
import { formatLocalDate, localDateOf } from '../metrics/zonedTime';
import type {
  ReportEntity,
  ReportStore,
  ReportSyncState,
  SourceKey,
} from '../store/ReportStore';
import { assembleReport, rotationLoads, trendMonths } from './assembleReport';
import { readSloSection } from '../slo/readSloSection';
import type { SloHistoryStore } from '../slo/SloHistoryStore';
import { namedServiceIds } from './boundedLists';
import { nameRotations } from './nameRotations';

/** Days of the on-call health card: four whole weeks. */
export const ON_CALL_HEALTH_DAYS = 28;

// Answers kept per data version: bounded lists keep an organisation report
// of 10,000 services near 35 KB; a few dozen scopes and periods at most.
const CACHED_ANSWERS = 48;
// Groups whose sub-groups are kept, and for how long.
const CACHED_GROUPS = 1_000;
const ANCESTRY_TTL_MS = 30_000;

/**
 * The version of the report data: the latest report sync of any source. A
 * sync replaces daily rows and the entity map before it records itself, on
 * whichever replica ran it, so every replica sees the version move and drops
 * answers computed from the rows before it.
 */
function dataVersion(states: ReportSyncState[]): number {
  return Math.max(0, ...states.map(state => state.syncedAt.getTime()));
}

// Digests of lists, by the list: a caller's visible list is the same array
// while its visibility and the stored data hold (see `visible`), so a kept
// answer is found without digesting 10,000 entities per request.
const listDigests = new WeakMap<readonly unknown[], string>();

function listDigest<T>(list: readonly T[], text: (item: T) => string): string {
  let known = listDigests.get(list);
  if (known === undefined) {
    known = digest(list.map(text).join('\u0001'));
    listDigests.set(list, known);
  }
  return known;
}

function entitiesDigest(entities: ReportEntity[]): string {
  return listDigest(entities, e =>
    [e.entityRef, e.sourceId, e.serviceId, e.ownerRef, e.title].join('\u0000'),
  );
}

/** What an answer depends on besides the data version and period. */
function scopeKey(parts: string[], entities: ReportEntity[]): string {
  return [...parts, entitiesDigest(entities)].join('\u0002');
}

/**
 * The versions an answer is computed from: the report syncs' states (their
 * latest time is the report data version) and the SLO history's version.
 */
interface DataVersions {
  states: ReportSyncState[];
  sloVersion: number;
}

/** What the report reader needs of the scorecard store: the group ancestry. */
export interface GroupAncestry {
  getGroupDescendants(groupRef: string): Promise<string[]>;
}

function titleOf(entity: Entity): string {
  const profile = entity.spec?.profile as { displayName?: unknown } | undefined;
  if (typeof profile?.displayName === 'string' && profile.displayName) {
    return profile.displayName;
  }
  return entity.metadata.title ?? entity.metadata.name;
}

function serviceKeys(entities: ReportEntity[]): SourceKey[] {
  const seen = new Map<string, SourceKey>();
  for (const entity of entities) {
    seen.set(`${entity.sourceId}\u0000${entity.serviceId}`, {
      sourceId: entity.sourceId,
      id: entity.serviceId,
    });
  }
  return [...seen.values()];
}

/** The service map, of the services in `only` when given. */
function serviceRefs(
  entities: ReportEntity[],
  only?: ReadonlySet<string>,
): ReportServiceRef[] {
  return entities
    .filter(entity => !only || only.has(entity.serviceId))
    .map(entity => ({
      serviceId: entity.serviceId,
      entityRef: entity.entityRef,
      title: entity.title,
    }))
    .sort((a, b) => (a.entityRef < b.entityRef ? -1 : 1));
}

/**
 * Answers the report routes from the stored daily rows, scoped to the
 * entities the caller may see: an entity, a group with every sub-group
 * (the scorecards' stored ancestry), or the whole organisation. Reads the
 * catalog only to check what the caller may see; never reaches upstream.
 */
export class ReportReader {
  private readonly visibility: CatalogVisibility;
  // Assembling a report has the database add up every daily row of
  // thirteen months (the period, the previous one and the trend): for the
  // whole organisation, about a million rows. The answer only changes with
  // the data version and the scope, so it is computed once per version.
  private readonly reports = new VersionedCache<ReliabilityReportResponse>(
    CACHED_ANSWERS,
  );
  private readonly health = new VersionedCache<OnCallHealthResponse>(
    CACHED_ANSWERS,
  );
  // The entity map only changes with a report sync too: the organisation's
  // 10,000 rows are read once per version, not on every request.
  private readonly mapped = new VersionedCache<ReportEntity[]>(CACHED_ANSWERS);
  // The entities with SLO history in a span change with the SLO syncs:
  // one distinct-refs query per SLO version, not per request.
  private readonly sloRefs = new VersionedCache<string[]>(CACHED_ANSWERS);
  private readonly refsOf = new WeakMap<readonly unknown[], string[]>();
  private readonly visibleLists = new WeakMap<
    Set<string>,
    WeakMap<readonly unknown[], unknown[]>
  >();
  private versionsRead?: Promise<DataVersions>;
  private readonly descendants = new Map<
    string,
    { expires: number; refs: Promise<string[]> }
  >();

  /**
   * The group with its sub-groups, as the last scorecard evaluation stored
   * them, re-read at most every 30 seconds: the hierarchy moves with catalog
   * edits, far more slowly than a team's page is reloaded.
   */
  private descendantsOf(groupRef: string): Promise<string[]> {
    const at = Date.now();
    const known = this.descendants.get(groupRef);
    if (known && known.expires > at) {
      return known.refs;
    }
    const refs = this.deps.ancestry.getGroupDescendants(groupRef);
    this.descendants.delete(groupRef);
    this.descendants.set(groupRef, { expires: at + ANCESTRY_TTL_MS, refs });
    // A failed read is not remembered.
    refs.catch(() => this.descendants.delete(groupRef));
    if (this.descendants.size > CACHED_GROUPS) {
      this.descendants.delete(this.descendants.keys().next().value!);
    }
    return refs;
  }

  /**
   * The data versions, read once per burst of requests: under load, one
   * pair of small queries serves every request in flight. A request may so
   * be answered from a read that began just before it arrived, as if it
   * had arrived a moment earlier.
   */
  private versions(): Promise<DataVersions> {
    const { reportStore, sloHistory } = this.deps;
    this.versionsRead ??= Promise.all([
      reportStore.listReportSyncStates(),
      sloHistory ? sloHistory.version() : 0,
    ])
      .then(([states, sloVersion]) => ({ states, sloVersion }))
      .finally(() => {
        this.versionsRead = undefined;
      });
    return this.versionsRead;
  }

  /** Mapped entities (owned by `ownerRefs`, or all), per data version. */
  private async mappedEntities(
    versions: DataVersions,
    ownerRefs?: string[],
  ): Promise<ReportEntity[]> {
    const { reportStore } = this.deps;
    const key = ownerRefs ? [...new Set(ownerRefs)].sort().join('\u0000') : '';
    return this.mapped.get(
      dataVersion(versions.states),
      `${ownerRefs ? 'owned' : 'all'}:${key}`,
      () =>
        reportStore.listReportEntities(ownerRefs ? { ownerRefs } : undefined),
    );
  }

  constructor(
    private readonly deps: {
      reportStore: ReportStore;
      store: ReliabilityStore;
      ancestry: GroupAncestry;
      catalog: CatalogService;
      registry: OnCallProviderRegistry;
      config: ReportConfig;
      now: () => Date;
      /** The daily SLO history; without it the SLO section is empty. */
      sloHistory?: SloHistoryStore;
    },
  ) {
    this.visibility = new CatalogVisibility(deps.catalog);
  }

  async organization(
    period: ReportPeriod,
    credentials: BackstageCredentials,
  ): Promise<ReliabilityReportResponse> {
    const versions = await this.versions();
    const entities = await this.visible(
      await this.mappedEntities(versions),
      entity => entity.entityRef,
      credentials,
    );
    return this.report(
      versions,
      {
        kind: 'organization',
        ref: null,
        title: 'Organisation',
        includesSubgroups: false,
      },
      entities,
      period,
      await this.sloEntities(versions, {}, period, credentials),
    );
  }

  async group(
    groupRef: string,
    period: ReportPeriod,
    credentials: BackstageCredentials,
  ): Promise<ReliabilityReportResponse> {
    const versions = await this.versions();
    const { group, entities, groupRefs } = await this.groupScope(
      versions,
      groupRef,
      credentials,
    );
    return this.report(
      versions,
      {
        kind: 'group',
        ref: stringifyEntityRef(group),
        title: titleOf(group),
        includesSubgroups: true,
      },
      entities,
      period,
      await this.sloEntities(
        versions,
        { ownerRefs: groupRefs },
        period,
        credentials,
      ),
    );
  }

  async entity(
    entityRef: string,
    period: ReportPeriod,
    credentials: BackstageCredentials,
  ): Promise<ReliabilityReportResponse> {
    const versions = await this.versions();
    const entity = await this.visibility.entity(entityRef, credentials);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    const ref = stringifyEntityRef(entity);
    const located = locateEntityService(this.deps.registry, entity);
    const entities: ReportEntity[] =
      located.kind === 'located'
        ? [
            {
              entityRef: ref,
              sourceId: located.registered.source.id,
              serviceId: located.serviceId,
              ownerRef: null,
              title: entity.metadata.title ?? entity.metadata.name,
            },
          ]
        : [];
    return this.report(
      versions,
      {
        kind: 'entity',
        ref,
        title: entity.metadata.title ?? entity.metadata.name,
        includesSubgroups: false,
        entityCount: 1,
      },
      entities,
      period,
      // The entity was read with the caller's credentials just above.
      this.deps.sloHistory ? [ref] : [],
    );
  }

  /**
   * The mapped entities of the organisation or of a group with its
   * sub-groups that the caller may see, by entity ref, with a name for
   * the scope: what an all-services export lists.
   */
  async scopeEntities(
    scope: { groupRef?: string },
    credentials: BackstageCredentials,
  ): Promise<{ name: string; entities: ReportEntity[] }> {
    const versions = await this.versions();
    if (!scope.groupRef) {
      const entities = await this.visible(
        await this.mappedEntities(versions),
        entity => entity.entityRef,
        credentials,
      );
      return { name: 'organization', entities: byEntityRef(entities) };
    }
    const { group, entities } = await this.groupScope(
      versions,
      scope.groupRef,
      credentials,
    );
    return { name: group.metadata.name, entities: byEntityRef(entities) };
  }

  /** The team's rotations and alert quality over the last 28 whole days. */
  async onCallHealth(
    groupRef: string,
    credentials: BackstageCredentials,
  ): Promise<OnCallHealthResponse> {
    const versions = await this.versions();
    const { group, entities } = await this.groupScope(
      versions,
      groupRef,
      credentials,
    );
    const period = this.healthPeriod(this.deps.now().getTime());
    const { states } = versions;
    const key = scopeKey(
      [stringifyEntityRef(group), period.startDate, period.endDate],
      entities,
    );
    return this.health.get(dataVersion(states), key, () =>
      this.computeOnCallHealth(group, entities, period, states),
    );
  }

  /**
   * The card's 28 days up to today, worked out once per local day: the
   * period's zone arithmetic would otherwise be most of a kept answer's cost.
   */
  private healthPeriod(nowMs: number): ReportPeriod {
    const { timeZone } = this.deps.config;
    const today = formatLocalDate(localDateOf(nowMs, timeZone));
    if (this.healthDays?.today !== today) {
      this.healthDays = {
        today,
        period: lastWholeDaysPeriod(nowMs, ON_CALL_HEALTH_DAYS, timeZone),
      };
    }
    return this.healthDays.period;
  }

  private healthDays?: { today: string; period: ReportPeriod };

  private async computeOnCallHealth(
    group: Entity,
    entities: ReportEntity[],
    period: ReportPeriod,
    states: ReportSyncState[],
  ): Promise<OnCallHealthResponse> {
    const { timeZone } = this.deps.config;
    const services = serviceKeys(entities);
    const rotations = await this.rotationsOf(services);
    const [figures, rotationRows, freshness] = await Promise.all([
      this.deps.reportStore.readPeriodFigures({ period, services }),
      this.deps.reportStore.readRotationDays({
        timeZone,
        fromDay: period.startDate,
        toDay: period.endDate,
        rotations,
      }),
      this.freshness(services, period, states),
    ]);
    const alertQuality = alertQualityOfFigures(figures);
    return {
      group: stringifyEntityRef(group),
      period,
      dataAsOf: freshness.dataAsOf,
      warnings: freshness.warnings,
      // The card names the noisiest services only.
      services: serviceRefs(
        entities,
        new Set(alertQuality.noisiestServices.map(s => s.serviceId)),
      ),
      rotations: await this.named(
        rotationLoads(
          [...new Set(rotations.map(r => r.id))],
          rotationRows,
          period,
        ),
        rotations,
      ),
      alertQuality,
    };
  }

  private async groupScope(
    versions: DataVersions,
    groupRef: string,
    credentials: BackstageCredentials,
  ): Promise<{ group: Entity; entities: ReportEntity[]; groupRefs: string[] }> {
    const group = await this.visibility.entity(groupRef, credentials);
    if (!group || group.kind.toLocaleLowerCase('en-US') !== 'group') {
      throw new NotFoundError(`No group ${groupRef} in the catalog`);
    }
    const ref = stringifyEntityRef(group);
    const descendants = await this.descendantsOf(ref);
    // A group created since the last scorecard evaluation has no stored
    // ancestry yet: it stands for itself.
    const groupRefs = descendants.length > 0 ? descendants : [ref];
    const entities = await this.visible(
      await this.mappedEntities(versions, groupRefs),
      entity => entity.entityRef,
      credentials,
    );
    return { group, entities, groupRefs };
  }

  /**
   * The entities with SLO history in the span a report reads (owned by
   * `ownerRefs` when given) that the caller may see. Entities with SLOs
   * need no on-call service, so they are not the report's mapped entities.
   */
  private async sloEntities(
    versions: DataVersions,
    filter: { ownerRefs?: string[] },
    period: ReportPeriod,
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const { sloHistory } = this.deps;
    if (!sloHistory) {
      return [];
    }
    const owners = filter.ownerRefs
      ? [...new Set(filter.ownerRefs)].sort().join('\u0000')
      : null;
    // Keyed by the period: its span (thirteen months of zone arithmetic) is
    // worked out only when the refs are read.
    const refs = await this.sloRefs.get(
      versions.sloVersion,
      [
        period.kind,
        period.timeZone,
        period.startDate,
        period.endDate,
        owners ?? '*',
      ].join('\u0001'),
      () => {
        const span = sloSpan(period);
        return sloHistory.listEntityRefs({
          timeZone: period.timeZone,
          fromDay: span.fromDay,
          toDay: span.toDay,
          ownerRefs: filter.ownerRefs,
        });
      },
    );
    return this.visible(refs, ref => ref, credentials);
  }

  /**
   * The items the caller may see. A kept list gives the same refs array,
   * so the visibility check hands back its remembered answer (the same Set)
   * while it holds, and the filtered list is then the same array too: a
   * kept answer's key is found without a pass over the list.
   */
  private async visible<T>(
    items: T[],
    refOf: (item: T) => string,
    credentials: BackstageCredentials,
  ): Promise<T[]> {
    if (items.length === 0) {
      return items;
    }
    let refs = this.refsOf.get(items);
    if (!refs) {
      refs = items.map(refOf);
      this.refsOf.set(items, refs);
    }
    const visible = await this.visibility.visible(refs, credentials);
    let byList = this.visibleLists.get(visible);
    if (!byList) {
      byList = new WeakMap();
      this.visibleLists.set(visible, byList);
    }
    let filtered = byList.get(items) as T[] | undefined;
    if (!filtered) {
      filtered = items.filter(item => visible.has(refOf(item)));
      byList.set(items, filtered);
    }
    return filtered;
  }

  /**
   * The listed rotations with their escalation policies' and people's
   * names, read from what the syncs stored (never from upstream).
   */
  private async named(
    loads: OnCallLoadMeasure[],
    rotations: SourceKey[],
  ): Promise<OnCallLoadMeasure[]> {
    if (loads.length === 0) {
      return loads;
    }
    const listed = new Set(loads.map(load => load.rotationId));
    const policyIds = new Map<string, string[]>();
    for (const key of rotations) {
      if (listed.has(key.id)) {
        policyIds.set(key.sourceId, [
          ...(policyIds.get(key.sourceId) ?? []),
          key.id,
        ]);
      }
    }
    const rotationNames = new Map<string, string>();
    for (const [sourceId, ids] of policyIds) {
      for (const policy of await this.deps.store.getEscalationPolicies(
        sourceId,
        ids,
      )) {
        if (policy.name) rotationNames.set(policy.id, policy.name);
      }
    }
    const people = await this.deps.reportStore.readPersonNames(
      loads.flatMap(load => load.people.map(person => person.personId)),
    );
    return nameRotations(loads, { rotations: rotationNames, people });
  }

  /** The escalation policies (rotations) the services use. */
  private async rotationsOf(services: SourceKey[]): Promise<SourceKey[]> {
    const bySource = new Map<string, string[]>();
    for (const key of services) {
      bySource.set(key.sourceId, [
        ...(bySource.get(key.sourceId) ?? []),
        key.id,
      ]);
    }
    const rotations = new Map<string, SourceKey>();
    for (const [sourceId, ids] of bySource) {
      for (const service of await this.deps.store.getServices(sourceId, ids)) {
        if (service.escalationPolicyId) {
          rotations.set(`${sourceId}\u0000${service.escalationPolicyId}`, {
            sourceId,
            id: service.escalationPolicyId,
          });
        }
      }
    }
    return [...rotations.values()];
  }

  private async freshness(
    services: SourceKey[],
    period: ReportPeriod,
    allStates: ReportSyncState[],
  ): Promise<{
    dataAsOf: string | null;
    historyStartsOn: string | null;
    warnings: string[];
  }> {
    const sourceIds = new Set(services.map(s => s.sourceId));
    const states = allStates.filter(
      state => sourceIds.size === 0 || sourceIds.has(state.sourceId),
    );
    const warnings = states.flatMap(state => state.warnings);
    if (states.length === 0) {
      warnings.push(
        'No report data has been synced yet: the figures are empty until the first on-call sync completes',
      );
      return { dataAsOf: null, historyStartsOn: null, warnings };
    }
    // The least fresh source bounds what the whole report can claim.
    const dataAsOf = new Date(
      Math.min(...states.map(state => state.syncedAt.getTime())),
    ).toISOString();
    const historyStartsOn = formatLocalDate(
      localDateOf(
        Math.max(...states.map(state => state.historyStartMs)),
        this.deps.config.timeZone,
      ),
    );
    if (period.startDate < historyStartsOn) {
      warnings.push(
        `Report data starts on ${historyStartsOn}; days before it count as empty`,
      );
    }
    return { dataAsOf, historyStartsOn, warnings };
  }

  private async report(
    versions: DataVersions,
    scope: Omit<
      ReportScope,
      'entityCount' | 'serviceCount' | 'rotationCount'
    > & {
      entityCount?: number;
    },
    entities: ReportEntity[],
    period: ReportPeriod,
    sloEntityRefs: string[],
  ): Promise<ReliabilityReportResponse> {
    const { states } = versions;
    // SLO history moves with the SLO syncs, not the report syncs: its
    // version and scope are part of the key.
    const sloVersion = sloEntityRefs.length > 0 ? versions.sloVersion : 0;
    const key = scopeKey(
      [
        String(sloVersion),
        listDigest(sloEntityRefs, ref => ref),
        scope.kind,
        scope.ref ?? '',
        scope.title,
        period.kind,
        period.startDate,
        period.endDate,
        period.timeZone,
      ],
      entities,
    );
    // The same object until the data changes (its `generatedAt` is when the
    // figures were added up), so the route can reuse its JSON text too.
    return this.reports.get(dataVersion(states), key, () =>
      this.computeReport(scope, entities, period, states, sloEntityRefs),
    );
  }

  private async computeReport(
    scope: Omit<
      ReportScope,
      'entityCount' | 'serviceCount' | 'rotationCount'
    > & {
      entityCount?: number;
    },
    entities: ReportEntity[],
    period: ReportPeriod,
    states: ReportSyncState[],
    sloEntityRefs: string[] = [],
  ): Promise<ReliabilityReportResponse> {
    const { reportStore, config, sloHistory } = this.deps;
    const previous = previousPeriod(period);
    const trend = trendMonths(period);
    const services = serviceKeys(entities);
    const rotations = await this.rotationsOf(services);
    const fromDay = [previous.startDate, trend[0].startDate].sort()[0];
    const toDay =
      period.endDate > trend[trend.length - 1].endDate
        ? period.endDate
        : trend[trend.length - 1].endDate;
    // The database adds the service rows up: no row JSON but the period's
    // histograms is read, however many services are in scope.
    const [current, previousFigures, months, rotationRows, freshness, slos] =
      await Promise.all([
        reportStore.readPeriodFigures({ period, services }),
        reportStore.readPeriodFigures({ period: previous, services }),
        reportStore.readMonthTotals({
          timeZone: config.timeZone,
          fromDay: trend[0].startDate,
          toDay: trend[trend.length - 1].endDate,
          services,
        }),
        reportStore.readRotationDays({
          timeZone: config.timeZone,
          fromDay,
          toDay,
          rotations,
        }),
        this.freshness(services, period, states),
        sloHistory && sloEntityRefs.length > 0
          ? readSloSection({
              store: sloHistory,
              period,
              previousPeriod: previous,
              trend,
              entityRefs: sloEntityRefs,
            })
          : undefined,
      ]);
    const assembled = assembleReport({
      slos,
      period,
      previousPeriod: previous,
      serviceIds: [...new Set(services.map(s => s.id))],
      rotationIds: [...new Set(rotations.map(r => r.id))],
      current,
      previous: previousFigures,
      months,
      rotationRows,
      changeWindowMinutes: config.changeFailureWindowMinutes,
    });
    return {
      scope: {
        ...scope,
        entityCount: scope.entityCount ?? entities.length,
        serviceCount: services.length,
        rotationCount: rotations.length,
      },
      generatedAt: this.deps.now().toISOString(),
      dataAsOf: freshness.dataAsOf,
      historyStartsOn: freshness.historyStartsOn,
      warnings: freshness.warnings,
      services: serviceRefs(entities, namedServiceIds(assembled)),
      ...assembled,
      onCall: await this.named(assembled.onCall, rotations),
    };
  }
}

function byEntityRef(entities: ReportEntity[]): ReportEntity[] {
  return [...entities].sort((a, b) =>
    a.entityRef < b.entityRef ? -1 : Number(a.entityRef > b.entityRef),
  );
}

/** The local days a report reads: the previous period through the trend. */
function sloSpan(period: ReportPeriod): { fromDay: string; toDay: string } {
  const previous = previousPeriod(period);
  const trend = trendMonths(period);
  const fromDay = [previous.startDate, trend[0].startDate].sort()[0];
  const lastEnd = trend[trend.length - 1].endDate;
  return {
    fromDay,
    toDay: period.endDate > lastEnd ? period.endDate : lastEnd,
  };
}
