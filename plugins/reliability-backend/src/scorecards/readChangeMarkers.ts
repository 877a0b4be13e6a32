import type { ScorecardCheck } from '@preflight/plugin-reliability-node';
import {
  type OnCallObservationDigests,
  onCallRowKey,
} from '../oncall/ReliabilityStore';
import { digest } from '../lib/digest';
import { toSourceHealth } from '../service/toSourceHealth';
import { alertRuleSourceIds } from './facts/alertRuleFacts';
import { ownerKey } from './facts/ownerFacts';
import type {
  ReadinessFactSources,
  ReadinessRunContext,
} from './facts/ReadinessFactSources';
import { readOpenReviews } from './facts/reviewFacts';
import { timeBucket } from './fingerprintReadinessFacts';
import { isReportDataStale, reportFactPeriod } from './readReportFacts';
import type { ReportDayDigests } from '../reports/store/ReportStore';
import type { ScorecardConfig } from './readScorecardConfig';
import type { StoredInputMark } from './ScorecardStore';

// Bumped when what a mark covers changes, so marks of an older version never
// match and every entity is gathered once.
const MARK_VERSION = '2';

// Stands for "nothing stored" in a mark.
const ABSENT = '-';

/** What the facts of one entity were read from, besides the catalog entity itself. */
export type EntityInputs = Pick<StoredInputMark, 'ownerRef' | 'onCall'>;

/**
 * The change markers of one evaluation pass, read in bulk before any fact:
 * digests of every stored on-call row, of each entity's SLO declarations and
 * statuses and of its open reviews, of the report daily rows of each
 * service and rotation in the report window, the health of every source
 * (whether it ever synced, fails, or is stale now; for report data, whether
 * it is stale), the alert rules, and the rubric and configuration. {@link ChangeMarkers.markOf} combines those an entity's
 * facts depend on with its catalog etag and time bucket; an unchanged mark
 * means unchanged facts. Reading them costs a few narrow queries, where
 * gathering facts builds every entity's on-call, SLO and review views.
 */
export class ChangeMarkers {
  private readonly ownerDigests = new Map<string, string>();

  private constructor(
    private readonly config: string,
    private readonly onCall: OnCallObservationDigests,
    private readonly slos: Map<string, { digest: string; sourceIds: string[] }>,
    private readonly health: Map<string, string>,
    private readonly reviews: Map<string, string>,
    private readonly alertRules: string,
    /** By source: whether it has report data, and whether that is stale now. */
    private readonly reportHealth: Map<string, string>,
    /** By source, then service or rotation: digests of the window's daily rows. */
    private readonly reportDays: ReportDayDigests,
    /** The report window judged now, or ABSENT without reports. */
    private readonly reportWindow: string,
    private readonly context: ReadinessRunContext,
  ) {}

