import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { EntityScorecard } from '@preflight/plugin-reliability-common';
import { checkApplies, evaluateScorecard } from './engine';
import {
  EntityReadinessFacts,
  ScorecardCheck,
} from '@preflight/plugin-reliability-node';
import { errorMessage } from '../lib/errorMessage';
import { chunks } from '../lib/chunks';
import { SerialWrites } from '../lib/SerialWrites';
import { locateEntityService } from '../oncall/locateEntityService';
import { parseOwnerRef } from '../service/parseOwnerRef';
import { buildGroupAncestry } from './buildGroupAncestry';
import { changedEntityPageSnapshots } from './entityPageSnapshots';
import {
  fingerprintReadinessFacts,
  isTimeSensitive,
} from './fingerprintReadinessFacts';
import { readTier } from './facts/entityFacts';
import { readOwners } from './facts/ownerFacts';
import type {
  ReadinessFactSources,
  ReadinessRunContext,
} from './facts/ReadinessFactSources';
import { gatherReadinessFacts } from './gatherReadinessFacts';
import { ChangeMarkers } from './readChangeMarkers';
import type { ScorecardConfig } from './readScorecardConfig';
import type {
  EntityPageSnapshot,
  ScorecardStore,
  StoredInputMark,
  StoredScorecard,
} from './ScorecardStore';
import { toTeamScorecardRow } from './toTeamScorecardRow';

const DAY_MS = 24 * 60 * 60 * 1000;
// Entities whose facts are gathered together.
const PAGE_SIZE = 500;
// Refs and etags per catalog page: small items, so few round trips.
const LIST_PAGE_SIZE = 10_000;
// 400 pages: 2,000,000 entities, far beyond any fleet, and a bound on a
// cursor that never ends.
const MAX_PAGES = 400;
// Scorecards per write transaction: each commit is a disk sync, so a first
// run writes 10,000 entities in ten.
const WRITE_BATCH_SIZE = 1000;
// Entities evaluated between two turns of the event loop, in which the
// database's answers to the batch being written are handled.
const YIELD_EVERY = 50;

/** What one evaluation run did. */
export interface ScorecardRunSummary {
  /** Entities (re-)evaluated and written. */
  evaluated: number;
  /** Entities whose fingerprint was unchanged. */
  unchanged: number;
  /** Entities removed (left the catalog or the scope). */
  removed: number;
  /** Entities whose facts could not be gathered or evaluated (see the log). */
  failed: number;
  durationMs: number;
}

/** Dependencies of the {@link ScorecardEvaluator}. */
export interface ScorecardEvaluatorOptions {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  scorecardStore: ScorecardStore;
  facts: ReadinessFactSources;
  config: Pick<ScorecardConfig, 'rubric' | 'kinds' | 'retentionDays'>;
  /** Every check implementation (built-in and from modules). */
  checks: ScorecardCheck[];
  /** Entities per catalog page; 500 unless a test needs several pages. */
  pageSize?: number;
  now?: () => Date;
}

/**
 * Evaluates the scorecards of the whole catalog, incrementally, in two
 * steps. First, change markers: the catalog's refs and etags and the stores'
 * digests ({@link ChangeMarkers}) give each entity a mark, compared with the
 * mark its last evaluation stored; an entity whose mark is unchanged (same
 * etag, owner, on-call, SLO, alert-rule and review observations, source
 * health, rubric and time bucket) is skipped without reading its facts.
 * Then the other entities are read in full and their facts gathered in bulk,
 * in batches, and only those whose fingerprint changed are re-evaluated and
 * written (in batches). It also stores the group hierarchy for team views,
 * removes entities that left the catalog or the scope (from the listed
 * refs, so also on a pass that gathers nothing), records daily snapshots
 * and prunes history past retention. Run as one global scheduled task.
 *
 * An entity whose facts cannot be gathered or evaluated never stops the run
 * and is never silently dropped: its last stored scorecard is kept (and
 * retried next run), and an entity without one gets a scorecard whose
 * applicable checks are in `error`, saying why.
 */
export class ScorecardEvaluator {
  private readonly implementations: Map<string, ScorecardCheck>;

  constructor(private readonly options: ScorecardEvaluatorOptions) {
    this.implementations = new Map(
      options.checks.map(check => [check.id, check]),
    );
  }

