import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The test runs the module inside the real plugin, the only way to show its
// checks end up in stored scorecards; the module itself never imports it.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { reliabilityPlugin } from '@preflight/plugin-reliability-backend';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import defaultFeature, { reliabilityModuleScorecardExample } from './index';

jest.setTimeout(60_000);

function component(name: string, spec: Record<string, unknown>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', uid: `uid-${name}` },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'team-payments',
      ...spec,
    },
  };
}

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-payments', namespace: 'default', uid: 'uid-team' },
    spec: { type: 'team', children: [] },
  },
  component('checkout-api', { dependsOn: ['resource:default/orders-db'] }),
  component('legacy-batch', {}),
];

// A rubric that puts the module's check in gold, as the demo's scorecards.yaml does.
const scorecards = {
  checks: [{ id: 'owner-set' }, { id: 'dependencies-declared' }],
  levels: [
    { id: 'bronze', title: 'Bronze', checks: ['owner-set'] },
    { id: 'gold', title: 'Gold', checks: ['dependencies-declared'] },
  ],
};

function start(
  features: Parameters<typeof startTestBackend>[0]['features'],
  rubric: unknown = scorecards,
) {
  return startTestBackend({
    features: [
      reliabilityPlugin,
      ...(features ?? []),
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: { reliability: { scorecards: rubric } } as JsonObject,
      }),
      // Runs the evaluation task (which has an initial delay) on startup.
      mockServices.scheduler.factory({
        includeInitialDelayedTasksOnStartup: true,
      }),
    ],
  });
}

describe('reliabilityModuleScorecardExample', () => {
  it('is the default export', () => {
    expect(defaultFeature).toBe(reliabilityModuleScorecardExample);
  });

  it('adds checks that the evaluation runs and stores in each scorecard', async () => {
    const backend = await start([reliabilityModuleScorecardExample]);
    try {
      const checkout = await request(backend.server).get(
        '/api/reliability/entities/component/default/checkout-api/scorecard',
      );
      expect(checkout.status).toBe(200);
      expect(checkout.body.state).toBe('ok');
      expect(checkout.body.scorecard.level).toMatchObject({ id: 'gold' });
      expect(checkout.body.scorecard.checks).toContainEqual(
        expect.objectContaining({
          checkId: 'dependencies-declared',
          levelId: 'gold',
          state: 'pass',
          facts: expect.arrayContaining([
            expect.objectContaining({
              label: 'spec.dependsOn',
              value: 'resource:default/orders-db',
              sourceId: 'catalog',
            }),
          ]),
        }),
      );

      const legacy = await request(backend.server).get(
        '/api/reliability/entities/component/default/legacy-batch/scorecard',
      );
      expect(legacy.body.scorecard.level).toMatchObject({ id: 'bronze' });
      expect(legacy.body.scorecard.nextLevel).toMatchObject({
        id: 'gold',
        blockingCheckIds: ['dependencies-declared'],
      });
      expect(legacy.body.scorecard.checks).toContainEqual(
        expect.objectContaining({
          checkId: 'dependencies-declared',
          state: 'fail',
          message:
            'No dependencies declared in spec.dependsOn (at least 1 required).',
        }),
      );
    } finally {
      await backend.stop();
    }
  });

  it('is what makes a rubric naming its checks valid', async () => {
    await expect(start([])).rejects.toThrow(/dependencies-declared/);
  });

  it('makes the demo rubric (scorecards.yaml, gold needs dependencies-declared) valid', async () => {
    // What app-config.yaml pulls in with `$include: ./scorecards.yaml`.
    const demoRubric = parse(
      fs.readFileSync(
        path.resolve(__dirname, '../../../scorecards.yaml'),
        'utf8',
      ),
    );
    const backend = await start(
      [reliabilityModuleScorecardExample],
      demoRubric,
    );
    try {
      const res = await request(backend.server).get(
        '/api/reliability/entities/component/default/checkout-api/scorecard',
      );
      expect(res.body.rubric.levels.map((l: { id: string }) => l.id)).toEqual([
        'bronze',
        'silver',
        'gold',
      ]);
      expect(res.body.scorecard.checks).toContainEqual(
        expect.objectContaining({
          checkId: 'dependencies-declared',
          levelId: 'gold',
          state: 'pass',
        }),
      );
    } finally {
      await backend.stop();
    }
  });
});
