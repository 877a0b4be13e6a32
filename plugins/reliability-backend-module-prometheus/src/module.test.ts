import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { reliabilityModulePrometheus } from './module';
import {
  reliabilitySloProvidersExtensionPoint,
  type SloProvider,
} from '@preflight/plugin-reliability-node';

/** Stands in for the reliability backend until it provides the extension point. */
function pluginCollecting(providers: SloProvider[]) {
  return createBackendPlugin({
    pluginId: 'reliability',
    register(env) {
      env.registerExtensionPoint(reliabilitySloProvidersExtensionPoint, {
        addProvider: provider => providers.push(provider),
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

describe('reliabilityModulePrometheus', () => {
  it('registers a provider with one source per configured instance', async () => {
    const providers: SloProvider[] = [];
    const backend = await startTestBackend({
      features: [
        pluginCollecting(providers),
        reliabilityModulePrometheus,
        mockServices.rootConfig.factory({
          data: {
            reliability: {
              prometheus: {
                instances: [
                  { name: 'main', baseUrl: 'http://localhost:9090' },
                  {
                    name: 'mimir',
                    baseUrl: 'http://mimir/prometheus',
                    headers: { 'X-Scope-OrgID': 'a' },
                  },
                ],
              },
            },
          },
        }),
      ],
    });
    expect(providers.map(p => p.listSources().map(s => s.id))).toEqual([
      ['prometheus:main', 'prometheus:mimir'],
    ]);
    await backend.stop();
  });

  it('stops the backend at startup on a bad config, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          pluginCollecting([]),
          reliabilityModulePrometheus,
          mockServices.rootConfig.factory({
            data: {
              reliability: {
                prometheus: {
                  instances: [{ name: 'main', baseUrl: 'ftp://x' }],
                },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow('reliability.prometheus.instances[0].baseUrl');
  });
});
