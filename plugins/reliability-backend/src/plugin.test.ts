import {
  coreServices,
  createBackendModule,
  SchedulerServiceTaskDescriptor,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { reliabilityOnCallProvidersExtensionPoint } from '@preflight/plugin-reliability-node';
import request from 'supertest';
import defaultFeature, { reliabilityPlugin } from './index';
import { FakeOnCallProvider } from './__testUtils__/FakeOnCallProvider';
import { makeSnapshot } from './__testUtils__/snapshotFixtures';

describe('reliabilityPlugin', () => {
  it('is the default export', () => {
    expect(defaultFeature).toBe(reliabilityPlugin);
  });

  it('starts without any provider and serves an empty health list', async () => {
    const backend = await startTestBackend({
      features: [reliabilityPlugin, catalogServiceMock.factory()],
    });
    try {
      const res = await request(backend.server).get('/api/reliability/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ sources: [] });
    } finally {
      await backend.stop();
    }
  });

  it('serves the configured review templates, validated against the rubric', async () => {
    const template = {
      id: 'ga-readiness',
      title: 'GA readiness',
      stages: ['ga'],
      sections: [
        {
          id: 'oncall',
          title: 'On-call',
          reviewerGroups: ['group:default/sre'],
          items: [{ id: 'linked', check: 'pagerduty-service-linked' }],
        },
      ],
    };
    const backend = await startTestBackend({
      features: [
        reliabilityPlugin,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: { reliability: { reviews: { templates: [template] } } },
        }),
      ],
    });
    try {
      const res = await request(backend.server).get(
        '/api/reliability/review-templates',
      );
      expect(res.status).toBe(200);
      expect(res.body.templates[0].sections[0].items).toEqual([
        {
          id: 'linked',
          kind: 'check',
          title: 'PagerDuty service linked',
          description: expect.any(String),
          checkId: 'pagerduty-service-linked',
        },
      ]);
    } finally {
      await backend.stop();
    }

    const typo = structuredClone(template);
    typo.sections[0].items[0].check = 'pagerduty-linked';
    await expect(
      startTestBackend({
        features: [
          reliabilityPlugin,
          catalogServiceMock.factory(),
          mockServices.rootConfig.factory({
            data: { reliability: { reviews: { templates: [typo] } } },
          }),
        ],
      }),
    ).rejects.toThrow(
      /reliability\.reviews\.templates\[0]\.sections\[0]\.items\[0]\.check: unknown check "pagerduty-linked"/,
    );
  });

  it('schedules one global sync per source and fills the store on startup', async () => {
    const provider = new FakeOnCallProvider();
    provider.snapshot = makeSnapshot(['PCHKOUT']);
    let tasks: SchedulerServiceTaskDescriptor[] = [];

    const backend = await startTestBackend({
      features: [
        reliabilityPlugin,
        createBackendModule({
          pluginId: 'reliability',
          moduleId: 'fake-provider',
          register(env) {
            env.registerInit({
              deps: {
                providers: reliabilityOnCallProvidersExtensionPoint,
                scheduler: coreServices.scheduler,
                lifecycle: coreServices.lifecycle,
              },
              async init({ providers, scheduler, lifecycle }) {
                providers.addProvider(provider);
                lifecycle.addStartupHook(async () => {
                  tasks = await scheduler.getScheduledTasks();
                });
              },
            });
          },
        }),
        catalogServiceMock.factory(),
        // Runs the tasks (which have an initial delay) as the backend starts.
        mockServices.scheduler.factory({
          includeInitialDelayedTasksOnStartup: true,
        }),
      ],
    });
    try {
      expect([...tasks].sort((a, b) => a.id.localeCompare(b.id, 'en'))).toEqual(
        [
          expect.objectContaining({
            id: 'reliability-scorecards-evaluate',
            scope: 'global',
          }),
          expect.objectContaining({
            id: 'reliability-sync-pagerduty:default',
            scope: 'global',
          }),
        ],
      );
      expect(provider.syncSource).toHaveBeenCalledWith(
        'pagerduty:default',
        expect.objectContaining({ signal: expect.any(AbortSignal) }),
      );
      const res = await request(backend.server).get('/api/reliability/health');
      expect(res.body.sources).toEqual([
        expect.objectContaining({
          id: 'pagerduty:default',
          lastError: null,
          stale: false,
        }),
      ]);
      expect(res.body.sources[0].lastSuccessAt).not.toBeNull();
    } finally {
      await backend.stop();
    }
  });
});
