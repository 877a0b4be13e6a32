import { createHash } from 'node:crypto';
import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  type GroupScorecardResponse,
  type ScorecardRubric,
  toCsv,
} from '@preflight/plugin-reliability-common';
import type { Request, Response, Router } from 'express';
import { ifNoneMatch } from '../lib/ifNoneMatch';
import { VersionedCache } from '../lib/VersionedCache';
import { groupParamsOf } from '../service/entityParams';
import { assertRequestFollowsSpec } from '../service/requestVerdict';
import { carryTrendForward } from './carryTrendForward';
import { countLevels } from './countLevels';
import {
  parseTeamScorecardQuery,
  type TeamScorecardQuery,
} from './parseTeamScorecardQuery';
import type { ScorecardStore } from './ScorecardStore';
import {
  TEAM_SCORECARD_CSV_HEADER,
  teamScorecardCsvLines,
} from './teamScorecardCsv';
import { toScorecardRubricView } from './toScorecardRubricView';

/** Rows read per query while the CSV export streams. */
const EXPORT_PAGE = 500;

/** Dependencies of the team scorecard routes. */
export interface TeamScorecardRoutesOptions {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  store: ScorecardStore;
  rubric: ScorecardRubric;
  now: () => Date;
  /** `YYYY-MM-DD` of the first day of the trend window, for a moment. */
  windowStart: (now: Date) => string;
}

/** The query without paging, as a stable cache and ETag key. */
function filterKey(query: TeamScorecardQuery): string {
  return JSON.stringify([
    query.search ?? '',
    query.level ?? '',
    query.owner ?? '',
    !!query.failing,
    query.check ?? '',
    query.tier ?? '',
    query.lifecycle ?? '',
  ]);
}

/**
 * Adds `GET /groups/:namespace/:name/scorecards` (one page of the team's rows
 * with the team's counts and trend) and `GET
 * /groups/:namespace/:name/scorecards/export` (every matching row as CSV,
 * streamed). Filtering, sorting and paging run in the database. Answers
 * carry an ETag naming the stored data version (bumped by every write, on
 * any replica), the day and the query; a matching `If-None-Match` gets 304
 * before any other read. Team counts and pages are cached per data version.
 */
