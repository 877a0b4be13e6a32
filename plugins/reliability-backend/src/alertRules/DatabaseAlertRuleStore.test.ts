import { TestDatabases } from '@backstage/backend-test-utils';
import type { StoredAlertRule } from './AlertRuleStore';
import { DatabaseAlertRuleStore } from './DatabaseAlertRuleStore';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';

jest.setTimeout(60_000);

function rule(
  name: string,
  overrides: Partial<StoredAlertRule> = {},
): StoredAlertRule {
  return {
    sourceId: 'prometheus:main',
    group: 'payments',
    file: '/etc/prometheus/rules/payments.yml',
    name,
    labels: { severity: 'page', service: 'checkout-api' },
    annotations: {
      summary: 'Checkout fails — “5xx” über 5 %',
      runbook_url: 'https://runbooks.example.com/checkout',
    },
    ...overrides,
  };
}

describe('DatabaseAlertRuleStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(
    databaseId: Parameters<typeof databases.init>[0],
    now = () => new Date('2026-11-23T10:00:00Z'),
  ) {
    const knex = await databases.init(databaseId);
    return new DatabaseAlertRuleStore(await migratedDatabase(knex), { now });
  }

  it.each(databases.eachSupportedId())(
    'replaces the rules of one source only, keeping their order, labels and annotations, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.replaceSourceAlertRules('prometheus:main', [
        rule('CheckoutHighErrorRate'),
        rule('Stale', { group: 'old' }),
      ]);
      await store.replaceSourceAlertRules('prometheus:eu', [
        rule('SearchIndexerStalled', {
          sourceId: 'prometheus:eu',
          group: 'search',
          file: undefined,
          labels: { service: 'search-indexer' },
          annotations: {},
        }),
      ]);
      // The next read of main: one rule gone, one name twice (page + ticket).
      await store.replaceSourceAlertRules('prometheus:main', [
        rule('SLOErrorBudgetBurn', {
          labels: { severity: 'page', entity: 'component:default/x' },
        }),
        rule('SLOErrorBudgetBurn', {
          labels: { severity: 'ticket', entity: 'component:default/x' },
        }),
        rule('CheckoutHighErrorRate'),
      ]);

      expect(await store.listAlertRules()).toEqual([
        {
          sourceId: 'prometheus:eu',
          group: 'search',
          name: 'SearchIndexerStalled',
          labels: { service: 'search-indexer' },
          annotations: {},
        },
        rule('SLOErrorBudgetBurn', {
          labels: { severity: 'page', entity: 'component:default/x' },
        }),
        rule('SLOErrorBudgetBurn', {
          labels: { severity: 'ticket', entity: 'component:default/x' },
        }),
        rule('CheckoutHighErrorRate'),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'tells a source that reported no rules from one never read, on %p',
    async databaseId => {
      let now = new Date('2026-11-23T10:00:00Z');
      const store = await createStore(databaseId, () => now);
      expect(await store.listSourcesWithRules()).toEqual([]);

      await store.replaceSourceAlertRules('prometheus:main', [rule('A')]);
      now = new Date('2026-11-23T10:05:00Z');
      await store.replaceSourceAlertRules('prometheus:main', []);
      await store.replaceSourceAlertRules('prometheus:eu', [
        rule('B', { sourceId: 'prometheus:eu' }),
      ]);

      expect(await store.listSourcesWithRules()).toEqual([
        'prometheus:eu',
        'prometheus:main',
      ]);
      expect(
        (await store.listAlertRules()).map(r => `${r.sourceId} ${r.name}`),
      ).toEqual(['prometheus:eu B']);
      expect(await store.listSourceReports()).toEqual([
        {
          sourceId: 'prometheus:eu',
          reportedAt: '2026-11-23T10:05:00.000Z',
          ruleCount: 1,
        },
        {
          sourceId: 'prometheus:main',
          reportedAt: '2026-11-23T10:05:00.000Z',
          ruleCount: 0,
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'stores a large rule set of one source in one replacement, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const many = Array.from({ length: 1234 }, (_, i) =>
        rule(`Alert${i}`, {
          labels: { service: `service-${i % 97}` },
        }),
      );
      await store.replaceSourceAlertRules('prometheus:main', many);
      const stored = await store.listAlertRules();
      expect(stored).toHaveLength(1234);
      expect(stored[1233]).toEqual(many[1233]);
      expect(stored.map(r => r.name)).toEqual(many.map(r => r.name));
    },
  );
});
