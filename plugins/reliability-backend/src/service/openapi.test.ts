import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';
import { OnCallSourceError } from '@preflight/plugin-reliability-node';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import { readReliabilityConfig } from '../config/readReliabilityConfig';
import { ConfigReader } from '@backstage/config';
import type { ReliabilityStore } from '../oncall/ReliabilityStore';
import { OnCallProviderRegistry } from '../oncall/OnCallProviderRegistry';
import { makeGapPolicy, makeSnapshot } from '../__testUtils__/snapshotFixtures';
import {
  ReliabilityTestBackend,
  startReliabilityTestBackend,
} from '../__testUtils__/startReliabilityTestBackend';
import { createRouter } from './createRouter';
import { SloProviderRegistry } from '../slo/SloProviderRegistry';
import type { SloStore } from '../slo/SloStore';
import {
  availabilitySlo,
  makeCatalogDir,
  sloComponent,
} from '../__testUtils__/sloFixtures';
import {
  SloTestBackend,
  startSloTestBackend,
} from '../__testUtils__/startSloTestBackend';
import type { ScorecardStore } from '../scorecards/ScorecardStore';
import {
  scorecardAncestry,
  scorecardFleet,
  testRubric,
} from '../__testUtils__/scorecardFixtures';
import {
  ScorecardTestBackend,
  startScorecardTestBackend,
} from '../__testUtils__/startScorecardTestBackend';
import { TestDatabases } from '@backstage/backend-test-utils';
import type { ReviewStore } from '../reviews/ReviewStore';
import {
  reviewEntities,
  testReviewConfig,
} from '../__testUtils__/reviewFixtures';
import {
  ReviewTestBackend,
  startReviewTestBackend,
} from '../__testUtils__/startReviewTestBackend';
import { storedScorecard } from '../__testUtils__/scorecardFixtures';
import { makeReportData } from '../__testUtils__/reportFixtures';
import { readReportConfig } from '../reports/config/readReportConfig';
import type { ReportStore } from '../reports/store/ReportStore';

// Each schema test drives dozens of requests through a whole test backend;
// on two busy cores that takes longer than jest's 5 s default.
jest.setTimeout(60_000);

type HttpMethod = 'get' | 'post' | 'put';

interface OpenApiResponse {
  $ref?: string;
  headers?: Record<string, { schema: object }>;
  content?: Record<string, { schema: { $ref?: string } }>;
}

interface OpenApiDocument {
  openapi: string;
  paths: Record<
    string,
    Partial<Record<HttpMethod, { responses: Record<string, OpenApiResponse> }>>
  >;
  components: {
    schemas: Record<string, object>;
    responses: Record<string, OpenApiResponse>;
  };
}

const doc: OpenApiDocument = parseYaml(
  fs.readFileSync(path.resolve(__dirname, '../../openapi.yaml'), 'utf8'),
);

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(doc, 'openapi');

function resolveResponse(response: OpenApiResponse): OpenApiResponse {
  if (!response.$ref) {
    return response;
  }
  const name = response.$ref.replace('#/components/responses/', '');
  return doc.components.responses[name];
}

// "/entities/{kind}/{namespace}/{name}/summary" <-> "/entities/:kind/:namespace/:name/summary"
function toExpressPath(openApiPath: string): string {
  return openApiPath.replace(/\{([^}]+)\}/g, ':$1');
}

function documentedOperations(): string[] {
  return Object.entries(doc.paths).flatMap(([p, item]) =>
    (['get', 'post', 'put'] as const)
      .filter(method => item[method])
      .map(method => `${method.toUpperCase()} ${toExpressPath(p)}`),
  );
}

const exercised = new Set<string>();

