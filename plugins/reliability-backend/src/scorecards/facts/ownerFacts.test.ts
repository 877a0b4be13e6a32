import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { entity } from '../../__testUtils__/readinessFixtures';
import { ownerFactsOf, readOwners } from './ownerFacts';
import type { ReadinessRunContext } from './ReadinessFactSources';

const catalog = catalogServiceMock({
  entities: [
    entity('Group', 'team-payments', {
      title: 'Payments',
      annotations: { 'pagerduty.com/team-id': 'PTPAY01' },
      relations: [
        { type: 'hasMember', targetRef: 'user:default/bob' },
        { type: 'hasMember', targetRef: 'user:default/alice' },
        { type: 'memberOf', targetRef: 'group:default/finance' },
      ],
    }),
    entity('User', 'alice', {
      spec: { profile: { email: ' alice@example.com ' } },
    }),
    entity('User', 'bob', { spec: { profile: { email: '' } } }),
    entity('User', 'carol', {
      spec: { profile: { email: 'carol@example.com' } },
    }),
  ],
});

function context(): ReadinessRunContext {
  return {
    credentials: mockCredentials.service(),
    now: new Date('2026-11-22T12:00:00.000Z'),
    alertRules: [],
    owners: new Map(),
  };
}

describe('readOwners', () => {
  it('reads group owners and their members with two catalog requests', async () => {
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    getEntitiesByRefs.mockClear();
    const run = context();
    await readOwners(
      catalog,
      [
        'Group:default/Team-Payments',
        'group:default/team-payments',
        'group:default/ghosts',
      ],
      run,
    );
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(2);
    // Kept by lower-cased ref; one the catalog does not have as null.
    expect([...run.owners.keys()].sort()).toEqual([
      'group:default/ghosts',
      'group:default/team-payments',
    ]);
    expect(run.owners.get('group:default/ghosts')).toBeNull();
    expect(run.owners.get('group:default/team-payments')).toEqual({
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
      annotations: { 'pagerduty.com/team-id': 'PTPAY01' },
      // Sorted, hasMember only; e-mails trimmed, blank ones left out.
      memberRefs: ['user:default/alice', 'user:default/bob'],
      memberEmails: ['alice@example.com'],
    });

    // Owners read by an earlier page are not read again.
    getEntitiesByRefs.mockClear();
    await readOwners(catalog, ['group:default/TEAM-PAYMENTS'], run);
    expect(getEntitiesByRefs).not.toHaveBeenCalled();
  });

  it('reads a user owner with one request: no members to look up', async () => {
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    getEntitiesByRefs.mockClear();
    const run = context();
    await readOwners(catalog, ['user:default/carol'], run);
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(1);
    expect(run.owners.get('user:default/carol')).toMatchObject({
      kind: 'user',
      memberRefs: null,
      memberEmails: [],
      presentation: {
        spec: { profile: { email: 'carol@example.com' } },
      },
    });
  });
});

describe('ownerFactsOf', () => {
  it('says whether the owner exists, from the owners read', async () => {
    const run = context();
    await readOwners(
      catalog,
      ['group:default/team-payments', 'group:default/ghosts'],
      run,
    );
    expect(ownerFactsOf(undefined, run)).toBeNull();
    expect(ownerFactsOf('group:default/Team-Payments', run)).toEqual({
      ref: 'group:default/team-payments',
      exists: true,
      kind: 'group',
      memberRefs: ['user:default/alice', 'user:default/bob'],
      memberEmails: ['alice@example.com'],
      annotations: { 'pagerduty.com/team-id': 'PTPAY01' },
    });
    expect(ownerFactsOf('group:default/ghosts', run)).toEqual({
      ref: 'group:default/ghosts',
      exists: false,
      memberRefs: null,
      memberEmails: [],
      annotations: {},
    });
  });
});
