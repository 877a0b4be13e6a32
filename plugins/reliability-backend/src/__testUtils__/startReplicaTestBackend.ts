import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import {
  reliabilityOnCallProvidersExtensionPoint,
  reliabilitySloProvidersExtensionPoint,
} from '@preflight/plugin-reliability-node';
import type { Knex } from 'knex';
import { reliabilityPlugin } from '../plugin';
import { FakeOnCallProvider } from './FakeOnCallProvider';
import { FakeSloProvider } from './FakeSloProvider';
import { startPluginTestBackend } from './startPluginTestBackend';

/** One backend replica of the plugin, with its own fake sources. */
export interface ReplicaTestBackend {
  server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  /** This replica's on-call source (absent when started without sources). */
  onCall?: FakeOnCallProvider;
  /** This replica's SLO sources. */
  slos?: FakeSloProvider;
  stop(): Promise<void>;
}

/**
 * Starts the whole plugin as one replica of a deployment: on the given
 * database (every replica gets its own connection pool to the same one),
 * with Backstage's database-backed scheduler running the tasks on their
 * configured schedules, an in-memory catalog, permissions that allow
 * everything and, unless `sources: false`, a fake on-call and a fake SLO
 * provider of its own (so a test can tell which replica called upstream).
 */
export async function startReplicaTestBackend(options: {
  knex: Knex;
  config: JsonObject;
  entities: Entity[];
  sources?: boolean;
}): Promise<ReplicaTestBackend> {
  const onCall =
    options.sources === false ? undefined : new FakeOnCallProvider();
  const slos = options.sources === false ? undefined : new FakeSloProvider();
  const sourcesModule = createBackendModule({
    pluginId: 'reliability',
    moduleId: 'fake-sources',
    register(env) {
      env.registerInit({
        deps: {
          onCallProviders: reliabilityOnCallProvidersExtensionPoint,
          sloProviders: reliabilitySloProvidersExtensionPoint,
        },
        async init(deps) {
          if (onCall) {
            deps.onCallProviders.addProvider(onCall);
          }
          if (slos) {
            deps.sloProviders.addProvider(slos);
          }
        },
      });
    },
  });
  const backend = await startPluginTestBackend({
    features: [
      reliabilityPlugin,
      sourcesModule,
      mockServices.permissions.factory(),
      mockServices.auditor.factory(),
    ],
    catalog: catalogServiceMock({ entities: options.entities }),
    config: options.config,
    knex: options.knex,
    scheduler: 'database',
  });
  return {
    server: backend.server,
    onCall,
    slos,
    stop: () => backend.stop(),
  };
}