/** Checks a real response against the documented response of its status. */
function expectDocumented(
  method: HttpMethod,
  openApiPath: string,
  res: request.Response,
): void {
  const operation = doc.paths[openApiPath]?.[method];
  if (!operation) {
    throw new Error(`${method.toUpperCase()} ${openApiPath} is not documented`);
  }
  const documented = operation.responses[String(res.status)];
  if (!documented) {
    throw new Error(
      `${method.toUpperCase()} ${openApiPath} answered ${
        res.status
      }, which is not documented`,
    );
  }
  exercised.add(`${method} ${openApiPath} ${res.status}`);
  const response = resolveResponse(documented);
  // "Not modified" has no body.
  if (res.status === 304) {
    expect(response.content).toBeUndefined();
    expect(res.text ?? '').toBe('');
    return;
  }
  // A CSV export is checked for its type and header line only.
  if (
    response.content?.['text/csv'] &&
    /^text\/csv/.test(res.headers['content-type'] ?? '')
  ) {
    expect(res.text).toMatch(/^\uFEFFEntity,/);
    return;
  }
  // A Markdown export is checked for its type only.
  if (
    response.content?.['text/markdown'] &&
    /^text\/markdown/.test(res.headers['content-type'] ?? '')
  ) {
    expect(res.text).not.toBe('');
    return;
  }
  // A document that is not JSON (the rule file) is checked for its type only.
  if (
    response.content?.['application/yaml'] &&
    /^application\/yaml/.test(res.headers['content-type'] ?? '')
  ) {
    expect(res.headers['content-type']).toMatch(/^application\/yaml/);
    expect(res.text).not.toBe('');
    return;
  }
  const schemaRef = response.content?.['application/json']?.schema.$ref;
  if (!schemaRef) {
    throw new Error(`${openApiPath} ${res.status} documents no JSON schema`);
  }
  const validate = ajv.compile({ $ref: `openapi${schemaRef}` });
  if (!validate(res.body)) {
    throw new Error(
      `${method.toUpperCase()} ${openApiPath} ${
        res.status
      } does not match ${schemaRef}: ${ajv.errorsText(
        validate.errors,
      )}\n${JSON.stringify(res.body, null, 2)}`,
    );
  }
  for (const [header, spec] of Object.entries(response.headers ?? {})) {
    const validateHeader = ajv.compile(spec.schema);
    const value = res.headers[header.toLowerCase()];
    if (!validateHeader(value)) {
      throw new Error(
        `${openApiPath} ${res.status} header ${header}=${value} does not match its schema`,
      );
    }
  }
}

