import {
  coreServices,
  createBackendModule,
  SchedulerServiceTaskDescriptor,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { reliabilityOnCallProvidersExtensionPoint } from '@preflight/plugin-reliability-node';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import request from 'supertest';
import defaultFeature, { reliabilityPlugin } from './index';
import { FakeOnCallProvider } from './__testUtils__/FakeOnCallProvider';
import { makeSnapshot } from './__testUtils__/snapshotFixtures';
import { entity } from './__testUtils__/readinessFixtures';

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

  const as = (name: string) =>
    mockCredentials.user.header(`user:default/${name}`);

  /**
   * A catalog (checkout-api of team-payments; dana in team-payments, sam in
   * sre) and a one-section template reviewed by sre.
   */
  const reviewDemo = (extraConfig: Record<string, unknown> = {}) => [
    catalogServiceMock.factory({
      entities: [
        entity('Component', 'checkout-api', {
          spec: { type: 'service', owner: 'team-payments' },
        }),
        entity('User', 'dana', {
          relations: [
            { type: 'memberOf', targetRef: 'group:default/team-payments' },
          ],
        }),
        entity('User', 'sam', {
          relations: [{ type: 'memberOf', targetRef: 'group:default/sre' }],
        }),
        entity('Group', 'sre', {
          relations: [{ type: 'hasMember', targetRef: 'user:default/sam' }],
        }),
      ],
    }),
    mockServices.rootConfig.factory({
      data: {
        ...extraConfig,
        reliability: {
          reviews: {
            templates: [
              {
                id: 'ga-readiness',
                title: 'GA readiness',
                stages: ['ga'],
                sections: [
                  {
                    id: 'dr',
                    title: 'Disaster recovery',
                    reviewerGroups: ['group:default/sre'],
                    items: [{ id: 'drill', question: 'Drill run?' }],
                  },
                ],
              },
            ],
          },
        },
      },
    }),
  ];

  /** dana opens a GA review of checkout-api, answers it and submits it. */
  async function openAndSubmit(server: Parameters<typeof request>[0]) {
    const opened = await request(server)
      .post('/api/reliability/entities/component/default/checkout-api/reviews')
      .set('Authorization', as('dana'))
      .send({ templateId: 'ga-readiness', stage: 'ga' });
    expect(opened.status).toBe(201);
    const id: string = opened.body.review.id;
    await request(server)
      .put(`/api/reliability/reviews/${id}/items/drill/answer`)
      .set('Authorization', as('dana'))
      .send({ version: 1, value: 'yes' });
    const submitted = await request(server)
      .post(`/api/reliability/reviews/${id}/submit`)
      .set('Authorization', as('dana'))
      .send({ version: 2 });
    return { id, submitted };
  }

  it('stores review writes without the notifications backend, whose absence it only notes', async () => {
    // Spied, not replaced: the default notification service really posts to
    // the (missing) notifications backend of this test backend.
    const fetchSpy = jest.spyOn(globalThis, 'fetch');
    const backend = await startTestBackend({
      features: [reliabilityPlugin, ...reviewDemo()],
    });
    try {
      const dana = mockCredentials.user.header('user:default/dana');
      const opened = await request(backend.server)
        .post(
          '/api/reliability/entities/component/default/checkout-api/reviews',
        )
        .set('Authorization', dana)
        .send({ templateId: 'ga-readiness', stage: 'ga' });
      expect(opened.status).toBe(201);
      const id = opened.body.review.id;
      await request(backend.server)
        .put(`/api/reliability/reviews/${id}/items/drill/answer`)
        .set('Authorization', dana)
        .send({ version: 1, value: 'yes' });
      const submitted = await request(backend.server)
        .post(`/api/reliability/reviews/${id}/submit`)
        .set('Authorization', dana)
        .send({ version: 2 });
      expect(submitted.status).toBe(200);
      expect(submitted.body.review.state).toBe('in-review');

      // The submit tried to notify the sre group; the notifications route
      // does not exist here and answered 404.
      const notified = async () => {
        for (const [i, [input]] of fetchSpy.mock.calls.entries()) {
          if (String(input).endsWith('/api/notifications')) {
            return (await fetchSpy.mock.results[i].value).status;
          }
        }
        return undefined;
      };
      for (let i = 0; i < 50 && !(await notified()); i++) {
        await new Promise(resolve => setTimeout(resolve, 20));
      }
      expect(await notified()).toBe(404);
      const read = await request(backend.server)
        .get(`/api/reliability/reviews/${id}`)
        .set('Authorization', as('dana'));
      expect(read.body.review).toMatchObject({
        state: 'in-review',
        version: 3,
      });
    } finally {
      fetchSpy.mockRestore();
      await backend.stop();
    }
  });

  it('delivers review notifications through the notifications backend when it is installed', async () => {
    const backend = await startTestBackend({
      features: [
        reliabilityPlugin,
        notificationsPlugin,
        // The notifications backend needs the frontend's address.
        ...reviewDemo({ app: { baseUrl: 'http://localhost:3000' } }),
      ],
    });
    try {
      const inbox = async (name: string) => {
        // Sent in the background: give it a moment to land.
        for (let i = 0; i < 50; i++) {
          const res = await request(backend.server)
            .get('/api/notifications')
            .set('Authorization', as(name));
          if (res.body.totalCount > 0 || i === 49) {
            return res.body.notifications.map(
              (n: { payload: Record<string, string> }) => [
                n.payload.title,
                n.payload.link,
              ],
            );
          }
          await new Promise(resolve => setTimeout(resolve, 20));
        }
        return [];
      };
      const { id, submitted } = await openAndSubmit(backend.server);
      expect(submitted.status).toBe(200);
      const link = `/catalog/default/component/checkout-api/readiness-review?review=${id}`;
      // sam is in sre, the section's reviewer group.
      expect(await inbox('sam')).toEqual([
        ['Readiness review to sign: checkout-api (ga)', link],
      ]);

      const changes = await request(backend.server)
        .post(`/api/reliability/reviews/${id}/sections/dr/request-changes`)
        .set('Authorization', as('sam'))
        .send({ version: 3, comment: 'Attach the drill report' });
      expect(changes.status).toBe(200);
      expect(await inbox('dana')).toEqual([
        ['Changes requested: checkout-api (ga)', link],
      ]);

      // Submitted again: the reviewers' notification is updated (same
      // scope), not repeated.
      await request(backend.server)
        .post(`/api/reliability/reviews/${id}/submit`)
        .set('Authorization', as('dana'))
        .send({ version: 4 });
      await request(backend.server)
        .post(`/api/reliability/reviews/${id}/sections/dr/signoff`)
        .set('Authorization', as('sam'))
        .send({ version: 5 });
      const danas = await inbox('dana');
      for (let i = 0; i < 50 && danas.length < 2; i++) {
        await new Promise(resolve => setTimeout(resolve, 20));
        danas.splice(0, danas.length, ...(await inbox('dana')));
      }
      expect(danas).toEqual(
        expect.arrayContaining([
          ['Readiness review approved: checkout-api (ga)', link],
          ['Changes requested: checkout-api (ga)', link],
        ]),
      );
      // Notifications are sent in order: the resubmit's landed before the
      // approval did, and updated sam's first one.
      expect(await inbox('sam')).toEqual([
        ['Readiness review to sign: checkout-api (ga)', link],
      ]);
    } finally {
      await backend.stop();
    }
    // Two plugins start with every migration (reports added seven tables);
    // on a loaded machine that alone nears jest's default 5 s.
  }, 30_000);

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