  async run(signal?: AbortSignal): Promise<ScorecardRunSummary> {
    const { scorecardStore: store, logger, config } = this.options;
    const now = (this.options.now ?? (() => new Date()))();
    const started = Date.now();
    const credentials = await this.options.auth.getOwnServiceCredentials();

    const groups = await this.listEntities(
      { kind: 'group' },
      credentials,
      signal,
      [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'spec.parent',
        'spec.children',
        'relations',
      ],
    );
    const ancestryChanged = await store.replaceGroupAncestry(
      buildGroupAncestry(groups),
    );

    const fingerprints = await store.getFingerprints();
    // Entity pages read these snapshots instead of the catalog.
    const pageMarks = await store.getEntityPageMarks();
    const inputMarks = await store.getInputMarks();
    const context: ReadinessRunContext = {
      credentials,
      now,
      alertRules: this.options.facts.alertRuleStore
        ? await this.options.facts.alertRuleStore.listAlertRules()
        : [],
      alertRuleErrors: this.options.facts.alertRuleStore
        ? await this.options.facts.alertRuleStore.listSourceAlertRulesErrors()
        : [],
      owners: new Map(),
    };
    // Read before any fact, so a change written while facts are gathered
    // makes the next pass gather again rather than go unnoticed.
    const markers = await this.readMarkers(context);

    // The catalog's refs and etags, then the full entities of those whose
    // mark changed (or cannot be known), in batches.
    const listing = await this.listEntities(
      { kind: config.kinds },
      credentials,
      signal,
      ['kind', 'metadata.name', 'metadata.namespace', 'metadata.etag'],
      this.options.pageSize ?? LIST_PAGE_SIZE,
    );
    const listed = new Set<string>();
    const etags = new Map<string, string | undefined>();
    for (const item of listing) {
      const ref = stringifyEntityRef(item);
      listed.add(ref);
      etags.set(ref, item.metadata.etag);
    }
    if (markers) {
      await this.readStoredOwners(inputMarks, listed, context);
    }

    const kept = new Set<string>();
    const dirty: string[] = [];
    let unchanged = 0;
    for (const ref of listed) {
      const stored = inputMarks.get(ref);
      const current =
        markers && stored && stored.scored === fingerprints.has(ref)
          ? markers.markOf(ref, etags.get(ref), stored, stored.hourly)
          : undefined;
      if (current !== undefined && current === stored?.mark) {
        unchanged += 1;
        if (stored.scored) {
          kept.add(ref);
        }
      } else {
        dirty.push(ref);
      }
    }

    const pending: StoredScorecard[] = [];
    const pendingSnapshots: EntityPageSnapshot[] = [];
    // A mark is committed with the result it stands for (a mark without its
    // result would skip the entity with an old scorecard): the marks of
    // entities whose result waits in `pending`, by ref; marks of entities
    // with no result to write (unchanged, out of scope) go with any batch.
    const marksOfPending = new Map<string, StoredInputMark>();
    const marksWithoutResult: StoredInputMark[] = [];
    const failedRefs: string[] = [];
    let evaluated = 0;
    let failed = 0;
    // Batches are written while the next pages are gathered and evaluated,
    // so the database's work overlaps the checks' (on PostgreSQL, another
    // process). One write at a time, in order: a batch is only handed over
    // once the one before it is stored, which also bounds what waits in
    // memory to about two batches.
    const writes = new SerialWrites();
    const writeBatch = async (
      batch: StoredScorecard[],
      snapshots: EntityPageSnapshot[],
      marks: StoredInputMark[],
    ) => {
      await store.writeScorecards(batch, now, { snapshots, marks });
      evaluated += batch.length;
    };
    const flush = async (force: boolean) => {
      while (
        pending.length >= WRITE_BATCH_SIZE ||
        (force &&
          (pending.length > 0 ||
            pendingSnapshots.length > 0 ||
            marksWithoutResult.length > 0))
      ) {
        const batch = pending.splice(0, WRITE_BATCH_SIZE);
        const snapshots = pendingSnapshots.splice(0);
        const marks = marksWithoutResult.splice(0);
        for (const { scorecard } of batch) {
          const mark = marksOfPending.get(scorecard.entityRef);
          if (mark) {
            marks.push(mark);
            marksOfPending.delete(scorecard.entityRef);
          }
        }
        await writes.settled();
        writes.start(() => writeBatch(batch, snapshots, marks));
      }
    };

    let nextPage: Promise<LoadedPage> | undefined;
    try {
      const pages = chunks(dirty, this.options.pageSize ?? PAGE_SIZE);
      const loadPage = async (refs: string[]): Promise<LoadedPage> => {
        const { items } = await this.options.catalog.getEntitiesByRefs(
          { entityRefs: refs },
          { credentials },
        );
        const page: Entity[] = [];
        items.forEach((item, index) => {
          if (item) {
            page.push(item);
          } else {
            // Gone since it was listed: it left the catalog.
            listed.delete(refs[index]);
          }
        });
        return { page, gathered: await this.gatherPage(page, context) };
      };
      // The next page is read (catalog, stores) while this one is judged,
      // so the reads' round trips overlap the checks' work.
      nextPage = pages.length > 0 ? prefetch(loadPage(pages[0])) : undefined;
      for (let pageIndex = 0; pageIndex < pages.length; pageIndex++) {
        signal?.throwIfAborted();
        const { page, gathered } = await nextPage!;
        nextPage =
          pageIndex + 1 < pages.length
            ? prefetch(loadPage(pages[pageIndex + 1]))
            : undefined;
        pendingSnapshots.push(
          ...changedEntityPageSnapshots(page, context.owners, pageMarks),
        );
        for (const [index, item] of gathered.entries()) {
          if (index % YIELD_EVERY === YIELD_EVERY - 1) {
            // Lets the batch being written take its next step meanwhile.
            await new Promise(resolve => setImmediate(resolve));
          }
          const previous = fingerprints.get(item.entityRef);
          const outcome =
            'facts' in item
              ? await this.evaluate(item.facts, previous, now)
              : { kind: 'failed' as const, error: item.error };
          if (outcome.kind === 'failed') {
            failed += 1;
            failedRefs.push(item.entityRef);
            logger.warn(
              `Scorecard of ${item.entityRef} could not be evaluated: ${outcome.error}`,
            );
            kept.add(item.entityRef);
            if (previous === undefined) {
              const errored = this.errorScorecard(
                item.entity,
                outcome.error,
                now,
              );
              if (errored) {
                pending.push(errored);
              }
            }
            continue;
          }
          if (outcome.kind === 'unchanged') {
            unchanged += 1;
            kept.add(item.entityRef);
          } else if (outcome.kind === 'evaluated') {
            pending.push(outcome.stored);
            kept.add(item.entityRef);
          }
          // 'out-of-scope': not kept, so a stored scorecard is removed below.
          const mark =
            markers && 'facts' in item
              ? this.inputMark(markers, item, outcome.kind)
              : undefined;
          if (mark && outcome.kind === 'evaluated') {
            marksOfPending.set(item.entityRef, mark);
          } else if (mark) {
            marksWithoutResult.push(mark);
          }
        }
        await flush(false);
      }
      await flush(true);
      await writes.settled();
    } catch (error) {
      // No read or write of this run goes on after it has given up.
      await nextPage?.catch(() => undefined);
      await writes.idle();
      throw error;
    }
    await store.deleteInputMarks([
      ...failedRefs,
      ...[...inputMarks.keys()].filter(ref => !listed.has(ref)),
    ]);

    await store.deleteEntityPageSnapshots(
      [...pageMarks.keys()].filter(ref => !listed.has(ref)),
    );
    const removed = [...fingerprints.keys()].filter(
      ref => !kept.has(ref) || !listed.has(ref),
    );
    if (removed.length > 0) {
      await store.deleteScorecards(removed);
    }
    // A pass that changed nothing leaves today's snapshots and level counts
    // as the run of today that recorded them left them (a new day always
    // re-evaluates every entity, so it never skips).
    if (
      evaluated > 0 ||
      removed.length > 0 ||
      ancestryChanged ||
      !(await store.hasDailySnapshots(now))
    ) {
      await store.recordDailySnapshots(
        now,
        new Date(now.getTime() - config.retentionDays * DAY_MS),
      );
    }
    const durationMs = Date.now() - started;
    await store.recordEvaluationRun({
      completedAt: new Date(now.getTime() + durationMs),
      evaluated,
      unchanged,
      removed: removed.length,
      durationMs,
    });
    const summary = {
      evaluated,
      unchanged,
      removed: removed.length,
      failed,
      durationMs,
    };
    logger.info(
      `Scorecards: ${evaluated} evaluated, ${unchanged} unchanged, ${removed.length} removed, ${failed} failed in ${durationMs} ms`,
    );
    return summary;
  }

