import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { Response, Router } from 'express';
import type { ReliabilityStore } from '../../oncall/ReliabilityStore';
import type { OnCallProviderRegistry } from '../../oncall/OnCallProviderRegistry';
import {
  parseEntityParams,
  parseGroupParams,
} from '../../service/entityParams';
import type { ReportConfig } from '../config/readReportConfig';
import type { ReportStore } from '../store/ReportStore';
import type { SloHistoryStore } from '../slo/SloHistoryStore';
import { parseReportQuery } from './parseReportQuery';
import { GroupAncestry, ReportReader } from './ReportReader';

/** Dependencies of the report routes. @public */
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
 * `GET /groups/:namespace/:name/on-call-health`. Read-only, answered from
 * the stored daily rows and scoped to what the caller may see.
 * @public
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
  // JSON text is then made once, not per request.
  const bodies = new WeakMap<object, string>();
  const sendJson = (res: Response, answer: object) => {
    let body = bodies.get(answer);
    if (body === undefined) {
      body = JSON.stringify(answer);
      bodies.set(answer, body);
    }
    res.type('application/json').send(body);
  };
  const periodOf = (query: Record<string, unknown>) =>
    parseReportQuery(query, { now: now(), timeZone: config.timeZone });

  router.get('/reports/organization', async (req, res) => {
    const period = periodOf(req.query);
    const credentials = await httpAuth.credentials(req);
    sendJson(res, await reader.organization(period, credentials));
  });

  router.get('/reports/groups/:namespace/:name', async (req, res) => {
    const groupRef = stringifyEntityRef({
      kind: 'group',
      ...parseGroupParams(req.params),
    });
    const period = periodOf(req.query);
    const credentials = await httpAuth.credentials(req);
    sendJson(res, await reader.group(groupRef, period, credentials));
  });

  router.get('/reports/entities/:kind/:namespace/:name', async (req, res) => {
    const entityRef = stringifyEntityRef(parseEntityParams(req.params));
    const period = periodOf(req.query);
    const credentials = await httpAuth.credentials(req);
    sendJson(res, await reader.entity(entityRef, period, credentials));
  });

  router.get('/groups/:namespace/:name/on-call-health', async (req, res) => {
    const groupRef = stringifyEntityRef({
      kind: 'group',
      ...parseGroupParams(req.params),
    });
    const credentials = await httpAuth.credentials(req);
    sendJson(res, await reader.onCallHealth(groupRef, credentials));
  });
}
