import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizePermissionResponse,
  AuthorizeResult,
} from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import type { Knex } from 'knex';
import { reliabilityPlugin } from '../plugin';
import { FakeOnCallProvider } from './FakeOnCallProvider';
import { onCallProviderTestModule } from './onCallProviderTestModule';
import { startPluginTestBackend } from './startPluginTestBackend';

export function component(
  name: string,
  annotations: Record<string, string> = {},
  extra: Partial<Entity['metadata']> = {},
  owner: string = 'team-payments',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations, ...extra },
    spec: { type: 'service', lifecycle: 'production', owner },
    // What the catalog's processing adds, and what ownership queries match.
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

function group(
  name: string,
  options: {
    displayName: string;
    parent?: string;
    children?: string[];
    /** Whether the catalog has processed `spec.children` into relations yet. */
    withRelations?: boolean;
  },
): Entity {
  const children = options.children ?? [];
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'team',
      profile: { displayName: options.displayName },
      ...(options.parent ? { parent: options.parent } : {}),
      children,
    },
    relations:
      options.withRelations === false
        ? []
        : [
            ...children.map(child => ({
              type: 'parentOf',
              targetRef: `group:default/${child}`,
            })),
            ...(options.parent
              ? [
                  {
                    type: 'childOf',
                    targetRef: `group:default/${options.parent}`,
                  },
                ]
              : []),
          ],
  };
}

/** The demo fleet's variety, in miniature. */
export const testEntities: Entity[] = [
  component(
    'checkout-api',
    { 'pagerduty.com/service-id': 'PCHKOUT' },
    {
      links: [
        {
          url: 'https://runbooks.example.com/checkout',
          title: 'Checkout runbook',
          type: 'runbook',
        },
        { url: 'https://grafana.example.com/d/checkout', title: 'Dashboard' },
      ],
    },
  ),
  component('ledger-service', { 'pagerduty.com/service-id': 'PLEDGER' }),
  component('payments-gateway', { 'pagerduty.com/service-id': 'PPAYGW1' }),
  component('fraud-detector', {}, {}, 'team-fraud'),
  component('build-runner', { 'pagerduty.com/service-id': 'PNOSUCH' }),
  component('metrics-pipeline', {
    'pagerduty.com/service-id':
      'https://acme.pagerduty.com/service-directory/PMETRIC',
  }),
  component(
    'risk-scorer',
    { 'pagerduty.com/service-id': 'PPAYGW1' },
    { title: 'Risk scorer' },
    'team-risk',
  ),
  component(
    'search-api',
    { 'pagerduty.com/service-id': 'PSEARCH' },
    {},
    'team-search',
  ),
  // payments → fraud (a relation) → risk (only in spec.children, unprocessed)
  group('team-payments', { displayName: 'Payments', children: ['team-fraud'] }),
  group('team-fraud', {
    displayName: 'Fraud',
    parent: 'team-payments',
    children: ['team-risk'],
    withRelations: false,
  }),
  group('team-risk', { displayName: 'Risk', parent: 'team-fraud' }),
  group('team-search', { displayName: 'Search' }),
];

/** The in-memory catalog, with spies on the reads the plugin makes. */
export type SpiedCatalog = ReturnType<typeof catalogServiceMock> & {
  getEntities: jest.SpyInstance;
  getEntitiesByRefs: jest.SpyInstance;
  getEntityByRef: jest.SpyInstance;
  queryEntities: jest.SpyInstance;
};

function spiedCatalog(entities: Entity[]): SpiedCatalog {
  const catalog = catalogServiceMock({ entities });
  for (const method of [
    'getEntities',
    'getEntitiesByRefs',
    'getEntityByRef',
    'queryEntities',
  ] as const) {
    jest.spyOn(catalog, method);
  }
  return catalog as SpiedCatalog;
}

/** A running test backend with the reliability plugin and a fake provider. */
export interface ReliabilityTestBackend {
  server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  provider: FakeOnCallProvider;
  catalog: SpiedCatalog;
  permissions: ReturnType<typeof mockServices.permissions.mock>;
  auditor: ReturnType<typeof mockServices.auditor.mock>;
  /** Runs the scheduled sync of the fake source now, and waits for it. */
  syncNow(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the plugin the way a portal would, with a test module adding a
 * {@link FakeOnCallProvider} through the extension point. Scheduled syncs
 * only run when the test calls `syncNow`.
 */
export async function startReliabilityTestBackend(
  options: {
    config?: JsonObject;
    entities?: Entity[];
    /** The plugin's database; an in-memory one of its own when absent. */
    knex?: Knex;
  } = {},
): Promise<ReliabilityTestBackend> {
  const provider = new FakeOnCallProvider();
  const permissions = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(
        (): AuthorizePermissionResponse => ({ result: AuthorizeResult.ALLOW }),
      ),
  });
  const auditor = mockServices.auditor.mock();
  const catalog = spiedCatalog(options.entities ?? testEntities);
  const fakeProvider = onCallProviderTestModule(provider, 'fake-provider');

  const backend = await startPluginTestBackend({
    features: [
      reliabilityPlugin,
      fakeProvider.module,
      permissions.factory,
      auditor.factory,
    ],
    catalog,
    config: options.config,
    knex: options.knex,
  });

  return {
    server: backend.server,
    provider,
    catalog,
    permissions,
    auditor,
    syncNow: fakeProvider.syncNow,
    stop: () => backend.stop(),
  };
}