  /**
   * The run's change markers; undefined (every entity is gathered, as
   * without markers) when they cannot be read.
   */
  private async readMarkers(
    context: ReadinessRunContext,
  ): Promise<ChangeMarkers | undefined> {
    try {
      return await ChangeMarkers.read({
        sources: this.options.facts,
        context,
        config: this.options.config,
        checks: this.options.checks,
      });
    } catch (error) {
      this.options.logger.warn(
        `Scorecard change markers could not be read; every entity is gathered this run: ${errorMessage(
          error,
        )}`,
      );
      return undefined;
    }
  }

  /**
   * Reads the owners that listed entities were last evaluated with, so their
   * marks can be recomputed. On failure they stay unread and those entities
   * are gathered (where the failure is reported per entity).
   */
  private async readStoredOwners(
    inputMarks: Map<string, StoredInputMark>,
    listed: Set<string>,
    context: ReadinessRunContext,
  ): Promise<void> {
    const ownerRefs = new Set<string>();
    for (const [ref, mark] of inputMarks) {
      if (mark.ownerRef && listed.has(ref)) {
        ownerRefs.add(mark.ownerRef);
      }
    }
    try {
      await readOwners(this.options.facts.catalog, [...ownerRefs], context);
    } catch (error) {
      this.options.logger.warn(
        `Scorecard owners could not be read; their entities are gathered: ${errorMessage(
          error,
        )}`,
      );
    }
  }

