import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DatabaseReliabilityStore } from './DatabaseReliabilityStore';
import { OnCallProviderRegistry } from './OnCallProviderRegistry';
import { FakeOnCallProvider } from '../__testUtils__/FakeOnCallProvider';
import { makeGapPolicy, makeSnapshot } from '../__testUtils__/snapshotFixtures';
import { testEntities } from '../__testUtils__/startReliabilityTestBackend';
import { EntitySummaryBuilder } from '../service/EntitySummaryBuilder';
import { GroupOnCallBuilder, GroupOnCallLimits } from './GroupOnCallBuilder';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';

const NOW = new Date('2025-03-04T23:00:00.000Z');
const hoursFromNow = (hours: number) =>
  new Date(NOW.getTime() + hours * 3600_000).toISOString();

const paymentsGroup = testEntities.find(
  e => e.kind === 'Group' && e.metadata.name === 'team-payments',
)!;

describe('GroupOnCallBuilder', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function setup(
    options: { entities?: Entity[]; limits?: GroupOnCallLimits } = {},
  ) {
    const knex = await databases.init('SQLITE_3');
    const store = new DatabaseReliabilityStore(await migratedDatabase(knex));
    const provider = new FakeOnCallProvider();
    const registry = new OnCallProviderRegistry();
    registry.add(provider);
    registry.start();
    const catalog = catalogServiceMock({
      entities: options.entities ?? testEntities,
    });

    // checkout-api and ledger-service on the payments policy; risk-scorer
    // (PPAYGW1) on a policy with nobody on level 1 right now.
    const payments = makeSnapshot(['PCHKOUT', 'PLEDGER'], { now: NOW });
    const gap = makeSnapshot(['PPAYGW1'], { now: NOW, policyId: 'PEPLT01' });
    gap.policies = [makeGapPolicy('PEPLT01', { now: NOW })];
    gap.incidentStats = [];
    await store.replaceSourceSnapshot({
      source: provider.source,
      snapshot: {
        services: [...payments.services, ...gap.services],
        policies: [...payments.policies, ...gap.policies],
        incidentStats: payments.incidentStats,
        warnings: [],
      },
      syncedAt: new Date(NOW.getTime() - 120_000),
    });

    const deps = { registry, store, catalog, staleAfterMs: 1_800_000 };
    return {
      store,
      catalog,
      groups: new GroupOnCallBuilder({ ...deps, limits: options.limits }),
      summaries: new EntitySummaryBuilder(deps),
    };
  }

  it('reads the store in bulk, never one service at a time', async () => {
    const { store, groups } = await setup();
    const spies = Object.fromEntries(
      (
        [
          'listSourceHealth',
          'getService',
          'getEscalationPolicy',
          'getIncidentStats',
          'getServices',
          'getEscalationPolicies',
          'getIncidentStatsForServices',
        ] as const
      ).map(method => [method, jest.spyOn(store, method)]),
    );

    const response = await groups.build(
      paymentsGroup,
      mockCredentials.user(),
      NOW,
    );
    expect(response.entities).toHaveLength(7);

    expect(spies.getService).not.toHaveBeenCalled();
    expect(spies.getEscalationPolicy).not.toHaveBeenCalled();
    expect(spies.getIncidentStats).not.toHaveBeenCalled();
    expect(spies.listSourceHealth).toHaveBeenCalledTimes(1);
    expect(spies.getServices).toHaveBeenCalledTimes(1);
    expect(
      [...(spies.getServices.mock.calls[0][1] as string[])].sort(),
    ).toEqual(['PCHKOUT', 'PLEDGER', 'PNOSUCH', 'PPAYGW1'].sort());
    expect(spies.getEscalationPolicies).toHaveBeenCalledTimes(1);
    expect(
      [...(spies.getEscalationPolicies.mock.calls[0][1] as string[])].sort(),
    ).toEqual(['PEPAY01', 'PEPLT01']);
    expect(spies.getIncidentStatsForServices).toHaveBeenCalledTimes(1);
  });

  it('tells for each level who is missing, and until when', async () => {
    const { groups } = await setup();
    const response = await groups.build(
      paymentsGroup,
      mockCredentials.user(),
      NOW,
    );
    const risk = response.entities.find(
      e => e.entityRef === 'component:default/risk-scorer',
    )!;
    expect(risk.state).toBe('ok');
    expect(risk.escalationPolicy?.name).toBe('Platform escalation');
    expect(risk.onCallNow).toEqual([]);
    expect(risk.uncoveredLevels).toEqual([
      { level: 1, until: hoursFromNow(3) },
    ]);
    expect(risk.nextHandoff).toEqual({
      at: hoursFromNow(3),
      onCall: [expect.objectContaining({ end: hoursFromNow(11) })],
    });
    expect(risk.nextHandoff?.onCall[0].person.name).toBe('Bob');
    // No incident figures stored for this service: unknown, not zero.
    expect(risk.openHighUrgencyIncidents).toBeNull();
    expect(risk.freshness).toEqual({
      asOf: hoursFromNow(-2 / 60),
      stale: false,
    });
  });

  it('agrees with the entity summary of every entity it lists', async () => {
    const { groups, summaries, catalog } = await setup();
    const credentials = mockCredentials.user();
    const response = await groups.build(paymentsGroup, credentials, NOW);

    for (const row of response.entities) {
      const entity = await catalog.getEntityByRef(row.entityRef, {
        credentials,
      });
      const { onCall } = await summaries.build(entity!, credentials, NOW);
      const levels = onCall.escalationPolicy?.levels ?? [];
      expect({
        entityRef: row.entityRef,
        state: row.state,
        problem: row.problem,
        onCallNow: row.onCallNow,
        nextHandoff: row.nextHandoff,
        uncovered: row.uncoveredLevels.map(level => level.level),
        open: row.openHighUrgencyIncidents,
      }).toEqual({
        entityRef: row.entityRef,
        state: onCall.state,
        problem: onCall.problem,
        onCallNow: levels[0]?.onCallNow ?? [],
        nextHandoff: levels[0]?.nextHandoff ?? null,
        uncovered: levels
          .filter(level => level.onCallNow.length === 0)
          .map(level => level.level),
        open: onCall.incidents
          ? onCall.incidents.open.filter(i => i.urgency === 'high').length
          : null,
      });
    }
  });

  it('lists at most maxEntities and says the list is truncated', async () => {
    const { groups } = await setup({
      limits: { maxDepth: 8, maxGroups: 200, maxEntities: 3 },
    });
    const response = await groups.build(
      paymentsGroup,
      mockCredentials.user(),
      NOW,
    );
    expect(response.entities).toHaveLength(3);
    expect(response.truncated).toBe(true);
  });

  it('stops at the depth bound and says so', async () => {
    const { groups } = await setup({
      limits: { maxDepth: 1, maxGroups: 200, maxEntities: 500 },
    });
    const response = await groups.build(
      paymentsGroup,
      mockCredentials.user(),
      NOW,
    );
    expect(response.groupRefs).toEqual([
      'group:default/team-payments',
      'group:default/team-fraud',
    ]);
    expect(response.entities.map(e => e.entityRef)).not.toContain(
      'component:default/risk-scorer',
    );
    expect(response.truncated).toBe(true);
  });
});
