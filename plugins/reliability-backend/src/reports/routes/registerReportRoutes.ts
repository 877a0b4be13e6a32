import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { type ReportPeriod, toCsv } from '@preflight/plugin-reliability-common';
import type { Request, Response, Router } from 'express';
import { digest } from '../../lib/digest';
import { ifNoneMatch } from '../../lib/ifNoneMatch';
import type { ReliabilityStore } from '../../oncall/ReliabilityStore';
import type { OnCallProviderRegistry } from '../../oncall/OnCallProviderRegistry';
import { entityParamsOf, groupParamsOf } from '../../service/entityParams';
import { assertRequestFollowsSpec } from '../../service/requestVerdict';
import type { ReportConfig } from '../config/readReportConfig';
import type { ReportStore } from '../store/ReportStore';
import type { SloHistoryStore } from '../slo/SloHistoryStore';
import { previousPeriod } from '../metrics/reportPeriod';
import { parseReportQuery } from './parseReportQuery';
import {
  SERVICE_REPORT_CSV_HEADER,
  serviceReportCsvRows,
} from './serviceReportCsv';
import { GroupAncestry, ReportReader } from './ReportReader';

/** Periods asked for by name kept parsed (a few per month and team). */
const NAMED_PERIODS = 500;

/** Entities read and written per step of a services export. */
const EXPORT_PAGE = 500;

/** `reliability-services-team-payments-2026-11.csv`, without a path separator. */
function csvFileName(name: string, period: ReportPeriod): string {
  const span =
    period.kind === 'month'
      ? period.startDate.slice(0, 7)
      : `${period.startDate}_${period.endDate}`;
  return `reliability-services-${name.replace(
    /[^A-Za-z0-9._-]+/g,
    '-',
  )}-${span}.csv`;
}

/**
 * Operations whose routes raise the spec's refusal of their query
 * themselves, after their own checks, which keep their messages.
 */
export const REPORT_OPERATIONS_CHECKING_INPUT = [
  'getOrganizationReport',
  'getGroupReport',
  'exportOrganizationReportServices',
  'exportGroupReportServices',
  'getEntityReport',
];

/** Dependencies of the report routes. */
export interface ReportRoutesOptions {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  store: ReliabilityStore;
  registry: OnCallProviderRegistry;
  reportStore: ReportStore;
  ancestry: GroupAncestry;
  config: ReportConfig;
  now: () => Date;
  /** The daily SLO history behind the SLO section. */
  sloHistory?: SloHistoryStore;
}

/**
 * Adds the reliability report routes: `GET /reports/organization`,
 * `GET /reports/groups/:namespace/:name`,
 * `GET /reports/entities/:kind/:namespace/:name` (query `month` or
 * `from`/`to`, optional `timeZone`) and
 * `GET /groups/:namespace/:name/on-call-health`, and every service of the
 * organisation or a group as CSV (`…/services.csv`). Read-only, answered from
 * the stored daily rows and scoped to what the caller may see.
 */
