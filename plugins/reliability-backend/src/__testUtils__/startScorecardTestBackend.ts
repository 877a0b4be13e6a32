import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { ScorecardRubric } from '@preflight/plugin-reliability-common';
import type { Knex } from 'knex';
import { readReliabilityConfig } from '../config/readReliabilityConfig';
import { DatabaseReliabilityStore } from '../oncall/DatabaseReliabilityStore';
import { OnCallProviderRegistry } from '../oncall/OnCallProviderRegistry';
import { DatabaseScorecardStore } from '../scorecards/DatabaseScorecardStore';
import { createRouter } from '../service/createRouter';
import { startPluginTestBackend } from './startPluginTestBackend';
import { openReliabilityDatabase } from '../database/openReliabilityDatabase';

/** A running test backend serving the scorecard routes from a test database. */
export interface ScorecardTestBackend {
  server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  /** The store the routes read, on the same database, for seeding results. */
  store: DatabaseScorecardStore;
  stop(): Promise<void>;
}

/**
 * Serves the reliability router with scorecards enabled, on the given test
 * database, behind the real http router (so its default authentication
 * applies). The results are whatever the test writes through `store`: no
 * evaluation runs, as in production where reads never evaluate.
 */
export async function startScorecardTestBackend(options: {
  knex: Knex;
  entities: Entity[];
  rubric: ScorecardRubric;
  kinds?: string[];
  now?: () => Date;
  /**
   * The permission decision for every request, or a function asked at each
   * request; ALLOW by default.
   */
  decision?:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY
    | (() => AuthorizeResult.ALLOW | AuthorizeResult.DENY);
}): Promise<ScorecardTestBackend> {
  let store: DatabaseScorecardStore | undefined;
  const decision = options.decision ?? AuthorizeResult.ALLOW;
  const plugin = createBackendPlugin({
    pluginId: 'reliability',
    register(env) {
      env.registerInit({
        deps: {
          database: coreServices.database,
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
          permissions: coreServices.permissions,
          auditor: coreServices.auditor,
          logger: coreServices.logger,
          catalog: catalogServiceRef,
        },
        async init(deps) {
          const db = await openReliabilityDatabase(deps.database);
          store = await DatabaseScorecardStore.create(db);
          deps.httpRouter.use(
            await createRouter({
              ...deps,
              store: new DatabaseReliabilityStore(db),
              registry: new OnCallProviderRegistry(),
              config: readReliabilityConfig(new ConfigReader({})),
              scorecards: {
                store,
                rubric: options.rubric,
                kinds: options.kinds,
              },
              now: options.now,
            }),
          );
        },
      });
    },
  });
  const backend = await startPluginTestBackend({
    features: [
      plugin,
      decision === AuthorizeResult.ALLOW
        ? mockServices.permissions.factory()
        : mockServices.permissions.mock({
            authorize: async requests =>
              requests.map(() => ({
                result: typeof decision === 'function' ? decision() : decision,
              })),
          }).factory,
    ],
    catalog: catalogServiceMock({ entities: options.entities }),
    knex: options.knex,
  });
  if (!store) {
    throw new Error('the scorecard test plugin did not start');
  }
  return { server: backend.server, store, stop: () => backend.stop() };
}
