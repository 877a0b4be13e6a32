import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DatabaseReliabilityStore } from '../oncall/DatabaseReliabilityStore';
import { OnCallProviderRegistry } from '../oncall/OnCallProviderRegistry';
import { FakeOnCallProvider } from '../__testUtils__/FakeOnCallProvider';
import { makeSnapshot } from '../__testUtils__/snapshotFixtures';
import { EntitySummaryBuilder } from './EntitySummaryBuilder';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';

function component(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout-api', namespace: 'default', annotations },
    spec: { type: 'service' },
  };
}

describe('EntitySummaryBuilder', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function setup(providers: FakeOnCallProvider[]) {
    const knex = await databases.init('SQLITE_3');
    const store = new DatabaseReliabilityStore(await migratedDatabase(knex));
    const registry = new OnCallProviderRegistry();
    providers.forEach(p => registry.add(p));
    registry.start();
    return new EntitySummaryBuilder({
      registry,
      store,
      catalog: catalogServiceMock(),
      staleAfterMs: 1_800_000,
    });
  }

  it('reports an account annotation that names no configured source', async () => {
    const builder = await setup([new FakeOnCallProvider()]);
    const summary = await builder.build(
      component({
        'pagerduty.com/service-id': 'PCHKOUT',
        'pagerduty.com/account': 'eu',
      }),
      mockCredentials.user(),
    );
    expect(summary.onCall.state).toBe('malformed');
    expect(summary.onCall.problem).toEqual(
      expect.objectContaining({
        field: 'metadata.annotations["pagerduty.com/account"]',
        message: 'the on-call source "pagerduty:eu" is not configured',
      }),
    );
    expect(summary.onCall.problem?.fix).toContain('pagerduty:default');
  });

  it('survives a provider that throws, and still uses the next one', async () => {
    const broken = new FakeOnCallProvider();
    Object.assign(broken, {
      type: 'broken',
      source: { id: 'broken:x', type: 'broken', displayName: 'Broken' },
    });
    broken.locateService.mockImplementation(() => {
      throw new Error('bug in provider');
    });
    const builder = await setup([broken, new FakeOnCallProvider()]);
    const summary = await builder.build(
      component({ 'pagerduty.com/service-id': 'PCHKOUT' }),
      mockCredentials.user(),
    );
    expect(summary.onCall).toEqual({
      state: 'awaiting-sync',
      sourceId: 'pagerduty:default',
      serviceId: 'PCHKOUT',
    });
    expect(summary.problems).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('bug in provider'),
      }),
    ]);
  });

  it('shows a service without a policy or stats as ok with what is known', async () => {
    const provider = new FakeOnCallProvider();
    const builder = await setup([provider]);
    const snapshot = makeSnapshot(['PCHKOUT']);
    snapshot.policies = [];
    snapshot.incidentStats = [];
    const store = (builder as any).deps.store as DatabaseReliabilityStore;
    await store.replaceSourceSnapshot({
      source: provider.source,
      snapshot,
      syncedAt: new Date(),
    });
    const summary = await builder.build(
      component({ 'pagerduty.com/service-id': 'PCHKOUT' }),
      mockCredentials.user(),
    );
    expect(summary.onCall.state).toBe('ok');
    expect(summary.onCall.service?.id).toBe('PCHKOUT');
    expect(summary.onCall.escalationPolicy).toBeUndefined();
    expect(summary.onCall.incidents).toBeUndefined();
    expect(summary.owner).toBeNull();
  });
});
