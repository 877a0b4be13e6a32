import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  type OnCallProvider,
  reliabilityOnCallProvidersExtensionPoint,
} from '@preflight/plugin-reliability-node';
import reliabilityModulePagerDutyDefault, {
  reliabilityModulePagerDuty,
} from './index';

function pluginCollecting(providers: OnCallProvider[]) {
  return createBackendPlugin({
    pluginId: 'reliability',
    register(env) {
      env.registerExtensionPoint(reliabilityOnCallProvidersExtensionPoint, {
        addProvider: provider => providers.push(provider),
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

describe('reliabilityModulePagerDuty', () => {
  it('is the default export', () => {
    expect(reliabilityModulePagerDutyDefault).toBe(reliabilityModulePagerDuty);
  });

  it('registers a PagerDuty provider with one source per configured account', async () => {
    const providers: OnCallProvider[] = [];
    const backend = await startTestBackend({
      features: [
        pluginCollecting(providers),
        reliabilityModulePagerDuty,
        mockServices.rootConfig.factory({
          data: {
            reliability: {
              pagerduty: {
                accounts: [
                  {
                    id: 'default',
                    baseUrl: 'http://localhost:7099',
                    token: 'sim-token-preflight',
                  },
                ],
              },
            },
          },
        }),
      ],
    });

    expect(providers).toHaveLength(1);
    expect(providers[0].type).toBe('pagerduty');
    expect(providers[0].listSources()).toEqual([
      {
        id: 'pagerduty:default',
        type: 'pagerduty',
        displayName: 'PagerDuty (default)',
      },
    ]);
    await backend.stop();
  });

  it('stops the backend at startup on invalid config, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          pluginCollecting([]),
          reliabilityModulePagerDuty,
          mockServices.rootConfig.factory({
            data: {
              reliability: {
                pagerduty: {
                  accounts: [
                    {
                      id: 'default',
                      baseUrl: 'file:///etc/passwd',
                      token: 'x-token',
                    },
                  ],
                },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow('reliability.pagerduty.accounts[0].baseUrl');
  });
});
