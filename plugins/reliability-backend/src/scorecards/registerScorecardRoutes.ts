import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  EntityScorecardResponse,
  ScorecardRubric,
} from '@preflight/plugin-reliability-common';
import type { Router } from 'express';
import { entityParamsOf } from '../service/entityParams';
import { assertRequestFollowsSpec } from '../service/requestVerdict';
import { buildScorecardOverview } from './buildScorecardOverview';
import { registerTeamScorecardRoutes } from './registerTeamScorecardRoutes';
import {
  checkRubricChanges,
  previewRubricChanges,
} from './previewRubricChanges';
import type { ScorecardStore } from './ScorecardStore';
import { toScorecardRubricView } from './toScorecardRubricView';

/** Days of history and trend the read routes return. */
export const SCORECARD_HISTORY_DAYS = 90;

/** Kinds scored when `reliability.scorecards.kinds` is not set. */
export const DEFAULT_SCORECARD_KINDS = [
  'component',
  'api',
  'resource',
  'system',
];

/**
 * Operations whose routes raise the spec's refusal of their query or body
 * themselves, after their own checks, which keep their messages.
 */
export const SCORECARD_OPERATIONS_CHECKING_INPUT = [
  'getGroupScorecards',
  'exportGroupScorecards',
  'previewRubricChange',
];

/** Dependencies of the scorecard routes. */
export interface ScorecardRoutesOptions {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  store: ScorecardStore;
  /** The rubric in force (the one the evaluation uses). */
  rubric: ScorecardRubric;
  /** Kinds in scope (`reliability.scorecards.kinds`), lower case; default {@link DEFAULT_SCORECARD_KINDS}. */
  kinds?: string[];
  now: () => Date;
}

/** `YYYY-MM-DD` of the first day of the trailing window ending today (UTC). */
function windowStart(now: Date): string {
  const start = new Date(
    now.getTime() - (SCORECARD_HISTORY_DAYS - 1) * 86_400_000,
  );
  return start.toISOString().slice(0, 10);
}

/**
 * Adds the scorecard routes to the reliability router:
 * `GET /entities/:kind/:namespace/:name/scorecard`,
 * `GET /groups/:namespace/:name/scorecards`, `GET /scorecards/overview` and
 * `POST /scorecards/preview`. Every answer comes from the stored results;
 * nothing is evaluated on read. The catalog is asked only whether an entity
 * or group without stored results exists (with the caller's credentials).
 */
export function registerScorecardRoutes(
  router: Router,
  options: ScorecardRoutesOptions,
): void {
  const { httpAuth, catalog, store, rubric, now } = options;
  const kinds = new Set(
    (options.kinds ?? DEFAULT_SCORECARD_KINDS).map(k =>
      k.toLocaleLowerCase('en-US'),
    ),
  );
  const rubricView = toScorecardRubricView(rubric);

  // An entity without a stored scorecard is awaiting its first evaluation
  // when some check could apply to its kind; otherwise it is out of scope.
  const kindInScope = (kind: string) =>
    kinds.has(kind) &&
    rubric.checks.some(
      check =>
        !check.appliesTo.kinds ||
        check.appliesTo.kinds.some(k => k.toLocaleLowerCase('en-US') === kind),
    );

  router.get('/entities/:kind/:namespace/:name/scorecard', async (req, res) => {
    const entityRef = stringifyEntityRef(entityParamsOf(req));
    const credentials = await httpAuth.credentials(req);
    const at = now();
    const stored = await store.getScorecard(entityRef);
    let body: EntityScorecardResponse;
    if (stored) {
      const { scorecard } = stored;
      const [lastRun, lastChangedAt] = await Promise.all([
        store.getLastEvaluatedAt(),
        store.getLastChangedAt(entityRef),
      ]);
      body = {
        entityRef,
        state: 'ok',
        scorecard,
        // Every run looks at every entity in scope; one whose facts did not
        // change keeps its stored result, so the run confirmed it.
        lastCheckedAt: latest(scorecard.evaluatedAt, lastRun),
        lastChangedAt,
        rubric: rubricView,
        history: await store.getHistory(entityRef, windowStart(at)),
        stale:
          scorecard.rubricVersion !== rubric.version ||
          scorecard.sources.some(source => source.stale),
        generatedAt: at.toISOString(),
      };
    } else {
      const entity = await catalog.getEntityByRef(entityRef, { credentials });
      if (!entity) {
        throw new NotFoundError(`No entity ${entityRef} in the catalog`);
      }
      body = {
        entityRef,
        state: kindInScope(parseEntityRef(entityRef).kind)
          ? 'awaiting-evaluation'
          : 'not-in-scope',
        scorecard: null,
        lastCheckedAt: null,
        lastChangedAt: null,
        rubric: rubricView,
        history: [],
        stale: false,
        generatedAt: at.toISOString(),
      };
    }
    res.json(body);
  });

  registerTeamScorecardRoutes(router, {
    httpAuth,
    catalog,
    store,
    rubric,
    now,
    windowStart,
  });

  router.get('/scorecards/overview', async (req, res) => {
    await httpAuth.credentials(req);
    const at = now();
    const [rows, checkStates, ancestry, trend, lastEvaluatedAt] =
      await Promise.all([
        store.listRows(),
        store.listCheckStates(),
        store.listGroupAncestry(),
        store.getFleetTrend(windowStart(at)),
        store.getLastEvaluatedAt(),
      ]);
    res.json(
      buildScorecardOverview({
        rubric,
        rows,
        checkStates,
        ancestry,
        trend,
        lastEvaluatedAt,
        now: at,
      }),
    );
  });

  // Bodies are a handful of changes, parsed up to 64 kB ahead of the
  // validated routes (parseDocumentedJsonBodies).
  router.post('/scorecards/preview', async (req, res) => {
    await httpAuth.credentials(req);
    assertRequestFollowsSpec(req, 'Invalid preview request');
    const changes = checkRubricChanges(req.body.changes, rubric);
    const [rows, checkStates] = await Promise.all([
      store.listRows(),
      store.listCheckStates(),
    ]);
    res.json(
      previewRubricChanges({
        rubric,
        changes,
        rows,
        checkStates,
        now: now(),
      }),
    );
  });
}

/** The later of two ISO instants; `b` may be missing. */
function latest(a: string, b: string | null): string {
  return b !== null && Date.parse(b) > Date.parse(a) ? b : a;
}
