import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { EntityReliabilitySummary } from '@preflight/plugin-reliability-common';
import request from 'supertest';
import { reliabilityPlugin } from '../plugin';
import {
  createMinimalOnCallModule,
  MINIMAL_SERVICE_ANNOTATION,
  MINIMAL_SOURCE_ANNOTATION,
} from '../__testUtils__/minimalOnCallModule';
import { makeSnapshot } from '../__testUtils__/snapshotFixtures';
import { startPluginTestBackend } from '../__testUtils__/startPluginTestBackend';

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-a', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  component('known', { [MINIMAL_SERVICE_ANNOTATION]: 'SVC1' }),
  component('unknown', { [MINIMAL_SERVICE_ANNOTATION]: 'NOPE' }),
  component('elsewhere', {
    [MINIMAL_SERVICE_ANNOTATION]: 'SVC1',
    [MINIMAL_SOURCE_ANNOTATION]: 'eu',
  }),
];

const summaryOf = (name: string) =>
  `/api/reliability/entities/component/default/${name}/summary`;

describe('a second on-call provider, without PagerDuty', () => {
  async function start(withHints: boolean) {
    const minimal = createMinimalOnCallModule({
      snapshot: makeSnapshot(['SVC1']),
      withHints,
    });
    const backend = await startPluginTestBackend({
      features: [reliabilityPlugin, minimal.module],
      catalog: catalogServiceMock({ entities }),
    });
    await minimal.syncNow();
    const summary = async (name: string) => {
      const res = await request(backend.server).get(summaryOf(name));
      expect(res.status).toBe(200);
      return res.body as EntityReliabilitySummary;
    };
    return { backend, summary };
  }

  it('serves its services, and words problems with its own annotations and fix', async () => {
    const { backend, summary } = await start(true);
    try {
      const known = await summary('known');
      expect(known.onCall).toMatchObject({
        state: 'ok',
        sourceId: 'rota:main',
        serviceId: 'SVC1',
      });
      expect(known.problems).toEqual([]);

      const unknown = await summary('unknown');
      expect(unknown.onCall.state).toBe('unknown-service');
      expect(unknown.onCall.problem).toEqual({
        entityRef: 'component:default/unknown',
        field: 'metadata.annotations["rota.example.com/service"]',
        message: 'Rota (source "rota:main") has no service "NOPE"',
        fix: 'Copy the service key from the Rota console (Settings → Services).',
      });

      const elsewhere = await summary('elsewhere');
      expect(elsewhere.onCall.state).toBe('malformed');
      expect(elsewhere.onCall.problem).toEqual({
        entityRef: 'component:default/elsewhere',
        field: 'metadata.annotations["rota.example.com/source"]',
        message: 'the on-call source "rota:eu" is not configured',
        fix: 'Use one of the configured sources (rota:main), or add the account to the configuration.',
      });
    } finally {
      await backend.stop();
    }
  });

  it('points at the annotations in general when the provider names none', async () => {
    const { backend, summary } = await start(false);
    try {
      const unknown = await summary('unknown');
      expect(unknown.onCall.problem).toMatchObject({
        field: 'metadata.annotations',
        fix: 'Check the service id, and that the service exists in this source.',
      });
      const elsewhere = await summary('elsewhere');
      expect(elsewhere.onCall.problem).toMatchObject({
        field: 'metadata.annotations',
      });
    } finally {
      await backend.stop();
    }
  });
});
