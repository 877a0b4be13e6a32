import { DatabaseReportStore } from '../reports/store/DatabaseReportStore';
import type { JsonObject } from '@backstage/types';
import { TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { evaluateSloBudget } from '@preflight/plugin-reliability-common';
import { type SloDefinition } from '@preflight/plugin-reliability-node';
import { DatabaseAlertRuleStore } from '../alertRules/DatabaseAlertRuleStore';
import { DatabaseReliabilityStore } from '../oncall/DatabaseReliabilityStore';
import { OnCallProviderRegistry } from '../oncall/OnCallProviderRegistry';
import type { ReadinessFactSources } from '../scorecards/gatherReadinessFacts';
import { DatabaseSloStore } from '../slo/DatabaseSloStore';
import { SloProviderRegistry } from '../slo/SloProviderRegistry';
import type { SloStatusUpdate } from '../slo/SloStore';
import { FakeOnCallProvider } from './FakeOnCallProvider';
import { FakeSloProvider } from './FakeSloProvider';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';

/** A catalog entity in the default namespace with the given parts. */
export function entity(
  kind: string,
  name: string,
  parts: {
    annotations?: Record<string, string>;
    spec?: JsonObject;
    relations?: Array<{ type: string; targetRef: string }>;
    links?: Array<{ url: string; title?: string; type?: string }>;
    title?: string;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${kind}-${name}`,
      ...(parts.title ? { title: parts.title } : {}),
      ...(parts.annotations ? { annotations: parts.annotations } : {}),
      ...(parts.links ? { links: parts.links } : {}),
    },
    spec: parts.spec ?? {},
    ...(parts.relations ? { relations: parts.relations } : {}),
  };
}

/** A 30-day ratio SLO (objective 99%) of an entity. */
export function sloDefinition(entityRef: string, id: string): SloDefinition {
  return {
    id,
    name: id,
    displayName: id,
    service: id,
    entityRef,
    file: 'slos.yaml',
    indicatorName: `${id}-errors`,
    indicator: {
      kind: 'ratio-good',
      counter: true,
      goodQuery: 'good_total',
      totalQuery: 'all_total',
    },
    window: '30d',
    windowSeconds: 2_592_000,
    rolling: true,
    budgetingMethod: 'Occurrences',
    objectiveIndex: 0,
    target: 0.99,
  };
}

/** A good measurement of an SLO with `bad` errors out of 1000 events. */
export function sloMeasurement(
  entityRef: string,
  sloId: string,
  bad: number,
): SloStatusUpdate {
  const counts = { good: 1000 - bad, total: 1000 };
  return {
    entityRef,
    sloId,
    state: 'ok',
    evaluation: evaluateSloBudget({
      objective: 0.99,
      periodSeconds: 2_592_000,
      period: counts,
      windows: { '1h': counts },
    }),
    burnDown: [
      {
        timestamp: '2026-11-22T08:00:00.000Z',
        attainment: 1 - bad / 1000,
        budgetRemaining: 1 - bad / 10,
        eventBudgetRemaining: 1 - bad / 10,
        idealBudgetRemaining: 0,
      },
    ],
    errors: [],
    warnings: [],
  };
}

/**
 * Real stores on a test database, the fake on-call and SLO providers, and
 * an in-memory catalog with the given entities: every source the fact
 * gathering reads, as the plugin wires them.
 */
export async function createReadinessSources(
  databases: TestDatabases,
  databaseId: Parameters<TestDatabases['init']>[0],
  entities: Entity[],
) {
  const knex = await migratedDatabase(await databases.init(databaseId));
  const store = new DatabaseReliabilityStore(knex);
  const sloStore = new DatabaseSloStore(knex);
  const alertRuleStore = new DatabaseAlertRuleStore(knex);
  const reportStore = new DatabaseReportStore(knex);
  const onCallProvider = new FakeOnCallProvider();
  const onCallRegistry = new OnCallProviderRegistry();
  onCallRegistry.add(onCallProvider);
  onCallRegistry.start();
  const sloProvider = new FakeSloProvider();
  Object.assign(sloProvider, { listAlertRules: jest.fn(async () => []) });
  const sloRegistry = new SloProviderRegistry();
  sloRegistry.add(sloProvider);
  sloRegistry.start();
  const catalog = catalogServiceMock({ entities });
  const sources: ReadinessFactSources = {
    catalog,
    store,
    onCallRegistry,
    sloStore,
    sloRegistry,
    alertRuleStore,
    onCallStaleAfterMs: 30 * 60_000,
    sloStaleAfterMs: 10 * 60_000,
    reports: {
      store: reportStore,
      timeZone: 'UTC',
      staleAfterMs: 30 * 60_000,
    },
  };
  return {
    knex,
    sources,
    store,
    sloStore,
    alertRuleStore,
    reportStore,
    catalog,
    onCallProvider,
    sloProvider,
  };
}
