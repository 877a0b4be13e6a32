import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  reliabilitySloProvidersExtensionPoint,
  type SloProvider,
} from '@preflight/plugin-reliability-node';
import { reliabilityModuleSimulatedSlos } from './reliabilityModuleSimulatedSlos';

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
      reliabilityModuleSimulatedSlos,
      mockServices.rootConfig.factory({ data }),
    ],
  });
  await backend.stop();
  return providers;
}

const SIMULATED_SOURCES = [
  [
    {
      id: 'simulated:demo',
      type: 'simulated',
      displayName: 'Simulated demo data (no Prometheus)',
    },
  ],
];

describe('reliabilityModuleSimulatedSlos', () => {
  it('adds the simulated source when reliability.demo.simulatedSlos is true', async () => {
    const providers = await providersWith({
      reliability: { demo: { simulatedSlos: true } },
    });
    expect(providers.map(p => p.listSources())).toEqual(SIMULATED_SOURCES);
  });

  it('still reads the deprecated reliability.demo.recordedSlos', async () => {
    const providers = await providersWith({
      reliability: { demo: { recordedSlos: true } },
    });
    expect(providers.map(p => p.listSources())).toEqual(SIMULATED_SOURCES);
  });

  it('lets the new key win over the deprecated one', async () => {
    expect(
      await providersWith({
        reliability: { demo: { simulatedSlos: false, recordedSlos: true } },
      }),
    ).toEqual([]);
  });

  it('does nothing without the flag, or with it off', async () => {
    expect(await providersWith({})).toEqual([]);
    expect(
      await providersWith({ reliability: { demo: { simulatedSlos: false } } }),
    ).toEqual([]);
    expect(
      await providersWith({ reliability: { demo: { recordedSlos: false } } }),
    ).toEqual([]);
  });
});