  /** What a gathered entity's evaluation read, for the next pass to compare. */
  private inputMark(
    markers: ChangeMarkers,
    item: { entityRef: string; entity: Entity; facts: EntityReadinessFacts },
    outcome: 'unchanged' | 'evaluated' | 'out-of-scope',
  ): StoredInputMark | undefined {
    const location = locateEntityService(
      this.options.facts.onCallRegistry,
      item.entity,
    );
    const inputs = {
      ownerRef: parseOwnerRef(item.entity).ref ?? null,
      onCall:
        location.kind === 'located'
          ? {
              sourceId: location.registered.source.id,
              serviceId: location.serviceId,
            }
          : null,
    };
    const hourly = isTimeSensitive(item.facts);
    const mark = markers.markOf(
      item.entityRef,
      item.entity.metadata.etag,
      inputs,
      hourly,
    );
    return mark === undefined
      ? undefined
      : {
          entityRef: item.entityRef,
          mark,
          hourly,
          scored: outcome !== 'out-of-scope',
          ...inputs,
        };
  }

  /** Gathers a page's facts; if the bulk reads fail, every entity of the page fails with that error. */
  private async gatherPage(page: Entity[], context: ReadinessRunContext) {
    try {
      return await gatherReadinessFacts(this.options.facts, page, context);
    } catch (error) {
      const message = `the facts of this page of entities could not be read: ${errorMessage(
        error,
      )}`;
      return page.map(entity => ({
        entityRef: stringifyEntityRef(entity),
        entity,
        error: message,
      }));
    }
  }

  private async evaluate(
    facts: EntityReadinessFacts,
    previous: string | undefined,
    now: Date,
  ): Promise<
    | { kind: 'unchanged' }
    | { kind: 'out-of-scope' }
    | { kind: 'evaluated'; stored: StoredScorecard }
    | { kind: 'failed'; error: string }
  > {
    const { rubric } = this.options.config;
    let fingerprint: string;
    let scorecard: EntityScorecard | null;
    try {
      fingerprint = fingerprintReadinessFacts(facts, rubric.version, now);
      if (fingerprint === previous) {
        return { kind: 'unchanged' };
      }
      scorecard = await evaluateScorecard({
        facts,
        rubric,
        implementations: this.implementations,
        now,
      });
    } catch (error) {
      return { kind: 'failed', error: errorMessage(error) };
    }
    if (!scorecard || !inScope(scorecard)) {
      return { kind: 'out-of-scope' };
    }
    return {
      kind: 'evaluated',
      stored: {
        row: toTeamScorecardRow(facts, scorecard),
        scorecard,
        fingerprint,
      },
    };
  }

