import type {
  AuditorService,
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  RefreshEntityResponse,
  reliabilityEntityRefreshPermission,
  SourcesHealthResponse,
} from '@preflight/plugin-reliability-common';
import compression from 'compression';
import express from 'express';
import Router from 'express-promise-router';
import type { ReliabilityConfig } from '../config/readReliabilityConfig';
import type { ReliabilityStore } from '../oncall/ReliabilityStore';
import { DATA_SCOPES } from '../database/dataVersions';
import { errorMessage } from '../lib/errorMessage';
import { VersionedCache } from '../lib/VersionedCache';
import type { OnCallProviderRegistry } from '../oncall/OnCallProviderRegistry';
import { auditRefusedRefresh } from './auditRefusedRefresh';
import {
  EntitySummaryBuilder,
  type PreparedEntitySummary,
} from './EntitySummaryBuilder';
import { EntityParams, entityParamsOf, groupParamsOf } from './entityParams';
import {
  createRequestValidator,
  parseDocumentedJsonBodies,
} from './requestValidator';
import { GroupOnCallBuilder } from '../oncall/GroupOnCallBuilder';
import { keepKnownPeople } from '../oncall/keepKnownPeople';
import { readEntityWithOwner } from './readEntityWithOwner';
import { RefreshRateLimiter } from './RefreshRateLimiter';
import {
  refreshFailureError,
  TooManyRequestsError,
} from './refreshFailureError';
import { toSourceHealth } from './toSourceHealth';
import type { DeployGatePolicy } from '../slo/readSloSyncConfig';
import { registerSloRoutes } from '../slo/registerSloRoutes';
import type { SloProviderRegistry } from '../slo/SloProviderRegistry';
import type { SloStore } from '../slo/SloStore';
import type { ScorecardRubric } from '@preflight/plugin-reliability-common';
import {
  registerScorecardRoutes,
  SCORECARD_OPERATIONS_CHECKING_INPUT,
} from '../scorecards/registerScorecardRoutes';
import type { ScorecardStore } from '../scorecards/ScorecardStore';
import type { ReviewConfig } from '../reviews/readReviewConfig';
import {
  registerReviewRoutes,
  REVIEW_OPERATIONS_CHECKING_INPUT,
} from '../reviews/registerReviewRoutes';
import type { ReviewStore } from '../reviews/ReviewStore';
import type { ReviewNotifier } from '../reviews/ReviewNotifier';
import type { ReportConfig } from '../reports/config/readReportConfig';
import {
  registerReportRoutes,
  REPORT_OPERATIONS_CHECKING_INPUT,
} from '../reports/routes/registerReportRoutes';
import type { GroupAncestry } from '../reports/routes/ReportReader';
import type { ReportStore } from '../reports/store/ReportStore';
import type { SloHistoryStore } from '../reports/slo/SloHistoryStore';

/** Dependencies of the reliability REST API. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  catalog: CatalogService;
  store: ReliabilityStore;
  registry: OnCallProviderRegistry;
  logger: LoggerService;
  config: ReliabilityConfig;
  /** SLO routes (`/slos`, `/deploy-gate`, `/slo-rules`); left out when absent. */
  slos?: {
    sloStore: SloStore;
    registry: SloProviderRegistry;
    /** SLO evaluations older than this are stale, in milliseconds. */
    staleAfterMs: number;
    /** The deploy gate's policy for what it cannot judge. */
    deployGate?: DeployGatePolicy;
  };
  /**
   * Scorecard routes (`/entities/.../scorecard`, `/groups/.../scorecards`,
   * `/scorecards/overview`, `/scorecards/preview`); left out when absent.
   */
  scorecards?: {
    store: ScorecardStore;
    /** The rubric in force. */
    rubric: ScorecardRubric;
    /** Kinds in scope (`reliability.scorecards.kinds`); default component, api, resource, system. */
    kinds?: string[];
  };
  /**
   * Readiness review routes (`/review-templates`, `/entities/.../reviews`,
   * `/reviews`, `/reviews/{id}/...`); left out when absent. Needs
   * `scorecards` (check items read the stored scorecards).
   */
  reviews?: {
    store: ReviewStore;
    config: ReviewConfig;
    /** The plugin's own credentials read reviewer group membership. */
    auth: AuthService;
    /** Called after a review was opened or changed state. */
    onStateChange?: () => void;
    /** Notifies people of review changes; absent: nobody is notified. */
    notifier?: Pick<ReviewNotifier, 'notify'>;
  };
  /**
   * Reliability report routes (`/reports/...`,
   * `/groups/.../on-call-health`); left out when absent.
   */
  reports?: {
    store: ReportStore;
    config: ReportConfig;
    /** The stored group ancestry (the scorecard store's). */
    scorecardStore: GroupAncestry;
    /** The daily SLO history behind the SLO section; empty section without it. */
    sloHistory?: SloHistoryStore;
  };
  /** The clock; tests may pin it. */
  now?: () => Date;
}

