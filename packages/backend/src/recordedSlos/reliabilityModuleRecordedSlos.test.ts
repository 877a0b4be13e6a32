import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  reliabilitySloProvidersExtensionPoint,
  type SloProvider,
} from '@preflight/plugin-reliability-node';
import { reliabilityModuleRecordedSlos } from './reliabilityModuleRecordedSlos';

/** Collects the providers the module adds, in place of the reliability backend. */
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

async function providersWith(data: object): Promise<SloProvider[]> {
  const providers: SloProvider[] = [];
  const backend = await startTestBackend({
    features: [
      pluginCollecting(providers),
      reliabilityModuleRecordedSlos,
      mockServices.rootConfig.factory({ data }),
    ],
  });
  await backend.stop();
  return providers;
}

describe('reliabilityModuleRecordedSlos', () => {
  it('adds the recorded source when reliability.demo.recordedSlos is true', async () => {
    const providers = await providersWith({
      reliability: { demo: { recordedSlos: true } },
    });
    expect(providers.map(p => p.listSources())).toEqual([
      [
        {
          id: 'recorded:demo',
          type: 'recorded',
          displayName: 'Recorded demo data (no Prometheus)',
        },
      ],
    ]);
  });

  it('does nothing without the flag, or with it off', async () => {
    expect(await providersWith({})).toEqual([]);
    expect(
      await providersWith({ reliability: { demo: { recordedSlos: false } } }),
    ).toEqual([]);
  });
});