  /**
   * A scorecard for an entity evaluated for the first time whose facts could
   * not be gathered or evaluated: every check that applies to it by its
   * metadata is in `error`, saying why. Its fingerprint never matches, so
   * the next run tries again.
   */
  private errorScorecard(
    entity: Entity,
    error: string,
    now: Date,
  ): StoredScorecard | undefined {
    const { rubric } = this.options.config;
    const facts = skeletonFacts(entity);
    const levelOf = new Map(
      rubric.levels.flatMap(level => level.checks.map(id => [id, level.id])),
    );
    const checks = rubric.checks
      .filter(check => checkApplies(check, entity, facts.tier))
      .map(check => ({
        checkId: check.id,
        title: check.title,
        category: check.category,
        description: check.description,
        fix: check.fix,
        levelId: levelOf.get(check.id) ?? null,
        state: 'error' as const,
        message: `Not evaluated: ${error}`,
        facts: [],
        passing: false,
      }));
    if (checks.length === 0) {
      return undefined;
    }
    const [firstLevel] = rubric.levels;
    const scorecard: EntityScorecard = {
      entityRef: facts.entityRef,
      level: null,
      score: 0,
      counts: {
        pass: 0,
        fail: 0,
        warning: 0,
        notApplicable: 0,
        error: checks.length,
        exempt: 0,
      },
      nextLevel: firstLevel
        ? {
            id: firstLevel.id,
            title: firstLevel.title,
            index: 0,
            blockingCheckIds: checks
              .filter(check => check.levelId === firstLevel.id)
              .map(check => check.checkId),
          }
        : null,
      checks,
      evaluatedAt: now.toISOString(),
      sources: [],
      rubricVersion: rubric.version,
    };
    return {
      scorecard,
      fingerprint: `error:${now.toISOString()}`,
      // Nothing behind this row is current.
      row: { ...toTeamScorecardRow(facts, scorecard), stale: true },
    };
  }

  private async listEntities(
    filter: Record<string, string | string[]>,
    credentials: BackstageCredentials,
    signal: AbortSignal | undefined,
    fields: string[],
    limit = this.options.pageSize ?? PAGE_SIZE,
  ): Promise<Entity[]> {
    const all: Entity[] = [];
    await this.forEachPage(
      filter,
      credentials,
      signal,
      async page => {
        all.push(...page);
      },
      fields,
      limit,
    );
    return all;
  }

  /** Reads the catalog in pages of one cursor query, bounded in pages. */
  private async forEachPage(
    filter: Record<string, string | string[]>,
    credentials: BackstageCredentials,
    signal: AbortSignal | undefined,
    handle: (page: Entity[]) => Promise<void>,
    fields: string[],
    limit: number,
  ): Promise<void> {
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      signal?.throwIfAborted();
      const response = await this.options.catalog.queryEntities(
        cursor
          ? { cursor, limit, fields }
          : {
              filter,
              limit,
              orderFields: { field: 'metadata.uid', order: 'asc' },
              fields,
            },
        { credentials },
      );
      await handle(response.items);
      cursor = response.pageInfo.nextCursor;
      if (!cursor) {
        return;
      }
    }
    throw new Error(
      `the catalog listed more than ${
        MAX_PAGES * limit
      } entities; scorecards were not updated for the rest`,
    );
  }
}

/** What the catalog alone says about an entity whose other facts are unknown. */
function skeletonFacts(entity: Entity): EntityReadinessFacts {
  const owner = parseOwnerRef(entity).ref;
  const tier = readTier(entity);
  return {
    entityRef: stringifyEntityRef(entity),
    entity,
    ...(tier ? { tier } : {}),
    owner: owner
      ? {
          ref: owner,
          exists: false,
          memberRefs: null,
          memberEmails: [],
          annotations: {},
        }
      : null,
    onCall: { state: 'not-configured', freshness: null },
    runbooks: [],
    alertRules: { rules: [], freshness: [] },
    slos: { declared: false, slos: [], problems: [], freshness: [] },
    exemptions: [],
    problems: [],
  };
}

/** A page of entities read from the catalog, with their gathered facts. */
interface LoadedPage {
  page: Entity[];
  gathered: Awaited<ReturnType<typeof gatherReadinessFacts>>;
}

/**
 * A promise started ahead of its use: a rejection before it is awaited is
 * not reported as unhandled (the loop awaits it, or has already given up).
 */
function prefetch<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** An entity with no applicable check is not in the scorecard's scope. */
function inScope(scorecard: EntityScorecard): boolean {
  return scorecard.checks.some(check => check.state !== 'not-applicable');
}
