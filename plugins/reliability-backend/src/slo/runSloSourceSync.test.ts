import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type {
  AlertRuleRecord,
  ListAlertRulesOptions,
} from '@preflight/plugin-reliability-node';
import { DatabaseAlertRuleStore } from '../alertRules/DatabaseAlertRuleStore';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { SourceStateStore } from '../database/SourceStateStore';
import { FakeSloProvider } from '../__testUtils__/FakeSloProvider';
import {
  availabilitySlo,
  makeCatalogDir,
  sloComponent,
} from '../__testUtils__/sloFixtures';
import { DatabaseSloHistoryStore } from '../reports/slo/DatabaseSloHistoryStore';
import { runSloSourceSync } from './runSloSourceSync';
import { SloProviderRegistry } from './SloProviderRegistry';
import type { SloStore } from './SloStore';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';

describe('runSloSourceSync', () => {
  const historyDatabases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const dir = makeCatalogDir({ 'slos.yaml': availabilitySlo('api') });

  function setup() {
    const provider = new FakeSloProvider();
    const registry = new SloProviderRegistry();
    registry.add(provider);
    const [registered] = registry.start();
    const sloStore = {
      replaceDeclarations: jest.fn(async () => {}),
      recordSourceMeasurement: jest.fn(async () => {}),
    } as unknown as jest.Mocked<SloStore>;
    const store = {
      recordSyncFailure: jest.fn(async () => {}),
    } as unknown as jest.Mocked<SourceStateStore>;
    const deps = {
      registry,
      catalog: catalogServiceMock({
        entities: [
          sloComponent('api', dir, { 'preflight.dev/openslo': 'slos.yaml' }),
        ],
      }),
      auth: mockServices.auth(),
      urlReader: mockServices.urlReader.mock(),
      sloStore,
      store,
      logger: mockServices.logger.mock(),
    };
    return { provider, registered, deps, sloStore, store };
  }

  it('records a run that misses its deadline as a failure of that source only', async () => {
    const { provider, registered, deps, sloStore, store } = setup();
    provider.measureSlos.mockImplementation(
      (_sourceId, _slos, { signal }) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason)),
        ),
    );
    const outcome = await runSloSourceSync(deps, {
      registered,
      timeoutMs: 10,
    });
    expect(outcome).toEqual({
      status: 'failed',
      error: expect.stringContaining('did not finish within'),
    });
    expect(store.recordSyncFailure).toHaveBeenCalledWith(
      expect.objectContaining({ source: registered.source }),
    );
    // The last good evaluations stay as they were.
    expect(sloStore.recordSourceMeasurement).not.toHaveBeenCalled();
  });

  it('measures all SLOs of the source with one call', async () => {
    const { provider, registered, deps, sloStore } = setup();
    const outcome = await runSloSourceSync(deps, {
      registered,
      timeoutMs: 10_000,
    });
    expect(outcome).toMatchObject({ status: 'succeeded', slos: 1 });
    expect(provider.measureSlos).toHaveBeenCalledTimes(1);
    expect(sloStore.recordSourceMeasurement).toHaveBeenCalledWith(
      expect.objectContaining({
        statuses: [expect.objectContaining({ sloId: 'api', state: 'no-data' })],
      }),
    );
  });

  it('stores the instant the source measured as the evaluation time, not the sync start', async () => {
    const { provider, registered, deps, sloStore } = setup();
    const syncStart = new Date('2026-11-22T08:00:47.000Z');
    // Prometheus evaluates every query at the whole minute.
    const measured = '2026-11-22T08:00:00.000Z';
    provider.measureSlos.mockImplementation(async (sourceId, slos) => ({
      sourceId,
      observedAt: measured,
      observations: slos.map(slo => ({
        ref: `${slo.entityRef}/${slo.id}`,
        entityRef: slo.entityRef,
        sloId: slo.id,
        evaluatedAt: measured,
        period: { good: 999, total: 1000 },
        windows: {},
        warnings: [],
        errors: [],
      })),
      stats: {
        slos: slos.length,
        queries: 9,
        unbatchedQueries: 9,
        failedQueries: 0,
      },
    }));
    await runSloSourceSync(deps, {
      registered,
      timeoutMs: 10_000,
      now: () => syncStart,
    });
    expect(sloStore.recordSourceMeasurement).toHaveBeenCalledWith(
      expect.objectContaining({ measuredAt: new Date(measured) }),
    );
  });

  it('adds each measurement to the daily SLO history with the entity owner', async () => {
    const { provider, registered, deps } = setup();
    const knex = await historyDatabases.init('SQLITE_3');
    const history = new DatabaseSloHistoryStore(await migratedDatabase(knex));
    const measured = '2026-11-22T23:30:00.000Z';
    provider.measureSlos.mockImplementation(async (sourceId, slos) => ({
      sourceId,
      observedAt: measured,
      observations: slos.map(slo => ({
        ref: `${slo.entityRef}/${slo.id}`,
        entityRef: slo.entityRef,
        sloId: slo.id,
        evaluatedAt: measured,
        period: { good: 999, total: 1000 },
        windows: {},
        warnings: [],
        errors: [],
      })),
      stats: {
        slos: slos.length,
        queries: 3,
        unbatchedQueries: 3,
        failedQueries: 0,
      },
    }));
    await runSloSourceSync(
      {
        ...deps,
        sloHistory: {
          store: history,
          // 23:30 UTC is already 23 November in Berlin.
          timeZone: 'Europe/Berlin',
          maxGapSeconds: 60,
        },
      },
      { registered, timeoutMs: 10_000 },
    );
    expect(
      await history.listEntityRefs({
        timeZone: 'Europe/Berlin',
        fromDay: '2026-11-23',
        toDay: '2026-11-24',
        ownerRefs: ['group:default/team-payments'],
      }),
    ).toEqual(['component:default/api']);
    const [row] = await history.summarizeSlos({
      timeZone: 'Europe/Berlin',
      fromDay: '2026-11-01',
      toDay: '2026-12-01',
      entityRefs: ['component:default/api'],
    });
    expect(row).toMatchObject({
      sloId: 'api',
      lastDay: '2026-11-23',
      attainment: 0.999,
      // No burn-down buckets: the day's consumption is unknown, not 0.
      budgetConsumed: null,
      pageAlertSeconds: 0,
    });
  });

  it('refuses SLO windows longer than the configured bound, naming the field', async () => {
    const { registered, deps, sloStore } = setup();
    await runSloSourceSync(
      { ...deps, maxWindowSeconds: 7 * 86_400 },
      { registered, timeoutMs: 10_000 },
    );
    expect(sloStore.replaceDeclarations).toHaveBeenCalledWith([
      expect.objectContaining({
        slos: [],
        problems: [
          expect.objectContaining({
            sloName: 'api',
            field: 'spec.timeWindow[0].duration',
            message: expect.stringContaining('longer than the 7d'),
          }),
        ],
      }),
    ]);
  });

  it('treats a run in which every query failed as an outage of the source, keeping the last good evaluations', async () => {
    const { provider, registered, deps, sloStore, store } = setup();
    provider.measureSlos.mockImplementation(
      async (sourceId, slos, options) => ({
        sourceId,
        observedAt: (options.now ?? new Date()).toISOString(),
        observations: slos.map(slo => ({
          ref: `${slo.entityRef}/${slo.id}`,
          entityRef: slo.entityRef,
          sloId: slo.id,
          evaluatedAt: (options.now ?? new Date()).toISOString(),
          windows: {},
          warnings: [],
          errors: [{ message: 'connect ECONNREFUSED 127.0.0.1:9099' }],
        })),
        stats: {
          slos: slos.length,
          queries: 9,
          unbatchedQueries: 9,
          failedQueries: 9,
        },
      }),
    );
    const outcome = await runSloSourceSync(deps, {
      registered,
      timeoutMs: 10_000,
    });
    expect(outcome).toEqual({
      status: 'failed',
      error:
        'all 9 queries failed; the first: connect ECONNREFUSED 127.0.0.1:9099',
    });
    expect(store.recordSyncFailure).toHaveBeenCalledWith(
      expect.objectContaining({
        source: registered.source,
        error: expect.stringContaining('ECONNREFUSED'),
      }),
    );
    expect(sloStore.recordSourceMeasurement).not.toHaveBeenCalled();
  });

  it('puts the reason of failed queries on the source’s health when only some failed', async () => {
    const { provider, registered, deps, sloStore } = setup();
    const reason =
      'SLO "api" of component:default/api: the 30d counts query failed. Prometheus instance "vm" answered 422 (HTTP 422): cannot select more than -search.maxSamplesPerQuery=1000 samples. Query: sum(x)';
    provider.measureSlos.mockImplementation(
      async (sourceId, slos, options) => ({
        sourceId,
        observedAt: (options.now ?? new Date()).toISOString(),
        observations: slos.map(slo => ({
          ref: `${slo.entityRef}/${slo.id}`,
          entityRef: slo.entityRef,
          sloId: slo.id,
          evaluatedAt: (options.now ?? new Date()).toISOString(),
          windows: {},
          warnings: [],
          errors: [{ message: reason }],
        })),
        stats: {
          slos: slos.length,
          queries: 9,
          unbatchedQueries: 9,
          failedQueries: 1,
        },
      }),
    );
    const outcome = await runSloSourceSync(deps, {
      registered,
      timeoutMs: 10_000,
    });

    expect(outcome).toMatchObject({ status: 'succeeded' });
    expect(sloStore.recordSourceMeasurement).toHaveBeenCalledWith(
      expect.objectContaining({
        warnings: [`1 of 9 queries failed; the first: ${reason}`],
      }),
    );
  });

  it("names the network cause of an outage, not another entity's declaration problem", async () => {
    const { provider, registered, deps, store } = setup();
    provider.measureSlos.mockImplementation(async (sourceId, slos, options) => {
      const at = (options.now ?? new Date()).toISOString();
      return {
        sourceId,
        observedAt: at,
        observations: [
          // another entity's SLO whose file names a query that cannot be measured
          {
            ref: 'component:default/other/latency',
            entityRef: 'component:default/other',
            sloId: 'latency',
            evaluatedAt: at,
            windows: {},
            warnings: [],
            errors: [
              {
                message:
                  'SLO "latency" of component:default/other: "rate(" does not parse',
                field: 'ratioMetric.good.metricSource.spec.query',
              },
            ],
          },
          ...slos.map(slo => ({
            ref: `${slo.entityRef}/${slo.id}`,
            entityRef: slo.entityRef,
            sloId: slo.id,
            evaluatedAt: at,
            windows: {},
            warnings: [],
            errors: [
              {
                message:
                  'Prometheus instance "main": network: request to http://prometheus:9090 failed: connection refused (ECONNREFUSED)',
                query: 'sum(increase(x[1h]))',
              },
            ],
          })),
        ],
        stats: {
          slos: slos.length + 1,
          queries: 9,
          unbatchedQueries: 9,
          failedQueries: 9,
        },
      };
    });
    const outcome = await runSloSourceSync(deps, {
      registered,
      timeoutMs: 10_000,
    });
    expect(outcome).toEqual({
      status: 'failed',
      error: expect.stringContaining('connection refused'),
    });
    expect(outcome).toEqual({
      status: 'failed',
      error: expect.not.stringContaining('component:default/other'),
    });
    expect(store.recordSyncFailure).toHaveBeenCalledWith(
      expect.objectContaining({
        error: expect.stringContaining('connection refused'),
      }),
    );
  });

  it('records the reason a source reports for being unreachable', async () => {
    const { provider, registered, deps, sloStore, store } = setup();
    provider.measureSlos.mockImplementation(
      async (sourceId, slos, options) => ({
        sourceId,
        observedAt: (options.now ?? new Date()).toISOString(),
        observations: [],
        unavailable:
          'Prometheus instance "main": deadline: no answer within 30000 ms (timed out)',
        stats: {
          slos: slos.length,
          queries: 9,
          unbatchedQueries: 9,
          failedQueries: 9,
        },
      }),
    );
    const outcome = await runSloSourceSync(deps, {
      registered,
      timeoutMs: 10_000,
    });
    expect(outcome).toEqual({
      status: 'failed',
      error:
        'Prometheus instance "main": deadline: no answer within 30000 ms (timed out)',
    });
    expect(store.recordSyncFailure).toHaveBeenCalledTimes(1);
    expect(sloStore.recordSourceMeasurement).not.toHaveBeenCalled();
  });

  describe('alert rules', () => {
    const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

    const checkoutRule: AlertRuleRecord = {
      group: 'payments',
      file: '/etc/prometheus/rules/payments.yml',
      name: 'CheckoutHighErrorRate',
      labels: { severity: 'page', service: 'checkout-api' },
      annotations: { runbook_url: 'https://runbooks.example.com/checkout' },
    };

    async function setupWithRules() {
      const context = setup();
      const alertRuleStore = new DatabaseAlertRuleStore(
        await migratedDatabase(await databases.init('SQLITE_3')),
      );
      const listAlertRules = jest.fn(
        async (_options: ListAlertRulesOptions): Promise<AlertRuleRecord[]> => [
          checkoutRule,
        ],
      );
      Object.assign(context.provider, { listAlertRules });
      return {
        ...context,
        alertRuleStore,
        listAlertRules,
        deps: { ...context.deps, alertRuleStore },
      };
    }

    it('stores the rules of the source after a successful measurement', async () => {
      const { registered, deps, alertRuleStore, listAlertRules, sloStore } =
        await setupWithRules();
      const outcome = await runSloSourceSync(deps, {
        registered,
        timeoutMs: 10_000,
      });
      expect(outcome).toMatchObject({ status: 'succeeded' });
      expect(listAlertRules).toHaveBeenCalledTimes(1);
      expect(listAlertRules).toHaveBeenCalledWith({
        sourceId: registered.source.id,
        signal: expect.any(AbortSignal),
      });
      expect(await alertRuleStore.listAlertRules()).toEqual([
        { sourceId: registered.source.id, ...checkoutRule },
      ]);
      expect(await alertRuleStore.listSourcesWithRules()).toEqual([
        registered.source.id,
      ]);
      expect(sloStore.recordSourceMeasurement).toHaveBeenCalledWith(
        expect.objectContaining({ warnings: [] }),
      );
    });

    it('keeps the last good rules and warns on the source when the rules cannot be read, without failing the measurement', async () => {
      const { registered, deps, alertRuleStore, listAlertRules, sloStore } =
        await setupWithRules();
      await runSloSourceSync(deps, { registered, timeoutMs: 10_000 });

      listAlertRules.mockRejectedValueOnce(
        new Error(
          'Prometheus instance "east": bad_data (HTTP 400): unsupported type',
        ),
      );
      const outcome = await runSloSourceSync(deps, {
        registered,
        timeoutMs: 10_000,
      });

      expect(outcome).toMatchObject({ status: 'succeeded', slos: 1 });
      expect(deps.store.recordSyncFailure).not.toHaveBeenCalled();
      expect(sloStore.recordSourceMeasurement).toHaveBeenLastCalledWith(
        expect.objectContaining({
          statuses: [expect.objectContaining({ sloId: 'api' })],
          warnings: [
            'Alert rules could not be read; the scorecard keeps the rules read before: Prometheus instance "east": bad_data (HTTP 400): unsupported type',
          ],
        }),
      );
      expect(await alertRuleStore.listAlertRules()).toEqual([
        { sourceId: registered.source.id, ...checkoutRule },
      ]);
      // The scorecard learns that the rules are unknown, until a read succeeds.
      expect(await alertRuleStore.listSourceAlertRulesErrors()).toEqual([
        {
          sourceId: registered.source.id,
          error:
            'Prometheus instance "east": bad_data (HTTP 400): unsupported type',
          since: expect.any(String),
        },
      ]);
      await runSloSourceSync(deps, { registered, timeoutMs: 10_000 });
      expect(await alertRuleStore.listSourceAlertRulesErrors()).toEqual([]);
    });

    it('does not store half a rule list the provider got wrong', async () => {
      const { registered, deps, alertRuleStore, listAlertRules, sloStore } =
        await setupWithRules();
      await runSloSourceSync(deps, { registered, timeoutMs: 10_000 });
      listAlertRules.mockResolvedValueOnce([
        { ...checkoutRule, name: 'Other' },
        {
          ...checkoutRule,
          labels: { severity: 3 },
        } as unknown as AlertRuleRecord,
      ]);
      await runSloSourceSync(deps, { registered, timeoutMs: 10_000 });
      expect(sloStore.recordSourceMeasurement).toHaveBeenLastCalledWith(
        expect.objectContaining({
          warnings: [expect.stringContaining('a malformed rule at 1')],
        }),
      );
      expect(
        (await alertRuleStore.listAlertRules()).map(rule => rule.name),
      ).toEqual(['CheckoutHighErrorRate']);
    });

    it('reads no rules when the measurement failed, so they stay as they were', async () => {
      const { provider, registered, deps, listAlertRules } =
        await setupWithRules();
      provider.failingSources.add(registered.source.id);
      const outcome = await runSloSourceSync(deps, {
        registered,
        timeoutMs: 10_000,
      });
      expect(outcome).toMatchObject({ status: 'failed' });
      expect(listAlertRules).not.toHaveBeenCalled();
    });

    it('leaves rules alone for a provider that cannot list them', async () => {
      const context = setup();
      const alertRuleStore = {
        replaceSourceAlertRules: jest.fn(),
        listAlertRules: jest.fn(),
        listSourcesWithRules: jest.fn(),
        recordSourceAlertRulesError: jest.fn(),
        listSourceAlertRulesErrors: jest.fn(),
      };
      const outcome = await runSloSourceSync(
        { ...context.deps, alertRuleStore },
        { registered: context.registered, timeoutMs: 10_000 },
      );
      expect(outcome).toMatchObject({ status: 'succeeded' });
      expect(alertRuleStore.replaceSourceAlertRules).not.toHaveBeenCalled();
      expect(context.sloStore.recordSourceMeasurement).toHaveBeenCalledWith(
        expect.objectContaining({ warnings: [] }),
      );
    });
  });
});
