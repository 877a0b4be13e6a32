import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { ReliabilityStore } from '../database/ReliabilityStore';
import { FakeSloProvider } from '../__testUtils__/FakeSloProvider';
import {
  availabilitySlo,
  makeCatalogDir,
  sloComponent,
} from '../__testUtils__/sloFixtures';
import { runSloSourceSync } from './runSloSourceSync';
import { SloProviderRegistry } from './SloProviderRegistry';
import type { SloStore } from './SloStore';

describe('runSloSourceSync', () => {
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
    } as unknown as jest.Mocked<ReliabilityStore>;
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
});
