import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseReliabilityStore } from './DatabaseReliabilityStore';
import { FakeOnCallProvider } from '../__testUtils__/FakeOnCallProvider';
import { makeSnapshot } from '../__testUtils__/snapshotFixtures';
import { runSourceSync } from './runSourceSync';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';

describe('runSourceSync', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function setup() {
    const knex = await databases.init('SQLITE_3');
    const store = new DatabaseReliabilityStore(await migratedDatabase(knex));
    const provider = new FakeOnCallProvider();
    provider.snapshot = makeSnapshot(['PCHKOUT'], { warnings: ['partial'] });
    const logger = mockServices.logger.mock();
    const registered = { provider, source: provider.source };
    return { store, provider, logger, registered };
  }

  it('stores the snapshot and the success', async () => {
    const { store, logger, registered } = await setup();
    const outcome = await runSourceSync({
      registered,
      store,
      logger,
      timeoutMs: 60_000,
      now: () => new Date('2025-03-01T10:00:00.000Z'),
    });
    expect(outcome).toEqual({ status: 'succeeded', services: 1, warnings: 1 });
    expect(
      await store.getService('pagerduty:default', 'PCHKOUT'),
    ).toBeDefined();
    expect(await store.listSourceHealth()).toEqual([
      expect.objectContaining({
        lastSuccessAt: '2025-03-01T10:00:00.000Z',
        warnings: ['partial'],
      }),
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('partial'),
    );
  });

  it('records a failure with its message only and keeps the data', async () => {
    const { store, provider, logger, registered } = await setup();
    await runSourceSync({ registered, store, logger, timeoutMs: 60_000 });

    const error = Object.assign(new Error('PagerDuty answered 401'), {
      // What a careless HTTP client might attach; it must go nowhere.
      request: {
        headers: { Authorization: 'Token token=sim-token-preflight' },
      },
    });
    provider.failWith = error;
    const outcome = await runSourceSync({
      registered,
      store,
      logger,
      timeoutMs: 60_000,
    });

    expect(outcome).toEqual({
      status: 'failed',
      error: 'PagerDuty answered 401',
    });
    expect(
      await store.getService('pagerduty:default', 'PCHKOUT'),
    ).toBeDefined();
    const [health] = await store.listSourceHealth();
    expect(health.lastError).toBe('PagerDuty answered 401');
    const logged = JSON.stringify([
      logger.warn.mock.calls,
      logger.error.mock.calls,
      logger.info.mock.calls,
    ]);
    expect(logged).toContain('PagerDuty answered 401');
    expect(logged).not.toContain('sim-token-preflight');
  });

  it('gives up at the deadline and records it as a failure', async () => {
    const { store, provider, logger, registered } = await setup();
    // A source that never answers, but honours the abort signal.
    provider.syncSource.mockImplementation(
      (_id, { signal }) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(signal.reason));
        }),
    );
    const outcome = await runSourceSync({
      registered,
      store,
      logger,
      timeoutMs: 50,
    });
    expect(outcome).toEqual({
      status: 'failed',
      error: 'sync did not finish within 50 ms',
    });
    expect((await store.listSourceHealth())[0].lastError).toBe(
      'sync did not finish within 50 ms',
    );
  });

  it('treats an incomplete snapshot as a failure, not as an empty source', async () => {
    const { store, provider, logger, registered } = await setup();
    await runSourceSync({ registered, store, logger, timeoutMs: 60_000 });
    provider.syncSource.mockResolvedValueOnce({ services: [] } as any);
    const outcome = await runSourceSync({
      registered,
      store,
      logger,
      timeoutMs: 60_000,
    });
    expect(outcome.status).toBe('failed');
    expect(
      await store.getService('pagerduty:default', 'PCHKOUT'),
    ).toBeDefined();
  });
});
