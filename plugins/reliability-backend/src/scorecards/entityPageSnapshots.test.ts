import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { testRubric } from '../__testUtils__/scorecardFixtures';
import { startScorecardTestBackend } from '../__testUtils__/startScorecardTestBackend';
import { changedEntityPageSnapshots } from './entityPageSnapshots';
import type { ResolvedOwner } from './gatherReadinessFacts';

const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout-api',
    namespace: 'default',
    etag: 'e1',
    links: [
      {
        url: 'https://runbooks.example.com/checkout',
        title: 'Runbook',
        type: 'runbook',
      },
    ],
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-payments' },
};

const payments: ResolvedOwner = {
  ref: 'group:default/team-payments',
  kind: 'group',
  presentation: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'team-payments',
      namespace: 'default',
      title: 'Payments',
    },
  },
  annotations: {},
  memberRefs: [],
  memberEmails: [],
};

describe('changedEntityPageSnapshots', () => {
  const owners = new Map([['group:default/team-payments', payments]]);

  it('snapshots an entity with its owner, and skips it while nothing changed', () => {
    const [first] = changedEntityPageSnapshots([checkout], owners, new Map());
    expect(first).toMatchObject({
      entityRef: 'component:default/checkout-api',
      entity: checkout,
      owner: payments.presentation,
    });
    const marks = new Map([[first.entityRef, first.mark]]);
    expect(changedEntityPageSnapshots([checkout], owners, marks)).toEqual([]);
    // A new etag, or an owner renamed, is a change.
    expect(
      changedEntityPageSnapshots(
        [{ ...checkout, metadata: { ...checkout.metadata, etag: 'e2' } }],
        owners,
        marks,
      ),
    ).toHaveLength(1);
    const renamed = new Map(owners);
    renamed.set('group:default/team-payments', {
      ...payments,
      presentation: {
        ...payments.presentation,
        metadata: { ...payments.presentation.metadata, title: 'Checkout' },
      },
    });
    expect(changedEntityPageSnapshots([checkout], renamed, marks)).toHaveLength(
      1,
    );
  });

  it('records a missing owner, and leaves the stored snapshot alone when owners were not read', () => {
    const missing = new Map<string, ResolvedOwner | null>([
      ['group:default/team-payments', null],
    ]);
    expect(
      changedEntityPageSnapshots([checkout], missing, new Map())[0].owner,
    ).toBeNull();
    expect(
      changedEntityPageSnapshots([checkout], new Map(), new Map()),
    ).toEqual([]);
  });
});

describe('entity summary from the snapshot', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const summary =
    '/api/reliability/entities/component/default/checkout-api/summary';

  it('answers from the stored snapshot after the access check, without the catalog', async () => {
    // The catalog is empty: an answer can only come from the snapshot.
    const backend = await startScorecardTestBackend({
      knex: await databases.init('SQLITE_3'),
      entities: [],
      rubric: testRubric,
    });
    try {
      expect((await request(backend.server).get(summary)).status).toBe(404);
      await backend.store.writeEntityPageSnapshots(
        changedEntityPageSnapshots(
          [checkout],
          new Map([['group:default/team-payments', payments]]),
          new Map(),
        ),
      );
      const res = await request(backend.server).get(summary);
      expect(res.status).toBe(200);
      expect(res.body.owner).toEqual({
        entityRef: 'group:default/team-payments',
        exists: true,
        title: 'Payments',
      });
      expect(res.body.runbooks).toEqual([
        expect.objectContaining({
          url: 'https://runbooks.example.com/checkout',
        }),
      ]);
    } finally {
      await backend.stop();
    }
  });

  it('checks access at every request, also for an answer it has cached', async () => {
    let decision: AuthorizeResult.ALLOW | AuthorizeResult.DENY =
      AuthorizeResult.ALLOW;
    const backend = await startScorecardTestBackend({
      knex: await databases.init('SQLITE_3'),
      entities: [],
      rubric: testRubric,
      decision: () => decision,
    });
    try {
      await backend.store.writeEntityPageSnapshots(
        changedEntityPageSnapshots(
          [checkout],
          new Map([['group:default/team-payments', payments]]),
          new Map(),
        ),
      );
      expect((await request(backend.server).get(summary)).status).toBe(200);
      decision = AuthorizeResult.DENY;
      expect((await request(backend.server).get(summary)).status).toBe(404);
      decision = AuthorizeResult.ALLOW;
      expect((await request(backend.server).get(summary)).status).toBe(200);
    } finally {
      await backend.stop();
    }
  });

  it('follows a rewritten or removed snapshot', async () => {
    const backend = await startScorecardTestBackend({
      knex: await databases.init('SQLITE_3'),
      entities: [],
      rubric: testRubric,
    });
    const write = (entity: Entity) =>
      backend.store.writeEntityPageSnapshots(
        changedEntityPageSnapshots(
          [entity],
          new Map([['group:default/team-payments', payments]]),
          new Map(),
        ),
      );
    try {
      await write(checkout);
      expect(
        (await request(backend.server).get(summary)).body.runbooks,
      ).toHaveLength(1);
      // The next evaluation read the entity without its runbook link.
      await write({
        ...checkout,
        metadata: { ...checkout.metadata, etag: 'e2', links: [] },
      });
      expect(
        (await request(backend.server).get(summary)).body.runbooks,
      ).toEqual([]);
      await backend.store.deleteEntityPageSnapshots([
        'component:default/checkout-api',
      ]);
      // No snapshot, nothing in the catalog: not found.
      expect((await request(backend.server).get(summary)).status).toBe(404);
    } finally {
      await backend.stop();
    }
  });

  it('answers 404 to a caller the catalog would not show the entity', async () => {
    const backend = await startScorecardTestBackend({
      knex: await databases.init('SQLITE_3'),
      entities: [],
      rubric: testRubric,
      decision: AuthorizeResult.DENY,
    });
    try {
      await backend.store.writeEntityPageSnapshots(
        changedEntityPageSnapshots(
          [checkout],
          new Map([['group:default/team-payments', payments]]),
          new Map(),
        ),
      );
      const res = await request(backend.server).get(summary);
      expect(res.status).toBe(404);
      expect(res.body.error.message).toContain(
        'component:default/checkout-api',
      );
    } finally {
      await backend.stop();
    }
  });
});