  /**
   * Reads the markers. `context` must hold the run's alert rules; owners
   * read into it later (by the pass or by fact gathering) are used as they
   * come.
   */
  static async read(options: {
    sources: ReadinessFactSources;
    context: ReadinessRunContext;
    config: Pick<ScorecardConfig, 'rubric' | 'kinds'>;
    checks: ScorecardCheck[];
  }): Promise<ChangeMarkers> {
    const { sources, context } = options;
    const { reports } = sources;
    const reportPeriod = reports
      ? reportFactPeriod(context.now, reports.timeZone)
      : undefined;
    const [onCall, slos, stored, reviews, reportStates, reportDays] =
      await Promise.all([
        sources.store.listObservationDigests(),
        sources.sloStore.listEntityDigests(),
        sources.store.listSourceHealth(),
        readOpenReviews(sources),
        reports ? reports.store.listReportSyncStates() : [],
        reports && reportPeriod
          ? reports.store.readDayDigests({
              timeZone: reports.timeZone,
              fromDay: reportPeriod.startDate,
              toDay: reportPeriod.endDate,
            })
          : { services: new Map(), rotations: new Map() },
      ]);
    const incomplete = await sources.store.getIncompleteServices(
      stored.map(source => source.id),
    );

    // Only what facts keep of a source's health: whether it ever synced,
    // whether its last attempt failed and whether it is stale now (under the
    // threshold of its kind), and its incomplete service list. Sync times
    // and warnings change on every sync and decide nothing.
    const onCallIds = new Set(
      sources.onCallRegistry.start().map(registered => registered.source.id),
    );
    const sloIds = new Set(
      sources.sloRegistry.start().map(registered => registered.source.id),
    );
    const health = new Map(
      stored.map(source => {
        const thresholds = [
          ...(onCallIds.has(source.id) ? [sources.onCallStaleAfterMs] : []),
          ...(sloIds.has(source.id) ? [sources.sloStaleAfterMs] : []),
        ];
        return [
          source.id,
          digest(
            JSON.stringify([
              source.type,
              source.displayName,
              source.lastSuccessAt !== null,
              source.lastError !== null,
              // A source no registry knows is judged under both.
              (thresholds.length > 0
                ? thresholds
                : [sources.onCallStaleAfterMs, sources.sloStaleAfterMs]
              ).map(
                staleAfterMs =>
                  toSourceHealth(source, { now: context.now, staleAfterMs })
                    .stale,
              ),
              incomplete.get(source.id) ?? null,
            ]),
          ),
        ];
      }),
    );

    const alertSources = alertRuleSourceIds(sources);
    const alertRules = digest(
      JSON.stringify([
        context.alertRules,
        context.alertRuleErrors ?? [],
        alertSources.map(id => health.get(id) ?? ABSENT),
      ]),
    );

    const config = digest(
      JSON.stringify({
        version: MARK_VERSION,
        rubric: options.config.rubric,
        kinds: options.config.kinds,
        checks: options.checks.map(check => check.id).sort(),
        reviewTemplates: sources.reviews?.templates ?? null,
        onCallStaleAfterMs: sources.onCallStaleAfterMs,
        sloStaleAfterMs: sources.sloStaleAfterMs,
        // A source added or removed moves entities to or from it.
        onCallSources: [...onCallIds].sort(),
        sloSources: [...sloIds].sort(),
        alertSources,
      }),
    );

    // Report figures are summed from the window's daily rows: an entity's
    // mark holds the digests of its service's and rotation's rows, so a
    // report sync that rewrites them unchanged moves nothing. The 28-day
    // window moves at local midnight of the report zone (not at the UTC time
    // bucket), so it is part of the mark. Of the sync state, facts keep only
    // whether it is stale under the report threshold (its time is shown,
    // not judged), as for source health above.
    const reportWindow = reportPeriod ? JSON.stringify(reportPeriod) : ABSENT;
    const reportHealth = new Map(
      reportStates.map(state => [
        state.sourceId,
        reports && reportPeriod
          ? String(
              isReportDataStale(
                state,
                reportPeriod,
                reports.staleAfterMs,
                context.now,
              ),
            )
          : ABSENT,
      ]),
    );

    return new ChangeMarkers(
      config,
      onCall,
      slos,
      health,
      new Map(
        [...reviews].map(([entityRef, list]) => [
          entityRef,
          digest(JSON.stringify(list)),
        ]),
      ),
      alertRules,
      reportHealth,
      reportDays,
      reportWindow,
      context,
    );
  }

  /**
   * The mark of an entity with this catalog etag, read from these inputs,
   * judged in the time bucket of `now` (hour or day). Undefined when it
   * cannot be known (no etag; the owner was not read): the entity must be
   * gathered.
   */
  markOf(
    entityRef: string,
    etag: string | undefined,
    inputs: EntityInputs,
    hourly: boolean,
  ): string | undefined {
    if (!etag) {
      return undefined;
    }
    const parts = [
      this.config,
      etag,
      timeBucket(this.context.now, hourly),
      this.alertRules,
    ];
    if (inputs.ownerRef) {
      const owner = this.ownerDigest(inputs.ownerRef);
      if (owner === undefined) {
        return undefined;
      }
      parts.push(owner);
    } else {
      parts.push(ABSENT);
    }
    if (inputs.onCall) {
      const { sourceId, serviceId } = inputs.onCall;
      const key = onCallRowKey(sourceId, serviceId);
      const service = this.onCall.services.get(key);
      parts.push(
        this.health.get(sourceId) ?? ABSENT,
        service?.digest ?? ABSENT,
        service?.policyId
          ? this.onCall.policies.get(
              onCallRowKey(sourceId, service.policyId),
            ) ?? ABSENT
          : ABSENT,
        this.onCall.stats.get(key) ?? ABSENT,
        // Report facts: the rows of the service and of the rotation its
        // escalation policy stands for (as `readReportFacts` reads them).
        this.reportWindow,
        this.reportHealth.get(sourceId) ?? ABSENT,
        this.reportDays.services.get(sourceId)?.get(serviceId) ?? ABSENT,
        service?.policyId
          ? this.reportDays.rotations.get(sourceId)?.get(service.policyId) ??
              ABSENT
          : ABSENT,
      );
    } else {
      parts.push(ABSENT);
    }
    const slos = this.slos.get(entityRef);
    parts.push(
      slos?.digest ?? ABSENT,
      ...(slos?.sourceIds ?? []).map(id => this.health.get(id) ?? ABSENT),
      this.reviews.get(entityRef) ?? ABSENT,
    );
    return digest(parts.join('\n'));
  }

  private ownerDigest(ownerRef: string): string | undefined {
    // By the ref as entities spell it: thousands of entities name the same
    // few owners, so the key and digest are made once per spelling.
    let found = this.ownerDigests.get(ownerRef);
    if (found === undefined) {
      const key = ownerKey(ownerRef);
      if (!this.context.owners.has(key)) {
        return undefined;
      }
      found = digest(JSON.stringify(this.context.owners.get(key) ?? null));
      this.ownerDigests.set(ownerRef, found);
    }
    return found;
  }
}
