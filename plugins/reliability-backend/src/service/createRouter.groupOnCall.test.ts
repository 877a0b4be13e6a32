import { mockCredentials } from '@backstage/backend-test-utils';
import type {
  GroupOnCallEntity,
  GroupOnCallResponse,
} from '@preflight/plugin-reliability-common';
import request from 'supertest';
import { makeSnapshot } from '../__testUtils__/snapshotFixtures';
import {
  ReliabilityTestBackend,
  startReliabilityTestBackend,
} from '../__testUtils__/startReliabilityTestBackend';

const base = '/api/reliability';
const onCallOf = (name: string, namespace = 'default') =>
  `${base}/groups/${namespace}/${name}/on-call`;

function byName(body: GroupOnCallResponse): Record<string, GroupOnCallEntity> {
  return Object.fromEntries(
    body.entities.map(entity => [entity.entityRef.split('/')[1], entity]),
  );
}

describe('GET /groups/:namespace/:name/on-call', () => {
  let backend: ReliabilityTestBackend;

  beforeEach(async () => {
    backend = await startReliabilityTestBackend();
    backend.provider.snapshot = makeSnapshot(['PCHKOUT', 'PLEDGER', 'PPAYGW1']);
  });

  afterEach(async () => {
    await backend.stop();
  });

  it('rejects a request without credentials', async () => {
    const res = await request(backend.server)
      .get(onCallOf('team-payments'))
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
    expect(backend.catalog.getEntities).not.toHaveBeenCalled();
  });

  it('answers 404 for a group that is not in the catalog', async () => {
    const missing = await request(backend.server).get(onCallOf('team-ghosts'));
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('group:default/team-ghosts');

    // A component of that name is not a group.
    const component = await request(backend.server).get(
      onCallOf('checkout-api'),
    );
    expect(component.status).toBe(404);
    expect(backend.catalog.getEntities).not.toHaveBeenCalled();
  });

  it.each([
    ['name', onCallOf('x'.repeat(64))],
    ['name', onCallOf('team-payments-')],
    ['namespace', onCallOf('team-payments', 'de.fault')],
  ])('rejects a bad %s with 400 naming the field', async (field, path) => {
    const res = await request(backend.server).get(path);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain('Invalid group reference');
    expect(res.body.error.message).toContain(`${field}:`);
    expect(backend.catalog.getEntityByRef).not.toHaveBeenCalled();
  });

  it('lists what the group and its sub-groups own, and nothing else', async () => {
    await backend.syncNow();
    const res = await request(backend.server).get(onCallOf('team-payments'));
    expect(res.status).toBe(200);
    const body: GroupOnCallResponse = res.body;

    expect(body.groupRef).toBe('group:default/team-payments');
    // team-fraud is a parentOf relation; team-risk only in team-fraud's spec.children.
    expect(body.groupRefs).toEqual([
      'group:default/team-payments',
      'group:default/team-fraud',
      'group:default/team-risk',
    ]);
    expect(
      body.entities.map(entity => [entity.entityRef, entity.ownerRef]),
    ).toEqual([
      ['component:default/build-runner', 'group:default/team-payments'],
      ['component:default/checkout-api', 'group:default/team-payments'],
      ['component:default/fraud-detector', 'group:default/team-fraud'],
      ['component:default/ledger-service', 'group:default/team-payments'],
      ['component:default/metrics-pipeline', 'group:default/team-payments'],
      ['component:default/payments-gateway', 'group:default/team-payments'],
      ['component:default/risk-scorer', 'group:default/team-risk'],
    ]);
    expect(body.truncated).toBe(false);

    // A sub-group's page lists only its own part of the tree.
    const risk = await request(backend.server).get(onCallOf('team-risk'));
    expect(
      (risk.body as GroupOnCallResponse).entities.map(e => e.entityRef),
    ).toEqual(['component:default/risk-scorer']);
  });

  it('reads all owned entities with one catalog query, with the caller credentials', async () => {
    await backend.syncNow();
    // The sync triggers the scorecard evaluation, which reads the catalog
    // with the plugin's own credentials; count only what the page view reads.
    jest.clearAllMocks();
    const alice = mockCredentials.user('user:default/alice');
    const res = await request(backend.server)
      .get(onCallOf('team-payments'))
      .set('Authorization', mockCredentials.user.header('user:default/alice'));
    expect(res.status).toBe(200);
    expect(res.body.entities).toHaveLength(7);

    expect(backend.catalog.getEntities).toHaveBeenCalledTimes(1);
    expect(backend.catalog.getEntities).toHaveBeenCalledWith(
      expect.objectContaining({
        filter: {
          'relations.ownedBy': [
            'group:default/team-payments',
            'group:default/team-fraud',
            'group:default/team-risk',
          ],
        },
      }),
      { credentials: alice },
    );
    // The group itself, then one request per level of sub-groups; never one
    // request per owned entity.
    expect(backend.catalog.getEntityByRef).toHaveBeenCalledTimes(1);
    expect(backend.catalog.getEntityByRef).toHaveBeenCalledWith(
      'group:default/team-payments',
      { credentials: alice },
    );
    expect(backend.catalog.getEntitiesByRefs.mock.calls).toEqual([
      [
        expect.objectContaining({ entityRefs: ['group:default/team-fraud'] }),
        { credentials: alice },
      ],
      [
        expect.objectContaining({ entityRefs: ['group:default/team-risk'] }),
        { credentials: alice },
      ],
    ]);
    expect(backend.catalog.queryEntities).not.toHaveBeenCalled();
  });

  it('shows on-call, handoff, incidents and freshness next to not configured, unknown and malformed entities', async () => {
    await backend.syncNow();
    const res = await request(backend.server).get(onCallOf('team-payments'));
    const body: GroupOnCallResponse = res.body;
    const entities = byName(body);

    const checkout = entities['checkout-api'];
    expect(checkout.state).toBe('ok');
    expect(checkout.serviceId).toBe('PCHKOUT');
    expect(checkout.escalationPolicy).toEqual({
      id: 'PEPAY01',
      name: 'Payments escalation',
      htmlUrl: 'https://acme.pagerduty.com/escalation_policies/PEPAY01',
    });
    expect(checkout.onCallNow).toEqual([
      expect.objectContaining({
        person: expect.objectContaining({
          name: 'Alice',
          email: 'alice@example.com',
          contactMethods: expect.arrayContaining([
            { type: 'phone', address: '+1 555 0100' },
          ]),
        }),
      }),
    ]);
    expect(checkout.onCallNow[0].end).toBe(checkout.nextHandoff?.at);
    expect(checkout.nextHandoff?.onCall.map(a => a.person.name)).toEqual([
      'Bob',
    ]);
    // Level 2 is held permanently: no level is uncovered.
    expect(checkout.uncoveredLevels).toEqual([]);
    expect(checkout.openHighUrgencyIncidents).toBe(1);
    expect(checkout.freshness).toEqual({
      asOf: body.sources[0].lastSuccessAt,
      stale: false,
    });

    expect(entities['risk-scorer']).toEqual(
      expect.objectContaining({
        title: 'Risk scorer',
        state: 'ok',
        serviceId: 'PPAYGW1',
      }),
    );

    expect(entities['fraud-detector']).toEqual({
      entityRef: 'component:default/fraud-detector',
      ownerRef: 'group:default/team-fraud',
      state: 'not-configured',
      onCallNow: [],
      nextHandoff: null,
      uncoveredLevels: [],
      openHighUrgencyIncidents: null,
      freshness: null,
    });

    const unknown = entities['build-runner'];
    expect(unknown.state).toBe('unknown-service');
    expect(unknown.problem?.message).toContain('PNOSUCH');
    expect(unknown.onCallNow).toEqual([]);
    expect(unknown.freshness).toEqual(
      expect.objectContaining({ stale: false }),
    );

    const malformed = entities['metrics-pipeline'];
    expect(malformed.state).toBe('malformed');
    expect(malformed.problem).toEqual(
      expect.objectContaining({
        entityRef: 'component:default/metrics-pipeline',
        field: 'metadata.annotations["pagerduty.com/service-id"]',
      }),
    );
    expect(malformed.freshness).toBeNull();

    expect(body.sources).toEqual([
      expect.objectContaining({ id: 'pagerduty:default', stale: false }),
    ]);
  });

  it('says the data awaits the first sync before the source has synced', async () => {
    const res = await request(backend.server).get(onCallOf('team-payments'));
    const entities = byName(res.body);
    expect(entities['checkout-api']).toEqual(
      expect.objectContaining({
        state: 'awaiting-sync',
        onCallNow: [],
        freshness: { asOf: null, stale: false },
      }),
    );
    expect(entities['metrics-pipeline'].state).toBe('malformed');
  });

  it('keeps the last-known on-call, marked stale, after a failed sync', async () => {
    await backend.syncNow();
    backend.provider.failWith = new Error('PagerDuty answered 503');
    await backend.syncNow();

    const res = await request(backend.server).get(onCallOf('team-payments'));
    const body: GroupOnCallResponse = res.body;
    const checkout = byName(body)['checkout-api'];
    expect(checkout.onCallNow.map(a => a.person.name)).toEqual(['Alice']);
    expect(checkout.freshness?.stale).toBe(true);
    expect(body.sources).toEqual([
      expect.objectContaining({
        stale: true,
        lastError: 'PagerDuty answered 503',
      }),
    ]);
  });

  it('makes no upstream call and lets services read it', async () => {
    await backend.syncNow();
    jest.clearAllMocks();
    const res = await request(backend.server)
      .get(onCallOf('team-payments'))
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    expect(backend.provider.locateService).toHaveBeenCalled();
    expect(backend.provider.syncSource).not.toHaveBeenCalled();
    expect(backend.provider.syncService).not.toHaveBeenCalled();
    expect(backend.provider.listSources).not.toHaveBeenCalled();
  });

  it('answers an empty list for a group that owns nothing', async () => {
    await backend.stop();
    backend = await startReliabilityTestBackend({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'team-new', namespace: 'default' },
          spec: { type: 'team', children: [] },
        },
      ],
    });
    const res = await request(backend.server).get(onCallOf('team-new'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      groupRef: 'group:default/team-new',
      groupRefs: ['group:default/team-new'],
      entities: [],
      sources: [],
      truncated: false,
      generatedAt: expect.any(String),
    });
  });
});