export function registerReportRoutes(
  router: Router,
  options: ReportRoutesOptions,
): void {
  const { httpAuth, config, now } = options;
  const reader = new ReportReader({
    reportStore: options.reportStore,
    store: options.store,
    ancestry: options.ancestry,
    catalog: options.catalog,
    registry: options.registry,
    config,
    now,
    sloHistory: options.sloHistory,
  });
  // The reader hands out the same answer object until the data changes; its
  // JSON text and ETag are then made once, not per request.
  const bodies = new WeakMap<object, { text: string; etag: string }>();
  const sendJson = (req: Request, res: Response, answer: object) => {
    let body = bodies.get(answer);
    if (body === undefined) {
      const text = JSON.stringify(answer);
      body = { text, etag: `"${digest(text)}"` };
      bodies.set(answer, body);
    }
    // The tag is the answer's own digest: it names what this caller may
    // see of this data version, so a page reloaded or revisited before the
    // next sync gets 304 without the body.
    res.setHeader('ETag', body.etag);
    res.setHeader('Cache-Control', 'private, no-cache');
    if (ifNoneMatch(req, body.etag)) {
      res.status(304).end();
      return;
    }
    res.type('application/json').send(body.text);
  };
  // A period asked for by name (a month, or days) is worked out once: its
  // zone arithmetic costs more than the rest of a kept answer, and a period
  // found over stays over. The default (last month) moves with the clock
  // and is worked out per request; a refused query is refused each time.
  const namedPeriods = new Map<string, ReportPeriod>();
  const namedPeriodOf = (query: Record<string, unknown>) => {
    const named =
      query.month !== undefined ||
      query.from !== undefined ||
      query.to !== undefined;
    const key = named ? JSON.stringify(query) : undefined;
    const known = key === undefined ? undefined : namedPeriods.get(key);
    if (known) {
      return known;
    }
    const period = parseReportQuery(query, {
      now: now(),
      timeZone: config.timeZone,
    });
    if (key !== undefined) {
      namedPeriods.set(key, period);
      if (namedPeriods.size > NAMED_PERIODS) {
        namedPeriods.delete(namedPeriods.keys().next().value!);
      }
    }
    return period;
  };
  // The route's own reading keeps its messages; what it lets through that
  // the spec refuses is refused after it, even for a period already known.
  const periodOf = (req: Request) => {
    const period = namedPeriodOf(req.query);
    assertRequestFollowsSpec(req, 'Report query');
    return period;
  };

  router.get('/reports/organization', async (req, res) => {
    const period = periodOf(req);
    const credentials = await httpAuth.credentials(req);
    sendJson(req, res, await reader.organization(period, credentials));
  });

  /**
   * Every mapped entity of the scope the caller may see, one CSV row each
   * with its service's figures over the period and the one before, written
   * a page at a time: the report lists 25 services per section, this lists
   * them all.
   */
  const sendServicesCsv = async (
    req: Request,
    res: Response,
    scope: { groupRef?: string },
  ) => {
    const period = periodOf(req);
    const previous = previousPeriod(period);
    const credentials = await httpAuth.credentials(req);
    const { name, entities } = await reader.scopeEntities(scope, credentials);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${csvFileName(name, period)}"`,
    );
    // A byte-order mark makes spreadsheets read the file as UTF-8.
    res.write(`\uFEFF${toCsv([SERVICE_REPORT_CSV_HEADER])}`);
    for (let offset = 0; offset < entities.length; offset += EXPORT_PAGE) {
      const page = entities.slice(offset, offset + EXPORT_PAGE);
      const services = [
        ...new Map(
          page.map(e => [
            `${e.sourceId}\u0000${e.serviceId}`,
            { sourceId: e.sourceId, id: e.serviceId },
          ]),
        ).values(),
      ];
      const [current, before] = await Promise.all([
        options.reportStore.readServiceSums({ period, services }),
        options.reportStore.readServiceSums({ period: previous, services }),
      ]);
      if (res.destroyed) {
        break;
      }
      const lines = toCsv(
        serviceReportCsvRows(
          page,
          new Map(current.map(sums => [sums.serviceId, sums])),
          new Map(before.map(sums => [sums.serviceId, sums])),
        ),
      );
      // Respect back-pressure: a slow reader holds the export, not memory.
      if (!res.write(lines)) {
        await new Promise(resolve => {
          res.once('drain', resolve);
          res.once('close', resolve);
        });
      }
    }
    res.end();
  };

  router.get('/reports/organization/services.csv', async (req, res) => {
    await sendServicesCsv(req, res, {});
  });

  router.get(
    '/reports/groups/:namespace/:name/services.csv',
    async (req, res) => {
      const groupRef = stringifyEntityRef({
        kind: 'group',
        ...groupParamsOf(req),
      });
      await sendServicesCsv(req, res, { groupRef });
    },
  );

  router.get('/reports/groups/:namespace/:name', async (req, res) => {
    const groupRef = stringifyEntityRef({
      kind: 'group',
      ...groupParamsOf(req),
    });
    const period = periodOf(req);
    const credentials = await httpAuth.credentials(req);
    sendJson(req, res, await reader.group(groupRef, period, credentials));
  });

  router.get('/reports/entities/:kind/:namespace/:name', async (req, res) => {
    const entityRef = stringifyEntityRef(entityParamsOf(req));
    const period = periodOf(req);
    const credentials = await httpAuth.credentials(req);
    sendJson(req, res, await reader.entity(entityRef, period, credentials));
  });

  router.get('/groups/:namespace/:name/on-call-health', async (req, res) => {
    const groupRef = stringifyEntityRef({
      kind: 'group',
      ...groupParamsOf(req),
    });
    const credentials = await httpAuth.credentials(req);
    sendJson(req, res, await reader.onCallHealth(groupRef, credentials));
  });
}