export function registerTeamScorecardRoutes(
  router: Router,
  options: TeamScorecardRoutesOptions,
): void {
  const { httpAuth, catalog, store, rubric, now, windowStart } = options;
  const rubricView = toScorecardRubricView(rubric);
  const levelIds = rubric.levels.map(l => l.id);
  const teams = new VersionedCache<
    Omit<
      GroupScorecardResponse,
      'rows' | 'total' | 'offset' | 'limit' | 'generatedAt' | 'groupRefs'
    > & { groupRefs: string[] }
  >(200);
  const totals = new VersionedCache<number>(1000);
  const pages = new VersionedCache<GroupScorecardResponse>(500);

  // The route's own reading keeps its messages and defaults; what it lets
  // through that the spec refuses is refused after it.
  const teamQueryOf = (req: Request) => {
    const query = parseTeamScorecardQuery(req.query);
    assertRequestFollowsSpec(req, 'Invalid query');
    return query;
  };

  /** The group, its known sub-groups; 404 when neither stored nor in the catalog. */
  const resolveGroup = async (req: Request) => {
    const groupRef = stringifyEntityRef({
      kind: 'group',
      ...groupParamsOf(req),
    });
    const credentials = await httpAuth.credentials(req);
    return { groupRef, credentials };
  };

  const teamOf = async (
    version: number,
    day: string,
    groupRef: string,
    at: Date,
  ) =>
    teams.get(version, `${day}\u0000${groupRef}`, async () => {
      const [groupRefs, summary, recorded, lastEvaluatedAt] = await Promise.all(
        [
          store.getGroupDescendants(groupRef),
          store.getTeamSummary(groupRef),
          store.getDailyLevels(groupRef, windowStart(at)),
          store.getLastEvaluatedAt(),
        ],
      );
      const { trend, historySince } = carryTrendForward(
        recorded,
        day,
        levelIds,
      );
      const distribution = countLevels([], levelIds);
      for (const { levelId, entities } of summary.levels) {
        const key = levelId ?? 'none';
        distribution[key] = (distribution[key] ?? 0) + entities;
      }
      return {
        groupRef,
        groupRefs,
        rubric: rubricView,
        entities: summary.entities,
        averageScore:
          summary.entities === 0
            ? null
            : Math.round((summary.scoreSum / summary.entities) * 10) / 10,
        staleEntities: summary.staleEntities,
        distribution,
        facets: {
          ownerRefs: summary.ownerRefs,
          tiers: summary.tiers,
          lifecycles: summary.lifecycles,
        },
        trend,
        historySince,
        lastEvaluatedAt,
      };
    });

  /**
   * The stored data version, the day and the ETag of this request; answers
   * 304 (and returns undefined) when the caller already holds it.
   */
  const conditional = async (
    req: Request,
    res: Response,
    kind: string,
    groupRef: string,
    key: string,
  ) => {
    const version = await store.getDataVersion();
    const at = now();
    const day = at.toISOString().slice(0, 10);
    const hash = createHash('sha256')
      .update(`${kind}\u0000${groupRef}\u0000${key}`)
      .digest('base64url')
      .slice(0, 22);
    const etag = `"${version}-${day}-${hash}"`;
    res.setHeader('ETag', etag);
    // Revalidate every time: the ETag check costs one primary-key read.
    res.setHeader('Cache-Control', 'private, no-cache');
    if (ifNoneMatch(req, etag)) {
      res.status(304).end();
      return undefined;
    }
    return { version, day, at };
  };

  /** 404 for a group neither stored nor visible in the catalog. */
  const requireGroup = async (
    groupRefs: string[],
    groupRef: string,
    credentials: Awaited<ReturnType<HttpAuthService['credentials']>>,
  ) => {
    if (groupRefs.length > 0) {
      return groupRefs;
    }
    // Not in the stored hierarchy: a group created since the last
    // evaluation, or no group at all.
    if (!(await catalog.getEntityByRef(groupRef, { credentials }))) {
      throw new NotFoundError(`No group ${groupRef} in the catalog`);
    }
    return [groupRef];
  };

  router.get('/groups/:namespace/:name/scorecards', async (req, res) => {
    const { groupRef, credentials } = await resolveGroup(req);
    const query = teamQueryOf(req);
    const key = JSON.stringify([
      filterKey(query),
      query.sort,
      query.direction,
      query.offset,
      query.limit,
    ]);
    const state = await conditional(req, res, 'page', groupRef, key);
    if (!state) {
      return;
    }
    const { version, day, at } = state;
    const team = await teamOf(version, day, groupRef, at);
    const groupRefs = await requireGroup(team.groupRefs, groupRef, credentials);
    const body = await pages.get(
      version,
      `${day}\u0000${groupRef}\u0000${key}`,
      async () => {
        const [rows, total] = await Promise.all([
          store.queryTeamRows(groupRef, query, levelIds),
          totals.get(version, `${groupRef}\u0000${filterKey(query)}`, () =>
            store.countTeamRows(groupRef, query),
          ),
        ]);
        return {
          ...team,
          groupRefs,
          rows,
          total,
          offset: query.offset,
          limit: query.limit,
          generatedAt: at.toISOString(),
        };
      },
    );
    res.json(body);
  });

  router.get('/groups/:namespace/:name/scorecards/export', async (req, res) => {
    const { groupRef, credentials } = await resolveGroup(req);
    const query = teamQueryOf(req);
    const state = await conditional(
      req,
      res,
      'csv',
      groupRef,
      JSON.stringify([filterKey(query), query.sort, query.direction]),
    );
    if (!state) {
      return;
    }
    await requireGroup(
      await store.getGroupDescendants(groupRef),
      groupRef,
      credentials,
    );
    const name = groupRef.replace(/^[^:]+:[^/]+\//, '');
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${name}-scorecards.csv"`,
    );
    // A byte-order mark makes spreadsheets read the file as UTF-8.
    res.write(`\uFEFF${toCsv([TEAM_SCORECARD_CSV_HEADER])}`);
    for (let offset = 0; ; offset += EXPORT_PAGE) {
      const rows = await store.queryTeamRows(
        groupRef,
        { ...query, offset, limit: EXPORT_PAGE },
        levelIds,
      );
      if (rows.length === 0 || res.destroyed) {
        break;
      }
      const failing = await store.getFailingCheckIds(
        rows.map(r => r.entityRef),
      );
      // Respect back-pressure: a slow reader holds the export, not memory.
      if (!res.write(teamScorecardCsvLines(rows, failing, rubricView))) {
        await new Promise(resolve => {
          res.once('drain', resolve);
          res.once('close', resolve);
        });
      }
      if (rows.length < EXPORT_PAGE) {
        break;
      }
    }
    res.end();
  });
}