// What an entity summary answered from a snapshot is read from.
const ENTITY_PAGE_SCOPES = [DATA_SCOPES.entityPages, DATA_SCOPES.onCall];

function entityRefOf(params: EntityParams): string {
  return stringifyEntityRef(params);
}

/**
 * The reliability REST API, mounted by the plugin at `/api/reliability`.
 * Reads answer from the store and the catalog only; the refresh route is the
 * one path that reaches an upstream source, and it is permission-checked,
 * rate-limited and audited.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    httpAuth,
    permissions,
    auditor,
    catalog,
    store,
    registry,
    logger,
    config,
  } = options;
  const now = options.now ?? (() => new Date());
  const summaries = new EntitySummaryBuilder({
    registry,
    store,
    catalog,
    staleAfterMs: config.sync.staleAfterMs,
  });
  const groupOnCall = new GroupOnCallBuilder({
    registry,
    store,
    catalog,
    staleAfterMs: config.sync.staleAfterMs,
  });
  const limiter = new RefreshRateLimiter(store, config.refresh);
  // Entity-page summaries without their time-dependent parts, per entity;
  // null: no snapshot (the catalog is asked). Sized for the entities people
  // look at, not the fleet.
  const entityPages = new VersionedCache<PreparedEntitySummary | null>(2000);

  const router = Router();
  // Answers are JSON of up to hundreds of kB (a team page, SLO burn-downs,
  // a CSV export): compress them here rather than rely on the app's root
  // router doing it. A client that accepts no encoding skips the middleware,
  // which otherwise wraps every answer's writes for nothing.
  const compress = compression();
  router.use((req, res, next) =>
    req.headers['accept-encoding'] ? compress(req, res, next) : next(),
  );
  router.use(parseDocumentedJsonBodies());
  // Every request passes the router generated from openapi.yaml, which
  // validates it against the spec, before the routes below.
  router.use(
    createRequestValidator({
      checkInputInRoute: [
        ...SCORECARD_OPERATIONS_CHECKING_INPUT,
        ...REPORT_OPERATIONS_CHECKING_INPUT,
        ...REVIEW_OPERATIONS_CHECKING_INPUT,
      ],
    }),
  );

  router.get('/health', async (req, res) => {
    await httpAuth.credentials(req);
    const at = now();
    const stored = await store.listSourceHealth();
    const body: SourcesHealthResponse = {
      sources: stored.map(s =>
        toSourceHealth(s, { now: at, staleAfterMs: config.sync.staleAfterMs }),
      ),
    };
    res.json(body);
  });

  router.get('/entities/:kind/:namespace/:name/summary', async (req, res) => {
    const params = entityParamsOf(req);
    const credentials = await httpAuth.credentials(req);
    const entityRef = entityRefOf(params);
    // The entity as the last evaluation read it, with its stored on-call
    // data, cached per version of both (so a page view is one indexed read
    // of the versions when nothing changed, on any replica). The access
    // check is the catalog's own read permission, asked for this entity
    // with the caller's credentials; no catalog request. An entity the
    // caller may not see is indistinguishable from a missing one.
    const scorecardStore = options.scorecards?.store;
    const prepared = scorecardStore
      ? await entityPages.get(
          await store.getDataVersion(ENTITY_PAGE_SCOPES),
          entityRef,
          async () => {
            const snapshot = await scorecardStore.getEntityPageSnapshot(
              entityRef,
            );
            // The owner is known: no catalog request, nothing that depends
            // on the caller.
            return snapshot
              ? summaries.prepare(snapshot.entity, credentials, snapshot.owner)
              : null;
          },
        )
      : null;
    if (prepared) {
      const [decision] = await permissions.authorize(
        [{ permission: catalogEntityReadPermission, resourceRef: entityRef }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotFoundError(`No entity ${entityRef} in the catalog`);
      }
      res.json(summaries.finish(prepared, now()));
      return;
    }
    // Not evaluated yet (or out of the scorecards' kinds): read the catalog
    // with the caller's credentials, the owner in the same request.
    const { entity, owner } = await readEntityWithOwner(
      catalog,
      params,
      credentials,
    );
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    res.json(await summaries.build(entity, credentials, now(), owner));
  });

  router.get('/groups/:namespace/:name/on-call', async (req, res) => {
    const params = groupParamsOf(req);
    const credentials = await httpAuth.credentials(req);
    const groupRef = stringifyEntityRef({ kind: 'group', ...params });
    // As for summaries: a group the caller may not see is a missing group.
    const group = await catalog.getEntityByRef(groupRef, { credentials });
    if (!group) {
      throw new NotFoundError(`No group ${groupRef} in the catalog`);
    }
    res.json(await groupOnCall.build(group, credentials, now()));
  });

  router.post('/entities/:kind/:namespace/:name/refresh', async (req, res) => {
    const params = entityParamsOf(req);
    const entityRef = entityRefOf(params);

    let credentials;
    try {
      credentials = await httpAuth.credentials(req, { allow: ['user'] });
    } catch (error) {
      await auditRefusedRefresh(auditor, req, entityRef, error);
      throw error;
    }
    const actorRef = credentials.principal.userEntityRef;

    const auditEvent = await auditor.createEvent({
      eventId: 'entity-refresh',
      severityLevel: 'medium',
      request: req,
      meta: { entityRef },
    });

    try {
      const [decision] = await permissions.authorize(
        [
          {
            permission: reliabilityEntityRefreshPermission,
            resourceRef: entityRef,
          },
        ],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `You are not allowed to refresh reliability data of ${entityRef}`,
        );
      }

      const entity = await catalog.getEntityByRef(entityRef, { credentials });
      if (!entity) {
        throw new NotFoundError(`No entity ${entityRef} in the catalog`);
      }

      const located = summaries.locateService(entity);
      if (located.kind !== 'located') {
        const reason =
          located.onCall.state === 'not-configured'
            ? 'it has no on-call service annotation'
            : located.onCall.problem?.message ??
              'its on-call metadata is invalid';
        throw new InputError(`${entityRef} cannot be refreshed: ${reason}`);
      }

      const decisionAt = now();
      const slot = await limiter.acquire({
        entityRef: stringifyEntityRef(entity),
        actorRef,
        now: decisionAt,
      });
      if (!slot.allowed) {
        throw new TooManyRequestsError(slot.message, slot.retryAfterSeconds);
      }

      const { provider, source } = located.registered;
      let snapshot;
      try {
        snapshot = await provider.syncService(source.id, located.serviceId, {
          signal: AbortSignal.timeout(config.refresh.timeoutMs),
        });
      } catch (error) {
        logger.warn(
          `Refresh of ${located.serviceId} from ${
            source.id
          } for ${entityRef} failed: ${errorMessage(error)}`,
        );
        throw refreshFailureError(error, {
          serviceId: located.serviceId,
          sourceName: source.displayName,
          entityRef,
          rateLimitWindowSeconds: provider.rateLimitWindowSeconds,
        });
      }
      const storedPolicies = await store.getEscalationPolicies(
        source.id,
        snapshot.policies.map(policy => policy.id),
      );
      await store.upsertServiceSnapshot({
        sourceId: source.id,
        snapshot: keepKnownPeople(snapshot, storedPolicies),
      });

      const refreshedAt = now();
      const body: RefreshEntityResponse = {
        refreshedAt: refreshedAt.toISOString(),
        summary: await summaries.build(entity, credentials, refreshedAt),
      };
      await auditEvent.success({
        meta: {
          entityRef: body.summary.entityRef,
          actorRef,
          sourceId: source.id,
          serviceId: located.serviceId,
        },
      });
      res.json(body);
    } catch (error) {
      await auditEvent.fail({
        error: error instanceof Error ? error : new Error(errorMessage(error)),
        meta: { entityRef, actorRef },
      });
      if (
        error instanceof TooManyRequestsError &&
        error.retryAfterSeconds !== undefined
      ) {
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
      }
      throw error;
    }
  });

  if (options.slos) {
    const reviewGate = options.reviews?.config.gate;
    registerSloRoutes(router, {
      httpAuth,
      catalog,
      store,
      now,
      ...options.slos,
      ...(reviewGate && options.reviews
        ? {
            reviewGate: {
              gate: reviewGate,
              templates: options.reviews.config.templates,
              store: options.reviews.store,
            },
          }
        : {}),
    });
  }

  if (options.scorecards) {
    registerScorecardRoutes(router, {
      httpAuth,
      catalog,
      now,
      ...options.scorecards,
    });
  }

  if (options.reports) {
    registerReportRoutes(router, {
      httpAuth,
      catalog,
      store,
      registry,
      reportStore: options.reports.store,
      ancestry: options.reports.scorecardStore,
      config: options.reports.config,
      sloHistory: options.reports.sloHistory,
      now,
    });
  }

  if (options.reviews) {
    if (!options.scorecards) {
      throw new Error(
        'Readiness reviews need scorecards: their check items read the stored scorecards',
      );
    }
    registerReviewRoutes(router, {
      httpAuth,
      permissions,
      auditor,
      catalog,
      now,
      scorecardStore: options.scorecards.store,
      ...options.reviews,
    });
  }

  return router;
}
