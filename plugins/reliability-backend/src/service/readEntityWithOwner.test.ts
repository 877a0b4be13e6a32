import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readEntityWithOwner } from './readEntityWithOwner';

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-payments', namespace: 'default', title: 'Payments' },
  spec: { type: 'team', children: [] },
  relations: [{ type: 'ownerOf', targetRef: 'component:default/checkout-api' }],
};

function component(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

describe('readEntityWithOwner', () => {
  const credentials = mockCredentials.user();

  it('reads the entity and its owner in one catalog request', async () => {
    const catalog = catalogServiceMock({
      entities: [team, component('checkout-api', 'team-payments')],
    });
    const getEntities = jest.spyOn(catalog, 'getEntities');
    const getEntityByRef = jest.spyOn(catalog, 'getEntityByRef');

    const { entity, owner } = await readEntityWithOwner(
      catalog,
      { kind: 'component', namespace: 'default', name: 'checkout-api' },
      credentials,
    );

    expect(entity?.metadata.name).toBe('checkout-api');
    expect(owner?.metadata.title).toBe('Payments');
    expect(getEntities).toHaveBeenCalledTimes(1);
    expect(getEntities.mock.calls[0][1]).toEqual({ credentials });
    expect(getEntityByRef).not.toHaveBeenCalled();
  });

  it('says it cannot tell when no owner came back, and finds nothing for a missing entity', async () => {
    const catalog = catalogServiceMock({
      entities: [component('ledger', 'team-ghosts')],
    });
    expect(
      await readEntityWithOwner(
        catalog,
        { kind: 'component', namespace: 'default', name: 'ledger' },
        credentials,
      ),
    ).toMatchObject({ entity: { metadata: { name: 'ledger' } } });
    expect(
      (
        await readEntityWithOwner(
          catalog,
          { kind: 'component', namespace: 'default', name: 'ledger' },
          credentials,
        )
      ).owner,
    ).toBeUndefined();
    expect(
      await readEntityWithOwner(
        catalog,
        { kind: 'component', namespace: 'default', name: 'missing' },
        credentials,
      ),
    ).toEqual({});
  });
});