describe('openapi.yaml', () => {
  it('is an OpenAPI 3 document whose schemas all compile', () => {
    expect(doc.openapi).toMatch(/^3\./);
    for (const name of Object.keys(doc.components.schemas)) {
      expect(() =>
        ajv.compile({ $ref: `openapi#/components/schemas/${name}` }),
      ).not.toThrow();
    }
  });

  it('documents exactly the routes the router serves', async () => {
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      auditor: mockServices.auditor.mock(),
      catalog: catalogServiceMock(),
      store: {} as ReliabilityStore,
      registry: new OnCallProviderRegistry(),
      logger: mockServices.logger.mock(),
      config: readReliabilityConfig(new ConfigReader({})),
      slos: {
        sloStore: {} as SloStore,
        registry: new SloProviderRegistry(),
        staleAfterMs: 60_000,
      },
      scorecards: { store: {} as ScorecardStore, rubric: testRubric },
      reviews: {
        store: {} as ReviewStore,
        config: testReviewConfig(),
        auth: mockServices.auth(),
      },
      reports: {
        store: {} as ReportStore,
        config: readReportConfig(new ConfigReader({})),
        scorecardStore: {} as ScorecardStore,
      },
    });
    const served = (
      router.stack as Array<{
        route?: { path: string; methods: Record<string, boolean> };
      }>
    ).flatMap(layer =>
      layer.route
        ? Object.keys(layer.route.methods).map(
            method => `${method.toUpperCase()} ${layer.route!.path}`,
          )
        : [],
    );
    expect(served.sort()).toEqual(documentedOperations().sort());
  });

  describe('responses of the real router', () => {
    let backend: ReliabilityTestBackend;
    const summary = '/entities/{kind}/{namespace}/{name}/summary';
    const refresh = '/entities/{kind}/{namespace}/{name}/refresh';
    const api = (p: string) => `/api/reliability${p}`;

    beforeEach(async () => {
      backend = await startReliabilityTestBackend();
      backend.provider.snapshot = makeSnapshot(['PCHKOUT', 'PLEDGER']);
    });

    afterEach(async () => {
      await backend.stop();
    });

    it('match the documented schemas for health', async () => {
      const empty = await request(backend.server).get(api('/health'));
      expect(empty.body.sources).toHaveLength(1);
      expectDocumented('get', '/health', empty);
      await backend.syncNow();
      backend.provider.failWith = new Error('down');
      await backend.syncNow();
      expectDocumented(
        'get',
        '/health',
        await request(backend.server).get(api('/health')),
      );
      expectDocumented(
        'get',
        '/health',
        await request(backend.server)
          .get(api('/health'))
          .set('Authorization', mockCredentials.none.header()),
      );
    });

    it('match the documented schemas for summaries in every state', async () => {
      const get = (name: string) =>
        request(backend.server).get(
          api(`/entities/component/default/${name}/summary`),
        );
      expectDocumented('get', summary, await get('checkout-api')); // awaiting sync
      await backend.syncNow();
      for (const name of [
        'checkout-api',
        'fraud-detector',
        'build-runner',
        'metrics-pipeline',
      ]) {
        const res = await get(name);
        expect(res.status).toBe(200);
        expectDocumented('get', summary, res);
      }
      expectDocumented('get', summary, await get('x'.repeat(64)));
      expectDocumented('get', summary, await get('missing'));
      expectDocumented(
        'get',
        summary,
        await get('checkout-api').set(
          'Authorization',
          mockCredentials.none.header(),
        ),
      );
    });

    it('match the documented schemas for reports and on-call health', async () => {
      const org = '/reports/organization';
      const group = '/reports/groups/{namespace}/{name}';
      const entity = '/reports/entities/{kind}/{namespace}/{name}';
      const health = '/groups/{namespace}/{name}/on-call-health';
      const get = (p: string) => request(backend.server).get(api(p));
      // Before any report data: empty figures and a warning.
      const empty = await get('/reports/organization');
      expect(empty.body.dataAsOf).toBeNull();
      expectDocumented('get', org, empty);

      backend.provider.snapshot = makeSnapshot(['PCHKOUT', 'PSEARCH']);
      backend.provider.enableReportData(makeReportData());
      await backend.syncNow();
      const full = await get('/reports/organization');
      expect(full.body.incidents.total).toBe(3);
      expectDocumented('get', org, full);
      expectDocumented('get', org, await get('/reports/organization?month=x'));
      expectDocumented(
        'get',
        org,
        await get('/reports/organization').set(
          'Authorization',
          mockCredentials.none.header(),
        ),
      );
      for (const [documented, ok, missing] of [
        [group, 'team-payments', 'no-such-team'],
        [health, 'team-payments', 'no-such-team'],
      ]) {
        const url = (name: string) =>
          documented === group
            ? `/reports/groups/default/${name}`
            : `/groups/default/${name}/on-call-health`;
        const res = await get(url(ok));
        expect(res.status).toBe(200);
        expectDocumented('get', documented, res);
        expectDocumented('get', documented, await get(url(missing)));
        expectDocumented('get', documented, await get(url('-bad-')));
        expectDocumented(
          'get',
          documented,
          await get(url(ok)).set(
            'Authorization',
            mockCredentials.none.header(),
          ),
        );
      }
      expectDocumented(
        'get',
        group,
        await get(
          '/reports/groups/default/team-payments?from=2020-01-02&to=2020-01-01',
        ),
      );
      const entityUrl = (name: string) =>
        `/reports/entities/component/default/${name}`;
      expectDocumented('get', entity, await get(entityUrl('checkout-api')));
      expectDocumented('get', entity, await get(entityUrl('fraud-detector')));
      expectDocumented('get', entity, await get(entityUrl('missing')));
      expectDocumented(
        'get',
        entity,
        await get(`${entityUrl('checkout-api')}?timeZone=Nowhere/City`),
      );
      expectDocumented(
        'get',
        entity,
        await get(entityUrl('checkout-api')).set(
          'Authorization',
          mockCredentials.none.header(),
        ),
      );

      // A caller holding the current answer gets 304 from each of them.
      for (const [documented, url] of [
        [org, '/reports/organization'],
        [group, '/reports/groups/default/team-payments'],
        [entity, entityUrl('checkout-api')],
        [health, '/groups/default/team-payments/on-call-health'],
      ]) {
        const first = await get(url);
        expectDocumented(
          'get',
          documented,
          await get(url).set('If-None-Match', first.headers.etag),
        );
      }

      // Every service as CSV.
      const orgCsv = '/reports/organization/services.csv';
      const groupCsv = '/reports/groups/{namespace}/{name}/services.csv';
      expectDocumented('get', orgCsv, await get(orgCsv));
      expectDocumented('get', orgCsv, await get(`${orgCsv}?month=x`));
      expectDocumented(
        'get',
        orgCsv,
        await get(orgCsv).set('Authorization', mockCredentials.none.header()),
      );
      const groupCsvUrl = (name: string) =>
        `/reports/groups/default/${name}/services.csv`;
      expectDocumented(
        'get',
        groupCsv,
        await get(groupCsvUrl('team-payments')),
      );
      expectDocumented('get', groupCsv, await get(groupCsvUrl('no-such-team')));
      expectDocumented(
        'get',
        groupCsv,
        await get(`${groupCsvUrl('team-payments')}?month=2026-13`),
      );
      expectDocumented(
        'get',
        groupCsv,
        await get(groupCsvUrl('team-payments')).set(
          'Authorization',
          mockCredentials.none.header(),
        ),
      );
    });

    it('match the documented schemas for group on-call in every state', async () => {
      const groupOnCall = '/groups/{namespace}/{name}/on-call';
      const get = (name: string) =>
        request(backend.server).get(api(`/groups/default/${name}/on-call`));

      // Every entity awaiting the first sync.
      const awaiting = await get('team-payments');
      expect(
        (awaiting.body.entities as Array<{ state: string }>).map(e => e.state),
      ).toContain('awaiting-sync');
      expectDocumented('get', groupOnCall, awaiting);

      // ok, not configured, unknown service and malformed side by side, and
      // a service with nobody on level 1 and no incident figures.
      const gap = makeSnapshot(['PPAYGW1'], { policyId: 'PEPLT01' });
      backend.provider.snapshot = {
        ...backend.provider.snapshot,
        services: [...backend.provider.snapshot.services, ...gap.services],
        policies: [
          ...backend.provider.snapshot.policies,
          makeGapPolicy('PEPLT01', { now: new Date() }),
        ],
      };
      await backend.syncNow();
      const mixed = await get('team-payments');
      expect(
        new Set(
          (mixed.body.entities as Array<{ state: string }>).map(e => e.state),
        ),
      ).toEqual(
        new Set(['ok', 'not-configured', 'unknown-service', 'malformed']),
      );
      expect(
        (mixed.body.entities as Array<{ uncoveredLevels: unknown[] }>).some(
          e => e.uncoveredLevels.length > 0,
        ),
      ).toBe(true);
      expectDocumented('get', groupOnCall, mixed);

      backend.provider.failWith = new Error('down');
      await backend.syncNow();
      const stale = await get('team-payments');
      expect(stale.body.sources[0].stale).toBe(true);
      expectDocumented('get', groupOnCall, stale);

      expectDocumented('get', groupOnCall, await get('x'.repeat(64)));
      expectDocumented('get', groupOnCall, await get('team-ghosts'));
      expectDocumented(
        'get',
        groupOnCall,
        await get('team-payments').set(
          'Authorization',
          mockCredentials.none.header(),
        ),
      );
    });

    it('match the documented schemas for refresh', async () => {
      await backend.syncNow();
      const post = (name: string) =>
        request(backend.server).post(
          api(`/entities/component/default/${name}/refresh`),
        );

      const ok = await post('checkout-api');
      expect(ok.status).toBe(200);
      expectDocumented('post', refresh, ok);

      const limited = await post('checkout-api');
      expect(limited.status).toBe(429);
      expectDocumented('post', refresh, limited);

      expectDocumented('post', refresh, await post('fraud-detector'));
      expectDocumented('post', refresh, await post('missing'));
      expectDocumented('post', refresh, await post('bad-name-'));
      expectDocumented(
        'post',
        refresh,
        await post('checkout-api').set(
          'Authorization',
          mockCredentials.none.header(),
        ),
      );

      backend.provider.failWith = new Error('upstream down');
      expectDocumented('post', refresh, await post('ledger-service'));
      backend.provider.failWith = new OnCallSourceError({
        reason: 'not-found',
        message: 'no such service',
      });
      expectDocumented('post', refresh, await post('payments-gateway'));
      backend.provider.failWith = new OnCallSourceError({
        reason: 'auth',
        message: 'token refused',
      });
      expectDocumented('post', refresh, await post('risk-scorer'));

      backend.permissions.authorize.mockResolvedValue([
        { result: AuthorizeResult.DENY },
      ]);
      expectDocumented('post', refresh, await post('ledger-service'));
    });
  });

  describe('responses of the SLO routes', () => {
    let sloBackend: SloTestBackend;
    const dir = makeCatalogDir({
      'slos.yaml': [
        availabilitySlo('ok-slo'),
        availabilitySlo('quiet-slo'),
        availabilitySlo('broken-slo'),
        availabilitySlo('bad-slo', { target: 2 }),
      ].join('---\n'),
      'west.yaml': availabilitySlo('west-slo', { metricSourceRef: 'west' }),
    });

    beforeAll(async () => {
      sloBackend = await startSloTestBackend({
        entities: [
          sloComponent(
            'checkout-api',
            dir,
            { 'preflight.dev/openslo': 'slos.yaml, west.yaml, ../escape.yaml' },
            {
              links: [
                { url: 'https://runbooks.example.com/x', type: 'runbook' },
              ],
            },
          ),
          sloComponent('plain', dir, {}),
        ],
      });
      const ref = 'component:default/checkout-api';
      sloBackend.provider.readings.set(`${ref}/ok-slo`, {
        good: 90,
        total: 100,
        windows: { '5m': { good: 10, total: 100 } },
      });
      sloBackend.provider.readings.set(`${ref}/broken-slo`, {
        error: 'broken-slo: execution error',
      });
    });

    afterAll(() => sloBackend.stop());

    const api = (p: string) => `/api/reliability${p}`;
    const routes = ['slos', 'deploy-gate', 'slo-rules'] as const;
    const get = (name: string, route: string) =>
      request(sloBackend.server).get(
        api(`/entities/component/default/${name}/${route}`),
      );
    const pathOf = (route: string) =>
      `/entities/{kind}/{namespace}/{name}/${route}`;

    it('match the documented schemas before and after a sync', async () => {
      for (const route of routes) {
        if (route !== 'slo-rules') {
          // awaiting sync
          expectDocumented(
            'get',
            pathOf(route),
            await get('checkout-api', route),
          );
        }
      }
      await sloBackend.syncNow('metrics:east');
      for (const route of routes) {
        const ok = await get('checkout-api', route);
        expect(ok.status).toBe(200);
        expectDocumented('get', pathOf(route), ok);
        expectDocumented('get', pathOf(route), await get('missing', route));
        expectDocumented('get', pathOf(route), await get('bad-name-', route));
        expectDocumented(
          'get',
          pathOf(route),
          await get('checkout-api', route).set(
            'Authorization',
            mockCredentials.none.header(),
          ),
        );
      }
      expectDocumented('get', pathOf('slos'), await get('plain', 'slos'));
      // The rule file as JSON, with the SLOs it leaves out.
      const json = await get('checkout-api', 'slo-rules').set(
        'Accept',
        'application/json',
      );
      expect(json.status).toBe(200);
      expectDocumented('get', pathOf('slo-rules'), json);
      // No SLO could be exported.
      sloBackend.provider.exportRules.mockImplementationOnce(input => ({
        yaml: 'groups: []\n',
        groups: [],
        problems: input.slos.map(slo => ({
          sloId: slo.id,
          field: 'spec.indicator.spec.thresholdMetric',
          message: 'threshold SLIs have no event ratio to record',
        })),
      }));
      const none = await get('checkout-api', 'slo-rules');
      expect(none.status).toBe(422);
      expectDocumented('get', pathOf('slo-rules'), none);
      expectDocumented(
        'get',
        pathOf('deploy-gate'),
        await get('checkout-api', 'deploy-gate').set(
          'Authorization',
          mockCredentials.service.header(),
        ),
      );
    });
  });

  describe('responses of the scorecard routes', () => {
    const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
    let scorecardBackend: ScorecardTestBackend;
    const api = (p: string) => `/api/reliability${p}`;
    const none = mockCredentials.none.header();

    beforeAll(async () => {
      scorecardBackend = await startScorecardTestBackend({
        knex: await databases.init('SQLITE_3'),
        rubric: testRubric,
        entities: [
          ...['checkout-api', 'fraud-api', 'new-service'].map(name => ({
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name, namespace: 'default' },
          })),
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name: 'team-payments', namespace: 'default' },
          },
        ],
      });
      await scorecardBackend.store.replaceGroupAncestry(scorecardAncestry);
      await scorecardBackend.store.writeScorecards(
        scorecardFleet(),
        new Date(),
      );
      await scorecardBackend.store.recordEvaluationRun({
        completedAt: new Date(),
        evaluated: 5,
        unchanged: 0,
        removed: 0,
        durationMs: 10,
      });
    });

    afterAll(() => scorecardBackend.stop());

    it('match the documented schemas', async () => {
      const server = () => request(scorecardBackend.server);
      const entityPath = '/entities/{kind}/{namespace}/{name}/scorecard';
      const entity = (name: string) =>
        server().get(api(`/entities/component/default/${name}/scorecard`));
      for (const name of ['fraud-api', 'new-service']) {
        const res = await entity(name);
        expect(res.status).toBe(200);
        expectDocumented('get', entityPath, res);
      }
      expectDocumented('get', entityPath, await entity('missing'));
      expectDocumented('get', entityPath, await entity('bad-name-'));
      expectDocumented(
        'get',
        entityPath,
        await entity('fraud-api').set('Authorization', none),
      );

      const groupPath = '/groups/{namespace}/{name}/scorecards';
      const group = (name: string) =>
        server().get(api(`/groups/default/${name}/scorecards`));
      const team = await group('team-payments');
      expect(team.body.rows).toHaveLength(4);
      expectDocumented('get', groupPath, team);
      expectDocumented(
        'get',
        groupPath,
        await group('team-payments').set('If-None-Match', team.headers.etag),
      );
      expectDocumented(
        'get',
        groupPath,
        await server().get(
          api('/groups/default/team-payments/scorecards?limit=101'),
        ),
      );
      expectDocumented('get', groupPath, await group('team-ghosts'));
      expectDocumented('get', groupPath, await group('bad-name-'));
      const exportPath = '/groups/{namespace}/{name}/scorecards/export';
      const csv = await server().get(
        api('/groups/default/team-payments/scorecards/export'),
      );
      expect(csv.text.split('\r\n')).toHaveLength(4 + 2);
      expectDocumented('get', exportPath, csv);
      expectDocumented(
        'get',
        exportPath,
        await server()
          .get(api('/groups/default/team-payments/scorecards/export'))
          .set('If-None-Match', csv.headers.etag),
      );
      expectDocumented(
        'get',
        exportPath,
        await server().get(
          api('/groups/default/team-payments/scorecards/export?sort=nope'),
        ),
      );
      expectDocumented(
        'get',
        exportPath,
        await server().get(
          api('/groups/default/team-ghosts/scorecards/export'),
        ),
      );
      expectDocumented(
        'get',
        exportPath,
        await server()
          .get(api('/groups/default/team-payments/scorecards/export'))
          .set('Authorization', none),
      );
      expectDocumented(
        'get',
        groupPath,
        await group('team-payments').set('Authorization', none),
      );

      const overview = await server().get(api('/scorecards/overview'));
      expect(overview.body.teams).toHaveLength(3);
      expectDocumented('get', '/scorecards/overview', overview);
      expectDocumented(
        'get',
        '/scorecards/overview',
        await server()
          .get(api('/scorecards/overview'))
          .set('Authorization', none),
      );

      const preview = (body: object) =>
        server().post(api('/scorecards/preview')).send(body);
      const change = {
        changes: [
          { op: 'add', checkId: 'techdocs-annotation', levelId: 'silver' },
        ],
      };
      const ok = await preview(change);
      expect(ok.body.droppedCount).toBe(2);
      expectDocumented('post', '/scorecards/preview', ok);
      expectDocumented(
        'post',
        '/scorecards/preview',
        await preview({ changes: [{ op: 'add' }] }),
      );
      expectDocumented(
        'post',
        '/scorecards/preview',
        await preview(change).set('Authorization', none),
      );
    });
  });

  describe('responses of the review routes', () => {
    const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
    let reviews: ReviewTestBackend;
    const api = (p: string) => `/api/reliability${p}`;
    const none = mockCredentials.none.header();
    const as = (name: string) =>
      mockCredentials.user.header(`user:default/${name}`);
    const unknownId = '00000000-0000-4000-8000-00000000dead';

    beforeAll(async () => {
      reviews = await startReviewTestBackend({
        knex: await databases.init('SQLITE_3'),
        entities: reviewEntities,
        config: testReviewConfig(),
      });
      await reviews.scorecardStore.writeScorecards(
        [
          storedScorecard({
            entityRef: 'component:default/checkout-api',
            ownerRef: 'group:default/team-payments',
            levelId: 'silver',
            checks: { 'escalation-policy-levels': 'pass', 'slo-met': 'fail' },
          }),
        ],
        new Date(),
      );
    });

    afterAll(() => reviews.stop());

    it('match the documented schemas', async () => {
      const server = () => request(reviews.server);

      const templates = await server().get(api('/review-templates'));
      expect(templates.body.templates).toHaveLength(1);
      expectDocumented('get', '/review-templates', templates);
      expectDocumented(
        'get',
        '/review-templates',
        await server().get(api('/review-templates')).set('Authorization', none),
      );

      const entityPath = '/entities/{kind}/{namespace}/{name}/reviews';
      const entityUrl = (name: string) =>
        api(`/entities/component/default/${name}/reviews`);
      const open = (name: string, body: object, who = 'dana') =>
        server().post(entityUrl(name)).set('Authorization', as(who)).send(body);
      const ga = { templateId: 'ga-readiness', stage: 'ga' };

      const created = await open('checkout-api', {
        ...ga,
        targetDate: '2026-12-24',
      });
      expect(created.status).toBe(201);
      expectDocumented('post', entityPath, created);
      const id: string = created.body.review.id;
      expectDocumented('post', entityPath, await open('checkout-api', ga));
      expectDocumented(
        'post',
        entityPath,
        await open('checkout-api', { ...ga, stage: 'launch' }),
      );
      expectDocumented('post', entityPath, await open('missing', ga));
      expectDocumented(
        'post',
        entityPath,
        await server()
          .post(entityUrl('checkout-api'))
          .set('Authorization', none)
          .send(ga),
      );
      reviews.deny.add('reliability.review.create');
      expectDocumented('post', entityPath, await open('ledger', ga));
      reviews.deny.clear();

      const listed = await server().get(entityUrl('checkout-api'));
      expect(listed.body.reviews).toHaveLength(1);
      expectDocumented('get', entityPath, listed);
      expectDocumented(
        'get',
        entityPath,
        await server().get(entityUrl('missing')),
      );
      expectDocumented(
        'get',
        entityPath,
        await server().get(entityUrl('bad-name-')),
      );
      expectDocumented(
        'get',
        entityPath,
        await server()
          .get(entityUrl('checkout-api'))
          .set('Authorization', none),
      );

      /**
       * One write route through each documented status: 400 (bad body),
       * 401, 404 (unknown review), 403 (permission denied), 409 (stale
       * version), then the 200 that moves the review on.
       */
      async function exercise(options: {
        method: 'post' | 'put';
        path: string;
        url: (reviewId: string) => string;
        body: object;
        permission: string;
        who?: string;
      }) {
        const send = (reviewId: string, body: object, header: string) =>
          server()
            [options.method](api(options.url(reviewId)))
            .set('Authorization', header)
            .send(body);
        const who = as(options.who ?? 'dana');
        const current = (await server().get(api(`/reviews/${id}`))).body.review
          .version;
        const check = (res: request.Response) =>
          expectDocumented(options.method, options.path, res);
        check(await send(id, { version: 'x' }, who));
        check(await send(id, { version: current, ...options.body }, none));
        check(await send(unknownId, { version: 1, ...options.body }, who));
        reviews.deny.add(options.permission);
        check(await send(id, { version: current, ...options.body }, who));
        reviews.deny.clear();
        check(await send(id, { version: current + 1, ...options.body }, who));
        const ok = await send(id, { version: current, ...options.body }, who);
        expect(ok.status).toBe(200);
        check(ok);
      }

      const answerPath = '/reviews/{id}/items/{itemId}/answer';
      await exercise({
        method: 'put',
        path: answerPath,
        url: reviewId => `/reviews/${reviewId}/items/load-test/answer`,
        body: { value: 'yes', evidence: [{ url: 'https://x.example.com/r' }] },
        permission: 'reliability.review.update',
      });
      const version = () =>
        server()
          .get(api(`/reviews/${id}`))
          .then(res => res.body.review.version as number);
      expect(
        (
          await server()
            .put(api(`/reviews/${id}/items/escalation-tested/answer`))
            .send({
              version: await version(),
              value: 'yes',
              evidence: [{ url: 'https://x.example.com/drill' }],
            })
        ).status,
      ).toBe(200);
      await exercise({
        method: 'post',
        path: '/reviews/{id}/items/{itemId}/reaffirm',
        url: reviewId =>
          `/reviews/${reviewId}/items/escalation-tested/reaffirm`,
        body: {},
        permission: 'reliability.review.update',
      });
      await exercise({
        method: 'post',
        path: '/reviews/{id}/submit',
        url: reviewId => `/reviews/${reviewId}/submit`,
        body: {},
        permission: 'reliability.review.update',
      });
      await exercise({
        method: 'post',
        path: '/reviews/{id}/items/{itemId}/waive',
        url: reviewId => `/reviews/${reviewId}/items/slos-met/waive`,
        body: { reason: 'budget reset' },
        permission: 'reliability.review.signoff',
        who: 'sam',
      });
      await exercise({
        method: 'post',
        path: '/reviews/{id}/sections/{sectionId}/signoff',
        url: reviewId => `/reviews/${reviewId}/sections/oncall/signoff`,
        body: {},
        permission: 'reliability.review.signoff',
        who: 'sam',
      });

      // Reads while the review is in review, partly signed.
      const board = await server().get(api('/reviews?state=in-review'));
      expect(board.body.total).toBe(1);
      expectDocumented('get', '/reviews', board);
      expectDocumented(
        'get',
        '/reviews',
        await server().get(api('/reviews?page=0')),
      );
      expectDocumented(
        'get',
        '/reviews',
        await server().get(api('/reviews')).set('Authorization', none),
      );
      const one = await server().get(api(`/reviews/${id}`));
      expect(one.body.review.sections[0].signoff).not.toBeNull();
      expectDocumented('get', '/reviews/{id}', one);
      expectDocumented(
        'get',
        '/reviews/{id}',
        await server().get(api('/reviews/nope')),
      );
      expectDocumented(
        'get',
        '/reviews/{id}',
        await server().get(api(`/reviews/${unknownId}`)),
      );
      expectDocumented(
        'get',
        '/reviews/{id}',
        await server()
          .get(api(`/reviews/${id}`))
          .set('Authorization', none),
      );
      const exportPath = '/reviews/{id}/export';
      for (const query of ['', '?format=markdown', '?format=pdf']) {
        expectDocumented(
          'get',
          exportPath,
          await server().get(api(`/reviews/${id}/export${query}`)),
        );
      }
      expectDocumented(
        'get',
        exportPath,
        await server().get(api(`/reviews/${unknownId}/export`)),
      );
      expectDocumented(
        'get',
        exportPath,
        await server()
          .get(api(`/reviews/${id}/export`))
          .set('Authorization', none),
      );

      await exercise({
        method: 'post',
        path: '/reviews/{id}/sections/{sectionId}/request-changes',
        url: reviewId => `/reviews/${reviewId}/sections/slos/request-changes`,
        body: { comment: 'Link the load test' },
        permission: 'reliability.review.signoff',
        who: 'lee',
      });
      await exercise({
        method: 'post',
        path: '/reviews/{id}/cancel',
        url: reviewId => `/reviews/${reviewId}/cancel`,
        body: { comment: 'Superseded' },
        permission: 'reliability.review.cancel',
      });
    });
  });

  it('has every documented response exercised above', () => {
    const documented = Object.entries(doc.paths).flatMap(([p, item]) =>
      (['get', 'post', 'put'] as const).flatMap(method =>
        Object.keys(item[method]?.responses ?? {}).map(
          status => `${method} ${p} ${status}`,
        ),
      ),
    );
    expect([...exercised].sort()).toEqual(documented.sort());
  });
});
