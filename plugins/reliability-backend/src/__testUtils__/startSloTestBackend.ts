import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import { reliabilitySloProvidersExtensionPoint } from '@preflight/plugin-reliability-node';
import { reliabilityPlugin } from '../plugin';
import { FakeSloProvider } from './FakeSloProvider';
import { startPluginTestBackend } from './startPluginTestBackend';

/** A running test backend with the reliability plugin and a fake SLO provider. */
export interface SloTestBackend {
  server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  provider: FakeSloProvider;
  /** Runs the scheduled SLO sync of one fake source now, and waits for it. */
  syncNow(sourceId?: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the plugin the way a portal would, with a test module adding a
 * {@link FakeSloProvider} through the SLO extension point. Scheduled syncs
 * only run when the test calls `syncNow`.
 */
export async function startSloTestBackend(options: {
  entities: Entity[];
  config?: JsonObject;
}): Promise<SloTestBackend> {
  const provider = new FakeSloProvider();
  let scheduler: SchedulerService | undefined;
  const catalog = catalogServiceMock({ entities: options.entities });

  const fakeProviderModule = createBackendModule({
    pluginId: 'reliability',
    moduleId: 'fake-slo-provider',
    register(env) {
      env.registerInit({
        deps: {
          providers: reliabilitySloProvidersExtensionPoint,
          scheduler: coreServices.scheduler,
        },
        async init(deps) {
          deps.providers.addProvider(provider);
          scheduler = deps.scheduler;
        },
      });
    },
  });

  const backend = await startPluginTestBackend({
    features: [reliabilityPlugin, fakeProviderModule],
    catalog,
    config: options.config,
  });

  return {
    server: backend.server,
    provider,
    async syncNow(sourceId = 'metrics:east') {
      if (!scheduler) {
        throw new Error('the fake SLO provider module did not start');
      }
      await scheduler.triggerTask(`reliability-slo-sync-${sourceId}`);
    },
    stop: () => backend.stop(),
  };
}
